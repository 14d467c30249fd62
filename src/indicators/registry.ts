import { ENTERPRISE_KINDS } from '../model/enterprise.js';
import type { ModelParams } from '../model/params.js';
import { atkinson } from './atkinson.js';
import { fgt } from './fgt.js';
import { gini } from './gini.js';
import { senWelfare } from './senWelfare.js';
import type { ScopeStats } from './scopeStats.js';
import { GROUPS, groupSumIndex, impactSumIndex, quintileCountIndex, type Group } from './groupSums.js';
import { weightedMean } from './weightedMean.js';
import { weightedMedian } from './weightedMedian.js';

/** Units an indicator is measured in; charts and tables print them. */
export type IndicatorUnit =
  | 'rupiah per person per month'
  | 'rupiah per month'
  | 'rupiah per year'
  | 'rupiah'
  | 'share'
  /** A ratio minus 1 (a gain over a comparison group); negative for a loss. */
  | 'relative change'
  | 'index'
  | 'count'
  | 'stage';

/**
 * One indicator: how to compute it for a scope (a region or the whole scenario) from
 * that scope's stats. The registry below is the only list of indicators; output rows,
 * summaries, charts and the TUI all read it (Mesa's model_reporters).
 */
export interface Indicator {
  readonly id: string;
  readonly label: string;
  readonly unit: IndicatorUnit;
  readonly description: string;
  /** Which part of the model it describes, for grouping in reports. */
  readonly group: 'welfare' | 'cooperative' | 'enterprises' | 'roadmap';
  /** Whether summaries and printed tables show it by default. */
  readonly key?: boolean;
  compute(s: ScopeStats, params: ModelParams): number;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

const welfare: Indicator[] = [
  {
    id: 'consumption_pc_mean',
    label: 'Real consumption per capita (mean)',
    unit: 'rupiah per person per month',
    group: 'welfare',
    key: true,
    description: 'person-weighted mean of real consumption per capita, base-year prices',
    compute: (s) => weightedMean(s.consumption),
  },
  {
    id: 'consumption_pc_median',
    label: 'Real consumption per capita (median)',
    unit: 'rupiah per person per month',
    group: 'welfare',
    description: 'person-weighted median of real consumption per capita',
    compute: (s) => weightedMedian(s.consumption),
  },
  {
    id: 'income_pc_mean',
    label: 'Income per capita (mean)',
    unit: 'rupiah per person per month',
    group: 'welfare',
    key: true,
    description: 'person-weighted mean of income per capita',
    compute: (s) => weightedMean(s.income),
  },
  {
    id: 'income_pc_median',
    label: 'Income per capita (median)',
    unit: 'rupiah per person per month',
    group: 'welfare',
    description: 'person-weighted median of income per capita',
    compute: (s) => weightedMedian(s.income),
  },
  {
    id: 'gini',
    label: 'Gini (consumption)',
    unit: 'index',
    group: 'welfare',
    key: true,
    description: 'Gini coefficient of real consumption per capita over persons',
    compute: (s) => gini(s.consumption),
  },
  {
    id: 'p0',
    label: 'Poverty headcount P0',
    unit: 'share',
    group: 'welfare',
    key: true,
    description: 'share of persons below the poverty line (FGT alpha 0)',
    compute: (s, p) => fgt(s.consumption, p.market.povertyLine, 0),
  },
  {
    id: 'p1',
    label: 'Poverty gap P1',
    unit: 'share',
    group: 'welfare',
    description: 'FGT alpha 1: mean shortfall below the line, as a share of the line',
    compute: (s, p) => fgt(s.consumption, p.market.povertyLine, 1),
  },
  {
    id: 'p2',
    label: 'Poverty severity P2',
    unit: 'share',
    group: 'welfare',
    description: 'FGT alpha 2: mean squared shortfall',
    compute: (s, p) => fgt(s.consumption, p.market.povertyLine, 2),
  },
  {
    id: 'atkinson_1',
    label: 'Atkinson (e=1)',
    unit: 'index',
    group: 'welfare',
    description: 'Atkinson inequality index, inequality aversion 1',
    compute: (s) => atkinson(s.consumption, 1),
  },
  {
    id: 'atkinson_2',
    label: 'Atkinson (e=2)',
    unit: 'index',
    group: 'welfare',
    description: 'Atkinson inequality index, inequality aversion 2',
    compute: (s) => atkinson(s.consumption, 2),
  },
  {
    id: 'sen_welfare',
    label: "Sen's welfare index",
    unit: 'rupiah per person per month',
    group: 'welfare',
    description: 'mean real consumption per capita times (1 - Gini)',
    compute: (s) => senWelfare(weightedMean(s.consumption), gini(s.consumption)),
  },
  {
    id: 'food_share',
    label: 'Food share of spending',
    unit: 'share',
    group: 'welfare',
    description: 'food (primary tier) spending over all spending',
    compute: (s) => ratio(s.foodSpending, s.totalSpending),
  },
  {
    id: 'skill_mean',
    label: 'Mean skill',
    unit: 'share',
    group: 'welfare',
    description: 'mean household skill, 0..1',
    compute: (s) => ratio(s.skillSum, s.households),
  },
  {
    id: 'social_transfers',
    label: 'Social transfers paid',
    unit: 'rupiah per month',
    group: 'welfare',
    description: 'cash transfers and health support paid to households this month',
    compute: (s) => s.socialTransfers,
  },
  {
    id: 'households_reached',
    label: 'Households reached by transfers',
    unit: 'count',
    group: 'welfare',
    description: 'households that received a transfer this month',
    compute: (s) => s.transfersReached,
  },
];

const cooperative: Indicator[] = [
  {
    id: 'member_share',
    label: 'Member share',
    unit: 'share',
    group: 'cooperative',
    key: true,
    description: 'share of households that are members',
    compute: (s) => ratio(s.members, s.households),
  },
  {
    id: 'awareness_mean',
    label: 'Mean awareness',
    unit: 'share',
    group: 'cooperative',
    key: true,
    description: 'mean awareness of cooperative values, 0..1',
    compute: (s) => ratio(s.awarenessSum, s.households),
  },
  {
    id: 'trust_mean',
    label: 'Mean trust',
    unit: 'share',
    group: 'cooperative',
    description: 'mean trust in the cooperative, 0..1',
    compute: (s) => ratio(s.trustSum, s.households),
  },
  {
    id: 'coop_capital',
    label: 'Cooperative capital',
    unit: 'rupiah',
    group: 'cooperative',
    key: true,
    description: "members' savings + reserves + grants",
    compute: (s) => s.capital,
  },
  {
    id: 'coop_reserves',
    label: 'Reserves',
    unit: 'rupiah',
    group: 'cooperative',
    description: 'reserves (cadangan)',
    compute: (s) => s.reserves,
  },
  {
    id: 'coop_debt',
    label: 'Cooperative debt',
    unit: 'rupiah',
    group: 'cooperative',
    description: 'loan principal and arrears owed',
    compute: (s) => s.debt,
  },
  {
    id: 'coop_cash',
    label: 'Cooperative cash',
    unit: 'rupiah',
    group: 'cooperative',
    description: 'cash of the cooperatives',
    compute: (s) => s.cash,
  },
  {
    id: 'business_volume',
    label: 'Business volume',
    unit: 'rupiah per month',
    group: 'cooperative',
    key: true,
    description: 'sales of all cooperative enterprises this month',
    compute: (s) => s.businessVolume,
  },
  {
    id: 'shu_paid',
    label: 'SHU paid',
    unit: 'rupiah per year',
    group: 'cooperative',
    description: "SHU paid to members at this month's annual close",
    compute: (s) => s.shuPaid,
  },
  {
    id: 'shu_per_member',
    label: 'SHU per member',
    unit: 'rupiah per year',
    group: 'cooperative',
    key: true,
    description: 'SHU paid at the annual close per member',
    compute: (s) => ratio(s.shuPaid, s.members),
  },
  {
    id: 'governance',
    label: 'Governance quality',
    unit: 'share',
    group: 'cooperative',
    description: 'mean governance quality of the cooperatives',
    compute: (s) => ratio(s.governanceSum, s.cooperatives),
  },
  {
    id: 'rat_held',
    label: 'RATs held',
    unit: 'count',
    group: 'cooperative',
    description: 'annual member meetings held this month',
    compute: (s) => s.ratHeld,
  },
  {
    id: 'cooperatives_active',
    label: 'Active cooperatives',
    unit: 'count',
    group: 'cooperative',
    description: 'cooperatives founded and not inactive',
    compute: (s) => s.activeCooperatives,
  },
];

const enterprises: Indicator[] = [
  {
    id: 'enterprises_active',
    label: 'Active enterprises',
    unit: 'count',
    group: 'enterprises',
    key: true,
    description: 'active cooperative enterprises',
    compute: (s) => s.enterprises,
  },
  ...ENTERPRISE_KINDS.map(
    (kind, k): Indicator => ({
      id: `enterprises_${snake(kind)}`,
      label: `Enterprises: ${kind}`,
      unit: 'count',
      group: 'enterprises',
      description: `active ${kind} enterprises`,
      compute: (s) => s.enterprisesByKind[k],
    }),
  ),
  {
    id: 'integration_index',
    label: 'Integration index',
    unit: 'share',
    group: 'enterprises',
    key: true,
    description: "share of enterprises' inputs sourced inside the cooperative or federation",
    compute: (s) => ratio(s.internalInputs, s.inputs),
  },
  {
    id: 'coop_jobs',
    label: 'Jobs in cooperative enterprises',
    unit: 'count',
    group: 'enterprises',
    description: 'workers employed by cooperative enterprises',
    compute: (s) => s.jobs,
  },
  {
    id: 'potential_utilisation',
    label: 'Potential utilisation',
    unit: 'share',
    group: 'enterprises',
    description: 'value taken from regional potentials over their capacity',
    compute: (s) => ratio(s.potentialUsed, s.potentialCapacity),
  },
  {
    id: 'external_sales',
    label: 'Sales outside the region',
    unit: 'rupiah per month',
    group: 'enterprises',
    description: "enterprises' sales to buyers outside their region",
    compute: (s) => s.externalSales,
  },
  {
    id: 'federation_trade',
    label: 'Inter-region trade',
    unit: 'rupiah per month',
    group: 'enterprises',
    description: "sales to other regions' cooperatives through the federation",
    compute: (s) => s.federationTrade,
  },
];

const roadmap: Indicator[] = [
  {
    id: 'stage',
    label: 'Roadmap stage',
    unit: 'stage',
    group: 'roadmap',
    description: 'highest stage started (mean over regions for the total)',
    compute: (s) => ratio(s.stageSum, s.regions),
  },
];

/** Every indicator kopsim collects, in output order. */
const GROUP_LABELS: Readonly<Record<Group, string>> = {
  members: 'members',
  nonmembers: 'non-members',
  producers: 'producers (farmers, fishers, artisans)',
  traders: 'produce traders',
  laborers: 'laborers',
  shopkeepers: 'warung owners',
  q1: 'the poorest fifth at month 0',
  q2: 'the second fifth at month 0',
  q3: 'the middle fifth at month 0',
  q4: 'the fourth fifth at month 0',
  q5: 'the richest fifth at month 0',
};

/** Gains and losses by group: mean consumption of each group, and membership by quintile at month 0. */
const groups: Indicator[] = [
  ...GROUPS.map(
    (g): Indicator => ({
      id: `consumption_pc_mean_${g}`,
      label: `Real consumption per capita, ${GROUP_LABELS[g]}`,
      unit: 'rupiah per person per month',
      group: 'welfare',
      description: `person-weighted mean of real consumption per capita of ${GROUP_LABELS[g]}`,
      compute: (s) => ratio(s.groups[groupSumIndex(g)], s.groups[groupSumIndex(g) + 1]),
    }),
  ),
  ...[0, 1, 2, 3, 4].map(
    (q): Indicator => ({
      id: `member_share_q${q + 1}`,
      label: `Member share, quintile ${q + 1} at month 0`,
      unit: 'share',
      group: 'cooperative',
      description: `share of the households of consumption quintile ${q + 1} at month 0 (1 poorest) that are members`,
      compute: (s) => ratio(s.groups[quintileCountIndex(q)], s.groups[quintileCountIndex(q) + 1]),
    }),
  ),
];

const failure: Indicator[] = [
  {
    id: 'cooperatives_dormant',
    label: 'Dormant cooperatives',
    unit: 'count',
    group: 'cooperative',
    description: 'cooperatives founded and now dormant (inactive)',
    compute: (s) => s.cooperatives - s.activeCooperatives,
  },
  {
    id: 'programme_arrears_share',
    label: 'Programme credit in arrears at maturity',
    unit: 'share',
    group: 'cooperative',
    description:
      'arrears outstanding at maturity over the amount of the programme loans that have matured (cumulative)',
    compute: (s) => ratio(s.defaultedArrears, s.maturedCredit),
  },
  {
    id: 'savings_lost',
    label: 'Savings lost by leaving members',
    unit: 'rupiah per month',
    group: 'cooperative',
    description: "members' savings the cooperative could not pay back on exit this month",
    compute: (s) => s.savingsLost,
  },
];

/**
 * A difference in differences on the same households: group A's growth of a sum since
 * month 0 over group B's, minus 1; 0 while either group is empty (no contrast to draw).
 */
function gainOverComparison(aNow: number, aStart: number, bNow: number, bStart: number): number {
  if (aStart <= 0 || bStart <= 0 || bNow <= 0) return 0;
  return aNow / aStart / (bNow / bStart) - 1;
}

/**
 * What the evidence is measured on (docs/calibration.md): the registry's figures of
 * cooperative life, and the two effects the impact literature estimates, each measured
 * the way a quasi-experimental study would, on the same households over time.
 */
const evidence: Indicator[] = [
  {
    id: 'rat_due',
    label: 'RATs due',
    unit: 'count',
    group: 'cooperative',
    description: 'annual member meetings due this month (held or skipped) at the annual close of active cooperatives',
    compute: (s) => s.ratDue,
  },
  {
    id: 'coop_surplus',
    label: 'Cooperative surplus (SHU) of the year',
    unit: 'rupiah per month',
    group: 'cooperative',
    description: "the year's SHU (surplus before its split; negative a loss) booked at this month's annual closes",
    compute: (s) => s.surplus,
  },
  {
    id: 'cooperatives_founded',
    label: 'Cooperatives founded',
    unit: 'count',
    group: 'cooperative',
    description: 'cooperatives founded so far, active or dormant',
    compute: (s) => s.cooperatives,
  },
  {
    id: 'member_share_active',
    label: 'Member share where a cooperative is active',
    unit: 'share',
    group: 'cooperative',
    description: 'members over households, in the regions whose cooperative is active (0 when none is)',
    compute: (s) => ratio(s.groups[impactSumIndex('activeMembers')], s.groups[impactSumIndex('activeHouseholds')]),
  },
  {
    id: 'member_consumption_gain',
    label: "Members' consumption gain (difference in differences)",
    unit: 'relative change',
    group: 'welfare',
    description:
      "growth since month 0 of the current members' mean real consumption per capita over the non-members', minus 1 (same households at both dates)",
    compute: (s) =>
      gainOverComparison(
        s.groups[groupSumIndex('members')],
        s.groups[impactSumIndex('membersConsumption0')],
        s.groups[groupSumIndex('nonmembers')],
        s.groups[impactSumIndex('nonmembersConsumption0')],
      ),
  },
  {
    id: 'trained_income_gain',
    label: 'Training effect on income (difference in differences)',
    unit: 'relative change',
    group: 'welfare',
    description:
      'growth since month 0 of the income of trained members (skill above its start) over untrained members, minus 1',
    compute: (s) =>
      gainOverComparison(
        s.groups[impactSumIndex('trainedIncome')],
        s.groups[impactSumIndex('trainedIncome0')],
        s.groups[impactSumIndex('untrainedIncome')],
        s.groups[impactSumIndex('untrainedIncome0')],
      ),
  },
];

export const INDICATORS: readonly Indicator[] = [
  ...welfare,
  ...cooperative,
  ...failure,
  ...enterprises,
  ...roadmap,
  ...groups,
  ...evidence,
];

/** Ids of the indicators summaries show by default. */
export const KEY_INDICATORS: readonly string[] = INDICATORS.filter((i) => i.key).map((i) => i.id);

/** Looks an indicator up by id. */
export function indicatorById(id: string): Indicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}

function snake(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
