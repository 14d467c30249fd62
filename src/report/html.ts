/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * An SVG ready to inline into an HTML page next to other SVGs: ids (clip paths,
 * gradients) and the references to them get a per-chart prefix, since ids are global
 * in a page and Vega numbers them from 1 in every chart. The root gets a class, an
 * accessible label, and a style that scales it down to the column width.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/\bid="([^"]+)"/g, `id="${p}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${p}-$1)`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, `$1="#${p}-$2"`)
    .replace(/<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}" data-chart="${escapeHtml(prefix)}"`)
    .replace(/\bclass="marks"/, 'class="marks chart-svg"');
}
