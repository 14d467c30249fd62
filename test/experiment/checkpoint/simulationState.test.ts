import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import {
  decodeSimulationState,
  encodeSimulationState,
  scenarioHash,
} from '../../../src/experiment/checkpoint/simulationState.js';
import { decodeStateFile, encodeStateFile } from '../../../src/experiment/checkpoint/stateFile.js';
import { createSimulation, type Simulation } from '../../../src/experiment/simulation.js';
import { timeseriesCsv } from '../../../src/report/timeseriesCsv.js';
import { validateScenario } from '../../../src/scenario/validate.js';
import { scenarioArbitrary } from '../../support/scenarioArbitrary.js';
import { smallScenario } from '../../support/world.js';

const VERSION = '0.0.0-test';

function runTo(sim: Simulation, month: number): Simulation {
  while (sim.month < month && !sim.done) sim.advance();
  return sim;
}

/** Saves a simulation, loads it back and returns the continued simulation. */
function saveAndLoad(sim: Simulation): Simulation {
  const restored = decodeSimulationState(encodeSimulationState(sim.snapshot(), VERSION), 'state.bin', VERSION);
  return createSimulation(restored.scenarioId, restored.scenario, restored.seed, restored.resume);
}

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('checkpoint: save, load, continue', () => {
  it('running to 240 directly is byte-identical to running to 60, saving, loading and running on to 240', () => {
    const scenario = smallScenario([], 200, 240);
    const direct = runTo(createSimulation('small', scenario, 7), 240).result();
    const resumed = runTo(saveAndLoad(runTo(createSimulation('small', scenario, 7), 60)), 240).result();
    expect(resumed.months).toBe(240);
    expect(timeseriesCsv(resumed.series)).toBe(timeseriesCsv(direct.series));
    expect(resumed.events).toEqual(direct.events);
    expect(resumed.stageTimeline).toEqual(direct.stageTimeline);
  });

  it('round-trips every field of random worlds at random months (property)', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary({ minMonths: 6, maxMonths: 30, maxHouseholds: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ document, seed }, at) => {
          const scenario = validateScenario(document, 'generated scenario');
          const sim = runTo(createSimulation('random', scenario, seed), Math.floor(at * scenario.months));
          const before = sim.snapshot();
          const loaded = saveAndLoad(sim);
          // Every column, record field, the RNG state, the history and the scenario, bit for bit.
          expect(loaded.snapshot()).toStrictEqual(before);
          // And the continuation is the same as the original's.
          const a = runTo(sim, scenario.months).result();
          const b = runTo(loaded, scenario.months).result();
          expect(b.series.values).toStrictEqual(a.series.values);
          expect(b.events).toStrictEqual(a.events);
        },
      ),
      { numRuns: 15, endOnFailure: true },
    );
  });
});

describe('checkpoint: refused state files', () => {
  const scenario = smallScenario([], 40, 24);
  const sim = runTo(createSimulation('small', scenario, 3), 12);
  const bytes = encodeSimulationState(sim.snapshot(), VERSION);

  it('a truncated or corrupt file, or not a state file', () => {
    expect(problemsOf(() => decodeSimulationState(bytes.subarray(0, bytes.length - 100), 's.bin', VERSION))).toMatch(
      /s\.bin: is corrupt or truncated/,
    );
    expect(problemsOf(() => decodeSimulationState(bytes.subarray(0, 30), 's.bin', VERSION))).toMatch(/truncated/);
    const flipped = Uint8Array.from(bytes);
    flipped[flipped.length - 200] ^= 1;
    expect(problemsOf(() => decodeSimulationState(flipped, 's.bin', VERSION))).toMatch(/checksum does not match/);
    expect(problemsOf(() => decodeSimulationState(Buffer.from('months: 12\n'), 's.bin', VERSION))).toMatch(
      /is not a kopsim state file/,
    );
  });

  it('a file of another kopsim version', () => {
    expect(problemsOf(() => decodeSimulationState(bytes, 's.bin', '9.0.0'))).toMatch(
      /was written by kopsim 0\.0\.0-test; this is kopsim 9\.0\.0/,
    );
  });

  /** The saved state, changed by `edit`, written again (as a file from another model or schema would be). */
  // biome-ignore lint/suspicious/noExplicitAny: a test edits the decoded state freely, as another model's file would differ
  type Loose = Record<string, any>;
  function edited(edit: (state: Loose) => void): Uint8Array {
    const state = decodeStateFile(bytes, 's.bin', VERSION).state as Loose;
    edit(state);
    return encodeStateFile(state, VERSION);
  }

  it('a changed column set, or a column of another type', () => {
    const extra = edited((s) => {
      s.world.households.loyalty = new Float32Array(s.world.households.count);
    });
    expect(problemsOf(() => decodeSimulationState(extra, 's.bin', VERSION))).toMatch(
      /world\.households: has other fields than this kopsim's world/,
    );
    const missing = edited((s) => {
      delete s.world.households.trust;
    });
    expect(problemsOf(() => decodeSimulationState(missing, 's.bin', VERSION))).toMatch(
      /world\.households: has other fields/,
    );
    const retyped = edited((s) => {
      s.world.households.trust = new Float64Array(s.world.households.trust);
    });
    expect(problemsOf(() => decodeSimulationState(retyped, 's.bin', VERSION))).toMatch(
      /world\.households\.trust: is a Float64Array, this kopsim's world has a Float32Array/,
    );
    const regionField = edited((s) => {
      for (const r of s.world.regions) r.newField = 1;
    });
    expect(problemsOf(() => decodeSimulationState(regionField, 's.bin', VERSION))).toMatch(
      /world\.regions\[\]: has other fields/,
    );
  });

  it('a scenario that does not match its hash, or that the schema reads differently', () => {
    const tampered = edited((s) => {
      s.scenario.months = 30;
    });
    expect(problemsOf(() => decodeSimulationState(tampered, 's.bin', VERSION))).toMatch(
      /scenario: does not match the scenario hash/,
    );
    const oldSchema = edited((s) => {
      s.scenario.retiredField = 1;
      s.scenarioHash = scenarioHash(s.scenario);
    });
    expect(problemsOf(() => decodeSimulationState(oldSchema, 's.bin', VERSION))).toMatch(
      /scenario: retiredField: is not a scenario field \(the scenario schema changed\)/,
    );
  });
});
