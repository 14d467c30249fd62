import { addGroupSums, GROUP_SUMS_SIZE, warmUpGroupSums } from './groupSums.js';
import type { RegionState } from '../model/region.js';
import type { World } from '../model/world.js';
import type { WeightedSample } from './distribution.js';
import { KEY_SORT_BYTES_PER_SLOT, warmUpKeySort } from './keySort.js';
import { INDICATORS, type Indicator } from './registry.js';
import { addRegionBooks, emptyStats, type ScopeStats } from './scopeStats.js';
import { createSortScratch, type SortScratch, sortSample } from './sortSample.js';
import { checkPovertyLine, FIGURE, type FigureSettings, warmUpWelfareFigures } from './welfareFigures.js';
import {
  consumptionSettings,
  createWelfareSorts,
  figuresOfKeys,
  INCOME,
  INCOME_SETTINGS,
  regionIncomeKeys,
  regionStarts,
  SCOPE_FIGURES,
  warmUpWelfareSorts,
  type WelfareSorts,
} from './welfareSorts.js';

export { INCOME, SCOPE_FIGURES } from './welfareSorts.js';

/**
 * The stats of every scope of one month (scope 0 is the total, scope 1 + r region r),
 * computed together: one pass over the households for the sums of every scope, then one
 * sort of each welfare distribution for all scopes at once (the total's sorted sample,
 * split stably by region, gives each region's sorted sample), then the welfare figures
 * of every scope (welfareFigures.ts, the implementation the registry's functions wrap).
 *
 * Each scope's `consumption` and `income` samples are still available to indicators
 * that read them (a caller's own indicators): they are built on first use.
 */
export interface MonthlyStats {
  /** Stats per scope: total, then each region. Rewritten every month. */
  readonly scopes: readonly ScopeStats[];
  /**
   * Welfare figures per scope, `SCOPE_FIGURES` each: real consumption per capita's
   * figures (see FIGURE) from 0, income per capita's mean and median from `INCOME`.
   * Written when `computeMonthlyStats` is asked for them.
   */
  readonly figures: Float64Array;
}

/** The registry's indicators read from the figures, by id: where each figure is in a scope's. */
const FIGURE_OF_INDICATOR: Readonly<Record<string, number>> = {
  consumption_pc_mean: FIGURE.mean,
  consumption_pc_median: FIGURE.median,
  income_pc_mean: INCOME + FIGURE.mean,
  income_pc_median: INCOME + FIGURE.median,
  gini: FIGURE.gini,
  p0: FIGURE.p0,
  p1: FIGURE.p1,
  p2: FIGURE.pAlpha,
  atkinson_1: FIGURE.atkinson1,
  atkinson_2: FIGURE.atkinsonEpsilon,
  sen_welfare: FIGURE.senWelfare,
};

/**
 * For each indicator, the figure that holds its value, or -1. Only the registry's own
 * indicator objects are read from the figures: an indicator with the same id but another
 * definition (e.g. a caller's custom list) keeps its own `compute`.
 */
export function figureIndices(indicators: readonly Indicator[]): Int32Array {
  return Int32Array.from(indicators, (ind) => {
    const figure = FIGURE_OF_INDICATOR[ind.id];
    return figure !== undefined && INDICATORS.includes(ind) ? figure : -1;
  });
}

interface State extends MonthlyStats {
  readonly scopes: LazyScopeStats[];
  /** First slot of each region in the region-partitioned order, plus the end. */
  readonly starts: Int32Array;
  /** The sorts of the welfare figures, made on the first month that computes them. */
  sorts: WelfareSorts | null;
  /** Persons per scope (the total first), for the figures. */
  readonly persons: Float64Array;
  readonly legacy: LegacyBuffers;
  readonly groups: MonthGroups;
}

/**
 * The month's group sums of every scope, computed on the first read of any scope's
 * `groups`: a run whose indicators read none of them (an experiment's worker recording the
 * key indicators) skips their pass over the households. Same numbers either way.
 */
interface MonthGroups {
  /** True from the start of a month until the sums are computed. */
  pending: boolean;
  fill(): void;
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
  const starts = regionStarts(regions);
  const legacy: LegacyBuffers = { values: null, weights: null, scratch: null };
  const groupScratch = new Float64Array(GROUP_SUMS_SIZE);
  const groups: MonthGroups = {
    pending: false,
    fill() {
      groups.pending = false;
      addScopeGroupSums(world, state.scopes, groupScratch);
    },
  };
  const state: State = {
    scopes: [
      new LazyScopeStats(world, regions, legacy, groups),
      ...regions.map((r) => new LazyScopeStats(world, [r], legacy, groups)),
    ],
    figures: new Float64Array((regions.length + 1) * SCOPE_FIGURES),
    starts,
    sorts: null,
    persons: new Float64Array(regions.length + 1),
    legacy,
    groups,
  };
  warmUpKeySort();
  warmUpWelfareFigures();
  warmUpWelfareSorts();
  warmUpKernels();
  warmUpGroupSums();
  return state;
}

/** Bytes of the buffers {@link createMonthlyStats} allocates per household (memory benchmark). */
export const MONTHLY_STATS_BYTES_PER_HOUSEHOLD = KEY_SORT_BYTES_PER_SLOT;

/** Which welfare figures {@link computeMonthlyStats} writes besides the total's consumption figures. */
export interface WelfareParts {
  /** Each region's figures (else only the total's). */
  readonly regions: boolean;
  /** Income per capita's mean and median (else not sorted at all). */
  readonly income: boolean;
}

const ALL_PARTS: WelfareParts = { regions: true, income: true };

/**
 * Computes the stats of every scope for the world's current month into `stats`. The
 * figures left out by `parts` are not written (they keep older values); those written are
 * the same numbers whatever `parts` is.
 *
 * @param welfare whether to compute the welfare figures (skip when no indicator reads them)
 * @param parts which welfare figures besides the total's consumption figures
 * @throws RangeError when `welfare` and the poverty line is not positive and finite (as `fgt`)
 */
export function computeMonthlyStats(
  world: World,
  stats: MonthlyStats,
  welfare = true,
  parts: WelfareParts = ALL_PARTS,
): void {
  const state = stats as State;
  const regions = world.regions;
  const scopes = state.scopes;
  for (const s of scopes) s.reset();
  const total = scopes[0];
  for (let r = 0; r < regions.length; r++) {
    addRegionBooks(total, regions[r]);
    addRegionBooks(scopes[r + 1], regions[r]);
  }
  const line = world.params.market.povertyLine;
  if (welfare) {
    checkPovertyLine(line);
    state.sorts ??= createWelfareSorts(state.starts, undefined, state.figures);
  }
  householdPass(world, state, welfare);
  for (let s = 0; s < scopes.length; s++) state.persons[s] = scopes[s].persons;
  state.groups.pending = true;
  if (!welfare) return;
  welfareFigures(world, state, consumptionSettings(line), parts);
}

/**
 * One pass over the households: the per-scope sums (the total's accumulated across the
 * regions in order) and, when `welfare`, the consumption keys.
 */
function householdPass(world: World, state: State, welfare: boolean): void {
  const h = world.households;
  const regions = world.regions;
  // Written only when `welfare`, which makes the sorts first.
  const keys = (state.sorts?.sort ?? EMPTY_KEYS).a;
  const sums = new Float64Array(SUMS_SIZE);
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
      h.realConsumptionPc,
      region.start,
      region.end,
      welfare,
      keys.f64,
      keys.pay,
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
}

/**
 * Each region's group sums into its scope (zeroed by the month's reset), then the total's
 * as their sum in region order: what addGroupSums over all regions gives, without a second
 * pass over the households.
 */
function addScopeGroupSums(world: World, scopes: readonly LazyScopeStats[], scratch: Float64Array): void {
  const regions = world.regions;
  const total = scopes[0].groupSums;
  for (let r = 0; r < regions.length; r++) {
    const groups = scopes[r + 1].groupSums;
    addGroupSums(world, [regions[r]], groups, scratch);
    for (let j = 0; j < GROUP_SUMS_SIZE; j++) total[j] += groups[j];
  }
}

/*
 * The loops over households, each a function of its own over typed arrays that ends with
 * its loop (see the note in keySort.ts above keyRange), warmed up in createMonthlyStats.
 * Sums go through a Float64Array: a region's at 0.., the total's (continued from region
 * to region, in order) at TOTAL...
 */
const SUM_PERSONS = 0;
const SUM_MEMBERS = 1;
const SUM_AWARENESS = 2;
const SUM_TRUST = 3;
const SUM_SKILL = 4;
const SUM_REACHED = 5;
const TOTAL = 6;
const SUMS_SIZE = 12;

/**
 * One region's households: its sums, the total's, and (when `welfare`) its consumption
 * keys (the Float32 value widened exactly, and the payload region << 8 | persons) from
 * slot `p` on. Returns the next slot.
 */
function sumRegion(
  size: Uint8Array,
  member: Uint8Array,
  awareness: Float32Array,
  trust: Float32Array,
  skill: Float32Array,
  transfers: Float32Array,
  consumption: Float32Array,
  start: number,
  end: number,
  welfare: boolean,
  values: Float64Array,
  pay: Uint32Array,
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
      values[p] = consumption[i];
      pay[p] = tag | n;
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
  const values = new Float64Array(n);
  const pay = new Uint32Array(n);
  for (let round = 0; round < 2; round++) {
    const sums = new Float64Array(SUMS_SIZE);
    const region = (from: number, to: number, welfare: boolean, p: number, tag: number) =>
      sumRegion(
        size,
        member,
        f32(),
        f32(),
        f32(),
        transfers,
        consumption,
        from,
        to,
        welfare,
        values,
        pay,
        p,
        tag,
        sums,
      );
    region(n / 2, n, true, region(0, n / 2, true, 0, 0), 1 << 8);
    region(0, n, false, 0, 0);
  }
}

/** Keys nowhere: the household pass's target when it writes none. */
const EMPTY_KEYS = { a: { f64: new Float64Array(0), pay: new Uint32Array(0) } };

/** The scopes' welfare figures: consumption's (full), then income's (mean and median), as `parts` asks. */
function welfareFigures(world: World, state: State, consumption: FigureSettings, parts: WelfareParts): void {
  const regions = world.regions;
  const n = state.starts[regions.length];
  const sorts = state.sorts as WelfareSorts;
  // Consumption: the keys were written by the household pass.
  figuresOfKeys(sorts, n, state.persons, consumption, 0, parts.regions);
  if (!parts.income) return;
  const { f64, pay } = sorts.sort.a;
  regionIncomeKeys(world.households.income, world.households.size, regions, f64, pay);
  figuresOfKeys(sorts, n, state.persons, INCOME_SETTINGS, INCOME, parts.regions);
}

/**
 * A scope's stats, reused month after month. Its samples are built on first use, from
 * the world (each scope's households in order, sorted by `sortSample`); a sample stays valid until
 * another scope's sample of the same kind is built.
 */
class LazyScopeStats implements ScopeStats {
  // Sums start as -0 so that V8 makes them double fields (see model/doubleFields.ts); the
  // constructor's reset() sets them to +0.
  households = -0;
  persons = -0;
  members = -0;
  awarenessSum = -0;
  trustSum = -0;
  skillSum = -0;
  transfersReached = -0;
  cooperatives = -0;
  activeCooperatives = -0;
  capital = -0;
  reserves = -0;
  debt = -0;
  cash = -0;
  enterprises = -0;
  readonly enterprisesByKind: Float64Array;
  jobs = -0;
  inputs = -0;
  internalInputs = -0;
  potentialUsed = -0;
  potentialCapacity = -0;
  governanceSum = -0;
  stageSum = -0;
  regions = -0;
  foodSpending = -0;
  totalSpending = -0;
  businessVolume = -0;
  externalSales = -0;
  federationTrade = -0;
  socialTransfers = -0;
  shuPaid = -0;
  ratHeld = -0;
  ratDue = -0;
  surplus = -0;
  educationFund = -0;
  socialFund = -0;
  maturedCredit = -0;
  defaultedArrears = -0;
  savingsLost = -0;
  /** This month's group sums, once `monthGroups` has filled them (read through `groups`). */
  readonly groupSums = new Float64Array(GROUP_SUMS_SIZE);
  private consumptionSample: WeightedSample | null = null;
  private incomeSample: WeightedSample | null = null;

  constructor(
    private readonly world: World,
    private readonly scopeRegions: readonly RegionState[],
    private readonly legacy: LegacyBuffers,
    private readonly monthGroups: MonthGroups,
  ) {
    this.enterprisesByKind = emptyStats().enterprisesByKind;
    this.reset();
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
    this.ratDue = 0;
    this.surplus = 0;
    this.educationFund = 0;
    this.socialFund = 0;
    this.maturedCredit = 0;
    this.defaultedArrears = 0;
    this.savingsLost = 0;
    this.groupSums.fill(0);
    this.consumptionSample = null;
    this.incomeSample = null;
  }

  get groups(): Float64Array {
    if (this.monthGroups.pending) this.monthGroups.fill();
    return this.groupSums;
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

  /** The scope's person-weighted sample, sorted by `sortSample`. */
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
    // can both be held at once.
    return { values: sorted.values.slice(0, n), weights: sorted.weights.slice(0, n), count: n, sorted: true };
  }
}
