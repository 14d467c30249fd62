import type { Rng } from '../core/rng.js';

/**
 * A social network in compressed sparse row (CSR) form: the neighbours of household i
 * are the entries `offsets[i] .. offsets[i + 1]` of the neighbour lists (read one with
 * {@link neighbourAt}). Undirected: every tie appears twice.
 *
 * A neighbour's slot is stored in three bytes, not four: its low 16 bits in
 * `neighbourLow` and the bits above in `neighbourHigh`, one byte while every slot fits
 * in 24 bits (up to 16,777,216 households), two beyond that (a scenario holds at most
 * 20 million). The lists are most of the network's memory (the mean degree is 8 by
 * default), so this saves 8 bytes per household at that degree; reading a neighbour
 * costs one more load and a shift, in a loop that visits only the neighbours of
 * households whose membership changed.
 */
export interface Network {
  readonly offsets: Int32Array;
  /** Low 16 bits of each neighbour's slot. */
  readonly neighbourLow: Uint16Array;
  /** The neighbour's slot shifted right by 16 bits. */
  readonly neighbourHigh: Uint8Array | Uint16Array;
}

/** Households whose slots fit in a one-byte {@link Network.neighbourHigh}. */
const ONE_BYTE_HIGH = 1 << 24;

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
  const neighbourLow = new Uint16Array(2 * e);
  const neighbourHigh = n <= ONE_BYTE_HIGH ? new Uint8Array(2 * e) : new Uint16Array(2 * e);
  for (let t = 0; t < e; t++) {
    const a = cursor[from[t]]++;
    neighbourLow[a] = to[t];
    neighbourHigh[a] = to[t] >>> 16;
    const b = cursor[to[t]]++;
    neighbourLow[b] = from[t];
    neighbourHigh[b] = from[t] >>> 16;
  }
  return { offsets, neighbourLow, neighbourHigh };
}

/** Entry k of the neighbour lists: the slot of a neighbour (see {@link Network}). */
export function neighbourAt(net: Network, k: number): number {
  return net.neighbourLow[k] | (net.neighbourHigh[k] << 16);
}

/** Number of ties of household i. */
export function degreeOf(net: Network, i: number): number {
  return net.offsets[i + 1] - net.offsets[i];
}
