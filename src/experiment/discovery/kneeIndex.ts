/**
 * The knee of a PRIM trajectory: the box farthest from the straight line joining the
 * first box (coverage 1) and the last (highest density) in the coverage-density plane,
 * where trading coverage for density stops paying. Coverage and density are each
 * rescaled to 0..1 over the trajectory first, so neither unit dominates.
 * Returns the index of that box; with fewer than three boxes, the last.
 *
 * @example kneeIndex([{ coverage: 1, density: 0.2 }, { coverage: 0.9, density: 0.8 }, { coverage: 0.3, density: 0.9 }]) // => 1
 */
export function kneeIndex(trajectory: readonly { readonly coverage: number; readonly density: number }[]): number {
  const n = trajectory.length;
  if (n <= 2) return n - 1;
  const cs = trajectory.map((b) => b.coverage);
  const ds = trajectory.map((b) => b.density);
  const scale = (v: number, lo: number, hi: number) => (hi > lo ? (v - lo) / (hi - lo) : 0);
  const [cLo, cHi, dLo, dHi] = [Math.min(...cs), Math.max(...cs), Math.min(...ds), Math.max(...ds)];
  const pts = trajectory.map((b) => [scale(b.coverage, cLo, cHi), scale(b.density, dLo, dHi)]);
  const [x0, y0] = pts[0];
  const [x1, y1] = pts[n - 1];
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (length === 0) return n - 1;
  let best = n - 1;
  let bestDistance = -1;
  pts.forEach(([x, y], i) => {
    const d = ((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length;
    const distance = Math.abs(d);
    if (distance > bestDistance + 1e-12) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}
