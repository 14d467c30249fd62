import { boxStats, inBox, wholeBox, type BoxStats, type PrimBox, type PrimData } from './primBox.js';

/** PRIM's settings (Friedman & Fisher 1999; Bryant & Lempert 2010). */
export interface PrimSettings {
  /** Share of the box's rows each peel removes (and each paste adds), 0..0.5; 0.05 is usual. */
  readonly alpha: number;
  /** Smallest box mass (share of all rows) peeling may reach, 0..1. */
  readonly minMass: number;
  /** Whether to paste after peeling (extend limits again while density rises). */
  readonly pasting: boolean;
}

export const DEFAULT_PRIM: PrimSettings = { alpha: 0.05, minMass: 0.05, pasting: true };

/** One box of the peeling (and pasting) trajectory, with its statistics. */
export interface TrajectoryBox extends BoxStats {
  /** Position in the trajectory, 0 = all the data. */
  readonly step: number;
  /** How the box was reached from the previous one. */
  readonly move: 'start' | 'peel' | 'paste';
  readonly box: PrimBox;
}

/**
 * The PRIM trajectory over the data: starting from the box holding every row, each peel
 * removes the `alpha` share of the box's rows at the low or high end of one dimension,
 * whichever removal leaves the highest density of cases of interest (ties: the larger
 * box, then the lower dimension, low end first). Peeling stops when no peel raises the
 * density or the next box would hold less than `minMass` of the rows. With pasting, the
 * last box is then extended, one `alpha` share of its rows at a time, on the side and
 * dimension that raises the density most, while the density rises.
 *
 * Deterministic: the same data give the same trajectory.
 */
export function primTrajectory(data: PrimData, settings: PrimSettings = DEFAULT_PRIM): TrajectoryBox[] {
  const n = data.y.length;
  const dims = data.x.length;
  const start = wholeBox(data);
  const trajectory: TrajectoryBox[] = [{ step: 0, move: 'start', box: start, ...boxStats(data, start) }];
  if (n === 0) return trajectory;
  let box = start;
  let stats = trajectory[0];
  for (;;) {
    const rows = rowsIn(data, box);
    const k = Math.max(1, Math.floor(settings.alpha * rows.length));
    let best: { box: PrimBox; stats: BoxStats } | null = null;
    for (let j = 0; j < dims; j++) {
      const values = rows.map((i) => data.x[j][i]).sort((a, b) => a - b);
      if (values.length <= k) continue;
      for (const side of ['low', 'high'] as const) {
        const cut = side === 'low' ? values[k] : values[values.length - 1 - k];
        // Ties at the cut stay in; a peel that removes nothing is no peel.
        if (side === 'low' ? cut <= values[0] : cut >= values[values.length - 1]) continue;
        const lower = [...box.lower];
        const upper = [...box.upper];
        if (side === 'low') lower[j] = cut;
        else upper[j] = cut;
        const candidate = { lower, upper };
        const s = boxStats(data, candidate);
        if (!best || better(s, best.stats)) best = { box: candidate, stats: s };
      }
    }
    if (!best || best.stats.mass < settings.minMass || !(best.stats.density > stats.density)) break;
    box = best.box;
    stats = { step: trajectory.length, move: 'peel', box, ...best.stats };
    trajectory.push(stats);
  }
  if (!settings.pasting) return trajectory;
  for (;;) {
    const pasted = bestPaste(data, box, start, settings.alpha);
    if (!pasted || !(pasted.stats.density > stats.density)) break;
    box = pasted.box;
    stats = { step: trajectory.length, move: 'paste', box, ...pasted.stats };
    trajectory.push(stats);
  }
  return trajectory;
}

/** Higher density wins; at equal density the larger box. Candidates come in a fixed order, so the first stays on a full tie. */
function better(a: BoxStats, b: BoxStats): boolean {
  return a.density > b.density || (a.density === b.density && a.count > b.count);
}

function rowsIn(data: PrimData, box: PrimBox): number[] {
  const rows: number[] = [];
  for (let i = 0; i < data.y.length; i++) if (inBox(data, box, i)) rows.push(i);
  return rows;
}

/** The paste (one dimension, one side, about alpha of the box's rows added) that gives the highest density. */
function bestPaste(
  data: PrimData,
  box: PrimBox,
  whole: PrimBox,
  alpha: number,
): { box: PrimBox; stats: BoxStats } | null {
  const count = rowsIn(data, box).length;
  const k = Math.max(1, Math.floor(alpha * count));
  let best: { box: PrimBox; stats: BoxStats } | null = null;
  for (let j = 0; j < data.x.length; j++) {
    // Rows inside the box on every other dimension, outside on this one.
    const below: number[] = [];
    const above: number[] = [];
    for (let i = 0; i < data.y.length; i++) {
      if (!inBox(data, box, i, j)) continue;
      const v = data.x[j][i];
      if (v < box.lower[j]) below.push(v);
      else if (v > box.upper[j]) above.push(v);
    }
    below.sort((a, b) => b - a);
    above.sort((a, b) => a - b);
    for (const [side, outside] of [
      ['low', below],
      ['high', above],
    ] as const) {
      if (outside.length === 0) continue;
      const reach = outside[Math.min(k, outside.length) - 1];
      const lower = [...box.lower];
      const upper = [...box.upper];
      if (side === 'low') lower[j] = outside.length <= k ? whole.lower[j] : reach;
      else upper[j] = outside.length <= k ? whole.upper[j] : reach;
      const candidate = { lower, upper };
      const s = boxStats(data, candidate);
      if (!best || better(s, best.stats)) best = { box: candidate, stats: s };
    }
  }
  return best;
}
