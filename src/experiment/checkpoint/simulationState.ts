import { createHash } from 'node:crypto';
import { InputError, type InputProblem } from '../../core/errors.js';
import { restoreRng, type RngState } from '../../core/rng.js';
import { createWorld } from '../../model/initialise.js';
import type { SimEvent } from '../../model/events.js';
import type { World } from '../../model/world.js';
import type { Scenario } from '../../scenario/schema.js';
import { validateScenario } from '../../scenario/validate.js';
import type { ResumePoint, SimulationSnapshot } from '../simulation.js';
import { stableStringify } from '../stableStringify.js';
import { decodeStateFile, encodeStateFile } from './stateFile.js';
import { shapeOf } from './stateTree.js';

/** What a state file holds (its `state`): a snapshot, the world without its params (the scenario is kept whole). */
interface SavedSimulation {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  /** sha256 of the scenario (stable JSON): the scenario the world was built from. */
  readonly scenarioHash: string;
  readonly seed: number;
  readonly month: number;
  readonly rng: RngState;
  readonly world: Omit<World, 'params'>;
  readonly series: SimulationSnapshot['series'];
  readonly events: readonly SimEvent[];
  /** What the caller keeps with the state (e.g. the base seed and where the scenario came from). */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** sha256 (hex) of a scenario's stable JSON. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(stableStringify(scenario)).digest('hex');
}

/** The bytes of a state file holding a simulation's snapshot (see stateFile.ts for the layout). */
export function encodeSimulationState(
  snapshot: SimulationSnapshot,
  kopsimVersion: string,
  meta: Readonly<Record<string, unknown>> = {},
): Uint8Array {
  const { params: _params, ...world } = snapshot.world;
  const saved: SavedSimulation = {
    scenarioId: snapshot.scenarioId,
    scenario: snapshot.scenario,
    scenarioHash: scenarioHash(snapshot.scenario),
    seed: snapshot.seed,
    month: snapshot.world.month,
    rng: snapshot.rng,
    world,
    series: snapshot.series,
    events: snapshot.events,
    meta,
  };
  return encodeStateFile(saved, kopsimVersion);
}

/** A simulation restored from a state file: what createSimulation needs to continue it. */
export interface RestoredSimulation {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  readonly seed: number;
  /** Month the state was saved at (the last month simulated). */
  readonly month: number;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly resume: ResumePoint;
}

/**
 * Reads a state file and rebuilds the simulation it holds. Refused (InputError, exit 2,
 * every problem listed): a file that is not a state file, truncated or corrupt, of another
 * format or kopsim version (stateFile.ts); a scenario that no longer validates, or
 * validates differently (the scenario schema changed), or does not match its hash; a
 * world whose columns or record fields differ from those this kopsim builds.
 */
export function decodeSimulationState(bytes: Uint8Array, source: string, kopsimVersion: string): RestoredSimulation {
  const { state } = decodeStateFile(bytes, source, kopsimVersion);
  const saved = state as SavedSimulation;
  const problems: InputProblem[] = [];
  let scenario: Scenario | undefined;
  if (scenarioHash(saved.scenario) !== saved.scenarioHash)
    problems.push({ path: 'scenario', message: 'does not match the scenario hash recorded with it' });
  try {
    scenario = validateScenario(saved.scenario, source);
    if (stableStringify(scenario) !== stableStringify(saved.scenario))
      problems.push({
        path: 'scenario',
        message: 'reads differently under this kopsim (the scenario schema changed since the state was saved)',
      });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      ...error.problems.map((p) => ({
        ...p,
        path: `scenario: ${p.path}`,
        message: `${p.message} (the scenario schema changed)`,
      })),
    );
  }
  if (problems.length === 0 && scenario) {
    // What this kopsim builds for the scenario: the saved world must have the same columns and fields.
    const fresh = createWorld(scenario, saved.seed).world;
    const { params: _params, ...freshState } = fresh;
    problems.push(...shapeProblems(shapeOf(freshState), shapeOf(saved.world)));
    if (problems.length === 0 && saved.world.households.count !== fresh.households.count)
      problems.push({
        path: 'world.households.count',
        message: `is ${saved.world.households.count}, the scenario has ${fresh.households.count}`,
      });
  }
  if (problems.length > 0 || !scenario) throw new InputError(source, problems);
  const world = { params: scenario, ...saved.world } as World;
  return {
    scenarioId: saved.scenarioId,
    scenario,
    seed: saved.seed,
    month: saved.month,
    meta: saved.meta ?? {},
    resume: { world, rng: restoreRng(saved.rng), series: saved.series, events: saved.events },
  };
}

/** Where the saved world's shape differs from this kopsim's (paths both have; a changed key list names the record). */
function shapeProblems(expected: Map<string, string>, found: Map<string, string>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [path, shape] of expected) {
    const there = found.get(path);
    if (there === undefined || there === shape) continue;
    problems.push({
      path: `world.${path}`,
      message: shape.startsWith('{')
        ? `has other fields than this kopsim's world (saved ${there}, expected ${shape}): the state was saved by a different model`
        : `is a ${there}, this kopsim's world has a ${shape}`,
    });
  }
  return problems;
}
