import { clamp01 } from './clamp.js';
import type { Rng } from '../core/rng.js';
import { streamSeed } from '../core/seed.js';
import { createRng } from '../core/rng.js';
import { allocateHouseholds, OCC, type Households } from './households.js';
import { buildSmallWorld } from './network.js';
import { createLedger, book } from './ledger.js';
import { emptyFlows, type RegionState } from './region.js';
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
  const regions: RegionState[] = params.regions.map((spec, index) => ({
    index,
    name: spec.name,
    start: ranges[index].start,
    end: ranges[index].end,
    stage: 0,
    stageStart: new Int32Array(7).fill(-1),
    coop: null,
    potentials: POTENTIAL_KINDS.map((k) => ({ ...spec.potentials[k], stock: 1, used: 0 })),
    shockMonthsLeft: 0,
    privatePrice: new Float64Array(4).fill(1),
    unmetDemand: new Float64Array(4),
    storeFill: new Float64Array(4).fill(1),
    memberOutputOffered: 0,
    marketingFill: 1,
    campaignOrder: null,
    campaignCursor: 0,
    federated: false,
    flows: emptyFlows(),
  }));
  const world: World = {
    params,
    month: 0,
    households,
    network,
    regions,
    federation: { formedMonth: -1, members: [] },
    ledger,
    events: [],
    scratch: {
      memberNeighbourShare: new Float32Array(total),
      memberNeighbours: new Uint16Array(total),
      memberSeen: new Uint8Array(total),
      quantile: new Float32Array(Math.max(...params.regions.map((r) => r.households))),
    },
  };
  populate(world, createRng(streamSeed(runSeed, 'households')));
  baselineSpending(world);
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
  for (const region of world.regions) {
    const scale = params.regions[region.index].productivityScale;
    let cash = 0;
    let business = 0;
    for (let i = region.start; i < region.end; i++) {
      h.region[i] = region.index;
      h.size[i] = householdSize(hp.meanSize, rng);
      const u = rng.uniform() * acc;
      let occ = 0;
      while (occ < cumulative.length - 1 && u >= cumulative[occ]) occ++;
      h.occupation[i] = occ;
      h.productivity[i] = scale * Math.exp(logMedian + hp.productivitySigma * rng.normal());
      h.skill[i] = clamp01(hp.initialSkillMean + 0.12 * rng.normal());
      const income = earningPotential(h, i, hp);
      h.expectedIncome[i] = income;
      // Month 0 shows the pre-cooperative baseline: households spend what they expect to earn.
      h.income[i] = income;
      h.consumption[i] = income;
      h.realConsumptionPc[i] = income / h.size[i];
      h.cash[i] = hp.initialCashMonths * income * (0.5 + rng.uniform());
      cash += h.cash[i];
      if (occ === OCC.trader) {
        h.businessCapital[i] = hp.traderCapitalMonths * income;
        business += h.businessCapital[i];
      }
      // Awareness starts low and skewed: a few households already know cooperatives well.
      h.awareness[i] = clamp01(params.awareness.initialMean * -Math.log(1 - rng.uniform()));
      h.threshold[i] = Math.min(1, Math.max(0.02, m.thresholdMean + m.thresholdSd * rng.normal()));
      h.trust[i] = clamp01(m.initialTrust + 0.1 * rng.normal());
      h.exitTrust[i] = Math.min(0.95, Math.max(0, m.exitTrustMean + 0.08 * rng.normal()));
    }
    book(world.ledger, 'opening balances', 'opening', { region: region.index, account: 'householdCash' }, cash);
    book(world.ledger, 'opening balances', 'opening', { region: region.index, account: 'householdBusiness' }, business);
  }
}

/** Month 0's spending flows (households spend what they expect to earn), so food share has a baseline. */
function baselineSpending(world: World): void {
  const h = world.households;
  const mk = world.params.market;
  for (const region of world.regions) {
    for (let i = region.start; i < region.end; i++) {
      const spend = h.consumption[i];
      region.flows.foodSpending +=
        foodShare(spend / h.size[i], mk.povertyLine, mk.engelFoodShareAtLine, mk.engelSlope) * spend;
      region.flows.totalSpending += spend;
    }
  }
}

/** 1 + Poisson(mean - 1) persons, at most 12 (Knuth's method; the mean is small). */
function householdSize(mean: number, rng: Rng): number {
  const limit = Math.exp(-(mean - 1));
  let k = 0;
  let p = rng.uniform();
  while (p > limit && k < 11) {
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
