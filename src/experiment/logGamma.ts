/*
 * Lanczos approximation (g = 7, 9 coefficients, as in Numerical Recipes 3rd ed. and
 * Boost), accurate to about 15 significant digits for x > 0. The reflection formula
 * covers x < 0.5.
 */
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * @example logGamma(10) // => 12.801827480081469 (ln 9! = ln 362880)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Γ(x) Γ(1 - x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = COEFFICIENTS[0];
  for (let k = 1; k < COEFFICIENTS.length; k++) sum += COEFFICIENTS[k] / (z + k);
  const t = z + G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
