/** Text formats the dashboard and the plain progress lines share (numbers: src/i18n). No escape codes. */
import { locale, type Locale } from '../i18n/locale.js';

/** Month `m` as "year Y, month M" in the locale's language (month 0 is the start; months 1..12 are year 1). */
export function yearMonth(m: number, L: Locale = locale('en')): string {
  if (m <= 0) return L.t('time.start');
  return L.t('time.yearMonth', { y: Math.floor((m - 1) / 12) + 1, m: ((m - 1) % 12) + 1 });
}

/** Milliseconds as "850 ms", "12.3 s" ("12,3 s" in Bahasa Indonesia), "4 min 05 s", "2 h 03 min". */
export function formatDuration(ms: number, L: Locale = locale('en')): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${L.fmt.fixed(s, 1)} s`;
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
