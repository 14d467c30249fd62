import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/experiment/simulation.js';
import { type CollectorOptions, createCollector } from '../../src/indicators/collector.js';
import { INDICATORS, type Indicator } from '../../src/indicators/registry.js';
import { createWorld } from '../../src/model/initialise.js';
import { step } from '../../src/model/step.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { WelfareThreadFaults } from '../../src/indicators/welfareThreadLayout.js';

/**
 * The pipelined collector computes the welfare figures on a second thread while the model
 * steps on (src/indicators/welfarePipeline.ts). Its series must be the serial collector's,
 * to the last bit, whatever the regions, indicators and options.
 */
function series(
  sets: string[],
  months: number,
  pipelined: boolean,
  indicators?: readonly Indicator[],
  options: CollectorOptions = {},
) {
  const scenario = loadScenario('default', [...sets, `months=${months}`]).scenario;
  const { world, rng } = createWorld(scenario, 11);
  const collector = createCollector(world, indicators, { ...options, pipelined });
  // The thread started: the comparison is not of the serial collector with itself.
  expect(collector.pipelined).toBe(pipelined);
  collector.collect(world);
  for (let m = 0; m < months; m++) {
    step(world, rng);
    collector.collect(world);
  }
  collector.close();
  return {
    months: collector.series.months,
    values: collector.series.values.slice(
      0,
      (months + 1) * collector.series.scopes.length * collector.series.indicators.length,
    ),
  };
}

function expectSame(a: ReturnType<typeof series>, b: ReturnType<typeof series>) {
  expect(b.months).toEqual(a.months);
  expect(
    Buffer.from(b.values.buffer, b.values.byteOffset, b.values.byteLength).equals(
      Buffer.from(a.values.buffer, a.values.byteOffset, a.values.byteLength),
    ),
  ).toBe(true);
}

/** Every stage early, so that cooperatives, enterprises and programmes move the figures. */
const FAST = [
  'strategy.mode=scheduled',
  'strategy.schedule={"stage1":0,"stage2":0,"stage3":1,"stage4":2,"stage5":3,"stage6":4}',
];

describe('the pipelined collector', () => {
  it('gives the serial series, bit for bit, for every indicator of every scope (5 regions)', () => {
    expectSame(series(FAST, 36, false), series(FAST, 36, true));
  }, 60_000);

  it('with one region (the region is the total)', () => {
    const one = [...FAST, 'regions=[{"name":"solo","households":600}]'];
    expectSame(series(one, 18, false), series(one, 18, true));
  }, 60_000);

  it('with some indicators (no income figure), a caller’s own, and the total only', () => {
    const own: Indicator = { ...INDICATORS[0], id: 'own', compute: (s) => s.persons * 2 };
    const some = [INDICATORS.find((i) => i.id === 'gini')!, own, INDICATORS.find((i) => i.id === 'p0')!];
    expectSame(series(FAST, 12, false, some), series(FAST, 12, true, some));
    expectSame(
      series(FAST, 12, false, undefined, { totalOnly: true }),
      series(FAST, 12, true, undefined, { totalOnly: true }),
    );
  }, 60_000);

  it('has every welfare value of a month once flushed', () => {
    const scenario = loadScenario('default', [...FAST, 'months=3']).scenario;
    const { world, rng } = createWorld(scenario, 3);
    const serial = createCollector(world);
    const piped = createCollector(world, undefined, { pipelined: true });
    expect(piped.pipelined).toBe(true);
    serial.collect(world);
    piped.collect(world);
    step(world, rng);
    serial.collect(world);
    piped.collect(world);
    piped.flush();
    expect(piped.series.values.slice(0, 2 * 6 * INDICATORS.length)).toEqual(
      serial.series.values.slice(0, 2 * 6 * INDICATORS.length),
    );
    piped.close();
    piped.close();
  });
});

describe('when the indicator thread fails', () => {
  function collecting(faults: WelfareThreadFaults) {
    const scenario = loadScenario('default', [...FAST, 'months=6']).scenario;
    const { world, rng } = createWorld(scenario, 2);
    const collector = createCollector(world, undefined, { pipelined: true, pipelineFaults: faults });
    const months = () => {
      collector.collect(world);
      for (let m = 0; m < 6; m++) {
        step(world, rng);
        collector.collect(world);
      }
      collector.flush();
    };
    return { collector, months };
  }

  it('an error in a month is thrown with its message by the next collect, and by every flush and close after', () => {
    const { collector, months } = collecting({ throwAtMonth: 2 });
    expect(collector.pipelined).toBe(true);
    expect(months).toThrow(/the indicator thread failed: Error: a fault injected by a test/);
    // The thread failed on month 2; the next collect threw before recording month 3, and
    // month 2 never got its figures: nothing reads it from now on.
    expect(collector.series.months).toEqual([0, 1, 2]);
    for (const call of [() => collector.flush(), () => collector.close(), () => collector.flush()])
      expect(call).toThrow(/a fault injected by a test/);
    expect(() => collector.collect(createWorld(loadScenario('default').scenario, 1).world)).toThrow(/after close/);
  });

  it('a thread that exits with a month in flight fails the run instead of leaving it waiting', () => {
    const { collector, months } = collecting({ exitAtMonth: 1 });
    expect(months).toThrow(/the indicator thread failed: it ended while computing a month/);
    expect(() => collector.close()).toThrow(/ended while computing/);
  });

  it('a thread whose set-up fails is not used: the collector computes the figures itself, the same numbers', () => {
    const { collector, months } = collecting({ setup: true });
    expect(collector.pipelined).toBe(false);
    months();
    collector.close();
    expect(collector.series.months).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('a simulation with pipelineIndicators', () => {
  it('gives the same result and snapshots, and closes its thread', () => {
    const scenario = loadScenario('default', [...FAST, 'months=24']).scenario;
    const serial = createSimulation('default', scenario, 5);
    const piped = createSimulation('default', scenario, 5, undefined, undefined, { pipelineIndicators: true });
    for (let m = 0; m < 12; m++) {
      serial.advance();
      piped.advance();
    }
    expect(piped.snapshot().series.values).toEqual(serial.snapshot().series.values);
    while (!serial.done) serial.advance();
    while (!piped.done) piped.advance();
    piped.close();
    const a = serial.result();
    const b = piped.result();
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
  }, 60_000);

  it('refuses to advance after close, with the thread or without, and leaves the run as it was', () => {
    const scenario = loadScenario('default', [...FAST, 'months=6']).scenario;
    for (const pipelineIndicators of [true, false]) {
      const sim = createSimulation('default', scenario, 5, undefined, undefined, { pipelineIndicators });
      sim.advance();
      sim.close();
      expect(() => sim.advance()).toThrow(/after close/);
      expect(sim.month).toBe(1);
      expect(sim.result().series.months).toEqual([0, 1]);
    }
  });
});
