import { OCC, isProducer, type Households } from '../model/households.js';
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

/** One region's households into `sums` (zeroed by the caller). */
function regionGroupSums(h: Households, start: number, end: number, active: boolean, sums: Float64Array): void {
  const { size, member, occupation, realConsumptionPc, quintile0, consumption0, income, income0, skill, baseSkill } = h;
  const members = 2 * GROUPS.indexOf('members');
  const nonmembers = 2 * GROUPS.indexOf('nonmembers');
  const producers = 2 * GROUPS.indexOf('producers');
  const traders = 2 * GROUPS.indexOf('traders');
  const laborers = 2 * GROUPS.indexOf('laborers');
  const shopkeepers = 2 * GROUPS.indexOf('shopkeepers');
  for (let i = start; i < end; i++) {
    const n = size[i];
    const c = realConsumptionPc[i] * n;
    const m = member[i] === 1 ? members : nonmembers;
    sums[m] += c;
    sums[m + 1] += n;
    const o = occupation[i];
    const g = isProducer(o)
      ? producers
      : o === OCC.trader
        ? traders
        : o === OCC.laborer
          ? laborers
          : o === OCC.shopkeeper
            ? shopkeepers
            : -1;
    if (g >= 0) {
      sums[g] += c;
      sums[g + 1] += n;
    }
    const q = quintile0[i];
    const qg = 2 * (Q1 + q);
    sums[qg] += c;
    sums[qg + 1] += n;
    const qc = QUINTILE_COUNTS + 2 * q;
    sums[qc] += member[i];
    sums[qc + 1] += 1;
    sums[IMPACT + (member[i] === 1 ? IMPACT_SUM.membersConsumption0 : IMPACT_SUM.nonmembersConsumption0)] +=
      consumption0[i] * n;
    if (member[i] === 1) {
      // Among members only, so that the contrast is the training's, not membership's.
      const t = skill[i] > baseSkill[i] ? IMPACT_SUM.trainedIncome : IMPACT_SUM.untrainedIncome;
      sums[IMPACT + t] += income[i];
      sums[IMPACT + t + 1] += income0[i];
    }
  }
  if (active) {
    // The region's members are already counted, by quintile: no second pass.
    for (let q = 0; q < 5; q++) sums[IMPACT + IMPACT_SUM.activeMembers] += sums[QUINTILE_COUNTS + 2 * q];
    sums[IMPACT + IMPACT_SUM.activeHouseholds] += end - start;
  }
}
