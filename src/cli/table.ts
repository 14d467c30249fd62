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

/**
 * A table that fits `width` columns: as {@link textTable} when it fits, else split into
 * tables of the first column and as many of the others as fit, one under the other (a
 * column wider than `width` alone still gets a table of its own).
 */
export function fittedTable(header: readonly string[], cellRows: readonly (readonly string[])[], width = 80): string {
  const whole = textTable(header, cellRows);
  if (whole.split('\n').every((line) => line.length <= width)) return whole;
  const widthOf = (c: number) => Math.max(header[c].length, ...cellRows.map((r) => (r[c] ?? '').length));
  const groups: number[][] = [];
  let group: number[] = [];
  let used = widthOf(0);
  for (let c = 1; c < header.length; c++) {
    const w = widthOf(c) + 2;
    if (group.length > 0 && used + w > width) {
      groups.push(group);
      group = [];
      used = widthOf(0);
    }
    group.push(c);
    used += w;
  }
  if (group.length > 0) groups.push(group);
  const pick = (row: readonly string[], cols: readonly number[]) => [row[0], ...cols.map((c) => row[c] ?? '')];
  return groups
    .map((cols) =>
      textTable(
        pick(header, cols),
        cellRows.map((r) => pick(r, cols)),
      ),
    )
    .join('\n\n');
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
