/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * An SVG ready to inline into an HTML page next to other SVGs: ids (clip paths,
 * gradients) and the references to them get a per-chart prefix, since ids are global
 * in a page and Vega numbers them from 1 in every chart. The root gets a class, an
 * accessible label, and a width of `scale` times its own (the same for every chart, so
 * their text is the same size), capped by the stylesheet at the column width.
 */
export function inlineSvg(svg: string, prefix: string, label: string, scale = 1.2): string {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  const width = Number(/<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1] ?? NaN);
  const style = Number.isFinite(width) ? ` style="width: ${Math.round(width * scale)}px"` : '';
  return svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/\bid="([^"]+)"/g, `id="${p}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${p}-$1)`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, `$1="#${p}-$2"`)
    .replace(/<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}" data-chart="${escapeHtml(prefix)}"${style}`)
    .replace(/\bclass="marks"/, 'class="marks chart-svg"');
}
