const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of `values` in at most `width` characters (▁ lowest .. █ highest).
 * Longer series are resampled: each character shows the mean of its slice of months, so
 * the whole run always fits. Non-finite values are skipped; a flat series is a flat line.
 *
 * @example sparkline([0, 1, 2, 3], 4) // '▁▃▆█'
 */
export function sparkline(values: readonly number[], width: number): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || width <= 0) return '';
  const points = finite.length <= width ? finite : resample(finite, width);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of points) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  return points.map((v) => BARS[span > 0 ? Math.round(((v - lo) / span) * (BARS.length - 1)) : 0]).join('');
}

function resample(values: readonly number[], width: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const from = Math.floor((i * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((i + 1) * values.length) / width));
    let sum = 0;
    for (let j = from; j < to; j++) sum += values[j];
    out.push(sum / (to - from));
  }
  return out;
}
