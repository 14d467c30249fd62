import { Matrix, solve } from 'ml-matrix';
import type { Particle } from './abcSmc.js';
import { fromWorking, toWorking, workingSupport, type Prior } from './prior.js';

/**
 * Rejection ABC's local-linear regression adjustment (Beaumont, Zhang & Balding 2002,
 * Genetics 162): the accepted parameters are regressed on their statistics' deviations
 * from the observed ones, with Epanechnikov weights 1 - (d / eps)^2, and each is moved
 * along the fitted line to where its deviation would be 0:
 * theta* = theta - beta' (s - s_obs).
 *
 * Each parameter is regressed on an unbounded scale (the logit of its place in a bounded
 * support, so the adjusted value stays inside the prior's support). The particles' new
 * weights are the Epanechnikov weights, normalised. The linear algebra is ml-matrix's.
 *
 * @param deviations deviations[particle][target], in target units (targetDeviation)
 */
export function regressionAdjust(
  priors: readonly Prior[],
  particles: readonly Particle[],
  deviations: readonly (readonly number[])[],
  epsilon: number,
): Particle[] {
  const n = particles.length;
  const kernel = particles.map((p) => (epsilon > 0 ? Math.max(0, 1 - (p.distance / epsilon) ** 2) : 1));
  // A particle exactly at eps gets weight 0; keep the sample usable when all sit at eps.
  const total = kernel.reduce((s, w) => s + w, 0);
  const w = total > 0 ? kernel.map((k) => k / total) : kernel.map(() => 1 / n);
  const targets = deviations[0]?.length ?? 0;
  // Design matrix [1, deviations], rows scaled by sqrt(w): weighted least squares.
  const x = new Matrix(n, targets + 1);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(w[i]);
    x.set(i, 0, r);
    for (let k = 0; k < targets; k++) x.set(i, k + 1, r * deviations[i][k]);
  }
  const adjusted = particles.map((p) => [...p.theta]);
  priors.forEach((prior, c) => {
    const u = particles.map((p) => toUnbounded(prior, p.theta[c]));
    const y = Matrix.columnVector(u.map((v, i) => v * Math.sqrt(w[i])));
    // solve() gives the least-squares solution (QR / SVD) when the system is over-determined.
    const beta = solve(x, y, true).getColumn(0);
    for (let i = 0; i < n; i++) {
      let shift = 0;
      for (let k = 0; k < targets; k++) shift += beta[k + 1] * deviations[i][k];
      adjusted[i][c] = fromUnbounded(prior, u[i] - (Number.isFinite(shift) ? shift : 0));
    }
  });
  return particles.map((p, i) => ({ ...p, theta: adjusted[i], weight: w[i], rawWeight: w[i] }));
}

/** The working value mapped onto the real line: logit of its place in a bounded support, shifted otherwise. */
function toUnbounded(prior: Prior, x: number): number {
  const z = toWorking(prior, x);
  const { lo, hi } = workingSupport(prior);
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    const u = Math.min(1 - 1e-12, Math.max(1e-12, (z - lo) / (hi - lo)));
    return Math.log(u / (1 - u));
  }
  if (Number.isFinite(lo)) return Math.log(Math.max(1e-300, z - lo));
  if (Number.isFinite(hi)) return -Math.log(Math.max(1e-300, hi - z));
  return z;
}

function fromUnbounded(prior: Prior, v: number): number {
  const { lo, hi } = workingSupport(prior);
  let z: number;
  if (Number.isFinite(lo) && Number.isFinite(hi)) z = lo + (hi - lo) / (1 + Math.exp(-v));
  else if (Number.isFinite(lo)) z = lo + Math.exp(v);
  else if (Number.isFinite(hi)) z = hi - Math.exp(-v);
  else z = v;
  return fromWorking(prior, z);
}
