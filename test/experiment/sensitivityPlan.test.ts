import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/core/errors.js';
import { runSeed } from '../../src/core/seed.js';
import { analyzeAttribution } from '../../src/experiment/attributionAnalysis.js';
import {
  attributionScenarioOf,
  coalitionKey,
  coalitionStages,
  planAttribution,
  type AttributionPlan,
} from '../../src/experiment/attributionPlan.js';
import type { RunRecord } from '../../src/experiment/runRecord.js';
import { analyzeSensitivity } from '../../src/experiment/sensitivityAnalysis.js';
import { analysisPlanHash, planSensitivity, type SensitivityPlan } from '../../src/experiment/sensitivityPlan.js';
import { permutationCoalitions } from '../../src/experiment/sensitivity/shapley.js';
import { scenarioForRun } from '../../src/experiment/plan.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadSensitivityDocument } from '../../src/scenario/loadSensitivity.js';

const SMALL = ['regions=[{"name":"A","households":100}]'];
const PARAMS = [
  { path: 'awareness.peerWeight', min: 0.02, max: 0.2 },
  { path: 'market.middlemanMargin', min: 0.15, max: 0.45 },
];

function plan(doc: Record<string, unknown>): SensitivityPlan {
  return planSensitivity(
    loadSensitivityDocument(
      { scenario: 'seed-roadmap', months: 12, set: SMALL, parameters: PARAMS, ...doc },
      'test',
      process.cwd(),
      'test',
    ),
  );
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

/** A record as the worker pool would write it, with the given value of every indicator at every month. */
function record(
  p: {
    runs: readonly {
      index: number;
      key: string;
      scenario: string;
      point: string;
      params: Record<string, unknown>;
      replicate: number;
      seed: number;
      months: number;
    }[];
    indicators: readonly string[];
  },
  index: number,
  value: number,
): RunRecord {
  const run = p.runs[index];
  const values = Object.fromEntries(
    p.indicators.map((id) => [id, Array.from({ length: run.months + 1 }, () => value)]),
  );
  return { ...run, params: run.params as RunRecord['params'], values };
}

describe('planSensitivity: Morris', () => {
  it('expands r (D + 1) design points x replicates, replicate by replicate, with stable keys', () => {
    const p = plan({ method: 'morris', morris: { trajectories: 3, levels: 4 }, replicates: 2, seed: 7 });
    expect(p.points).toHaveLength(3 * (2 + 1));
    expect(p.runs).toHaveLength(2 * 9);
    expect(p.points.map((pt) => pt.key)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8']);
    expect(p.runs.slice(0, 2).map((r) => r.key)).toEqual(['seed-roadmap/d0/0', 'seed-roadmap/d1/0']);
    expect(p.runs[9].key).toBe('seed-roadmap/d0/1');
    expect(p.runs.map((r) => r.index)).toEqual(p.runs.map((_, i) => i));
    expect(p.design).toMatchObject({ method: 'morris', levels: 4, delta: 4 / 6 });
    // Values on the grid min + k/(p-1) (max - min), in the parameters' units.
    const grid = [0, 1 / 3, 2 / 3, 1].map((u) => 0.02 + u * (0.2 - 0.02));
    for (const pt of p.points)
      expect(grid.some((g) => Math.abs(g - pt.params['awareness.peerWeight']) < 1e-12)).toBe(true);
  });

  it('gives replicate k the same seed at every design point (common random numbers)', () => {
    const p = plan({ method: 'morris', morris: { trajectories: 2, levels: 4 }, replicates: 3, seed: 11 });
    for (const run of p.runs) expect(run.seed).toBe(runSeed(11, '', run.replicate));
    expect(new Set(p.runs.map((r) => r.seed)).size).toBe(3);
  });

  it("sets each run's values on the scenario and nothing else", () => {
    const p = plan({ method: 'morris', morris: { trajectories: 2, levels: 4 } });
    const run = p.runs[4];
    const s = scenarioForRun(p, run);
    expect(s.awareness.peerWeight).toBe(run.params['awareness.peerWeight']);
    expect(s.market.middlemanMargin).toBe(run.params['market.middlemanMargin']);
    expect({ ...s, awareness: p.scenarios[0].scenario.awareness, market: p.scenarios[0].scenario.market }).toEqual(
      p.scenarios[0].scenario,
    );
  });

  it('is deterministic, and its hash covers the design, replicates and bootstrap', () => {
    const a = plan({ method: 'morris', morris: { trajectories: 2, levels: 4 } });
    expect(plan({ method: 'morris', morris: { trajectories: 2, levels: 4 } })).toEqual(a);
    expect(analysisPlanHash(a)).toBe(a.hash);
    expect(analysisPlanHash(JSON.parse(JSON.stringify(a)))).toBe(a.hash);
    for (const change of [
      { morris: { trajectories: 3, levels: 4 } },
      { replicates: 2 },
      { designSeed: 5 },
      { bootstrap: { resamples: 50 } },
      { at: [6, 'final'] },
    ]) {
      expect(plan({ method: 'morris', morris: { trajectories: 2, levels: 4 }, ...change }).hash).not.toBe(a.hash);
    }
  });

  it('rounds integer parameters, and refuses non-integers in an integer field', () => {
    const param = { path: 'gates.stage3Enterprises', min: 1, max: 6 };
    const p = plan({
      method: 'morris',
      morris: { trajectories: 2, levels: 4 },
      parameters: [{ ...param, integer: true }],
    });
    for (const pt of p.points) expect(Number.isInteger(pt.params['gates.stage3Enterprises'])).toBe(true);
    const bad = problems({ method: 'morris', morris: { trajectories: 2, levels: 4 }, parameters: [param] });
    expect(bad[0].path).toMatch(/^design point d\d/);
    expect(bad[0].message).toMatch(/gates\.stage3Enterprises: .*expected int/);
  });
});

describe('planSensitivity: Sobol', () => {
  it('expands N (D + 2) points, or N (2D + 2) with second order, in groups', () => {
    const p = plan({ method: 'sobol', sobol: { n: 4 } });
    expect(p.points).toHaveLength(4 * 4);
    expect(p.design).toMatchObject({ method: 'sobol', n: 4, dimensions: 2, secondOrder: false, groupSize: 4 });
    const q = plan({ method: 'sobol', sobol: { n: 8, secondOrder: true }, replicates: 2 });
    expect(q.points).toHaveLength(8 * 6);
    expect(q.runs).toHaveLength(2 * 48);
    // A row AB_i differs from its A row in column i only (Saltelli's design).
    const [a, ab0, ab1] = q.points;
    expect(ab0.unit[1]).toBe(a.unit[1]);
    expect(ab0.unit[0]).not.toBe(a.unit[0]);
    expect(ab1.unit[0]).toBe(a.unit[0]);
  });

  it('maps loguniform parameters onto their range in the logarithm', () => {
    const p = plan({
      method: 'sobol',
      sobol: { n: 4 },
      parameters: [{ path: 'awareness.campaignBudget', min: 1e5, max: 1e7, distribution: 'loguniform' }],
    });
    for (const pt of p.points) {
      const v = pt.params['awareness.campaignBudget'];
      expect(Math.log10(v)).toBeCloseTo(5 + 2 * pt.unit[0], 9);
    }
  });
});

describe('planSensitivity: errors, all at once with their paths', () => {
  it('no parameters', () => {
    expect(problems({ method: 'sobol', parameters: [] })).toEqual([
      { path: 'parameters', message: 'must list at least one parameter to vary', found: [] },
    ]);
  });

  it('a bad range, N not a power of two, and unknown or unusable paths', () => {
    const found = problems({
      method: 'sobol',
      sobol: { n: 6 },
      indicators: ['gini', 'ginny'],
      at: ['final', 13],
      parameters: [
        { path: 'awareness.peerWeight', min: 0.3, max: 0.2 },
        { path: 'awareness.peerWeigth', min: 0, max: 1 },
        { path: 'awareness', min: 0, max: 1 },
        { path: 'strategy.mode', min: 0, max: 1 },
        { path: 'market.middlemanMargin', min: 0.1, max: 1.5 },
        { path: 'awareness.culturalFit', min: 0, max: 1, distribution: 'loguniform' },
        { path: 'awareness.peerWeight', min: 0.1, max: 0.2 },
      ],
    });
    expect(found.map((p) => p.path)).toEqual([
      'at[1]',
      'indicators[1]',
      'parameters[0].max',
      'parameters[1].path',
      'parameters[2].path',
      'parameters[3].path',
      'parameters[4].max',
      'parameters[5].min',
      'parameters[6].path',
      'sobol.n',
    ]);
    const by = new Map(found.map((p) => [p.path, p]));
    expect(by.get('parameters[0].max')!.message).toBe('must be greater than min (0.3)');
    expect(by.get('parameters[1].path')!.message).toMatch(/is not a field of scenario seed-roadmap/);
    expect(by.get('parameters[2].path')!.message).toMatch(/is a group of fields/);
    expect(by.get('parameters[3].path')!.message).toMatch(/is not a number field/);
    expect(by.get('parameters[4].max')!.message).toMatch(/market\.middlemanMargin: .*<=0\.9/);
    expect(by.get('parameters[5].min')!.message).toBe('must be positive for a loguniform distribution');
    expect(by.get('parameters[6].path')!.message).toBe('duplicates parameters[0].path');
    expect(by.get('sobol.n')!).toMatchObject({ message: 'must be a power of two (nearest: 4 or 8)', found: 6 });
    expect(by.get('at[1]')!.message).toBe('is after the last simulated month (12)');
  });

  it('Morris settings: r >= 2 and an even p >= 4', () => {
    expect(problems({ method: 'morris', morris: { trajectories: 1, levels: 5 } }).map((p) => p.path)).toEqual([
      'morris.levels',
      'morris.trajectories',
    ]);
  });

  it('schema problems: unknown fields, a method block that does not match', () => {
    const found = problems({ method: 'morris', sobol: { n: 4 }, extra: 1 }).map((p) => `${p.path}: ${p.message}`);
    expect(found).toEqual([
      'extra: is not a sensitivity experiment field',
      'sobol: only method sobol takes a sobol block (method is morris)',
    ]);
  });
});

describe('analyzeSensitivity on known functions', () => {
  it('Morris: y = 3 x1 - 2 x2 gives mu = 3 (max - min) and -2 (max - min), sigma 0', () => {
    const p = plan({ method: 'morris', morris: { trajectories: 4, levels: 4 }, indicators: ['gini'], at: ['final'] });
    const f = (pt: SensitivityPlan['points'][number]) =>
      3 * pt.params['awareness.peerWeight'] - 2 * pt.params['market.middlemanMargin'];
    const records = p.runs.map((r, i) => record(p, i, f(p.points.find((pt) => pt.key === r.point)!)));
    const result = analyzeSensitivity(p, records.reverse());
    const [a, b] = result.outputs[0].morris!;
    expect(a.mu).toBeCloseTo(3 * 0.18, 12);
    expect(b.mu).toBeCloseTo(-2 * 0.3, 12);
    expect(b.muStar).toBeCloseTo(2 * 0.3, 12);
    expect(a.sigma).toBeCloseTo(0, 12);
    expect(result.replicatesUsed).toEqual([0]);
  });

  it('Sobol: an output of x1 alone gives S1 = ST = 1 for it and 0 for the other', () => {
    const p = plan({
      method: 'sobol',
      sobol: { n: 64 },
      indicators: ['p0'],
      at: ['final'],
      bootstrap: { resamples: 100 },
    });
    const records = p.runs.map((r, i) =>
      record(p, i, p.points.find((pt) => pt.key === r.point)!.params['awareness.peerWeight']),
    );
    const [x1, x2] = analyzeSensitivity(p, records).outputs[0].sobol!.indices;
    expect(x1.st).toBeCloseTo(1, 1);
    expect(x1.s1).toBeCloseTo(1, 1);
    expect(x2.st).toBe(0);
    expect(x2.s1).toBe(0);
  });

  it('averages only replicates finished at every point, and refuses when there is none', () => {
    const p = plan({ method: 'morris', morris: { trajectories: 2, levels: 4 }, replicates: 3, indicators: ['gini'] });
    const perPoint = p.points.length;
    // replicate 0 complete, replicate 1 complete, replicate 2 half done
    const records = p.runs.slice(0, 2 * perPoint + 2).map((r, i) => record(p, i, r.replicate));
    const result = analyzeSensitivity(p, records);
    expect(result.replicatesUsed).toEqual([0, 1]);
    expect(result.pointMeans.every((row) => row[0] === 0.5)).toBe(true);
    expect(result.runs).toEqual({
      planned: 3 * perPoint,
      completed: 2 * perPoint + 2,
      failed: 0,
      missing: perPoint - 2,
    });
    expect(() =>
      analyzeSensitivity(
        p,
        records.filter((r) => r.replicate === 2),
      ),
    ).toThrow(/no replicate is finished at every one of the 6 design points/);
  });

  it('marks an output that is not finite somewhere instead of failing the others', () => {
    const p = plan({
      method: 'morris',
      morris: { trajectories: 2, levels: 4 },
      indicators: ['gini'],
      at: [6, 'final'],
    });
    const records = p.runs.map((r, i) => record(p, i, 1));
    (records[3].values.gini as number[])[6] = NaN;
    const result = analyzeSensitivity(p, records);
    expect(result.outputs[0].error).toMatch(/design point d3/);
    expect(result.outputs[1].morris).toBeDefined();
  });
});

describe('planAttribution', () => {
  const scenario = loadScenario('seed-roadmap', [...SMALL, 'months=12']);
  const attribution = (extra: Partial<Parameters<typeof planAttribution>[0]> = {}): AttributionPlan =>
    planAttribution({
      scenario,
      replicates: 2,
      indicators: ['gini', 'member_share'],
      at: ['final'],
      ...extra,
    });

  it('runs all 64 coalitions x replicates, replicate k on the same seed in every coalition', () => {
    const p = attribution();
    expect(p.coalitions).toEqual(Array.from({ length: 64 }, (_, m) => m));
    expect(p.runs).toHaveLength(128);
    expect(p.points[0].key).toBe('stages=none');
    expect(p.points[63].key).toBe('stages=1+2+3+4+5+6');
    expect(p.runs[5].key).toBe('seed-roadmap/stages=1+3/0');
    for (const run of p.runs) expect(run.seed).toBe(runSeed(scenario.scenario.seed, '', run.replicate));
    expect(p.outputs.map((o) => o.key)).toEqual(['gini@12', 'member_share@12']);
  });

  it("design roadmap: a coalition's runs have exactly its stages enabled, nothing else changed", () => {
    const p = attribution({ design: 'roadmap' });
    const of = attributionScenarioOf(p);
    expect(coalitionStages(0b101001)).toEqual([1, 4, 6]);
    expect(coalitionKey(0b101001)).toBe('stages=1+4+6');
    const run = of(p.runs.find((r) => r.point === 'stages=1+4+6')!);
    const s = run.scenario;
    expect(run.timelineFrom).toBeUndefined();
    expect(s.strategy.enabledStages).toEqual([1, 4, 6]);
    expect(of(p.runs[0]).scenario.strategy.enabledStages).toEqual([]);
    expect({ ...s, strategy: { ...s.strategy, enabledStages: [1, 2, 3, 4, 5, 6] } }).toEqual(scenario.scenario);
  });

  it("design programmes (the default): the stages outside a coalition are inert, on the full run's timeline", () => {
    const p = attribution();
    expect(p.design).toBe('programmes');
    const run = attributionScenarioOf(p)(p.runs.find((r) => r.point === 'stages=1+4+6')!);
    expect(run.scenario.strategy.inertStages).toEqual([2, 3, 5]);
    expect(run.scenario.strategy.enabledStages).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run.timelineFrom).toEqual(scenario.scenario);
    expect(attribution({ design: 'roadmap' }).hash).not.toBe(p.hash);
  });

  it('design scheduled needs a timeline: the schedule (scheduled mode) or strategy.timeline', () => {
    expect(() => attribution({ design: 'scheduled', paths: { design: '--design' } })).toThrow(/--design/);
    const scheduled = loadScenario('seed-roadmap', [...SMALL, 'months=12', 'strategy.mode=scheduled']);
    const p = attribution({ design: 'scheduled', scenario: scheduled });
    const run = attributionScenarioOf(p)(p.runs[0]);
    expect(run.scenario.strategy.inertStages).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run.timelineFrom).toBeUndefined();
  });

  it('with --sample K runs only the coalitions the K orders visit (and is reproducible)', () => {
    const p = attribution({ sample: 3 });
    expect(p.sampling.method).toBe('permutation');
    const perms = p.sampling.method === 'permutation' ? p.sampling.permutations : [];
    expect(perms).toHaveLength(3);
    // The orders' coalitions, plus each stage alone and all but each (add-one, leave-one-out).
    for (const m of permutationCoalitions(6, perms)) expect(p.coalitions).toContain(m);
    for (let i = 0; i < 6; i++) expect(p.coalitions).toEqual(expect.arrayContaining([1 << i, 63 ^ (1 << i)]));
    expect(p.coalitions).toContain(0);
    expect(p.coalitions).toContain(63);
    expect(p.coalitions.length).toBeLessThanOrEqual(1 + 3 * 6 + 12);
    expect(attribution({ sample: 3 })).toEqual(p);
    expect(attribution({ sample: 4 }).hash).not.toBe(p.hash);
  });

  it('reports bad indicators, months and sample counts together', () => {
    try {
      attribution({
        indicators: ['gini', 'nope'],
        at: [13],
        sample: 0,
        paths: { indicators: '--indicators', at: '--at', sample: '--sample' },
      });
      throw new Error('expected an InputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map((p) => p.path)).toEqual(['--indicators[1]', '--at[0]', '--sample']);
    }
  });

  it('Shapley values of an additive-plus-interaction outcome, by hand, sum to the gain', () => {
    // outcome = 10 + sum over stages k in S of k, + 6 when stages 1 and 2 are both in:
    // phi_k = k, plus 3 each for stages 1 and 2 (the interaction split equally).
    const p = attribution({ indicators: ['gini'] });
    const value = (mask: number, replicate: number) =>
      10 + coalitionStages(mask).reduce((a, k) => a + k, 0) + ((mask & 3) === 3 ? 6 : 0) + replicate * 100; // replicate noise shared by all coalitions (CRN)
    const records = p.runs.map((r, i) =>
      record(p, i, value(p.coalitions[p.points.findIndex((pt) => pt.key === r.point)], r.replicate)),
    );
    const o = analyzeAttribution(p, records).outputs[0];
    expect(o.stages.map((s) => s.value).map((v) => Number(v.toFixed(9)))).toEqual([4, 5, 3, 4, 5, 6]);
    expect(o.total).toBeCloseTo(21 + 6, 12);
    expect(Math.abs(o.sum - o.total)).toBeLessThanOrEqual(1e-9 * Math.abs(o.full));
    expect(o.efficient).toBe(true);
    // The shared replicate noise cancels: the intervals collapse onto the values.
    for (const s of o.stages) expect(s.upper - s.lower).toBeLessThan(1e-9);
    // Add-one (alone) and leave-one-out (last): stage 1 alone adds 1, added last 1 + 6.
    expect(o.stages[0].addOne.value).toBeCloseTo(1, 9);
    expect(o.stages[0].leaveOneOut.value).toBeCloseTo(7, 9);
    expect(o.stages[2].addOne.value).toBeCloseTo(3, 9);
    expect(o.stages[2].leaveOneOut.value).toBeCloseTo(3, 9);
    // Stage 1's strongest partner is stage 2 (interaction 6).
    expect(o.stages[0].partner).toEqual({ stage: 2, interaction: 6 });
  });
});
