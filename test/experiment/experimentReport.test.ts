import { describe, expect, it } from 'vitest';
import { summarizeExperiment } from '../../src/experiment/experimentSummary.js';
import { planExperiment } from '../../src/experiment/plan.js';
import type { RunRecord } from '../../src/experiment/runRecord.js';
import {
  experimentBandRows,
  experimentCharts,
  experimentDifferenceRows,
  experimentFinalRows,
  experimentReportDocument,
} from '../../src/report/experimentReport.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';

// Made-up records: gini = replicate + month / 10 for status-quo, one more for seed-roadmap.
const plan = planExperiment(
  loadExperimentDocument(
    {
      kind: 'compare',
      scenarios: ['status-quo', 'seed-roadmap'],
      replicates: 3,
      months: 2,
      indicators: ['gini'],
      set: ['regions=[{"name":"A","households":200}]'],
    },
    'test',
    process.cwd(),
    'rows',
  ),
);
const records: RunRecord[] = plan.runs.map((run) => ({
  ...run,
  values: { gini: [0, 1, 2].map((m) => run.replicate + m / 10 + (run.scenario === 'seed-roadmap' ? 1 : 0)) },
}));
const summary = summarizeExperiment(plan, records);

describe('experiment chart rows', () => {
  it('bands are the mean and the 95% CI of the mean by month', () => {
    const rows = experimentBandRows(summary);
    expect(rows).toHaveLength(2 * 3);
    const r = rows.find((x) => x.scenario === 'status-quo' && x.month === 2)!;
    // [0.2, 1.2, 2.2]: mean 1.2, sd 1, half-width t(0.975, 2)·1/√3 = 4.302652729749462/√3
    const half = 4.302652729749462 / Math.sqrt(3);
    expect(r.mean).toBeCloseTo(1.2, 12);
    expect(r.lo).toBeCloseTo(1.2 - half, 10);
    expect(r.hi).toBeCloseTo(1.2 + half, 10);
  });

  it('final rows are the last month; differences come from the paired comparison', () => {
    expect(experimentFinalRows(summary).map((r) => [r.scenario, r.mean])).toEqual([
      ['status-quo', expect.closeTo(1.2, 12)],
      ['seed-roadmap', expect.closeTo(2.2, 12)],
    ]);
    // every paired difference is 1 (up to rounding): CI [1, 1]
    expect(experimentDifferenceRows(summary)).toEqual([
      {
        scenario: 'seed-roadmap - status-quo',
        indicator: 'gini',
        mean: expect.closeTo(1, 12),
        lo: expect.closeTo(1, 12),
        hi: expect.closeTo(1, 12),
      },
    ]);
  });

  it('draws a band and a difference chart per indicator, and a report with the comparison table', () => {
    const charts = experimentCharts(summary);
    expect(charts.map((c) => c.name)).toEqual(['band-gini', 'diff-gini']);
    const doc = experimentReportDocument(summary, []);
    expect(doc.sections.map((s) => s.id)).toEqual(['answer', 'differences', 'final', 'glossary', 'data', 'reproduce']);
    expect(doc.facts).toContainEqual({ label: 'runs', value: '6 of 6 finished' });
  });
});
