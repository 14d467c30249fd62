import { describe, expect, it } from 'vitest';
import { summarizeExperiment } from '../../src/experiment/experimentSummary.js';
import { planExperiment } from '../../src/experiment/plan.js';
import type { RunRecord } from '../../src/experiment/runRecord.js';
import { executeTask, recordOf } from '../../src/experiment/runTask.js';
import { runScenario } from '../../src/experiment/simulation.js';
import { scenarioForRun } from '../../src/experiment/plan.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';

const SMALL = ['regions=[{"name":"A","households":200}]'];

describe('summarizeExperiment', () => {
  it('gives exactly zero differences for a strategy compared with itself', () => {
    const plan = planExperiment(
      loadExperimentDocument(
        {
          kind: 'compare',
          scenarios: ['seed-roadmap', { scenario: 'seed-roadmap', id: 'seed-roadmap-again' }],
          replicates: 4,
          months: 24,
          reportMonths: [12],
          set: SMALL,
        },
        'test',
        process.cwd(),
        'self',
      ),
    );
    const records = plan.runs.map((run) =>
      executeTask({ run, scenario: scenarioForRun(plan, run), indicators: plan.indicators }),
    );
    const summary = summarizeExperiment(plan, records);
    expect(summary.comparisons).toHaveLength(plan.indicators.length * 2);
    for (const c of summary.comparisons) {
      expect(c).toMatchObject({
        scenario: 'seed-roadmap-again',
        baseline: 'seed-roadmap',
        n: 4,
        meanDiff: 0,
        sdDiff: 0,
        ciLow: 0,
        ciHigh: 0,
        p: 1,
        dz: 0,
      });
      expect(c.meanScenario).toBe(c.meanBaseline);
    }
    expect(summary.comparisons.filter((c) => c.final).every((c) => c.month === 24)).toBe(true);
  });

  it("records a run's indicators as a full simulation of it gives them (workers collect only those, total scope)", () => {
    const plan = planExperiment(
      loadExperimentDocument(
        {
          kind: 'replicate',
          scenarios: ['seed-roadmap'],
          replicates: 2,
          months: 30,
          set: ['regions=[{"name":"A","households":120},{"name":"B","households":80}]'],
        },
        'test',
        process.cwd(),
        'record',
      ),
    );
    for (const run of plan.runs) {
      const task = { run, scenario: scenarioForRun(plan, run), indicators: plan.indicators };
      expect(executeTask(task)).toEqual(recordOf(task, runScenario(run.scenario, task.scenario, run.seed)));
    }
  });

  it('matches an independent calculation on a small fixed sample', () => {
    // Two scenarios, 6 replicates of made-up records: the summary of month 1 must equal
    // the hand-computed statistics of [2, 4, 4, 5, 7, 8] (see describeSample.test.ts) and
    // the paired differences match scipy on [1.5, -0.5, 2, 1, 0.5, 0.9].
    const plan = planExperiment(
      loadExperimentDocument(
        {
          kind: 'compare',
          scenarios: ['status-quo', 'seed-roadmap'],
          replicates: 6,
          months: 24,
          indicators: ['gini'],
          set: SMALL,
        },
        'test',
        process.cwd(),
        'fixed',
      ),
    );
    const base = [2, 4, 4, 5, 7, 8];
    const diff = [1.5, -0.5, 2, 1, 0.5, 0.9];
    const records: RunRecord[] = plan.runs.map((run) => {
      const y = base[run.replicate];
      const v = run.scenario === 'status-quo' ? y : y + diff[run.replicate];
      return {
        index: run.index,
        key: run.key,
        scenario: run.scenario,
        point: run.point,
        params: run.params,
        replicate: run.replicate,
        seed: run.seed,
        months: 24,
        values: { gini: Array.from({ length: 25 }, () => v) },
      };
    });
    // Shuffled input: the summary takes records in plan order whatever order they come in.
    const summary = summarizeExperiment(plan, [...records].reverse());
    const sq = summary.series.find((s) => s.scenario === 'status-quo')!;
    expect(sq.months).toHaveLength(25);
    expect(sq.stats[1].mean).toBe(5);
    expect(sq.stats[1].ciLow).toBeCloseTo(2.7008017095164036, 12);
    expect(sq.stats[1].ciHigh).toBeCloseTo(7.299198290483597, 12);
    const c = summary.comparisons.find((x) => x.final)!;
    // d = [1.5, -0.5, 2, 1, 0.5, 0.9]: mean 5.4/6 = 0.9; squared deviations 3.7 + 0 -> sd √(3.7/5) = 0.86023;
    // t = 0.9/(0.86023/√6) = 2.5627265885317474 (scipy), p below.
    const sd = Math.sqrt(3.7 / 5);
    expect(c.n).toBe(6);
    expect(c.meanDiff).toBeCloseTo(0.9, 14);
    expect(c.sdDiff).toBeCloseTo(sd, 14);
    expect(c.t).toBeCloseTo(0.9 / (sd / Math.sqrt(6)), 12);
    expect(c.dz).toBeCloseTo(0.9 / sd, 12);
    expect(c.ciLow).toBeCloseTo(0.9 - (2.5705818356363146 * sd) / Math.sqrt(6), 12);
    expect(c.t).toBeCloseTo(2.5627265885317474, 12);
    expect(c.p).toBeCloseTo(P_REFERENCE, 12);
  });
});

// scipy.stats.ttest_1samp([1.5, -0.5, 2, 1, 0.5, 0.9], 0).pvalue
const P_REFERENCE = 0.05047911799549543;
