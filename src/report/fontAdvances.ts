import { readFileSync } from 'node:fs';

/** Horizontal advance widths of a TrueType font, enough to measure a line of text. */
export interface FontAdvances {
  /** Width of `text` at `fontSize` pixels (no kerning), pixels. */
  width(text: string, fontSize: number): number;
}

/**
 * Reads a TrueType file's advance widths (tables `head`, `hhea`, `hmtx` and a Unicode
 * `cmap` subtable of format 4). Vega lays out titles, legends and axis titles from text
 * widths; measuring them with the font the PNG is drawn with keeps layouts tight.
 */
export function readFontAdvances(file: string): FontAdvances {
  const buf = readFileSync(file);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), view.getUint32(rec + 8));
  }
  const table = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`${file}: no '${tag}' table`);
    return off;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const off = cmap + view.getUint32(rec + 4);
    if (view.getUint16(off) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) {
      sub = off;
      break;
    }
  }
  if (sub < 0) throw new Error(`${file}: no Unicode cmap subtable of format 4`);
  const segX2 = view.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (code: number): number => {
    for (let s = 0; s < segX2; s += 2) {
      if (code > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + s);
      const ro = view.getUint16(rangeOffsets + s);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = view.getUint16(rangeOffsets + s + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  const unitsOf = (code: number): number => {
    let w = cache.get(code);
    if (w === undefined) {
      w = code > 0xffff ? advance(0) : advance(glyphOf(code));
      cache.set(code, w);
    }
    return w;
  };
  return {
    width(text: string, fontSize: number): number {
      let units = 0;
      for (const ch of text) units += unitsOf(ch.codePointAt(0)!);
      return (units * fontSize) / unitsPerEm;
    },
  };
}
