import type { Cooperative } from './cooperative.js';
import type { RegionState } from './region.js';
import type { World } from './world.js';

/*
 * Region-level measures that the model's own rules read (gates, governance). The
 * indicators compute their published versions separately, in one pass.
 */

/** Share of a region's households that are members, 0..1. */
export function memberShare(region: RegionState): number {
  const n = region.end - region.start;
  return n === 0 || !region.coop ? 0 : region.coop.memberCount / n;
}

/** Mean awareness of a region's households, 0..1. */
export function meanAwareness(world: World, region: RegionState): number {
  const a = world.households.awareness;
  let s = 0;
  for (let i = region.start; i < region.end; i++) s += a[i];
  return region.end > region.start ? s / (region.end - region.start) : 0;
}

/** Mean of a household column over a region's members (0 with no members). */
export function meanOverMembers(world: World, region: RegionState, column: Float32Array): number {
  const member = world.households.member;
  let s = 0;
  let n = 0;
  for (let i = region.start; i < region.end; i++) {
    if (member[i]) {
      s += column[i];
      n++;
    }
  }
  return n === 0 ? 0 : s / n;
}

/** Integration index: share of enterprises' inputs sourced inside the cooperative this month. */
export function integrationIndex(coop: Cooperative): number {
  let inputs = 0;
  let internal = 0;
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    inputs += e.inputs;
    internal += e.internalInputs;
  }
  return inputs > 0 ? internal / inputs : 0;
}
