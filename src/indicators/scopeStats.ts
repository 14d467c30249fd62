import { activeEnterprises, coopCapital, coopDebt } from '../model/cooperative.js';
import { doubleFields } from '../model/doubleFields.js';
import { ENTERPRISE_KINDS } from '../model/enterprise.js';
import type { RegionState } from '../model/region.js';
import type { WeightedSample } from './distribution.js';
import { GROUP_SUMS_SIZE } from './groupSums.js';

/**
 * What the indicators of one scope (a region, or the whole scenario) are computed from:
 * sums from one pass over the scope's households, the cooperative's books, and the
 * person-weighted distributions of real consumption and income per capita, sorted.
 */
export interface ScopeStats {
  households: number;
  persons: number;
  members: number;
  awarenessSum: number;
  trustSum: number;
  skillSum: number;
  transfersReached: number;
  consumption: WeightedSample;
  income: WeightedSample;
  cooperatives: number;
  activeCooperatives: number;
  capital: number;
  reserves: number;
  debt: number;
  cash: number;
  enterprises: number;
  enterprisesByKind: Float64Array;
  jobs: number;
  inputs: number;
  internalInputs: number;
  potentialUsed: number;
  potentialCapacity: number;
  governanceSum: number;
  stageSum: number;
  regions: number;
  foodSpending: number;
  totalSpending: number;
  businessVolume: number;
  externalSales: number;
  federationTrade: number;
  socialTransfers: number;
  shuPaid: number;
  ratHeld: number;
  /** RATs due (held or skipped) this month. */
  ratDue: number;
  /** The year's SHU booked at this month's annual closes, rupiah. */
  surplus: number;
  educationFund: number;
  socialFund: number;
  /** Amount of programme loans that reached maturity, rupiah (cumulative). */
  maturedCredit: number;
  /** Arrears outstanding on them at maturity, rupiah (cumulative). */
  defaultedArrears: number;
  /** Members' savings not paid back on exit this month, rupiah. */
  savingsLost: number;
  /** Sums by group (groupSums.ts): consumption and persons per group, members and households per quintile. */
  readonly groups: Float64Array;
}

/**
 * Adds one region's aggregates (flows, potentials, its cooperative's books and
 * enterprises) to a scope's stats. For a scope of several regions, call it for each in
 * order: the sums then accumulate in the same order as always.
 */
export function addRegionBooks(s: ScopeStats, region: RegionState): void {
  s.regions++;
  s.stageSum += region.stage;
  const f = region.flows;
  s.foodSpending += f.foodSpending;
  s.totalSpending += f.totalSpending;
  s.businessVolume += f.businessVolume;
  s.externalSales += f.externalSales;
  s.federationTrade += f.federationTrade;
  s.socialTransfers += f.socialTransfers;
  s.shuPaid += f.shuPaid;
  s.ratHeld += f.ratHeld;
  s.ratDue += f.ratDue;
  s.surplus += f.surplus;
  s.savingsLost += f.savingsLost;
  for (const p of region.potentials) {
    s.potentialUsed += p.used;
    s.potentialCapacity += p.capacity;
  }
  const coop = region.coop;
  if (!coop) return;
  s.cooperatives++;
  if (coop.active) s.activeCooperatives++;
  s.capital += coopCapital(coop);
  s.reserves += coop.reserves;
  s.debt += coopDebt(coop);
  s.cash += coop.cash;
  s.governanceSum += coop.governance;
  s.educationFund += coop.educationFund;
  s.socialFund += coop.socialFund;
  s.maturedCredit += coop.maturedCredit;
  s.defaultedArrears += coop.defaultedArrears;
  s.enterprises += activeEnterprises(coop);
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    s.enterprisesByKind[ENTERPRISE_KINDS.indexOf(e.kind)]++;
    s.jobs += e.workers;
    s.inputs += e.inputs;
    s.internalInputs += e.internalInputs;
  }
}

const EMPTY_SAMPLE: WeightedSample = {
  values: new Float64Array(0),
  weights: new Float64Array(0),
  count: 0,
  sorted: true,
};

/** Stats with every sum at zero and empty samples. */
export function emptyStats(): ScopeStats {
  return doubleFields({
    households: -0,
    persons: -0,
    members: -0,
    awarenessSum: -0,
    trustSum: -0,
    skillSum: -0,
    transfersReached: -0,
    consumption: EMPTY_SAMPLE,
    income: EMPTY_SAMPLE,
    cooperatives: -0,
    activeCooperatives: -0,
    capital: -0,
    reserves: -0,
    debt: -0,
    cash: -0,
    enterprises: -0,
    enterprisesByKind: new Float64Array(ENTERPRISE_KINDS.length),
    jobs: -0,
    inputs: -0,
    internalInputs: -0,
    potentialUsed: -0,
    potentialCapacity: -0,
    governanceSum: -0,
    stageSum: -0,
    regions: -0,
    foodSpending: -0,
    totalSpending: -0,
    businessVolume: -0,
    externalSales: -0,
    federationTrade: -0,
    socialTransfers: -0,
    shuPaid: -0,
    ratHeld: -0,
    ratDue: -0,
    surplus: -0,
    educationFund: -0,
    socialFund: -0,
    maturedCredit: -0,
    defaultedArrears: -0,
    savingsLost: -0,
    groups: new Float64Array(GROUP_SUMS_SIZE),
  });
}
