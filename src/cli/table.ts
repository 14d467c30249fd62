import { terminalSafe } from '../core/errors.js';

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

/** Formats a number for people: rupiah with thousands separators, shares with 3 decimals. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-';
  if (unit === 'share' || unit === 'index') return value.toFixed(3);
  if (unit === 'stage') return value.toFixed(1);
  if (unit === 'count') return Math.round(value).toLocaleString('en-US');
  return `Rp${Math.round(value).toLocaleString('en-US')}`;
}
