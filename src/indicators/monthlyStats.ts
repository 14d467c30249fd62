import type { RegionState } from '../model/region.js';
import type { World } from '../model/world.js';
import type { WeightedSample } from './distribution.js';
import {
  createKeySortBuffers,
  HIGH_WORD,
  KEY_SORT_BYTES_PER_SLOT,
  sortFloat32,
  sortFloat64,
  type KeySortBuffers,
  type SlotBuffer,
} from './keySort.js';
import { addRegionBooks, emptyStats, type ScopeStats } from './scopeStats.js';
import { createSortScratch, sortSample, type SortScratch } from './sortSample.js';
import { consumptionFigures, FIGURE_COUNT, incomeFigures, type Split } from './welfareFigures.js';

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
  for (const s of scopes) s.reset(world.month);
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
  const total = state.scopes[0];
  const bits = new Uint32Array(h.realConsumptionPc.buffer, h.realConsumptionPc.byteOffset, h.count);
  const pairs = state.sort.a.u32;
  const { size, member, awareness, trust, skill, transfers } = h;
  let tPersons = 0;
  let tMembers = 0;
  let tAwareness = 0;
  let tTrust = 0;
  let tSkill = 0;
  let tReached = 0;
  let p = 0;
  let min = 0xffffffff;
  let max = 0;
  let ok = true;
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r];
    const s = state.scopes[r + 1];
    let persons = 0;
    let members = 0;
    let aw = 0;
    let tr = 0;
    let sk = 0;
    let reached = 0;
    const tag = r << 8;
    for (let i = region.start; i < region.end; i++) {
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
        if (b > 0x7f800000 || n === 0) ok = false;
        if (b < min) min = b;
        if (b > max) max = b;
        pairs[2 * p] = b;
        pairs[2 * p + 1] = tag | n;
        p++;
      }
    }
    s.households = region.end - region.start;
    s.persons = persons;
    s.members = members;
    s.awarenessSum = aw;
    s.trustSum = tr;
    s.skillSum = sk;
    s.transfersReached = reached;
  }
  total.households = state.starts[regions.length];
  total.persons = tPersons;
  total.members = tMembers;
  total.awarenessSum = tAwareness;
  total.trustSum = tTrust;
  total.skillSum = tSkill;
  total.transfersReached = tReached;
  state.consumptionMin = min;
  state.consumptionMax = max;
  return ok;
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
      if (!consumptionFigures(other.f32, other.u32, starts[r], starts[r + 1], scopes[r + 1].persons, line, out, (r + 1) * FIGURE_COUNT, null)) return false;
    }
  }

  // Income per capita, the same way, in the same buffers.
  const h = world.households;
  const values = sort.a.f64;
  const words = sort.a.u32;
  const pay = sort.a.pay;
  let p = 0;
  let min = 0xffffffff;
  let max = 0;
  let ok = true;
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r];
    const tag = r << 8;
    for (let i = region.start; i < region.end; i++) {
      const size = h.size[i];
      const v = h.income[i] / size;
      values[p] = v;
      const high = words[2 * p + HIGH_WORD];
      if (high >= 0x80000000 || v !== v) ok = false;
      if (high < min) min = high;
      if (high > max) max = high;
      pay[p] = tag | size;
      p++;
    }
  }
  if (!ok) return false;
  sorted = n > 0 ? sortFloat64(sort, n, min, max) : sort.a;
  other = sorted === sort.a ? sort.b : sort.a;
  cursor.set(starts);
  const incomeSplit: Split | null = several ? { pairs: other.u32, values: other.f64, pay: other.pay, cursor } : null;
  if (!incomeFigures(sorted.f64, sorted.pay, 0, n, scopes[0].persons, out, 0, incomeSplit)) return false;
  if (several) {
    for (let r = 0; r < regions.length; r++) {
      if (!incomeFigures(other.f64, other.pay, starts[r], starts[r + 1], scopes[r + 1].persons, out, (r + 1) * FIGURE_COUNT, null)) return false;
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
  private month = -1;
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
  reset(month: number): void {
    Object.assign(this, ZERO_SUMS);
    this.enterprisesByKind.fill(0);
    this.month = month;
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

const ZERO_SUMS: Partial<ScopeStats> = (() => {
  const zero = emptyStats() as Partial<ScopeStats>;
  delete zero.consumption;
  delete zero.income;
  delete zero.enterprisesByKind;
  return zero;
})();
