import type { Rng } from '../core/rng.js';
import { activeEnterprises, coopCapital } from './cooperative.js';
import { foundCooperative } from './founding.js';
import type { RegionState } from './region.js';
import { STAGE, STAGES, type StageNumber } from './params.js';
import { decisionUniform, emit, type World } from './world.js';
import { integrationIndex, memberShare, meanAwareness } from './regionMeasures.js';
import { grantCredit } from './founding.js';

/**
 * Process 12: stage transitions, checked at the end of each month (and at month 0).
 *
 * `scheduled` mode starts each stage's programs at the month the strategy names.
 * `gated` mode moves a region from its current stage to the next enabled stage when
 * that stage's gate holds. A disabled stage never starts (its programs and gates never
 * switch on); the region's next gate is then the one of the next enabled stage.
 * The federation (stage 5) is scenario-wide: it forms once enough regions are ready.
 */
export function updateStages(world: World, rng: Rng): void {
  const { strategy } = world.params;
  if (strategy.founding === 'none') return;
  const enabled = new Set<number>(strategy.enabledStages);
  if (strategy.timeline) {
    imposeTimeline(world, strategy.timeline, enabled, rng);
    return;
  }
  if (strategy.mode === 'scheduled') {
    for (const region of world.regions) {
      for (const k of STAGES) {
        const at = strategy.schedule[`stage${k}`];
        if (!enabled.has(k) || at === null || at > world.month || region.stageStart[k] >= 0) continue;
        if (region.coop && !region.coop.active) continue; // a dormant cooperative starts nothing
        if (k === STAGE.federation) continue; // the federation joins regions below, all at once
        startStage(world, region, k, rng);
      }
    }
    const at5 = strategy.schedule.stage5;
    if (enabled.has(STAGE.federation) && at5 !== null && at5 <= world.month && world.regions.length > 1) {
      federate(
        world,
        world.regions.filter((r) => r.stageStart[5] < 0 && r.coop?.active),
        rng,
      );
    }
    return;
  }
  // Gated: stage 1 opens when the strategy first applies to a region (stages 1 and 2 when
  // founding top-down, which builds enterprises at once): at month 0, or later in a run
  // continued under a new strategy from a state without any (kopsim branch from a status
  // quo). Gates are checked once a month from the next month on.
  const opening = world.month === 0 ? world.regions : world.regions.filter((r) => r.stage === 0 && !r.coop);
  if (opening.length > 0) {
    const first = strategy.founding === 'top-down' ? [STAGE.awareness, STAGE.enterprises] : [STAGE.awareness];
    for (const region of opening) {
      for (const k of first) if (enabled.has(k)) startStage(world, region, k as StageNumber, rng);
      if (!region.coop) {
        const firstEnabled = STAGES.find((s) => enabled.has(s));
        if (firstEnabled !== undefined) startStage(world, region, firstEnabled, rng);
      }
    }
  }
  if (world.month === 0) return;
  const canFederate = enabled.has(STAGE.federation) && world.regions.length > 1;
  const ready: RegionState[] = [];
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || opening.includes(region)) continue;
    if (canFederate && region.stageStart[5] < 0 && isReadyToFederate(world, region, enabled)) ready.push(region);
    // Stages open in order, one a month: the first enabled stage not yet started opens
    // when its gate holds. The federation joins regions separately (below), so a region
    // that federates early still opens stages 3 and 4 by their gates afterwards.
    for (const k of STAGES) {
      if (!enabled.has(k) || region.stageStart[k] >= 0) continue;
      if (k === STAGE.federation) {
        if (canFederate) break; // stage 6 waits for the federation
        continue; // a single region cannot federate: stage 6 follows stage 4
      }
      // When the gate holds, members still have to decide (board proposals, the RAT): the
      // stage opens with a monthly probability, so its month varies between villages.
      if (
        gateHolds(world, region, k) &&
        decisionUniform(world, 'open stage', region.index, k, world.month) < world.params.gates.openProbability
      )
        startStage(world, region, k, rng);
      break;
    }
  }
  if (canFederate) {
    const formed = world.federation.formedMonth >= 0;
    const share = (ready.length + world.federation.members.length) / world.regions.length;
    if (ready.length > 0 && (formed || share >= world.params.gates.stage5RegionShare)) federate(world, ready, rng);
  }
}

/**
 * Imposed timeline (`strategy.timeline`): each enabled stage opens in each region exactly in
 * the month the timeline gives, gates and schedule not consulted, in the order the gated
 * mode opens them (region by region, stage by stage, the federation last), so a run given
 * the timeline of a gated run repeats that run.
 */
function imposeTimeline(
  world: World,
  timeline: readonly (readonly (number | null)[])[],
  enabled: ReadonlySet<number>,
  rng: Rng,
): void {
  const joining: RegionState[] = [];
  for (const region of world.regions) {
    const months = timeline[region.index];
    for (const k of STAGES) {
      const at = months[k - 1];
      if (!enabled.has(k) || at === null || at > world.month || region.stageStart[k] >= 0) continue;
      if (k === STAGE.federation) joining.push(region);
      else startStage(world, region, k, rng);
    }
  }
  federate(world, joining, rng);
}

/** Whether the gate into stage k holds for a region (gated mode). */
export function gateHolds(world: World, region: RegionState, k: StageNumber): boolean {
  const g = world.params.gates;
  const coop = region.coop;
  if (!coop) return false;
  const households = region.end - region.start;
  switch (k) {
    case STAGE.awareness:
      return true;
    case STAGE.enterprises:
      return meanAwareness(world, region) >= g.stage2Awareness && memberShare(region) >= g.stage2MemberShare;
    case STAGE.potential:
      return activeEnterprises(coop) >= g.stage3Enterprises && integrationIndex(coop) >= g.stage3Integration;
    case STAGE.institution:
      // Enough capital per household, and the means to found the institution now.
      return (
        coopCapital(coop) >= g.stage4CapitalPerHousehold * households &&
        coop.educationFund + coop.cash >= world.params.institution.setupCost
      );
    case STAGE.federation:
      return isReadyToFederate(world, region, new Set<number>(world.params.strategy.enabledStages));
    case STAGE.social:
      // Enough members, and a social fund built from surpluses to spread the benefits with.
      return (
        memberShare(region) >= g.stage6MemberShare && coop.socialFund >= g.stage6SocialFundPerHousehold * households
      );
  }
}

/**
 * A region is ready to federate once it has started the stage `gates.stage5MinStage`
 * (or, when that stage is disabled, the last enabled stage below it).
 */
function isReadyToFederate(world: World, region: RegionState, enabled: ReadonlySet<number>): boolean {
  if (!region.coop?.active) return false;
  let required = 0;
  for (let s = 1; s < STAGE.federation && s <= world.params.gates.stage5MinStage; s++) if (enabled.has(s)) required = s;
  return required === 0 || region.stageStart[required] >= 0;
}

/** Starts stage k's programs in a region, founding its cooperative if it has none. */
export function startStage(world: World, region: RegionState, k: StageNumber, rng: Rng): void {
  if (region.stageStart[k] >= 0) return;
  if (!region.coop) foundCooperative(world, region, rng);
  region.stageStart[k] = world.month;
  if (k > region.stage) region.stage = k;
  emit(world, region.index, 'stage-reached', `${region.name}: stage ${k} (${STAGE_NAMES[k]}) started`);
}

/** Brings regions' cooperatives into the federation (stage 5), forming it if needed. */
function federate(world: World, regions: readonly RegionState[], rng: Rng): void {
  if (regions.length === 0) return;
  const fed = world.federation;
  if (fed.formedMonth < 0) {
    fed.formedMonth = world.month;
    emit(world, -1, 'federation-formed', `federation formed by ${regions.length} cooperatives`);
  }
  // An inert federation opens on its timeline (so the gates that wait for it still see it)
  // but does nothing: no members, no market reach, no credit.
  if (world.params.strategy.inertStages.includes(STAGE.federation)) {
    for (const region of regions) if (region.coop) startStage(world, region, STAGE.federation, rng);
    return;
  }
  const multiplier = world.params.federation.marketReachMultiplier;
  for (const region of regions) {
    if (region.federated || !region.coop) continue;
    region.federated = true;
    fed.members.push(region.index);
    for (const e of region.coop.enterprises) e.marketReach *= multiplier;
    startStage(world, region, STAGE.federation, rng);
    grantCredit(world, region);
  }
}

/** Short names of the six roadmap stages (seed article). */
export const STAGE_NAMES: Readonly<Record<number, string>> = {
  [STAGE.awareness]: 'awareness',
  [STAGE.enterprises]: 'enterprises and integration',
  [STAGE.potential]: 'regional potential',
  [STAGE.institution]: 'education institution',
  [STAGE.federation]: 'federation',
  [STAGE.social]: 'social programs',
};
