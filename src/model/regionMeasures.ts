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
  sumOverMembers(world.households.member, column, region.start, region.end, MEMBER_SUM);
  const n = MEMBER_SUM[1];
  return n === 0 ? 0 : MEMBER_SUM[0] / n;
}

/** The sum and the count of `sumOverMembers`, reused from call to call. */
const MEMBER_SUM = new Float64Array(2);

/*
 * The loop alone, ending with it: V8 optimizes it mid-loop (on-stack replacement) at
 * 100,000 households, and code after a loop has no type feedback at that moment, so with the
 * division in the same function the optimized code deoptimized on nearly every call
 * (`--trace-deopt`: 218 times in 24 months).
 */
function sumOverMembers(member: Uint8Array, column: Float32Array, start: number, end: number, out: Float64Array): void {
  let s = 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    if (member[i]) {
      s += column[i];
      n++;
    }
  }
  out[0] = s;
  out[1] = n;
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
