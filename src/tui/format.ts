/** Number formats the dashboard and the plain progress lines share. No escape codes. */

/** A value in its registry unit, short: shares as percent, rupiah with k/M/bn, counts whole. */
export function formatCompact(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'index':
      return value.toFixed(3);
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'stage':
      return value.toFixed(1);
    default:
      return `Rp${shortNumber(value)}`;
  }
}

/** The change of a value in its unit, signed: shares in percentage points. */
export function formatChange(delta: number, unit: string): string {
  if (!Number.isFinite(delta)) return '-';
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  const a = Math.abs(delta);
  switch (unit) {
    case 'share':
      return `${sign}${(a * 100).toFixed(1)} pp`;
    case 'index':
      return `${sign}${a.toFixed(3)}`;
    case 'count':
      return `${sign}${Math.round(a).toLocaleString('en-US')}`;
    case 'stage':
      return `${sign}${a.toFixed(1)}`;
    default:
      return `${sign}Rp${shortNumber(a)}`;
  }
}

/** 1234 -> '1,234'; 1_874_822 -> '1.87M'; 104_818_304_502 -> '104.8bn'. */
export function shortNumber(value: number): string {
  const a = Math.abs(value);
  const s = value < 0 ? '-' : '';
  if (a >= 1e12) return `${s}${(a / 1e12).toFixed(a >= 1e14 ? 0 : 1)}tn`;
  if (a >= 1e9) return `${s}${(a / 1e9).toFixed(a >= 1e11 ? 0 : 1)}bn`;
  if (a >= 1e6) return `${s}${(a / 1e6).toFixed(2)}M`;
  return `${s}${Math.round(a).toLocaleString('en-US')}`;
}

/** Month `m` as "year Y month M" (month 0 is the start; months 1..12 are year 1). */
export function yearMonth(m: number): string {
  if (m <= 0) return 'start';
  return `year ${Math.floor((m - 1) / 12) + 1}, month ${((m - 1) % 12) + 1}`;
}

/** Milliseconds as "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const total = Math.round(s);
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}

/** A text bar of `width` cells filled to `fraction` (0..1). */
export function bar(fraction: number, width: number): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(Math.max(0, width - full));
}
