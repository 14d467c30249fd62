import { catchInput } from '../support/catchInput.js';
import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/core/errors.js';
import { runSeed } from '../../src/core/seed.js';
import { KEY_INDICATORS } from '../../src/indicators/registry.js';
import { planExperiment, scenarioForRun } from '../../src/experiment/plan.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';

const SMALL = ['regions=[{"name":"A","households":200}]'];

function plan(doc: Record<string, unknown>) {
  return planExperiment(loadExperimentDocument({ months: 24, set: SMALL, ...doc }, 'test', process.cwd(), 'test'));
}

/** The problems of an input that must fail, sorted by path. */
function problems(doc: Record<string, unknown>): InputProblem[] {
  try {
    plan(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return [...(error as InputError).problems].sort((a, b) => a.path.localeCompare(b.path));
  }
  throw new Error('expected an InputError');
}

describe('planExperiment: replicate and compare', () => {
  it('expands replicates x scenarios with stable keys and derived seeds', () => {
    const p = plan({ kind: 'replicate', scenarios: ['seed-roadmap'], replicates: 3, seed: 7 });
    expect(p.runs.map((r) => r.key)).toEqual(['seed-roadmap/base/0', 'seed-roadmap/base/1', 'seed-roadmap/base/2']);
    expect(p.runs.map((r) => r.seed)).toEqual([0, 1, 2].map((k) => runSeed(7, '', k)));
    expect(p.runs.every((r) => r.months === 24)).toBe(true);
    expect(p.indicators).toEqual(KEY_INDICATORS);
    expect(p.runs.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('gives replicate k of every strategy the same seed (common random numbers)', () => {
    const p = plan({
      kind: 'compare',
      scenarios: ['status-quo', 'seed-roadmap'],
      replicates: 4,
      seed: 3,
      reportMonths: [12, 12, 6],
    });
    expect(p.baseline).toBe('status-quo');
    expect(p.reportMonths).toEqual([6, 12]);
    for (let k = 0; k < 4; k++) {
      const seeds = p.runs.filter((r) => r.replicate === k).map((r) => r.seed);
      expect(seeds).toEqual([runSeed(3, '', k), runSeed(3, '', k)]);
    }
    // replicate-major order: each prefix holds whole pairs
    expect(p.runs.slice(0, 2).map((r) => r.key)).toEqual(['status-quo/base/0', 'seed-roadmap/base/0']);
  });

  it('compares a strategy with itself when the second has its own id', () => {
    const p = plan({
      kind: 'compare',
      scenarios: ['seed-roadmap', { scenario: 'seed-roadmap', id: 'again' }],
      replicates: 2,
    });
    expect(p.scenarios.map((s) => s.label)).toEqual(['seed-roadmap', 'again']);
    expect(new Set(p.runs.map((r) => r.key)).size).toBe(4);
  });

  it('refuses two variants with the same id (no silent renaming)', () => {
    const e = catchInput(() => plan({ kind: 'compare', scenarios: ['seed-roadmap', 'seed-roadmap'], replicates: 2 }));
    expect(e.message).toContain(
      'scenarios[1]: duplicates the id of scenarios[0] (seed-roadmap): give each variant its own id',
    );
  });

  it("defaults the base seed to the first scenario's and is deterministic (same hash)", () => {
    const a = plan({ kind: 'replicate', scenarios: ['seed-roadmap'], replicates: 2 });
    expect(a.baseSeed).toBe(1);
    expect(plan({ kind: 'replicate', scenarios: ['seed-roadmap'], replicates: 2 }).hash).toBe(a.hash);
    expect(plan({ kind: 'replicate', scenarios: ['seed-roadmap'], replicates: 3 }).hash).not.toBe(a.hash);
    expect(plan({ kind: 'replicate', scenarios: ['seed-roadmap'], replicates: 2, seed: 2 }).hash).not.toBe(a.hash);
  });
});

describe('planExperiment: sweeps', () => {
  it('expands a full factorial with point keys in the seeds, shared by the scenarios at each point', () => {
    const p = plan({
      kind: 'sweep',
      scenarios: ['seed-roadmap', 'status-quo'],
      replicates: 2,
      seed: 11,
      sweep: {
        parameters: [
          { path: 'awareness.peerWeight', values: [0.04, 0.12] },
          { path: 'membership.feeSubsidy', from: 0, to: 1, steps: 3 },
        ],
      },
    });
    expect(p.points.map((pt) => pt.key)).toEqual([
      'awareness.peerWeight=0.04,membership.feeSubsidy=0',
      'awareness.peerWeight=0.04,membership.feeSubsidy=0.5',
      'awareness.peerWeight=0.04,membership.feeSubsidy=1',
      'awareness.peerWeight=0.12,membership.feeSubsidy=0',
      'awareness.peerWeight=0.12,membership.feeSubsidy=0.5',
      'awareness.peerWeight=0.12,membership.feeSubsidy=1',
    ]);
    expect(p.runs).toHaveLength(6 * 2 * 2);
    const run = p.runs.find((r) => r.key === 'status-quo/awareness.peerWeight=0.12,membership.feeSubsidy=0.5/1')!;
    expect(run.seed).toBe(runSeed(11, 'awareness.peerWeight=0.12,membership.feeSubsidy=0.5', 1));
    expect(run.params).toEqual({ 'awareness.peerWeight': 0.12, 'membership.feeSubsidy': 0.5 });
    const s = scenarioForRun(p, run);
    expect([s.awareness.peerWeight, s.membership.feeSubsidy, s.strategy.name]).toEqual([0.12, 0.5, 'status-quo']);
    const twin = p.runs.find((r) => r.key === 'seed-roadmap/awareness.peerWeight=0.12,membership.feeSubsidy=0.5/1')!;
    expect(twin.seed).toBe(run.seed);
  });

  it('samples a Latin hypercube reproducibly from the sweep seed', () => {
    const doc = {
      kind: 'sweep',
      scenarios: ['seed-roadmap'],
      replicates: 1,
      sweep: {
        design: 'latin-hypercube',
        points: 5,
        seed: 4,
        parameters: [{ path: 'awareness.peerWeight', from: 0.01, to: 0.2 }],
      },
    };
    const a = plan(doc);
    expect(a.points).toHaveLength(5);
    expect(
      a.points.every(
        (pt) =>
          (pt.params['awareness.peerWeight'] as number) >= 0.01 && (pt.params['awareness.peerWeight'] as number) <= 0.2,
      ),
    ).toBe(true);
    expect(plan(doc).points).toEqual(a.points);
  });
});

describe('planExperiment: errors, every one with its path', () => {
  it('reports empty lists, min > max and unknown parameter paths', () => {
    const found = problems({
      kind: 'sweep',
      scenarios: ['seed-roadmap'],
      sweep: {
        parameters: [
          { path: 'awareness.peerWeight', values: [] },
          { path: 'membership.feeSubsidy', from: 0.8, to: 0.2, steps: 3 },
          { path: 'awareness.peerWieght', values: [0.1] },
        ],
      },
    });
    // Schema problems come first; the unknown path is reported once the file is well-formed.
    expect(found.map((p) => [p.path, p.message])).toEqual([
      ['sweep.parameters[0].values', 'must list at least one value'],
      ['sweep.parameters[1].to', 'must be greater than from (0.8)'],
    ]);
    const unknown = problems({
      kind: 'sweep',
      scenarios: ['seed-roadmap'],
      sweep: {
        parameters: [
          { path: 'awareness.peerWieght', values: [0.1] },
          { path: 'regions[3].households', values: [10] },
        ],
      },
    });
    expect(unknown.map((p) => p.path)).toEqual(['sweep.parameters[0].path', 'sweep.parameters[1].path']);
    expect(unknown[0].message).toMatch(/is not a field of scenario seed-roadmap/);
    expect(unknown[0].found).toBe('awareness.peerWieght');
  });

  it('reports values the scenario schema refuses, with the value', () => {
    const found = problems({
      kind: 'sweep',
      scenarios: ['seed-roadmap'],
      sweep: {
        parameters: [
          { path: 'awareness.peerWeight', values: [0.1, 2, 'high'] },
          { path: 'awareness', values: [1] },
        ],
      },
    });
    expect(found.map((p) => [p.path, p.found])).toEqual([
      ['sweep.parameters[0].values[1]', 2],
      ['sweep.parameters[0].values[2]', 'high'],
      ['sweep.parameters[1].path', 'awareness'],
    ]);
    expect(found[0].message).toMatch(/awareness\.peerWeight/);
  });

  it('reports bad kinds, scenarios, indicators, baselines and months together', () => {
    expect(problems({ kind: 'compare', scenarios: ['seed-roadmap'], replicates: 0 }).map((p) => p.path)).toEqual([
      'replicates',
      'scenarios',
    ]);
    expect(
      problems({ kind: 'replicate', scenarios: ['no-such-scenario', 'seed-roadmap'], sweep: { parameters: [] } }).map(
        (p) => p.path,
      ),
    ).toEqual(['sweep', 'sweep.parameters']);
    expect(problems({ kind: 'replicate', scenarios: ['no-such-scenario'] }).map((p) => [p.path, p.found])).toEqual([
      ['scenarios[0]', 'no-such-scenario'],
    ]);
    expect(
      problems({ kind: 'compare', scenarios: ['seed-roadmap', 'status-quo'], baseline: 'top-down-x' }).map(
        (p) => p.path,
      ),
    ).toEqual(['baseline']);
    expect(
      problems({
        kind: 'replicate',
        scenarios: ['seed-roadmap'],
        indicators: ['gini', 'ginny'],
        reportMonths: [30],
      }).map((p) => [p.path, p.found]),
    ).toEqual([
      ['indicators[1]', 'ginny'],
      ['reportMonths[0]', 30],
    ]);
    expect(
      problems({
        kind: 'sweep',
        scenarios: ['seed-roadmap'],
        sweep: { design: 'latin-hypercube', parameters: [{ path: 'awareness.peerWeight', values: [0.1] }] },
      }).map((p) => p.path),
    ).toEqual(['sweep.parameters[0].values', 'sweep.points']);
    expect(
      problems({ kind: 'replicate', scenarios: ['seed-roadmap'], replicate: 3 }).map((p) => [p.path, p.message]),
    ).toEqual([['replicate', 'is not an experiment field']]);
  });

  it("reports problems inside a scenario with the scenario's index", () => {
    const found = problems({
      kind: 'replicate',
      scenarios: [{ scenario: 'seed-roadmap', set: ['awareness.peerWeight=5'] }],
    });
    expect(found.map((p) => p.path)).toEqual(['scenarios[0]: awareness.peerWeight']);
  });
});
