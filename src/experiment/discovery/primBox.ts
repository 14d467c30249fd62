/**
 * A box of PRIM (Friedman & Fisher 1999): for each input dimension a closed range
 * `[lower, upper]`. A dimension is restricted when its range is narrower than the data's.
 */
export interface PrimBox {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** The data PRIM works on: one column per input dimension and a 0/1 outcome per row. */
export interface PrimData {
  /** Input names, one per column. */
  readonly names: readonly string[];
  /** Columns of input values, each as long as `y`. */
  readonly x: readonly (readonly number[] | Float64Array)[];
  /** 1 for a case of interest (e.g. a run where the strategy fails), else 0. */
  readonly y: readonly number[] | Uint8Array;
}

/** A box's statistics over the data. */
export interface BoxStats {
  /** Rows in the box. */
  readonly count: number;
  /** Cases of interest in the box. */
  readonly hits: number;
  /** Share of all cases of interest that fall in the box, 0..1. */
  readonly coverage: number;
  /** Share of the box's rows that are cases of interest, 0..1. */
  readonly density: number;
  /** Share of all rows in the box, 0..1. */
  readonly mass: number;
}

/** The box that holds all the data: each dimension from its minimum to its maximum. */
export function wholeBox(data: PrimData): PrimBox {
  const lower: number[] = [];
  const upper: number[] = [];
  for (const col of data.x) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of col) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper };
}

/** Whether row i lies in the box, ignoring dimension `skip` (-1: none). */
export function inBox(data: PrimData, box: PrimBox, i: number, skip = -1): boolean {
  for (let j = 0; j < data.x.length; j++) {
    if (j === skip) continue;
    const v = data.x[j][i];
    if (v < box.lower[j] || v > box.upper[j]) return false;
  }
  return true;
}

/**
 * Coverage, density and mass of a box.
 *
 * @example boxStats({ names: ['a'], x: [[0, 1, 2, 3]], y: [0, 1, 1, 0] }, { lower: [1], upper: [3] })
 * // => { count: 3, hits: 2, coverage: 1, density: 2/3, mass: 0.75 }
 */
export function boxStats(data: PrimData, box: PrimBox): BoxStats {
  const n = data.y.length;
  let count = 0;
  let hits = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += data.y[i];
    if (inBox(data, box, i)) {
      count++;
      hits += data.y[i];
    }
  }
  return {
    count,
    hits,
    coverage: total > 0 ? hits / total : 0,
    density: count > 0 ? hits / count : 0,
    mass: n > 0 ? count / n : 0,
  };
}

/** Indices of the dimensions the box restricts compared with `whole`. */
export function restrictedDimensions(box: PrimBox, whole: PrimBox): number[] {
  const dims: number[] = [];
  for (let j = 0; j < box.lower.length; j++)
    if (box.lower[j] > whole.lower[j] || box.upper[j] < whole.upper[j]) dims.push(j);
  return dims;
}
