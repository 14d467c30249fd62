import type { Rng } from '../core/rng.js';

/**
 * A social network in compressed sparse row (CSR) form: the neighbours of household i
 * are `neighbours[offsets[i] .. offsets[i + 1])`. Undirected: every tie appears twice.
 */
export interface Network {
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
}

/** A contiguous range of household slots forming one region. */
export interface SlotRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Builds a Watts-Strogatz small world inside each region (ring lattice of `degree`
 * neighbours, each tie rewired with probability `rewiring`), and rewires a share
 * `crossRegion` of ties to a random household of another region.
 *
 * The ring lattice keeps clustering high, as in villages; the rewired ties give the short
 * paths through which news travels (Watts & Strogatz 1998).
 */
export function buildSmallWorld(
  ranges: readonly SlotRange[],
  degree: number,
  rewiring: number,
  crossRegion: number,
  rng: Rng,
): Network {
  const n = ranges.length === 0 ? 0 : ranges[ranges.length - 1].end;
  // Each household proposes degree/2 ties to households ahead of it on its ring; with an
  // odd degree every other household proposes one more, so the mean degree is `degree`.
  const half = Math.max(1, Math.floor(degree / 2));
  const extra = degree % 2 === 1 ? 1 : 0;
  const from = new Int32Array(n * (half + extra));
  const to = new Int32Array(n * (half + extra));
  let e = 0;
  for (let r = 0; r < ranges.length; r++) {
    const { start, end } = ranges[r];
    const size = end - start;
    if (size < 2) continue;
    const maxK = Math.floor((size - 1) / 2) || 1;
    for (let i = start; i < end; i++) {
      const k = Math.min(half + (extra && (i - start) % 2 === 0 ? 1 : 0), maxK);
      for (let j = 1; j <= k; j++) {
        let target = start + ((i - start + j) % size);
        const u = rng.uniform();
        if (ranges.length > 1 && u < crossRegion) {
          let other = rng.int(ranges.length - 1);
          if (other >= r) other++;
          const o = ranges[other];
          if (o.end > o.start) target = o.start + rng.int(o.end - o.start);
        } else if (u < crossRegion + rewiring) {
          let candidate = start + rng.int(size);
          if (candidate === i) candidate = start + ((candidate - start + 1) % size);
          target = candidate;
        }
        if (target === i) continue;
        from[e] = i;
        to[e] = target;
        e++;
      }
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let t = 0; t < e; t++) {
    offsets[from[t] + 1]++;
    offsets[to[t] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * e);
  for (let t = 0; t < e; t++) {
    neighbours[cursor[from[t]]++] = to[t];
    neighbours[cursor[to[t]]++] = from[t];
  }
  return { offsets, neighbours };
}

/** Number of ties of household i. */
export function degreeOf(net: Network, i: number): number {
  return net.offsets[i + 1] - net.offsets[i];
}
