import { describe, expect, it } from 'vitest';
import { runSeed } from '../../src/core/seed.js';
import { createRunController, DEFAULT_SPEED, SPEEDS, type RunEvent } from '../../src/experiment/runController.js';
import { runScenario } from '../../src/experiment/simulation.js';
import { seriesOf } from '../../src/indicators/series.js';
import { fakeClock, smallScenario } from './smallScenario.js';

function recorded(options: Partial<Parameters<typeof createRunController>[0]> = {}) {
  const scenario = smallScenario(24);
  const clock = fakeClock();
  const controller = createRunController({ scenarioId: 'small', scenario, baseSeed: 7, clock, ...options });
  const events: RunEvent[] = [];
  controller.subscribe((e) => events.push(e));
  const months = () => events.filter((e) => e.type === 'month').map((e) => (e.type === 'month' ? e.month : -1));
  return { scenario, clock, controller, events, months };
}

describe('run controller', () => {
  it('reports start with the identity and the month-0 snapshot', () => {
    const { controller, events } = recorded({ paused: true });
    controller.start();
    controller.start(); // idempotent
    const start = events.filter((e) => e.type === 'start');
    expect(start).toHaveLength(1);
    if (start[0].type !== 'start') throw new Error('no start');
    expect(start[0].identity).toMatchObject({
      run: 0,
      scenarioId: 'small',
      baseSeed: 7,
      seed: runSeed(7),
      months: 24,
      households: 100,
    });
    expect(start[0].snapshot.month).toBe(0);
    expect(start[0].snapshot.regions[0]).toMatchObject({ name: 'Desa', stage: 1 });
    expect(start[0].snapshot.regions[0].stageStart[0]).toBe(0);
    expect(Object.keys(start[0].snapshot.indicators)).toEqual([
      'member_share',
      'consumption_pc_mean',
      'gini',
      'p0',
      'coop_capital',
      'shu_per_member',
    ]);
    expect(start[0].events.some((e) => e.kind === 'stage-reached')).toBe(true);
    expect(events.at(-1)).toEqual({
      type: 'status',
      status: { paused: true, speed: DEFAULT_SPEED, monthsPerSecond: 12, ended: false },
    });
  });

  it('steps one month at a time while paused, and not while running', () => {
    const { controller, months, clock } = recorded({ paused: true });
    controller.start();
    controller.send({ type: 'step' });
    controller.send({ type: 'step' });
    expect(months()).toEqual([1, 2]);
    clock.advance(5000);
    expect(months()).toEqual([1, 2]); // paused: time passing does nothing
    controller.send({ type: 'resume' });
    const before = months().length;
    controller.send({ type: 'step' }); // ignored while running
    expect(months().length).toBe(before);
  });

  it('plays at the chosen speed: 12 months a second, 24 after one "faster"', () => {
    const { controller, months, clock } = recorded();
    controller.start();
    clock.advance(1001); // ticks every 83.3 ms, one month each; the 1 ms absorbs float rounding
    expect(months().length).toBe(12);
    controller.send({ type: 'faster' });
    expect(controller.status.monthsPerSecond).toBe(24);
    clock.advance(500);
    // 12 more months, give or take the one in flight when the speed changed.
    expect(months().length).toBeGreaterThanOrEqual(23);
    expect(months().length).toBeLessThanOrEqual(25);
  });

  it('measures the actual pace over the last 2 s of play', () => {
    const { controller, events, clock } = recorded();
    controller.start();
    clock.advance(1001);
    const last = events.filter((e) => e.type === 'month').at(-1);
    if (last?.type !== 'month') throw new Error('no month');
    // 12 months in about 1 s: the fake clock does not move while simulating.
    expect(last.pace).toBeCloseTo(12, 0);
  });

  it('clamps the speed to the table', () => {
    const { controller } = recorded({ paused: true });
    controller.start();
    for (let i = 0; i < 20; i++) controller.send({ type: 'slower' });
    expect(controller.status.monthsPerSecond).toBe(SPEEDS[0]);
    for (let i = 0; i < 20; i++) controller.send({ type: 'faster' });
    expect(controller.status.monthsPerSecond).toBe(Infinity);
  });

  it('runs to the end with the same result as runScenario (same seed, same numbers)', () => {
    const { controller, events, months, scenario } = recorded();
    const result = controller.runToEnd();
    expect(months()).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const end = events.find((e) => e.type === 'end');
    expect(end).toMatchObject({ type: 'end', reason: 'finished' });
    expect(result.stoppedEarly).toBe(false);
    const direct = runScenario('small', scenario, runSeed(7));
    expect(seriesOf(result.series, 'member_share')).toEqual(seriesOf(direct.series, 'member_share'));
    // Each month's snapshot is that month's value in the result.
    const gini = seriesOf(result.series, 'gini');
    for (const e of events) if (e.type === 'month') expect(e.snapshot.indicators.gini).toBe(gini[e.month]);
    expect(controller.status.ended).toBe(true);
  });

  it('stops early with a result marked stopped early', () => {
    const { controller, events } = recorded({ paused: true });
    controller.start();
    for (let i = 0; i < 5; i++) controller.send({ type: 'step' });
    controller.send({ type: 'stop' });
    const end = events.find((e) => e.type === 'end');
    if (end?.type !== 'end') throw new Error('no end');
    expect(end.reason).toBe('stopped');
    expect(end.result.stoppedEarly).toBe(true);
    expect(end.result.months).toBe(5);
    controller.send({ type: 'step' }); // ended: nothing more
    expect(events.filter((e) => e.type === 'month')).toHaveLength(5);
  });

  it('restarts from month 0 with the next base seed', () => {
    const { controller, events } = recorded({ paused: true });
    controller.start();
    controller.send({ type: 'step' });
    controller.send({ type: 'restart' });
    const starts = events.filter((e) => e.type === 'start');
    expect(starts).toHaveLength(2);
    if (starts[1].type !== 'start') throw new Error('no start');
    expect(starts[1].identity).toMatchObject({ run: 1, baseSeed: 8, seed: runSeed(8) });
    expect(starts[1].snapshot.month).toBe(0);
    controller.send({ type: 'restart', baseSeed: 100 });
    expect(controller.identity).toMatchObject({ run: 2, baseSeed: 100 });
  });

  it('stops its timers on dispose', () => {
    const { controller, clock, months } = recorded();
    controller.start();
    controller.dispose();
    clock.advance(5000);
    expect(months()).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
