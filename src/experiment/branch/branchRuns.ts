import { createRng } from '../../core/rng.js';
import { deriveSeed } from '../../core/seed.js';
import { seriesOf } from '../../indicators/series.js';
import type { World } from '../../model/world.js';
import type { Scenario } from '../../scenario/schema.js';
import { decodeSimulationState } from '../checkpoint/simulationState.js';
import { createSimulation } from '../simulation.js';

/** A strategy to continue the saved run under. */
export interface BranchStrategy {
  readonly label: string;
  /** The strategy's scenario, checked against the saved one (midRunChanges.ts). */
  readonly scenario: Scenario;
}

/** One branch run: a strategy, a replicate, and each indicator's values at months 0..months (total scope). */
export interface BranchRun {
  readonly strategy: string;
  readonly replicate: number;
  /** Seed of the replicate's future stream (the saved stream itself for replicate 0). */
  readonly streamSeed: number | null;
  readonly values: Readonly<Record<string, readonly number[]>>;
}

/**
 * The seed of replicate r's future: replicate 0 continues the saved run's own stream (so a
 * branch under the saved scenario is the run that was saved, continued); replicate r > 0
 * draws from a stream derived from the saved run's seed, its month and r. Every strategy
 * gets the same streams: their differences are paired (common random numbers).
 */
export function branchStreamSeed(seed: number, month: number, replicate: number): number | null {
  return replicate === 0 ? null : deriveSeed(seed, 'branch', month, replicate);
}

/**
 * Continues a saved run (the bytes of its state file) under each strategy, `replicates`
 * times, to the saved scenario's last month. Each run restores the state afresh; the
 * strategy's parameters apply from the next month. Deterministic; `onRun` is told each
 * run as it finishes (progress only).
 */
export function runBranches(
  state: Uint8Array,
  source: string,
  version: string,
  strategies: readonly BranchStrategy[],
  replicates: number,
  indicators: readonly string[],
  onRun?: (done: number, total: number) => void,
): BranchRun[] {
  const runs: BranchRun[] = [];
  const total = replicates * strategies.length;
  for (let r = 0; r < replicates; r++) {
    for (const s of strategies) {
      const restored = decodeSimulationState(state, source, version);
      const streamSeed = branchStreamSeed(restored.seed, restored.month, r);
      const world: World = { ...restored.resume.world, params: s.scenario };
      const rng = streamSeed === null ? restored.resume.rng : createRng(streamSeed);
      const sim = createSimulation(s.label, s.scenario, restored.seed, { ...restored.resume, world, rng });
      while (!sim.done) sim.advance();
      const { series } = sim.result();
      runs.push({
        strategy: s.label,
        replicate: r,
        streamSeed,
        values: Object.fromEntries(indicators.map((id) => [id, seriesOf(series, id, 'total')])),
      });
      onRun?.(runs.length, total);
    }
  }
  return runs;
}
