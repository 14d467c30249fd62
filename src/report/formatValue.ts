/**
 * An indicator value for a table, by its unit: rupiah as "Rp 1,399,050", shares and
 * indices to three decimals, counts as whole numbers, stages to one decimal. Missing
 * values (non-finite) as "–".
 */
export function formatValue(x: number | undefined, unit: string): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (unit.startsWith('rupiah')) return `Rp ${Math.round(x).toLocaleString('en-US')}`;
  if (unit === 'count') return Math.round(x).toLocaleString('en-US');
  if (unit === 'stage') return x.toFixed(1);
  return x.toFixed(3);
}
