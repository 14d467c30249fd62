import { stringify } from 'csv-stringify/sync';

/*
 * Every CSV file kopsim writes goes through csvText, so that no cell can run as a formula
 * in a spreadsheet (OWASP, "CSV Injection"): a text cell that starts with = + - @, a tab
 * or a carriage return gets a leading apostrophe. Numbers (written as text, such as
 * "-0.25" or "1e-7") are left alone: a spreadsheet reads them as numbers, not formulas.
 */

/** Cells that get the apostrophe: formula starts, and text that already starts with apostrophes before one (so that reading back is exact). */
const NEUTRALISED = /^'*[=+\-@\t\r]/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A cell's text made safe to open in a spreadsheet. */
export function neutraliseCell(value: string): string {
  return NEUTRALISED.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** Rows as CSV text (RFC 4180 quoting by csv-stringify), every text cell neutralised. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], { cast: { string: neutraliseCell } });
}

/** A cell as it was before {@link neutraliseCell} (reading kopsim's own CSV files back). */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && NEUTRALISED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
