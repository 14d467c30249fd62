import { allocateHouseholds, OCC, isProducer, type Households } from '../model/households.js';
import type { RegionState } from '../model/region.js';
import type { World } from '../model/world.js';

/*
 * Gains and losses by group: who the cooperative helps and who pays. For each group a
 * scope keeps the person-weighted sum of real consumption per capita and its persons, and
 * for each consumption quintile at month 0 its members and households. Groups: members and
 * non-members (by current membership); producers (farmers, fishers, artisans), produce
 * traders, laborers and warung owners; the five quintiles of month 0 (q1 poorest).
 *
 * After them come the sums of the impact indicators: members' and non-members' month-0
 * consumption (the baseline of a difference in differences on the same households), the
 * income now and at month 0 of trained members (skill above its starting level) and of
 * untrained members, and the members and households of regions whose cooperative is active.
 */

/** The groups, in the order their sums are kept. */
export const GROUPS = [
  'members',
  'nonmembers',
  'producers',
  'traders',
  'laborers',
  'shopkeepers',
  'q1',
  'q2',
  'q3',
  'q4',
  'q5',
] as const;
export type Group = (typeof GROUPS)[number];

const Q1 = GROUPS.indexOf('q1');
/** Offset of the per-quintile member and household counts after the groups' two sums each. */
const QUINTILE_COUNTS = 2 * GROUPS.length;

/** Offset of the impact sums after the quintile counts. */
const IMPACT = QUINTILE_COUNTS + 2 * 5;

/** Where each impact sum is, from the offset {@link impactSumIndex} gives. */
export const IMPACT_SUM = {
  /** Person-weighted month-0 consumption per capita of the current members. */
  membersConsumption0: 0,
  nonmembersConsumption0: 1,
  /** Income this month and at month 0 of members whose skill is above its start (trained), and of the other members. */
  trainedIncome: 2,
  trainedIncome0: 3,
  untrainedIncome: 4,
  untrainedIncome0: 5,
  /** Members and households of the regions whose cooperative is active. */
  activeMembers: 6,
  activeHouseholds: 7,
} as const;

/** Length of a scope's group sums. */
export const GROUP_SUMS_SIZE = IMPACT + 8;

/** Index of an impact sum in a scope's group sums. */
export function impactSumIndex(sum: keyof typeof IMPACT_SUM): number {
  return IMPACT + IMPACT_SUM[sum];
}

/** Index of a group's consumption sum; its persons follow it. */
export function groupSumIndex(group: Group): number {
  return 2 * GROUPS.indexOf(group);
}

/** Index of quintile q's (0 poorest) member count; its household count follows it. */
export function quintileCountIndex(q: number): number {
  return QUINTILE_COUNTS + 2 * q;
}

/**
 * Adds the group sums of `regions` to `out`, region by region (each region summed on its
 * own, then added), so that a scope of several regions adds in the same order whoever
 * computes it. `scratch` is a buffer of GROUP_SUMS_SIZE.
 */
export function addGroupSums(
  world: World,
  regions: readonly RegionState[],
  out: Float64Array,
  scratch: Float64Array,
): void {
  const h = world.households;
  for (const region of regions) {
    scratch.fill(0);
    regionGroupSums(h, region.start, region.end, region.coop?.active === true, scratch);
    for (let j = 0; j < GROUP_SUMS_SIZE; j++) out[j] += scratch[j];
  }
}

const MEMBERS = groupSumIndex('members');
const NONMEMBERS = groupSumIndex('nonmembers');
const PRODUCERS = groupSumIndex('producers');
const TRADERS = groupSumIndex('traders');
const LABORERS = groupSumIndex('laborers');
const SHOPKEEPERS = groupSumIndex('shopkeepers');

/**
 * Runs the households' loop once on a few synthetic households of every kind (members
 * trained and not, every occupation and quintile), so that V8 has type feedback for the
 * code after the loop before it first optimizes the loop in the middle of a large region
 * (without it, that code deoptimized on every call at 100,000 households). Results are
 * discarded.
 */
export function warmUpGroupSums(): void {
  const n = 40;
  const h = allocateHouseholds(n);
  for (let i = 0; i < n; i++) {
    h.size[i] = 1 + (i % 5);
    h.member[i] = i & 1;
    h.occupation[i] = i % 6;
    h.quintile0[i] = i % 5;
    h.realConsumptionPc[i] = 500 + i;
    h.consumption0[i] = 400 + i;
    h.income[i] = 2000 + i;
    h.income0[i] = 1800 + i;
    h.skill[i] = (i % 4) / 8;
    h.baseSkill[i] = 0.125;
  }
  const sums = new Float64Array(GROUP_SUMS_SIZE);
  for (let round = 0; round < 2; round++) {
    regionGroupSums(h, 0, n, true, sums);
    regionGroupSums(h, 0, n, false, sums);
  }
}

/**
 * One region's households into `sums` (zeroed by the caller). The sums every household
 * adds to are kept in locals and written at the end: each is still the same additions in
 * household order (so the same number), without a load and a store of the array per
 * addition. The quintiles' sums, indexed by the household's quintile, stay in the array.
 */
function regionGroupSums(h: Households, start: number, end: number, active: boolean, sums: Float64Array): void {
  const { size, member, occupation, realConsumptionPc, quintile0, consumption0, income, income0, skill, baseSkill } = h;
  let membersC = 0;
  let membersN = 0;
  let nonmembersC = 0;
  let nonmembersN = 0;
  let producersC = 0;
  let producersN = 0;
  let tradersC = 0;
  let tradersN = 0;
  let laborersC = 0;
  let laborersN = 0;
  let shopkeepersC = 0;
  let shopkeepersN = 0;
  let membersC0 = 0;
  let nonmembersC0 = 0;
  let trainedIncome = 0;
  let trainedIncome0 = 0;
  let untrainedIncome = 0;
  let untrainedIncome0 = 0;
  for (let i = start; i < end; i++) {
    const n = size[i];
    const c = realConsumptionPc[i] * n;
    const isMember = member[i] === 1;
    if (isMember) {
      membersC += c;
      membersN += n;
      membersC0 += consumption0[i] * n;
      // Among members only, so that the contrast is the training's, not membership's.
      if (skill[i] > baseSkill[i]) {
        trainedIncome += income[i];
        trainedIncome0 += income0[i];
      } else {
        untrainedIncome += income[i];
        untrainedIncome0 += income0[i];
      }
    } else {
      nonmembersC += c;
      nonmembersN += n;
      nonmembersC0 += consumption0[i] * n;
    }
    const o = occupation[i];
    if (isProducer(o)) {
      producersC += c;
      producersN += n;
    } else if (o === OCC.trader) {
      tradersC += c;
      tradersN += n;
    } else if (o === OCC.laborer) {
      laborersC += c;
      laborersN += n;
    } else if (o === OCC.shopkeeper) {
      shopkeepersC += c;
      shopkeepersN += n;
    }
    const q = quintile0[i];
    const qg = 2 * (Q1 + q);
    sums[qg] += c;
    sums[qg + 1] += n;
    const qc = QUINTILE_COUNTS + 2 * q;
    sums[qc] += member[i];
    sums[qc + 1] += 1;
  }
  sums[MEMBERS] = membersC;
  sums[MEMBERS + 1] = membersN;
  sums[NONMEMBERS] = nonmembersC;
  sums[NONMEMBERS + 1] = nonmembersN;
  sums[PRODUCERS] = producersC;
  sums[PRODUCERS + 1] = producersN;
  sums[TRADERS] = tradersC;
  sums[TRADERS + 1] = tradersN;
  sums[LABORERS] = laborersC;
  sums[LABORERS + 1] = laborersN;
  sums[SHOPKEEPERS] = shopkeepersC;
  sums[SHOPKEEPERS + 1] = shopkeepersN;
  sums[IMPACT + IMPACT_SUM.membersConsumption0] = membersC0;
  sums[IMPACT + IMPACT_SUM.nonmembersConsumption0] = nonmembersC0;
  sums[IMPACT + IMPACT_SUM.trainedIncome] = trainedIncome;
  sums[IMPACT + IMPACT_SUM.trainedIncome0] = trainedIncome0;
  sums[IMPACT + IMPACT_SUM.untrainedIncome] = untrainedIncome;
  sums[IMPACT + IMPACT_SUM.untrainedIncome0] = untrainedIncome0;
  if (active) {
    // The region's members are already counted, by quintile: no second pass.
    for (let q = 0; q < 5; q++) sums[IMPACT + IMPACT_SUM.activeMembers] += sums[QUINTILE_COUNTS + 2 * q];
    sums[IMPACT + IMPACT_SUM.activeHouseholds] += end - start;
  }
}
