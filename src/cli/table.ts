import { terminalSafe } from '../core/errors.js';
import type { Lang } from '../i18n/lang.js';
import { numberFormat } from '../i18n/numberFormat.js';
/** Formats rows as a plain aligned text table (no colours, no escape codes, even in a cell). */
export function textTable(header: readonly string[], cellRows: readonly (readonly string[])[]): string {
  const rows = cellRows.map((r) => r.map((cell) => terminalSafe(cell ?? '')));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Formats a number for people in the shared number format (src/i18n): rupiah short, shares in percent. */
export function formatValue(value: number, unit: string, lang: Lang = 'en'): string {
  return numberFormat(lang).value(value, unit);
}

/** Text cut into lines of at most `width` columns at spaces (a longer word stays whole). */
export function wrapText(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
