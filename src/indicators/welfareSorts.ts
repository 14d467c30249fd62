import { createKeySortBuffers, type KeySortBuffers, type SlotBuffer, sortKeys } from './keySort.js';
import { distributionFigures, FIGURE_COUNT, type FigureSettings } from './welfareFigures.js';

/**
 * The welfare figures of every scope of one month, from the households' keys: each
 * distribution (real consumption per capita, income per capita) sorted once for the total,
 * its sorted order split stably by region (which is each region's sorted sample), then the
 * figures of every scope (welfareFigures.ts). The monthly statistics run it in the month's
 * own thread (monthlyStats.ts), or the indicator thread runs it while the model steps on
 * (welfareThread.ts): the same functions on the same keys, so the same numbers.
 *
 * Keys are written in household order, region after region (region r's households from
 * slot `starts[r]`): the value, and the payload `r << 8 | persons`.
 */

/** Offset of income per capita's figures within a scope's. */
export const INCOME = FIGURE_COUNT;
/** Number of figures per scope: consumption's (full), then income's (mean and median). */
export const SCOPE_FIGURES = 2 * FIGURE_COUNT;

/** Income per capita's figures: the mean and the median only. */
export const INCOME_SETTINGS: FigureSettings = { full: false, line: 1, alpha: 2, epsilon: 2 };

/** The settings of real consumption per capita's figures under the poverty line `line`. */
export function consumptionSettings(line: number): FigureSettings {
  return { full: true, line, alpha: 2, epsilon: 2 };
}

/** What the figures of one month are computed with. */
export interface WelfareSorts {
  /** The sort's buffers; the keys are written to `sort.a`. */
  readonly sort: KeySortBuffers;
  /** First slot of each region, plus the end (the number of households). */
  readonly starts: Int32Array;
  /** Each region's next slot while splitting. */
  readonly cursor: Int32Array;
  /** The figures, `SCOPE_FIGURES` per scope (total, then each region). */
  readonly figures: Float64Array;
}

/** The slot where each region's households start, plus the end, from their index ranges. */
export function regionStarts(regions: readonly { readonly start: number; readonly end: number }[]): Int32Array {
  const starts = new Int32Array(regions.length + 1);
  for (let r = 0; r < regions.length; r++) starts[r + 1] = starts[r] + (regions[r].end - regions[r].start);
  return starts;
}

/**
 * Sorts and figure buffers for these region starts. `sort`, when given, must hold every
 * household; `figures`, when given, `SCOPE_FIGURES` per scope.
 */
export function createWelfareSorts(starts: Int32Array, sort?: KeySortBuffers, figures?: Float64Array): WelfareSorts {
  const regions = starts.length - 1;
  return {
    sort: sort ?? createKeySortBuffers(starts[regions]),
    starts,
    cursor: new Int32Array(regions + 1),
    figures: figures ?? new Float64Array((regions + 1) * SCOPE_FIGURES),
  };
}

/**
 * Sorts the `n` keys in `ws.sort.a`, then writes the total's figures and (when
 * `withRegions`) each region's at offset `offset` of every scope's figures. `persons[s]`
 * is scope s's number of persons (the total first), summed in household order.
 */
export function figuresOfKeys(
  ws: WelfareSorts,
  n: number,
  persons: ArrayLike<number>,
  settings: FigureSettings,
  offset: number,
  withRegions: boolean,
): void {
  const { sort, starts, cursor, figures } = ws;
  const regions = starts.length - 1;
  const sorted = sortKeys(sort, n);
  distributionFigures(sorted.f64, sorted.pay, true, 0, n, persons[0], settings, figures, offset);
  if (!withRegions) return;
  if (regions === 1) {
    // One region: its figures are the total's.
    figures.copyWithin(SCOPE_FIGURES + offset, offset, offset + FIGURE_COUNT);
    return;
  }
  const other = sorted === sort.a ? sort.b : sort.a;
  cursor.set(starts);
  splitByRegion(sorted, other, n, cursor);
  for (let r = 0; r < regions; r++) {
    const at = (r + 1) * SCOPE_FIGURES + offset;
    distributionFigures(other.f64, other.pay, true, starts[r], starts[r + 1], persons[r + 1], settings, figures, at);
  }
}

/*
 * The loops over households, each a function of its own over typed arrays that ends with
 * its loop (see the note in keySort.ts above keyRange), warmed up by warmUpWelfareSorts.
 */

/** One region's income per capita into keys from slot `p` on (payload region << 8 | persons). Returns the next slot. */
export function incomeKeys(
  income: Float64Array,
  size: Uint8Array,
  start: number,
  end: number,
  values: Float64Array,
  pay: Uint32Array,
  p: number,
  tag: number,
): number {
  for (let i = start; i < end; i++) {
    const n = size[i];
    values[p] = income[i] / n;
    pay[p] = tag | n;
    p++;
  }
  return p;
}

/** Every region's income per capita into keys, region after region from slot 0 (payload region << 8 | persons). */
export function regionIncomeKeys(
  income: Float64Array,
  size: Uint8Array,
  regions: readonly { readonly start: number; readonly end: number }[],
  values: Float64Array,
  pay: Uint32Array,
): void {
  let p = 0;
  for (let r = 0; r < regions.length; r++)
    p = incomeKeys(income, size, regions[r].start, regions[r].end, values, pay, p, r << 8);
}

/**
 * One region's real consumption per capita (Float32, widened exactly) into keys from slot
 * `p` on, as the monthly statistics' household pass writes them. Returns the next slot.
 */
export function consumptionKeys(
  consumption: Float32Array,
  size: Uint8Array,
  start: number,
  end: number,
  values: Float64Array,
  pay: Uint32Array,
  p: number,
  tag: number,
): number {
  for (let i = start; i < end; i++) {
    values[p] = consumption[i];
    pay[p] = tag | size[i];
    p++;
  }
  return p;
}

/** Copies sorted entries, in order, to their region's part of `to` (region = payload >>> 8; `cursor` its next slot). */
function splitByRegion(from: SlotBuffer, to: SlotBuffer, count: number, cursor: Int32Array): void {
  const fv = from.f64;
  const fp = from.pay;
  const tv = to.f64;
  const tp = to.pay;
  for (let i = 0; i < count; i++) {
    const p = fp[i];
    const slot = cursor[p >>> 8]++;
    tv[slot] = fv[i];
    tp[slot] = p;
  }
}

/** Runs the key loops and the split once on a few synthetic households (see the note above incomeKeys). */
export function warmUpWelfareSorts(): void {
  const n = 48;
  const size = new Uint8Array(n).fill(3);
  const consumption = Float32Array.from({ length: n }, (_, i) => 1000 + i);
  const income = Float64Array.from({ length: n }, (_, i) => 3000 + i);
  const { a, b } = createKeySortBuffers(n);
  for (let round = 0; round < 2; round++) {
    consumptionKeys(
      consumption,
      size,
      n / 2,
      n,
      a.f64,
      a.pay,
      consumptionKeys(consumption, size, 0, n / 2, a.f64, a.pay, 0, 0),
      1 << 8,
    );
    incomeKeys(income, size, 0, n, a.f64, a.pay, 0, 0);
    splitByRegion(a, b, n, Int32Array.of(0, n / 2));
  }
}
