import { clamp01 } from './clamp.js';
import type { Rng } from '../core/rng.js';
import { streamSeed } from '../core/seed.js';
import { createRng } from '../core/rng.js';
import { allocateHouseholds, OCC, type Households } from './households.js';
import { buildSmallWorld } from './network.js';
import { createLedger, book } from './ledger.js';
import { emptyFlows, type RegionState } from './region.js';
import { doubleFields } from './doubleFields.js';
import { OCCUPATIONS, POTENTIAL_KINDS, type ModelParams } from './params.js';
import { earningPotential } from './earnings.js';
import { foodShare } from './engel.js';
import { updateStages } from './stages.js';
import type { World } from './world.js';

/**
 * Builds the initial world (month 0) of a run from its parameters and seed.
 *
 * Each part draws from its own derived random stream ('network', 'households', 'step'),
 * so that, for example, the population is the same whichever network is drawn.
 * Returns the world and the random stream the monthly step must use.
 */
export function createWorld(params: ModelParams, runSeed: number): { world: World; rng: Rng } {
  const total = params.regions.reduce((a, r) => a + r.households, 0);
  const households = allocateHouseholds(total);
  const ranges: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const r of params.regions) {
    ranges.push({ start: cursor, end: cursor + r.households });
    cursor += r.households;
  }
  const network = buildSmallWorld(
    ranges,
    params.networkDegree,
    params.networkRewiring,
    params.crossRegionTies,
    createRng(streamSeed(runSeed, 'network')),
  );
  const ledger = createLedger(params.regions.length);
  // The numbers written -0 become double fields (see doubleFields.ts).
  const regions: RegionState[] = params.regions.map((spec, index) =>
    doubleFields({
      index,
      name: spec.name,
      start: ranges[index].start,
      end: ranges[index].end,
      stage: 0,
      stageStart: new Int32Array(7).fill(-1),
      coop: null,
      potentials: POTENTIAL_KINDS.map((k) => {
        const p = doubleFields({ ...spec.potentials[k], stock: -0, used: -0 });
        p.stock = 1;
        return p;
      }),
      shockMonthsLeft: 0,
      privatePrice: new Float64Array(4).fill(1),
      unmetDemand: new Float64Array(4),
      storeFill: new Float64Array(4),
      memberOutputOffered: -0,
      marketingFill: -0,
      middlemenVolume: -0,
      middlemenBaseline: -0,
      retailVolume: -0,
      retailBaseline: -0,
      campaignOrder: null,
      campaignCursor: 0,
      federated: false,
      flows: emptyFlows(),
    }),
  );
  const world: World = {
    params,
    seed: runSeed,
    month: 0,
    households,
    network,
    regions,
    federation: { formedMonth: -1, members: [] },
    ledger,
    events: [],
    scratch: {
      memberNeighbours: new Uint16Array(total),
      memberSeen: new Uint8Array(total),
      quantile: new Float32Array(Math.max(...params.regions.map((r) => r.households))),
      perEnterprise: new Uint32Array(0),
    },
  };
  populate(world, createRng(streamSeed(runSeed, 'households')));
  baselineSpending(world);
  rankQuintiles(world);
  recordMonthZero(world);
  for (const region of regions) region.campaignOrder = campaignOrder(world, region);
  const rng = createRng(streamSeed(runSeed, 'step'));
  updateStages(world, rng);
  return { world, rng };
}

/** Draws every household's attributes and books the opening balances. */
function populate(world: World, rng: Rng): void {
  const { params, households: h } = world;
  const hp = params.households;
  const m = params.membership;
  const cumulative: number[] = [];
  let acc = 0;
  for (const o of OCCUPATIONS) {
    acc += hp.occupationShares[o];
    cumulative.push(acc);
  }
  const logMedian = Math.log(hp.productivityMedian);
  const toMiddleman = 1 - params.market.middlemanMargin;
  // Cash is U(1 - spread, 1 + spread) times initialCashMonths of income.
  const cashLow = 1 - hp.initialCashSpread;
  const cashWidth = 2 * hp.initialCashSpread;
  for (const region of world.regions) {
    const scale = params.regions[region.index].productivityScale;
    // Villages differ in social capital: each has its own mean initial trust.
    const villageTrust = m.initialTrust + m.villageTrustSd * rng.normal();
    let middlemen = 0;
    let cash = 0;
    let business = 0;
    for (let i = region.start; i < region.end; i++) {
      h.size[i] = householdSize(hp.meanSize, hp.maxSize, rng);
      const u = rng.uniform() * acc;
      let occ = 0;
      while (occ < cumulative.length - 1 && u >= cumulative[occ]) occ++;
      h.occupation[i] = occ;
      h.productivity[i] = scale * Math.exp(logMedian + hp.productivitySigma * rng.normal());
      h.skill[i] = clamp01(hp.initialSkillMean + hp.initialSkillSd * rng.normal());
      h.baseSkill[i] = h.skill[i];
      h.distance[i] = m.distanceMean * -Math.log(1 - rng.uniform());
      const income = earningPotential(h, i, hp);
      if (occ <= OCC.artisan) middlemen += income / toMiddleman;
      h.expectedIncome[i] = income;
      // Month 0 shows the pre-cooperative baseline: households spend what they expect to earn.
      h.income[i] = income;
      h.consumption[i] = income;
      h.realConsumptionPc[i] = income / h.size[i];
      h.cash[i] = hp.initialCashMonths * income * (cashLow + cashWidth * rng.uniform());
      cash += h.cash[i];
      if (occ === OCC.trader || occ === OCC.shopkeeper) {
        h.businessCapital[i] = hp.traderCapitalMonths * income;
        business += h.businessCapital[i];
      }
      // Awareness starts low and skewed: a few households already know cooperatives well.
      h.awareness[i] = clamp01(params.awareness.initialMean * -Math.log(1 - rng.uniform()));
      h.threshold[i] = Math.min(1, Math.max(m.thresholdMin, m.thresholdMean + m.thresholdSd * rng.normal()));
      h.trust[i] = clamp01(villageTrust + m.trustSd * rng.normal());
      h.exitTrust[i] = clamp01(m.exitTrustMean + m.exitTrustSd * rng.normal());
    }
    region.middlemenBaseline = middlemen;
    region.middlemenVolume = middlemen;
    book(world.ledger, 'opening balances', 'opening', { region: region.index, account: 'householdCash' }, cash);
    book(world.ledger, 'opening balances', 'opening', { region: region.index, account: 'householdBusiness' }, business);
  }
}

/** Month 0's spending flows (households spend what they expect to earn), so food share has a baseline. */
function baselineSpending(world: World): void {
  const h = world.households;
  const mk = world.params.market;
  for (const region of world.regions) {
    let total = 0;
    for (let i = region.start; i < region.end; i++) {
      const spend = h.consumption[i];
      total += spend;
      region.flows.foodSpending +=
        foodShare(
          spend / h.size[i],
          mk.povertyLine,
          mk.engelFoodShareAtLine,
          mk.engelSlope,
          mk.foodShareMin,
          mk.foodShareMax,
        ) * spend;
      region.flows.totalSpending += spend;
    }
    region.retailBaseline = total;
    region.retailVolume = total;
  }
}

/**
 * Each household's consumption quintile at month 0 (0 poorest .. 4 richest), over the
 * whole scenario and weighted by persons as the welfare indicators are: the groups by which
 * gains and losses are reported.
 */
function rankQuintiles(world: World): void {
  const h = world.households;
  const order = Array.from({ length: h.count }, (_, i) => i).sort(
    (a, b) => h.realConsumptionPc[a] - h.realConsumptionPc[b] || a - b,
  );
  let persons = 0;
  for (let i = 0; i < h.count; i++) persons += h.size[i];
  let below = 0;
  for (const i of order) {
    // The quintile of the household's middle person.
    h.quintile0[i] = Math.min(4, Math.floor((5 * (below + h.size[i] / 2)) / persons));
    below += h.size[i];
  }
}

/** Keeps each household's month-0 consumption and income: the baselines of the impact indicators. */
function recordMonthZero(world: World): void {
  const h = world.households;
  h.consumption0.set(h.realConsumptionPc);
  h.income0.set(h.income); // Float64 to Float32, rounded as an assignment would
}

/** 1 + Poisson(mean - 1) persons, at most `max` (Knuth's method; the mean is small). */
function householdSize(mean: number, max: number, rng: Rng): number {
  const limit = Math.exp(-(mean - 1));
  let k = 0;
  let p = rng.uniform();
  while (p > limit && k < max - 1) {
    k++;
    p *= rng.uniform();
  }
  return 1 + k;
}

/** The order a targeted campaign follows: poorest first, or best-connected first. */
function campaignOrder(world: World, region: RegionState): Int32Array | null {
  const targeting = world.params.awareness.targeting;
  if (targeting === 'random') return null;
  const n = region.end - region.start;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = region.start + k;
  const h = world.households;
  const key =
    targeting === 'poorest'
      ? (i: number) => h.productivity[i]
      : (i: number) => -(world.network.offsets[i + 1] - world.network.offsets[i]);
  // Sorted once at initialisation, never in the monthly step.
  return Int32Array.from([...order].sort((a, b) => key(a) - key(b) || a - b));
}

export type { Households };
