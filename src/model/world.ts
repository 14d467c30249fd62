import { deriveSeed } from '../core/seed.js';
import type { Households } from './households.js';
import type { Network } from './network.js';
import type { RegionState } from './region.js';
import type { Ledger } from './ledger.js';
import type { SimEvent } from './events.js';
import type { ModelParams } from './params.js';

/** The secondary cooperative that regional cooperatives form in stage 5. */
export interface Federation {
  /** Month the federation formed, or -1. */
  formedMonth: number;
  /** Regions whose cooperatives are members. */
  readonly members: number[];
}

/** Buffers the step reuses every month, so that it allocates nothing per household. */
export interface Scratch {
  /**
   * Number of each household's neighbours who are members, kept up to date incrementally
   * by awareness; membership reads the share of member neighbours from it the same month.
   */
  readonly memberNeighbours: Uint16Array;
  /** Membership as the neighbour counts last saw it. */
  readonly memberSeen: Uint8Array;
  /** Per-region working buffer (social targeting): the quantile, then the poorest households as an Int32Array view. */
  readonly quantile: Float32Array;
  /**
   * A count per enterprise of the region a household loop is working through (by index in
   * its cooperative's list: production's jobs, membership's workers who leave), zeroed by
   * {@link enterpriseCounts} for each use and regrown when a cooperative has more.
   */
  perEnterprise: Uint32Array;
}

/**
 * Everything a run's state consists of. Processes are plain functions
 * `process(world, rng)` that update it; nothing else holds state.
 */
export interface World {
  readonly params: ModelParams;
  /**
   * The run's seed. Decisions drawn from it by their identity (decisionUniform) use no
   * stream, so that a run whose timeline is imposed draws the same numbers as the run whose
   * gates made it.
   */
  readonly seed: number;
  /** Month just simulated: 0 is the initial state, the first step simulates month 1. */
  month: number;
  readonly households: Households;
  readonly network: Network;
  readonly regions: RegionState[];
  readonly federation: Federation;
  readonly ledger: Ledger;
  /** Events of the month just simulated. */
  readonly events: SimEvent[];
  readonly scratch: Scratch;
}

/** Records an event of the current month. */
export function emit(world: World, region: number, kind: SimEvent['kind'], message: string): void {
  world.events.push({ month: world.month, region, kind, message });
}

/**
 * A uniform draw on [0, 1) fixed by the run's seed and the decision's identity (what is
 * decided, where, when), not taken from a random stream.
 */
export function decisionUniform(world: World, ...identity: ReadonlyArray<string | number>): number {
  return deriveSeed(world.seed, 'decision', ...identity) / 4294967296;
}

/** The world's per-enterprise counts, zeroed for `count` enterprises (regrown when too short). */
export function enterpriseCounts(world: World, count: number): Uint32Array {
  const scratch = world.scratch;
  if (scratch.perEnterprise.length < count) scratch.perEnterprise = new Uint32Array(count);
  const counts = scratch.perEnterprise;
  counts.fill(0, 0, count);
  return counts;
}
