import { describe, expect, it } from 'vitest';
import { catchInput } from '../support/catchInput.js';
import { runObserved, series, smallRoadmap } from '../support/stageRuns.js';

/*
 * The hook of attribution's `programmes` design: a gated run's own stage months, imposed as
 * `strategy.timeline`, repeat the run exactly; an inert stage keeps its month but its
 * programmes do nothing.
 */

const SEED = 5;
const MONTHS = 72;

/** Per region, the months stages 1..6 opened in a run (null: never). */
function timelineOf(world: ReturnType<typeof runObserved>['world']): (number | null)[][] {
  return world.regions.map((r) => [1, 2, 3, 4, 5, 6].map((k) => (r.stageStart[k] >= 0 ? r.stageStart[k] : null)));
}

describe('imposed timeline and inert stages', () => {
  const gated = runObserved(smallRoadmap(MONTHS), SEED);
  const timeline = timelineOf(gated.world);

  it('the gated run opens several stages (so the checks below mean something)', () => {
    expect(timeline.flat().filter((m) => m !== null).length).toBeGreaterThanOrEqual(6);
    expect(timeline.every((months) => months[1] !== null)).toBe(true); // stage 2 opened everywhere
  });

  it("a gated run's own timeline, imposed, repeats the run exactly", () => {
    const imposed = runObserved(smallRoadmap(MONTHS, [`strategy.timeline=${JSON.stringify(timeline)}`]), SEED);
    expect(timelineOf(imposed.world)).toEqual(timeline);
    expect(imposed.result.series).toEqual(gated.result.series);
  });

  it('inert stages open in the same months but their programmes do nothing', () => {
    const sets = [`strategy.timeline=${JSON.stringify(timeline)}`, 'strategy.inertStages=[2,3,4,5,6]'];
    const inert = runObserved(smallRoadmap(MONTHS, sets), SEED);
    expect(timelineOf(inert.world)).toEqual(timeline);
    // Stage 2's programmes found the enterprises: none exist when it is inert.
    expect(Math.max(...series(inert.result, 'enterprises_active'))).toBe(0);
    expect(inert.world.federation.members).toEqual([]);
    expect(inert.world.regions.every((r) => !r.federated)).toBe(true);
  });

  it('inert stages in gated mode open by their gates as before', () => {
    const inert = runObserved(smallRoadmap(MONTHS, ['strategy.inertStages=[6]']), SEED);
    // Stage 6 adds nothing the gates of earlier stages look at, so the timeline is unchanged.
    expect(timelineOf(inert.world)).toEqual(timeline);
    expect(series(inert.result, 'social_transfers').every((v) => v === 0)).toBe(true);
  });

  it('rejects a timeline without one entry per region, naming the field', () => {
    const error = catchInput(() => smallRoadmap(12, ['strategy.timeline=[[0,null,null,null,null,null]]']));
    expect(error.message).toContain('strategy.timeline');
  });
});
