import type { RegionState } from '../model/region.js';
import type { World } from '../model/world.js';
import type { WeightedSample } from './distribution.js';
import {
  createKeySortBuffers,
  HIGH_WORD,
  KEY_SORT_BYTES_PER_SLOT,
  sortFloat32,
  sortFloat64,
  warmUpKeySort,
  type KeySortBuffers,
  type SlotBuffer,
} from './keySort.js';
import { addRegionBooks, emptyStats, type ScopeStats } from './scopeStats.js';
import { createSortScratch, sortSample, type SortScratch } from './sortSample.js';
import { consumptionFigures, FIGURE_COUNT, incomeFigures, warmUpWelfareFigures, type Split } from './welfareFigures.js';

/**
 * The stats of every scope of one month (scope 0 is the total, scope 1 + r region r),
 * computed together: one pass over the households for the sums of every scope, then one
 * sort of each welfare distribution for all scopes at once (the total's sorted sample,
 * split stably by region, gives each region's sorted sample), then the welfare figures
 * of every scope (see welfareFigures.ts).
 *
 * This replaces calling `scopeStats` once per scope, which sorted each distribution
 * again for every region and for the total; the numbers are the same to the last bit.
 * Each scope's `consumption` and `income` samples are still available to indicators
 * that read them: they are built on first use, by `scopeStats`'s method.
 */
export interface MonthlyStats {
  /** Stats per scope: total, then each region. Rewritten every month. */
  readonly scopes: readonly ScopeStats[];
  /** Welfare figures per scope, `FIGURE_COUNT` each (see FIGURE), when `figuresValid`. */
  readonly figures: Float64Array;
  /**
   * False when this month's figures could not be computed the fast way (a negative or
   * NaN value, a household without persons, an invalid poverty line): the indicators
   * then use their own `compute`, which reads the samples.
   */
  figuresValid: boolean;
}

interface State extends MonthlyStats {
  readonly scopes: LazyScopeStats[];
  readonly sort: KeySortBuffers;
  /** First slot of each region in the region-partitioned order, plus the end. */
  readonly starts: Int32Array;
  readonly cursor: Int32Array;
  readonly legacy: LegacyBuffers;
  /** Smallest and largest bit pattern of this month's consumption values. */
  consumptionMin: number;
  consumptionMax: number;
}

/** Buffers for building samples on demand, allocated on first use. */
interface LegacyBuffers {
  values: Float64Array | null;
  weights: Float64Array | null;
  scratch: SortScratch | null;
}

/** Creates the reusable state for a world's monthly stats. */
export function createMonthlyStats(world: World): MonthlyStats {
  const regions = world.regions;
  const starts = new Int32Array(regions.length + 1);
  for (let r = 0; r < regions.length; r++) starts[r + 1] = starts[r] + (regions[r].end - regions[r].start);
  const legacy: LegacyBuffers = { values: null, weights: null, scratch: null };
  const state: State = {
    scopes: [new LazyScopeStats(world, regions, legacy), ...regions.map((r) => new LazyScopeStats(world, [r], legacy))],
    figures: new Float64Array((regions.length + 1) * FIGURE_COUNT),
    figuresValid: false,
    sort: createKeySortBuffers(starts[regions.length]),
    starts,
    cursor: new Int32Array(regions.length + 1),
    legacy,
    consumptionMin: 0,
    consumptionMax: 0,
  };
  warmUpKeySort();
  warmUpWelfareFigures();
  warmUpKernels();
  return state;
}

/** Bytes of the buffers {@link createMonthlyStats} allocates per household (memory benchmark). */
export const MONTHLY_STATS_BYTES_PER_HOUSEHOLD = KEY_SORT_BYTES_PER_SLOT;

/**
 * Computes the stats of every scope for the world's current month into `stats`.
 *
 * @param welfare whether to compute the welfare figures (skip when no indicator reads them)
 */
export function computeMonthlyStats(world: World, stats: MonthlyStats, welfare = true): void {
  const state = stats as State;
  const regions = world.regions;
  const scopes = state.scopes;
  for (const s of scopes) s.reset();
  const total = scopes[0];
  for (let r = 0; r < regions.length; r++) {
    addRegionBooks(total, regions[r]);
    addRegionBooks(scopes[r + 1], regions[r]);
  }
  const ok = householdPass(world, state, welfare);
  const line = world.params.market.povertyLine;
  state.figuresValid = welfare && ok && line > 0 && Number.isFinite(line) && welfareFigures(world, state, line);
}

/**
 * One pass over the households: the per-scope sums (the total's accumulated across the
 * regions in order, as `scopeStats` does) and, when `welfare`, the consumption keys.
 * Returns false when a consumption value is negative or NaN or a household has no persons.
 */
function householdPass(world: World, state: State, welfare: boolean): boolean {
  const h = world.households;
  const regions = world.regions;
  const bits = new Uint32Array(h.realConsumptionPc.buffer, h.realConsumptionPc.byteOffset, h.count);
  const pairs = state.sort.a.u32;
  const sums = new Float64Array(SUMS_SIZE);
  sums[SUM_MIN] = 0xffffffff;
  let p = 0;
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r];
    p = sumRegion(
      h.size,
      h.member,
      h.awareness,
      h.trust,
      h.skill,
      h.transfers,
      bits,
      region.start,
      region.end,
      welfare,
      pairs,
      p,
      r << 8,
      sums,
    );
    const s = state.scopes[r + 1];
    s.households = region.end - region.start;
    s.persons = sums[SUM_PERSONS];
    s.members = sums[SUM_MEMBERS];
    s.awarenessSum = sums[SUM_AWARENESS];
    s.trustSum = sums[SUM_TRUST];
    s.skillSum = sums[SUM_SKILL];
    s.transfersReached = sums[SUM_REACHED];
  }
  const total = state.scopes[0];
  total.households = state.starts[regions.length];
  total.persons = sums[TOTAL + SUM_PERSONS];
  total.members = sums[TOTAL + SUM_MEMBERS];
  total.awarenessSum = sums[TOTAL + SUM_AWARENESS];
  total.trustSum = sums[TOTAL + SUM_TRUST];
  total.skillSum = sums[TOTAL + SUM_SKILL];
  total.transfersReached = sums[TOTAL + SUM_REACHED];
  state.consumptionMin = sums[SUM_MIN];
  state.consumptionMax = sums[SUM_MAX];
  return sums[SUM_BAD] === 0;
}

/*
 * The loops over households, each a function of its own over typed arrays that ends with
 * its loop (see the note in keySort.ts above histogramPairs), warmed up in
 * createMonthlyStats. Sums go through a Float64Array: a region's at 0.., the total's
 * (continued from region to region, in order) at TOTAL.., then the consumption keys'
 * smallest and largest bits and whether a value or a size was unusable.
 */
const SUM_PERSONS = 0;
const SUM_MEMBERS = 1;
const SUM_AWARENESS = 2;
const SUM_TRUST = 3;
const SUM_SKILL = 4;
const SUM_REACHED = 5;
const TOTAL = 6;
const SUM_MIN = 12;
const SUM_MAX = 13;
const SUM_BAD = 14;
const SUMS_SIZE = 15;

/** One region's households: its sums, the total's, and (when `welfare`) its consumption keys from slot `p` on. Returns the next slot. */
function sumRegion(
  size: Uint8Array,
  member: Uint8Array,
  awareness: Float32Array,
  trust: Float32Array,
  skill: Float32Array,
  transfers: Float32Array,
  bits: Uint32Array,
  start: number,
  end: number,
  welfare: boolean,
  pairs: Uint32Array,
  p: number,
  tag: number,
  sums: Float64Array,
): number {
  let persons = 0;
  let members = 0;
  let aw = 0;
  let tr = 0;
  let sk = 0;
  let reached = 0;
  let tPersons = sums[TOTAL + SUM_PERSONS];
  let tMembers = sums[TOTAL + SUM_MEMBERS];
  let tAwareness = sums[TOTAL + SUM_AWARENESS];
  let tTrust = sums[TOTAL + SUM_TRUST];
  let tSkill = sums[TOTAL + SUM_SKILL];
  let tReached = sums[TOTAL + SUM_REACHED];
  let min = sums[SUM_MIN];
  let max = sums[SUM_MAX];
  let bad = sums[SUM_BAD];
  for (let i = start; i < end; i++) {
    const n = size[i];
    const m = member[i];
    const a = awareness[i];
    const t = trust[i];
    const k = skill[i];
    persons += n;
    members += m;
    aw += a;
    tr += t;
    sk += k;
    tPersons += n;
    tMembers += m;
    tAwareness += a;
    tTrust += t;
    tSkill += k;
    if (transfers[i] > 0) {
      reached++;
      tReached++;
    }
    if (welfare) {
      const b = bits[i];
      // Sign bit set (negative or -0), NaN (exponent all ones, mantissa non-zero), or no persons.
      if (b > 0x7f800000 || n === 0) bad = 1;
      if (b < min) min = b;
      if (b > max) max = b;
      pairs[2 * p] = b;
      pairs[2 * p + 1] = tag | n;
      p++;
    }
  }
  sums[SUM_PERSONS] = persons;
  sums[SUM_MEMBERS] = members;
  sums[SUM_AWARENESS] = aw;
  sums[SUM_TRUST] = tr;
  sums[SUM_SKILL] = sk;
  sums[SUM_REACHED] = reached;
  sums[TOTAL + SUM_PERSONS] = tPersons;
  sums[TOTAL + SUM_MEMBERS] = tMembers;
  sums[TOTAL + SUM_AWARENESS] = tAwareness;
  sums[TOTAL + SUM_TRUST] = tTrust;
  sums[TOTAL + SUM_SKILL] = tSkill;
  sums[TOTAL + SUM_REACHED] = tReached;
  sums[SUM_MIN] = min;
  sums[SUM_MAX] = max;
  sums[SUM_BAD] = bad;
  return p;
}

/** One region's income per capita into Float64 keys from slot `p` on (smallest and largest high word, and unusable values, in `sums`). Returns the next slot. */
function incomeKeys(
  income: Float64Array,
  size: Uint8Array,
  start: number,
  end: number,
  values: Float64Array,
  words: Uint32Array,
  pay: Uint32Array,
  p: number,
  tag: number,
  sums: Float64Array,
): number {
  let min = sums[SUM_MIN];
  let max = sums[SUM_MAX];
  let bad = sums[SUM_BAD];
  for (let i = start; i < end; i++) {
    const n = size[i];
    const v = income[i] / n;
    values[p] = v;
    const high = words[2 * p + HIGH_WORD];
    if (high >= 0x80000000 || v !== v) bad = 1;
    if (high < min) min = high;
    if (high > max) max = high;
    pay[p] = tag | n;
    p++;
  }
  sums[SUM_MIN] = min;
  sums[SUM_MAX] = max;
  sums[SUM_BAD] = bad;
  return p;
}

/** Runs the household kernels once on a few synthetic households (see sumRegion). */
function warmUpKernels(): void {
  const n = 48;
  const size = new Uint8Array(n).fill(3);
  const member = new Uint8Array(n);
  const f32 = () => Float32Array.from({ length: n }, (_, i) => (i % 7) / 7);
  const transfers = f32();
  const consumption = Float32Array.from({ length: n }, (_, i) => 1000 + i);
  const income = Float64Array.from({ length: n }, (_, i) => 3000 + i);
  const buffers = createKeySortBuffers(n);
  for (let round = 0; round < 2; round++) {
    const sums = new Float64Array(SUMS_SIZE);
    sums[SUM_MIN] = 0xffffffff;
    const bits = new Uint32Array(consumption.buffer);
    let p = sumRegion(size, member, f32(), f32(), f32(), transfers, bits, 0, n / 2, true, buffers.a.u32, 0, 0, sums);
    p = sumRegion(size, member, f32(), f32(), f32(), transfers, bits, n / 2, n, true, buffers.a.u32, p, 1 << 8, sums);
    sumRegion(size, member, f32(), f32(), f32(), transfers, bits, 0, n, false, buffers.a.u32, 0, 0, sums);
    sums[SUM_MIN] = 0xffffffff;
    incomeKeys(income, size, 0, n, buffers.a.f64, buffers.a.u32, buffers.a.pay, 0, 0, sums);
  }
}

function welfareFigures(world: World, state: State, line: number): boolean {
  const regions = world.regions;
  const n = state.starts[regions.length];
  const out = state.figures;
  const { sort, starts, cursor, scopes } = state;
  const several = regions.length > 1;

  // Consumption: sort all households; the total's figures, splitting the sorted order by
  // region on the way (each region's part is then its own sorted sample); each region's.
  let sorted: SlotBuffer = n > 0 ? sortFloat32(sort, n, state.consumptionMin, state.consumptionMax) : sort.a;
  let other = sorted === sort.a ? sort.b : sort.a;
  cursor.set(starts);
  const split: Split | null = several ? { pairs: other.u32, values: other.f64, pay: other.pay, cursor } : null;
  if (!consumptionFigures(sorted.f32, sorted.u32, 0, n, scopes[0].persons, line, out, 0, split)) return false;
  if (several) {
    for (let r = 0; r < regions.length; r++) {
      if (
        !consumptionFigures(
          other.f32,
          other.u32,
          starts[r],
          starts[r + 1],
          scopes[r + 1].persons,
          line,
          out,
          (r + 1) * FIGURE_COUNT,
          null,
        )
      )
        return false;
    }
  }

  // Income per capita, the same way, in the same buffers.
  const h = world.households;
  const sums = new Float64Array(SUMS_SIZE);
  sums[SUM_MIN] = 0xffffffff;
  let p = 0;
  for (let r = 0; r < regions.length; r++) {
    p = incomeKeys(
      h.income,
      h.size,
      regions[r].start,
      regions[r].end,
      sort.a.f64,
      sort.a.u32,
      sort.a.pay,
      p,
      r << 8,
      sums,
    );
  }
  if (sums[SUM_BAD] !== 0) return false;
  const min = sums[SUM_MIN];
  const max = sums[SUM_MAX];
  sorted = n > 0 ? sortFloat64(sort, n, min, max) : sort.a;
  other = sorted === sort.a ? sort.b : sort.a;
  cursor.set(starts);
  const incomeSplit: Split | null = several ? { pairs: other.u32, values: other.f64, pay: other.pay, cursor } : null;
  if (!incomeFigures(sorted.f64, sorted.pay, 0, n, scopes[0].persons, out, 0, incomeSplit)) return false;
  if (several) {
    for (let r = 0; r < regions.length; r++) {
      if (
        !incomeFigures(
          other.f64,
          other.pay,
          starts[r],
          starts[r + 1],
          scopes[r + 1].persons,
          out,
          (r + 1) * FIGURE_COUNT,
          null,
        )
      )
        return false;
    }
  } else {
    // One region: its figures are the total's.
    out.copyWithin(FIGURE_COUNT, 0, FIGURE_COUNT);
  }
  return true;
}

/**
 * A scope's stats, reused month after month. Its samples are built on first use, from
 * the world, exactly as `scopeStats` builds them; like those, a sample stays valid until
 * another scope's sample of the same kind is built.
 */
class LazyScopeStats implements ScopeStats {
  households = 0;
  persons = 0;
  members = 0;
  awarenessSum = 0;
  trustSum = 0;
  skillSum = 0;
  transfersReached = 0;
  cooperatives = 0;
  activeCooperatives = 0;
  capital = 0;
  reserves = 0;
  debt = 0;
  cash = 0;
  enterprises = 0;
  readonly enterprisesByKind: Float64Array;
  jobs = 0;
  inputs = 0;
  internalInputs = 0;
  potentialUsed = 0;
  potentialCapacity = 0;
  governanceSum = 0;
  stageSum = 0;
  regions = 0;
  foodSpending = 0;
  totalSpending = 0;
  businessVolume = 0;
  externalSales = 0;
  federationTrade = 0;
  socialTransfers = 0;
  shuPaid = 0;
  ratHeld = 0;
  educationFund = 0;
  socialFund = 0;
  private consumptionSample: WeightedSample | null = null;
  private incomeSample: WeightedSample | null = null;

  constructor(
    private readonly world: World,
    private readonly scopeRegions: readonly RegionState[],
    private readonly legacy: LegacyBuffers,
  ) {
    this.enterprisesByKind = emptyStats().enterprisesByKind;
  }

  /** Zeroes every sum for a new month. */
  reset(): void {
    // Field by field: Object.assign onto this class took about 5 us a call.
    // (test/indicators/collector.test.ts would catch a sum that is not reset.)
    this.households = 0;
    this.persons = 0;
    this.members = 0;
    this.awarenessSum = 0;
    this.trustSum = 0;
    this.skillSum = 0;
    this.transfersReached = 0;
    this.cooperatives = 0;
    this.activeCooperatives = 0;
    this.capital = 0;
    this.reserves = 0;
    this.debt = 0;
    this.cash = 0;
    this.enterprises = 0;
    this.enterprisesByKind.fill(0);
    this.jobs = 0;
    this.inputs = 0;
    this.internalInputs = 0;
    this.potentialUsed = 0;
    this.potentialCapacity = 0;
    this.governanceSum = 0;
    this.stageSum = 0;
    this.regions = 0;
    this.foodSpending = 0;
    this.totalSpending = 0;
    this.businessVolume = 0;
    this.externalSales = 0;
    this.federationTrade = 0;
    this.socialTransfers = 0;
    this.shuPaid = 0;
    this.ratHeld = 0;
    this.educationFund = 0;
    this.socialFund = 0;
    this.consumptionSample = null;
    this.incomeSample = null;
  }

  get consumption(): WeightedSample {
    if (!this.consumptionSample) this.consumptionSample = this.sample((h, i) => h.realConsumptionPc[i]);
    return this.consumptionSample;
  }

  set consumption(sample: WeightedSample) {
    this.consumptionSample = sample;
  }

  get income(): WeightedSample {
    if (!this.incomeSample) this.incomeSample = this.sample((h, i) => h.income[i] / h.size[i]);
    return this.incomeSample;
  }

  set income(sample: WeightedSample) {
    this.incomeSample = sample;
  }

  /** The scope's person-weighted sample, sorted by `sortSample` (scopeStats's method). */
  private sample(value: (h: World['households'], i: number) => number): WeightedSample {
    const h = this.world.households;
    const legacy = this.legacy;
    if (!legacy.values || !legacy.weights || !legacy.scratch) {
      legacy.values = new Float64Array(h.count);
      legacy.weights = new Float64Array(h.count);
      legacy.scratch = createSortScratch(h.count);
    }
    let n = 0;
    for (const region of this.scopeRegions) {
      for (let i = region.start; i < region.end; i++) {
        legacy.values[n] = value(h, i);
        legacy.weights[n] = h.size[i];
        n++;
      }
    }
    const sorted = sortSample(legacy.values, legacy.weights, n, legacy.scratch);
    // Copy out of the scratch, so that the consumption and income samples of a scope
    // can both be held at once (as scopeStats's two scratches allowed).
    return { values: sorted.values.slice(0, n), weights: sorted.weights.slice(0, n), count: n, sorted: true };
  }
}
