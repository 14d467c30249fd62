/**
 * A whole number >= 0 (a safe integer) with `separator` between groups of three digits,
 * as Intl.NumberFormat writes it for en-US (',') and id-ID ('.'). Without Intl: the first
 * Intl format or `toLocaleString` of a process loads ICU's data, about 15-30 ms of CPU,
 * which a command that prints a few counts, or a run's first event message, would pay.
 *
 * @example groupedInteger(1234567, ',') // '1,234,567'
 */
export function groupedInteger(a: number, separator: string): string {
  return String(a).replace(/\B(?=(\d{3})+$)/g, separator);
}

/**
 * `n.toLocaleString('en')` for a whole number (the model's event messages), the same text
 * (a negative sign, -0 as "-0"), without ICU for safe integers.
 *
 * @example englishInteger(-1234) // '-1,234'
 */
export function englishInteger(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const text = groupedInteger(Math.abs(n), ',');
  return n < 0 || Object.is(n, -0) ? `-${text}` : text;
}
