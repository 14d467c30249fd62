import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { CalibrationResult } from '../experiment/calibration/calibrationResult.js';
import { writeFileAtomically } from './atomicFolder.js';
import { posteriorMarginals, posteriorPairs } from './charts/posteriorPairs.js';
import { predictiveCheckChart } from './charts/predictiveCheckChart.js';
import { dataFilesSection } from './dataFilesSection.js';
import { htmlReport, type ReportSection } from './htmlReport.js';
import { renderCharts } from './renderChart.js';
import { chartFiles, writeRenderedCharts } from './writeCharts.js';

/**
 * The files of a calibration folder.
 * - calibration.json: the plan (targets, parameters, priors, settings; its hash identifies it)
 * - generations/g<t>/, predictive/: each batch of runs as an experiment folder (resumable, shardable)
 * - posterior.csv: the posterior sample, one particle a row, with its weight
 * - posterior.json: the same, read by --posterior
 * - generations.csv: tolerance, acceptance rate and ESS per generation
 * - posterior-table.csv: prior range, posterior mean, median and 90% interval, sd ratio, identified?
 * - predictive.csv: each target's observed value against its simulated distribution, p-value
 * - summary.json, report.html, charts/, manifest.json
 */
export const CALIBRATION_FILES = {
  plan: 'calibration.json',
  generations: 'generations',
  predictiveRuns: 'predictive',
  posteriorCsv: 'posterior.csv',
  posteriorJson: 'posterior.json',
  generationsCsv: 'generations.csv',
  tableCsv: 'posterior-table.csv',
  predictiveCsv: 'predictive.csv',
  summaryJson: 'summary.json',
  report: 'report.html',
  manifest: 'manifest.json',
} as const;

/** Version of posterior.json; --posterior refuses another. */
export const POSTERIOR_FORMAT = 1;

/** posterior.json: what --posterior needs to draw parameter vectors. */
export interface PosteriorFile {
  readonly format: number;
  readonly kind: 'posterior';
  readonly name: string;
  readonly calibrationHash: string;
  readonly parameters: readonly string[];
  readonly particles: readonly { readonly weight: number; readonly theta: readonly number[] }[];
}

/** Four significant digits for tables (parameters and targets have many units). */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : '–';
}

/** Numbers as CSV text: shortest round-trip form, empty for NaN. */
function num(x: number | null): string {
  return x === null || Number.isNaN(x) ? '' : String(x);
}

export function posteriorCsv(r: CalibrationResult): string {
  return stringify([
    ['particle', 'generation', 'proposal', 'weight', 'distance', ...r.plan.parameters.map((p) => p.path)],
    ...r.posterior.map((p, i) => [
      String(i),
      String(p.generation),
      String(p.proposal),
      num(p.weight),
      num(p.distance),
      ...p.theta.map(num),
    ]),
  ]);
}

export function generationsCsv(r: CalibrationResult): string {
  return stringify([
    ['generation', 'epsilon', 'proposals', 'simulations', 'acceptance', 'ess'],
    ...r.generations.map((g) => [
      String(g.index),
      num(g.epsilon),
      String(g.proposals),
      String(g.simulations),
      num(g.acceptance),
      num(g.ess),
    ]),
  ]);
}

export function posteriorTableCsv(r: CalibrationResult): string {
  return stringify([
    ['parameter', 'prior', 'prior_low', 'prior_high', 'mean', 'median', 'q05', 'q95', 'sd_ratio', 'identified'],
    ...r.table.map((t) => [
      t.path,
      t.prior,
      num(t.priorLow),
      num(t.priorHigh),
      num(t.mean),
      num(t.median),
      num(t.q05),
      num(t.q95),
      num(t.sdRatio),
      t.identified,
    ]),
  ]);
}

export function predictiveCsv(r: CalibrationResult): string {
  return stringify([
    ['target', 'observed', 'band_low', 'band_high', 'mean', 'sd', 'q05', 'q95', 'p_value', 'draws'],
    ...r.predictive.map((p) => [
      p.target,
      num(p.observed),
      num(p.band ? p.band[0] : null),
      num(p.band ? p.band[1] : null),
      num(p.mean),
      num(p.sd),
      num(p.q05),
      num(p.q95),
      num(p.pValue),
      String(p.draws),
    ]),
  ]);
}

export function posteriorFile(r: CalibrationResult): PosteriorFile {
  return {
    format: POSTERIOR_FORMAT,
    kind: 'posterior',
    name: r.plan.name,
    calibrationHash: r.plan.hash,
    parameters: r.plan.parameters.map((p) => p.path),
    particles: r.posterior.map((p) => ({ weight: p.weight, theta: p.theta })),
  };
}

/** summary.json: everything but the sample itself and the scenarios. */
export function calibrationSummaryJson(r: CalibrationResult): string {
  const { scenarios: _scenarios, ...plan } = r.plan;
  return `${JSON.stringify(
    {
      plan: { ...plan, scenarios: r.plan.scenarios.map((s) => ({ label: s.label, id: s.id, months: s.months })) },
      simulations: r.simulations,
      generations: r.generations,
      posterior: r.table,
      predictive: r.predictive,
    },
    null,
    2,
  )}\n`;
}

/** Writes the data files of a finished calibration into its folder, each atomically. */
export function writeCalibrationFiles(dir: string, r: CalibrationResult): void {
  writeFileAtomically(join(dir, CALIBRATION_FILES.posteriorCsv), posteriorCsv(r));
  writeFileAtomically(join(dir, CALIBRATION_FILES.posteriorJson), `${JSON.stringify(posteriorFile(r))}\n`);
  writeFileAtomically(join(dir, CALIBRATION_FILES.generationsCsv), generationsCsv(r));
  writeFileAtomically(join(dir, CALIBRATION_FILES.tableCsv), posteriorTableCsv(r));
  writeFileAtomically(join(dir, CALIBRATION_FILES.predictiveCsv), predictiveCsv(r));
  writeFileAtomically(join(dir, CALIBRATION_FILES.summaryJson), calibrationSummaryJson(r));
}

/** Renders the charts and writes report.html and charts/ of a finished calibration. */
export async function writeCalibrationReport(dir: string, r: CalibrationResult): Promise<void> {
  const labels = r.plan.parameters.map((p) => p.path.split('.').pop() ?? p.path);
  const sample = { labels, particles: r.posterior };
  const charts = await renderCharts([
    { name: 'posterior-marginals', spec: posteriorMarginals(sample, `${r.plan.name}: marginal posteriors`) },
    { name: 'posterior-pairs', spec: posteriorPairs(sample, `${r.plan.name}: joint posterior`) },
    {
      name: 'predictive-check',
      spec: predictiveCheckChart(
        r.plan.targets.map((t, k) => ({
          target: t.name,
          observed: t.observed,
          band: t.band,
          simulated: r.predictiveValues.map((row) => row[k]),
        })),
        `${r.plan.name}: posterior predictive check`,
      ),
    },
  ]);
  writeRenderedCharts(dir, charts);
  const chartBlock = (name: string, caption: string) => {
    const c = charts.find((x) => x.name === name)!;
    const f = chartFiles(name);
    return {
      kind: 'chart' as const,
      name,
      title: c.title,
      svg: c.svg,
      caption,
      links: [
        { href: f.png, label: 'PNG' },
        { href: f.svg, label: 'SVG' },
        { href: f.vl, label: 'Vega-Lite' },
      ],
    };
  };
  const sections: ReportSection[] = [
    {
      id: 'posterior',
      title: 'Posterior',
      intro:
        'Each free parameter: its prior, the posterior mean, median and 90% interval (weighted 5% and 95% quantiles), and the posterior sd over the prior sd (on the log scale for loguniform priors): under 0.5 the targets identify the parameter, above 0.9 it stays near its prior.',
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: 'Parameter' },
            { label: 'Prior' },
            { label: 'Mean', numeric: true },
            { label: 'Median', numeric: true },
            { label: '90% interval', numeric: true },
            { label: 'sd ratio', numeric: true },
            { label: 'Identified' },
          ],
          rows: r.table.map((t) => [
            t.path,
            t.prior,
            fmt(t.mean),
            fmt(t.median),
            `${fmt(t.q05)} to ${fmt(t.q95)}`,
            t.sdRatio.toFixed(2),
            t.identified,
          ]),
        },
        chartBlock('posterior-marginals', 'Weighted histograms of the posterior sample.'),
        chartBlock('posterior-pairs', 'Each pair of parameters; ridges show trade-offs the targets cannot resolve.'),
      ],
    },
    {
      id: 'predictive',
      title: 'Posterior predictive check',
      intro: `Each target simulated at ${r.predictiveValues.length} posterior draws, each with its own seeds. The p-value is two-sided, 2 min(P(sim <= obs), P(sim >= obs)); for a band it is the share of draws inside the band.`,
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: 'Target' },
            { label: 'Observed', numeric: true },
            { label: 'Simulated mean', numeric: true },
            { label: '90% of draws', numeric: true },
            { label: 'p-value', numeric: true },
          ],
          rows: r.predictive.map((p) => [
            p.target,
            p.band ? `${fmt(p.band[0])} to ${fmt(p.band[1])}` : fmt(p.observed!),
            fmt(p.mean),
            `${fmt(p.q05)} to ${fmt(p.q95)}`,
            p.pValue.toFixed(3),
          ]),
        },
        chartBlock('predictive-check', 'Ticks: simulated values; red: observed value or band.'),
      ],
    },
    {
      id: 'targets',
      title: 'Targets',
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: 'Target' },
            { label: 'Simulation' },
            { label: 'Observed', numeric: true },
            { label: 'Unit of distance', numeric: true },
            { label: 'Source' },
          ],
          rows: [
            ...r.plan.targets.map((t) => [
              t.name,
              `${t.indicator} in ${t.scenario}, ${t.window[0] === t.window[1] ? `month ${t.window[0]}` : `months ${t.window[0]}-${t.window[1]}`}, ${t.seeds} of ${r.plan.replicates} seed${r.plan.replicates === 1 ? '' : 's'}`,
              t.band ? `${t.band[0]} to ${t.band[1]}` : String(t.observed),
              `${t.scale} (${t.scaleKind === 'standardError' ? 'standard error' : 'tolerance'})`,
              t.source,
            ]),
            ...r.plan.pending.map((t) => [
              t.name,
              `not matched: ${t.pending}`,
              t.band ? `${t.band[0]} to ${t.band[1]}` : String(t.observed),
              '',
              t.source,
            ]),
          ],
        },
      ],
    },
    {
      id: 'generations',
      title: 'Generations',
      intro:
        'ABC-SMC: each generation simulates a fixed batch of proposals; the tolerance is the distance of the N-th best particle so far, the acceptance rate the share of new proposals kept, ESS the effective sample size of the weights.',
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: 'Generation', numeric: true },
            { label: 'Tolerance', numeric: true },
            { label: 'Simulations', numeric: true },
            { label: 'Acceptance', numeric: true },
            { label: 'ESS', numeric: true },
          ],
          rows: r.generations.map((g) => [
            String(g.index),
            fmt(g.epsilon),
            String(g.simulations),
            g.acceptance.toFixed(3),
            g.ess.toFixed(1),
          ]),
        },
      ],
    },
    dataFilesSection([
      { file: CALIBRATION_FILES.posteriorCsv, note: 'the posterior sample with weights' },
      { file: CALIBRATION_FILES.posteriorJson, note: 'the posterior for --posterior on compare, replicate, attribute' },
      { file: CALIBRATION_FILES.tableCsv, note: 'the posterior table' },
      { file: CALIBRATION_FILES.generationsCsv, note: 'tolerance and acceptance rate per generation' },
      { file: CALIBRATION_FILES.predictiveCsv, note: 'the posterior predictive check' },
      { file: CALIBRATION_FILES.summaryJson, note: 'all of the above but the sample' },
      { file: CALIBRATION_FILES.plan, note: 'the calibration as planned' },
    ]),
  ];
  const html = htmlReport({
    title: `Calibration: ${r.plan.name}`,
    kicker: 'kopsim calibration report',
    description: r.plan.description,
    facts: [
      { label: 'Method', value: r.plan.method === 'rejection' ? 'rejection ABC + regression adjustment' : 'ABC-SMC' },
      { label: 'Particles', value: String(r.plan.settings.particles) },
      { label: 'Simulations', value: String(r.simulations) },
      { label: 'Base seed', value: String(r.plan.baseSeed) },
    ],
    sections,
  });
  writeFileAtomically(join(dir, CALIBRATION_FILES.report), html);
}
