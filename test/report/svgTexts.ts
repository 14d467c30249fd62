/** Visible text of an SVG: the contents of its <text> elements and their lines (<tspan>), entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]+)<\/(?:text|tspan)>/g)].map((m) =>
    m[1]
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}
