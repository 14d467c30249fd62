import { InputError } from '../core/errors.js';
import { runSeed } from '../core/seed.js';
import { loadScenario } from '../scenario/load.js';
import { parseOverrides, setPath } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import { validateScenario } from '../scenario/validate.js';
import type { RunResult } from './runResult.js';
import { runScenario } from './simulation.js';

/** Options of {@link simulate}: the CLI's `--seed`, `--months` and `--set`. */
export interface SimulateOptions {
  /** Base seed (default: the scenario's `seed`); the run seed is derived from it as `kopsim run` does. */
  readonly seed?: number;
  /** Months to simulate (default: the scenario's `months`). */
  readonly months?: number;
  /** Overrides as `path=value` strings, e.g. `awareness.peerWeight=0.1` (as `--set`). */
  readonly set?: readonly string[];
}

/**
 * Runs one scenario to its end in this thread and returns everything it produced; writes
 * nothing. The same scenario, options and kopsim version give the same numbers as
 * `kopsim run SCENARIO --seed S --months M --set ...` writes to its `timeseries.csv`:
 * the run seed is `runSeed(baseSeed)` (src/core/seed.ts) with the base seed from
 * `options.seed`, else the scenario's `seed`.
 *
 * @param scenario a bundled scenario name (`'seed-roadmap'`), a scenario file path, or a
 *   scenario document (an object as a scenario file holds it, without `extends`)
 * @throws InputError listing every problem of the scenario and options at once
 *
 * @example
 * const result = simulate('seed-roadmap', { seed: 7, months: 60 });
 * seriesOf(result.series, 'gini'); // the Gini coefficient by month, total scope
 */
export function simulate(scenario: string | Record<string, unknown>, options: SimulateOptions = {}): RunResult {
  const sets = [...(options.set ?? []), ...(options.months === undefined ? [] : [`months=${options.months}`])];
  let id: string;
  let resolved: Scenario;
  if (typeof scenario === 'string') {
    const loaded = loadScenario(scenario, sets);
    id = loaded.id;
    resolved = loaded.scenario;
  } else {
    const { overrides, problems } = parseOverrides(sets);
    const document = structuredClone(scenario);
    for (const o of overrides) setPath(document, o.path, o.value);
    resolved = validateScenario(document, 'simulate()', problems);
    id = typeof resolved.id === 'string' ? resolved.id : 'scenario';
  }
  const seed = options.seed ?? resolved.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) {
    throw new InputError('simulate()', [
      { path: 'seed', message: 'must be an integer from 0 to 4294967295', found: seed },
    ]);
  }
  return runScenario(id, resolved, runSeed(seed));
}
