import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { midRunProblems } from '../../../src/experiment/branch/midRunChanges.js';
import { runBranches } from '../../../src/experiment/branch/branchRuns.js';
import { encodeSimulationState } from '../../../src/experiment/checkpoint/simulationState.js';
import { createSimulation } from '../../../src/experiment/simulation.js';
import { seriesOf } from '../../../src/indicators/series.js';
import { loadScenario } from '../../../src/scenario/load.js';

const V = 'test';
const SETS = ['regions=[{"name":"a","households":60},{"name":"b","households":40}]', 'months=48'];
const scenario = (name: string, sets: readonly string[] = []) => loadScenario(name, [...SETS, ...sets]).scenario;

/** The state of `name` saved at month `at`, and the run straight through. */
function saved(name: string, at: number) {
  const sim = createSimulation(name, scenario(name), 9);
  while (sim.month < at) sim.advance();
  const bytes = encodeSimulationState(sim.snapshot(), V);
  while (!sim.done) sim.advance();
  return { bytes, straight: sim.result() };
}

describe('kopsim branch: continuing a saved run under strategies', () => {
  it('replicate 0 under the saved scenario is the saved run, continued', () => {
    const { bytes, straight } = saved('seed-roadmap', 20);
    const [run] = runBranches(bytes, 's', V, [{ label: 'same', scenario: scenario('seed-roadmap') }], 1, [
      'p0',
      'member_share',
    ]);
    expect(run.values.p0).toEqual(seriesOf(straight.series, 'p0'));
    expect(run.values.member_share).toEqual(seriesOf(straight.series, 'member_share'));
  });

  it('strategies share each replicate future stream (common random numbers) and share the history', () => {
    const { bytes } = saved('status-quo', 24);
    const sq = scenario('status-quo');
    const runs = runBranches(
      bytes,
      's',
      V,
      [
        { label: 'a', scenario: sq },
        { label: 'b', scenario: sq },
        { label: 'roadmap', scenario: scenario('seed-roadmap') },
      ],
      2,
      ['p0', 'stage'],
    );
    const get = (label: string, r: number) => runs.find((x) => x.strategy === label && x.replicate === r)!;
    expect(get('b', 0).values).toEqual(get('a', 0).values);
    expect(get('b', 1).values).toEqual(get('a', 1).values);
    expect(get('a', 1).values.p0).not.toEqual(get('a', 0).values.p0);
    // The history up to the branch month is the same in every run.
    for (const run of runs) expect(run.values.p0.slice(0, 25)).toEqual(get('a', 0).values.p0.slice(0, 25));
    // From a status quo, the roadmap opens its first stage at the first month after the branch.
    const stage = get('roadmap', 0).values.stage;
    expect(stage[24]).toBe(0);
    expect(stage[25]).toBeGreaterThanOrEqual(1);
    expect(get('a', 0).values.stage.every((s) => s === 0)).toBe(true);
  });

  it('refuses strategy fields that cannot change mid-run, with their paths', () => {
    const base = scenario('status-quo');
    expect(midRunProblems(base, scenario('top-down'), 'top-down')).toEqual([]);
    const problems = midRunProblems(
      base,
      scenario('seed-roadmap', ['regions[0].households=70', 'awareness.targeting=poorest']),
      'x',
    );
    expect(problems.map((p) => p.path)).toEqual(['x: regions[0].households', 'x: awareness.targeting']);
    expect(problems[0].message).toBe('cannot change mid-run (the saved run has 60)');
  });
});

describe('branch files', () => {
  it('the bundled branch file validates and its strategies can continue its history', async () => {
    const { loadBranch } = await import('../../../src/scenario/loadBranch.js');
    const loaded = loadBranch('scenarios/experiments/branch-from-status-quo.yaml');
    expect(loaded.spec).toMatchObject({ name: 'branch-from-status-quo', from: 'status-quo', at: 60 });
    for (const s of loaded.spec.strategies)
      expect(midRunProblems(loaded.from.scenario, loadScenario(s, loaded.spec.set).scenario, s)).toEqual([]);
  });

  it('report every problem of a branch file at once, with its path', async () => {
    const { loadBranch } = await import('../../../src/scenario/loadBranch.js');
    const { InputError } = await import('../../../src/core/errors.js');
    const { tempDirs } = await import('../../support/tempFiles.js');
    const dirs = tempDirs();
    const dir = dirs.make({ 'b.yaml': 'kind: branch\nfrom: status-quo\nat: 9999\nstrategies: []\nreplicates: 0\n' });
    try {
      loadBranch(join(dir, 'b.yaml'));
      throw new Error('expected an InputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InstanceType<typeof InputError>).problems.map((p) => p.path)).toEqual([
        'at',
        'strategies',
        'replicates',
      ]);
    } finally {
      dirs.cleanup();
    }
  });
});
