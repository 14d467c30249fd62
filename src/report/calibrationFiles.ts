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
import { localizedSpec } from './charts/chartLocale.js';
import type { MessageKey } from '../i18n/en.js';
import type { Lang } from '../i18n/lang.js';
import { locale } from '../i18n/locale.js';

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

/** Renders the charts and writes report.html and charts/ of a finished calibration, in the language. */
export async function writeCalibrationReport(dir: string, r: CalibrationResult, lang: Lang = 'en'): Promise<void> {
  const L = locale(lang);
  const fmt = (x: number) => L.fmt.significant(x);
  const range = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  const labels = r.plan.parameters.map((p) => p.path.split('.').pop() ?? p.path);
  const sample = { labels, particles: r.posterior };
  const name = r.plan.name;
  const charts = await renderCharts(
    [
      {
        name: 'posterior-marginals',
        spec: posteriorMarginals(
          sample,
          L.t('calr.chart.marginals', { name }),
          L.t('calr.chart.marginalsSub'),
          L.t('calr.chart.weight'),
        ),
      },
      {
        name: 'posterior-pairs',
        spec: posteriorPairs(sample, L.t('calr.chart.pairs', { name }), L.t('calr.chart.pairsSub')),
      },
      {
        name: 'predictive-check',
        spec: predictiveCheckChart(
          r.plan.targets.map((t, k) => ({
            target: t.name,
            observed: t.observed,
            band: t.band,
            simulated: r.predictiveValues.map((row) => row[k]),
          })),
          L.t('calr.chart.predictive', { name }),
          L.t('calr.chart.predictiveSub'),
        ),
      },
    ].map((c) => ({ ...c, spec: localizedSpec(c.spec, lang) })),
  );
  writeRenderedCharts(dir, charts);
  const chartBlock = (chartName: string, caption: string) => {
    const c = charts.find((x) => x.name === chartName)!;
    const f = chartFiles(chartName);
    return {
      kind: 'chart' as const,
      name: chartName,
      title: c.title,
      svg: c.svg,
      caption,
      links: [
        { href: f.png, label: L.t('report.chart.png') },
        { href: f.svg, label: L.t('report.chart.svg') },
        { href: f.vl, label: L.t('report.chart.vl') },
      ],
    };
  };
  const sections: ReportSection[] = [
    {
      id: 'posterior',
      title: L.t('calr.posterior.title'),
      intro: L.t('calr.posterior.intro'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('calr.col.parameter') },
            { label: L.t('calr.col.prior') },
            { label: L.t('calr.col.mean'), numeric: true },
            { label: L.t('calr.col.median'), numeric: true },
            { label: L.t('calr.col.interval90'), numeric: true },
            { label: L.t('cal.col.sdRatio'), numeric: true },
            { label: L.t('calr.col.identified') },
          ],
          rows: r.table.map((t) => [
            t.path,
            t.prior,
            fmt(t.mean),
            fmt(t.median),
            range(fmt(t.q05), fmt(t.q95)),
            L.fmt.fixed(t.sdRatio, 2),
            L.t(`cal.identified.${t.identified}` as MessageKey),
          ]),
        },
        chartBlock('posterior-marginals', L.t('calr.caption.marginals')),
        chartBlock('posterior-pairs', L.t('calr.caption.pairs')),
      ],
    },
    {
      id: 'predictive',
      title: L.t('calr.predictive.title'),
      intro: L.t('calr.predictive.intro', { n: r.predictiveValues.length }),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('calr.col.target') },
            { label: L.t('calr.col.observed'), numeric: true },
            { label: L.t('calr.col.simulatedMean'), numeric: true },
            { label: L.t('cal.col.draws90'), numeric: true },
            { label: L.t('cal.col.pValue'), numeric: true },
          ],
          rows: r.predictive.map((p) => [
            p.target,
            p.band ? range(fmt(p.band[0]), fmt(p.band[1])) : fmt(p.observed!),
            fmt(p.mean),
            range(fmt(p.q05), fmt(p.q95)),
            L.fmt.fixed(p.pValue, 3),
          ]),
        },
        chartBlock('predictive-check', L.t('calr.caption.predictive')),
      ],
    },
    {
      id: 'targets',
      title: L.t('calr.targets.title'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('calr.col.target') },
            { label: L.t('calr.col.simulation') },
            { label: L.t('calr.col.observed'), numeric: true },
            { label: L.t('calr.col.scale'), numeric: true },
            { label: L.t('calr.col.source') },
          ],
          rows: [
            ...r.plan.targets.map((t) => [
              t.name,
              L.t('calr.simulation', {
                indicator: t.per ? L.t('calr.indicatorPer', { indicator: t.indicator, per: t.per }) : t.indicator,
                scenario: t.scenario,
                window:
                  t.window[0] === t.window[1]
                    ? L.t('time.monthN', { m: t.window[0] })
                    : L.t('calr.months', { from: t.window[0], to: t.window[1] }),
                seeds: L.t('calr.seeds', { n: t.seeds, of: r.plan.replicates }),
              }),
              t.band ? range(String(t.band[0]), String(t.band[1])) : String(t.observed),
              `${t.scale} (${L.t(t.scaleKind === 'standardError' ? 'calr.standardError' : 'calr.tolerance')})`,
              t.source,
            ]),
            ...r.plan.pending.map((t) => [
              t.name,
              L.t('calr.notMatched', { why: t.pending }),
              t.band ? range(String(t.band[0]), String(t.band[1])) : String(t.observed),
              '',
              t.source,
            ]),
          ],
        },
      ],
    },
    {
      id: 'generations',
      title: L.t('calr.generations.title'),
      intro: L.t('calr.generations.intro'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('calr.col.generation'), numeric: true },
            { label: L.t('calr.col.tolerance'), numeric: true },
            { label: L.t('calr.col.simulations'), numeric: true },
            { label: L.t('calr.col.acceptance'), numeric: true },
            { label: 'ESS', numeric: true },
          ],
          rows: r.generations.map((g) => [
            String(g.index),
            fmt(g.epsilon),
            L.fmt.integer(g.simulations),
            L.fmt.fixed(g.acceptance, 3),
            L.fmt.fixed(g.ess, 1),
          ]),
        },
      ],
    },
    dataFilesSection(
      [
        { file: CALIBRATION_FILES.posteriorCsv, note: L.t('calr.data.posteriorCsv') },
        { file: CALIBRATION_FILES.posteriorJson, note: L.t('calr.data.posteriorJson') },
        { file: CALIBRATION_FILES.tableCsv, note: L.t('calr.data.table') },
        { file: CALIBRATION_FILES.generationsCsv, note: L.t('calr.data.generations') },
        { file: CALIBRATION_FILES.predictiveCsv, note: L.t('calr.data.predictive') },
        { file: CALIBRATION_FILES.summaryJson, note: L.t('calr.data.summary') },
        { file: CALIBRATION_FILES.plan, note: L.t('calr.data.plan') },
      ],
      '',
      L,
    ),
  ];
  const html = htmlReport({
    lang,
    title: L.t('calr.title', { name }),
    kicker: L.t('calr.kicker'),
    description: r.plan.description,
    facts: [
      {
        label: L.t('calr.fact.method'),
        value: r.plan.method === 'rejection' ? L.t('calr.method.rejection') : 'ABC-SMC',
      },
      { label: L.t('calr.fact.particles'), value: L.fmt.integer(r.plan.settings.particles) },
      { label: L.t('calr.col.simulations'), value: L.fmt.integer(r.simulations) },
      { label: L.t('calr.fact.seed'), value: String(r.plan.baseSeed) },
    ],
    sections,
    footer: L.t('report.footerPlain'),
  });
  writeFileAtomically(join(dir, CALIBRATION_FILES.report), html);
}
