import type { Cooperative } from './cooperative.js';
import type { StageNumber } from './params.js';
import { doubleFields } from './doubleFields.js';
import type { World } from './world.js';

/** The state of one regional potential (stage 3). */
export interface PotentialState {
  /** Maximum value of output per month at a full stock, rupiah. */
  readonly capacity: number;
  readonly requiredSkill: number;
  readonly setupCapital: number;
  readonly regeneration: number;
  /** Current stock as a share of capacity, 0..1 (natural potentials deplete with over-use). */
  stock: number;
  /** Value of output taken this month, rupiah. */
  used: number;
}

/** Aggregates a region's processes leave for the indicators, reset every month. */
export interface RegionFlows {
  foodSpending: number;
  totalSpending: number;
  /** Sales of all cooperative enterprises, rupiah (business volume). */
  businessVolume: number;
  /** Enterprise sales to buyers outside the region (including other regions), rupiah. */
  externalSales: number;
  /** Sales to other regions' cooperatives through federation trade, rupiah. */
  federationTrade: number;
  socialTransfers: number;
  householdsReached: number;
  shuPaid: number;
  ratHeld: number;
  /** RATs due this month (held or skipped): 1 at an active cooperative's annual close. */
  ratDue: number;
  /** The year's SHU (surplus, negative for a loss) booked at this month's annual close, rupiah. */
  surplus: number;
  campaignContacts: number;
  trainedHouseholds: number;
  /** Members' savings the cooperative could not pay back on exit, rupiah (a loss to those members). */
  savingsLost: number;
}

/** One region (desa/kecamatan): its households' slot range, cooperative and potentials. */
export interface RegionState {
  readonly index: number;
  readonly name: string;
  /** First household slot. */
  readonly start: number;
  /** One past the last household slot. */
  readonly end: number;
  /** Highest stage whose programs have started, 0 before any. */
  stage: number;
  /** Month each stage (index 1..6) started, -1 if not reached. Index 0 unused. */
  readonly stageStart: Int32Array;
  coop: Cooperative | null;
  readonly potentials: PotentialState[];
  /** Months the current regional shock still lasts. */
  shockMonthsLeft: number;
  /** Private market price of each need tier relative to the base year (yardstick effect lowers it). */
  readonly privatePrice: Float64Array;
  /** Member spending per need tier this month that no cooperative store served, rupiah. */
  readonly unmetDemand: Float64Array;
  /** Share of member demand per tier the stores served last month (capacity rationing). */
  readonly storeFill: Float64Array;
  /** Output value members offered to the marketing enterprise this month, rupiah. */
  memberOutputOffered: number;
  /** Share of offered output the marketing enterprise bought last month. */
  marketingFill: number;
  /** Order in which a targeted campaign reaches households, or null for random targeting. */
  campaignOrder: Int32Array | null;
  campaignCursor: number;
  /** Value of produce villagers sold to middlemen last month, rupiah (the produce traders' business). */
  middlemenVolume: number;
  /** The same before any cooperative (expected at month 0), rupiah per month. */
  middlemenBaseline: number;
  /** Villagers' purchases at private shops last month, rupiah (the warung owners' business). */
  retailVolume: number;
  /** The same at month 0, rupiah per month. */
  retailBaseline: number;
  /** Whether this region's cooperative is in the federation. */
  federated: boolean;
  readonly flows: RegionFlows;
}

export function emptyFlows(): RegionFlows {
  return doubleFields({
    foodSpending: -0,
    totalSpending: -0,
    businessVolume: -0,
    externalSales: -0,
    federationTrade: -0,
    socialTransfers: -0,
    householdsReached: -0,
    shuPaid: -0,
    ratHeld: -0,
    ratDue: -0,
    surplus: -0,
    campaignContacts: -0,
    trainedHouseholds: -0,
    savingsLost: -0,
  });
}

const NO_FLOWS: Readonly<RegionFlows> = emptyFlows();

export function resetFlows(f: RegionFlows): void {
  Object.assign(f, NO_FLOWS);
}

/** Whether the programs of stage k run in this region in the given month. */
export function stageActive(region: RegionState, k: number, month: number): boolean {
  const start = region.stageStart[k];
  return start >= 0 && start <= month;
}

/**
 * Whether stage k's programmes run in this region in the given month: the stage has opened
 * and is not inert (`strategy.inertStages`). Processes ask this before running a stage's
 * programmes; the stage logic itself (gates, timeline) asks `stageActive`. An inert stage
 * keeps its place in the timeline, so attribution can switch its programmes off without
 * moving the later stages.
 */
export function programmeActive(world: World, region: RegionState, k: number, month: number): boolean {
  return stageActive(region, k, month) && !world.params.strategy.inertStages.includes(k as StageNumber);
}
