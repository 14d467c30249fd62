import { regularizedIncompleteBeta } from '../incompleteBeta.js';

/**
 * P(X >= k) for X ~ Binomial(n, p): the one-sided binomial test's p-value
 * (alternative "greater"). Uses P(X >= k) = I_p(k, n - k + 1) (Abramowitz & Stegun 26.5.24).
 *
 * @example binomialUpperTail(2, 3, 0.5) // => 0.5 (= (3 + 1) / 8, by hand)
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return regularizedIncompleteBeta(p, k, n - k + 1);
}
