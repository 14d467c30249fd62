import { join } from 'node:path';
import { csvText } from './csvText.js';
import type { ExperimentSummary } from '../experiment/experimentSummary.js';
import type { RunRecord } from '../experiment/runRecord.js';
import { indicatorsCsv } from './indicatorsCsv.js';
import { writeFileAtomically } from './atomicFolder.js';
import { EXPERIMENT_FILES } from './experimentFolder.js';
import { experimentJson } from './experimentJson.js';

/** The point column's value without a sweep, as in run keys (`<scenario>/base/<replicate>`). */
const BASE_POINT_LABEL = 'base';

/** A number for CSV: shortest round-trip text; empty for NaN (undefined); Infinity/-Infinity as such. */
function num(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

/** Swept parameter paths, in plan order (one CSV column each). */
function parameterColumns(summary: ExperimentSummary): string[] {
  return summary.points.length > 0 ? Object.keys(summary.points[0].params) : [];
}

function paramCells(summary: ExperimentSummary, point: string, columns: readonly string[]): string[] {
  const pt = summary.points.find((p) => p.key === point);
  return columns.map((c) => (pt ? JSON.stringify(pt.params[c]) : ''));
}

/**
 * summary.csv: one tidy row per scenario, design point, indicator and month, with n,
 * mean, sd, the 95% CI of the mean (ci_method: t, or t-logit for shares and indices,
 * t-clipped at 0 for counts and rupiah flows) and the 5/50/95 percentiles over replicates; a sweep
 * adds one column per parameter (values as JSON).
 */
export function summaryCsv(summary: ExperimentSummary): string {
  const columns = parameterColumns(summary);
  const header = [
    'scenario',
    'point',
    ...columns,
    'indicator',
    'month',
    'n',
    'mean',
    'sd',
    'ci_low',
    'ci_high',
    'ci_method',
    'p5',
    'p50',
    'p95',
  ];
  const rows: string[][] = [header];
  for (const s of summary.series) {
    const params = paramCells(summary, s.point, columns);
    s.months.forEach((month, k) => {
      const t = s.stats[k];
      rows.push([
        s.scenario,
        s.point || BASE_POINT_LABEL,
        ...params,
        s.indicator,
        String(month),
        String(t.n),
        num(t.mean),
        num(t.sd),
        num(t.ciLow),
        num(t.ciHigh),
        t.ciMethod,
        num(t.p5),
        num(t.p50),
        num(t.p95),
      ]);
    });
  }
  return csvText(rows);
}

/**
 * comparison.csv: each strategy's paired difference from the baseline (same seeds) at
 * the report months and the final month: means, mean difference with its 95% CI, the
 * paired t statistic, two-sided p-value and Cohen's d_z.
 */
export function comparisonCsv(summary: ExperimentSummary): string {
  const columns = parameterColumns(summary);
  const header = [
    'point',
    ...columns,
    'scenario',
    'baseline',
    'indicator',
    'month',
    'final',
    'n',
    'mean_scenario',
    'mean_baseline',
    'mean_diff',
    'sd_diff',
    'ci_low',
    'ci_high',
    'ci_method',
    't',
    'p',
    'dz',
  ];
  const rows: string[][] = [header];
  for (const c of summary.comparisons) {
    rows.push([
      c.point || BASE_POINT_LABEL,
      ...paramCells(summary, c.point, columns),
      c.scenario,
      c.baseline,
      c.indicator,
      String(c.month),
      String(c.final),
      String(c.n),
      num(c.meanScenario),
      num(c.meanBaseline),
      num(c.meanDiff),
      num(c.sdDiff),
      num(c.ciLow),
      num(c.ciHigh),
      c.n >= 2 ? 't' : 'none',
      num(c.t),
      num(c.p),
      num(c.dz),
    ]);
  }
  return csvText(rows);
}

/**
 * summary.json: the experiment's metadata, then one line per series (scenario, point,
 * indicator) with its statistics as parallel arrays by month, then one line per
 * comparison row. Non-finite numbers are null.
 */
export function summaryJson(summary: ExperimentSummary): string {
  const series = summary.series.map((s) => ({
    scenario: s.scenario,
    point: s.point,
    indicator: s.indicator,
    months: s.months,
    n: s.stats.map((t) => t.n),
    mean: s.stats.map((t) => t.mean),
    sd: s.stats.map((t) => t.sd),
    ciLow: s.stats.map((t) => t.ciLow),
    ciHigh: s.stats.map((t) => t.ciHigh),
    p5: s.stats.map((t) => t.p5),
    p50: s.stats.map((t) => t.p50),
    p95: s.stats.map((t) => t.p95),
  }));
  return experimentJson({ ...summary, series, comparisons: summary.comparisons }, ['series', 'comparisons', 'points']);
}

/**
 * runs.csv: every run's values, tidy and long: one row per run (its key), scenario,
 * replicate, month and indicator, in plan order (the same values as runs.jsonl).
 */
export function runsCsv(records: readonly RunRecord[]): string {
  const rows: string[][] = [['run', 'scenario', 'replicate', 'month', 'indicator', 'value']];
  for (const r of [...records].sort((a, b) => a.index - b.index)) {
    const replicate = String(r.replicate);
    for (const [indicator, values] of Object.entries(r.values)) {
      values.forEach((v, month) => rows.push([r.key, r.scenario, replicate, String(month), indicator, num(v)]));
    }
  }
  return csvText(rows);
}

/**
 * Writes summary.csv, summary.json, (with a baseline) comparison.csv, runs.csv (from the
 * finished runs' records) and indicators.csv, each atomically.
 */
export function writeExperimentSummaries(dir: string, summary: ExperimentSummary, records: readonly RunRecord[]): void {
  writeFileAtomically(join(dir, EXPERIMENT_FILES.summaryCsv), summaryCsv(summary));
  writeFileAtomically(join(dir, EXPERIMENT_FILES.runsCsv), runsCsv(records));
  writeFileAtomically(
    join(dir, EXPERIMENT_FILES.indicators),
    indicatorsCsv(
      'total',
      summary.indicators.map((i) => i.id),
    ),
  );
  if (summary.baseline !== null) writeFileAtomically(join(dir, EXPERIMENT_FILES.comparisonCsv), comparisonCsv(summary));
  writeFileAtomically(join(dir, EXPERIMENT_FILES.summaryJson), summaryJson(summary));
}
