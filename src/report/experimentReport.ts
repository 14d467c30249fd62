import { join } from 'node:path';
import { ownsChartEntry } from './outputFolder.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow, ExperimentSummary } from '../experiment/experimentSummary.js';
import { fewReplicatesWarning } from '../experiment/meanInterval.js';
import { writeFileAtomically, writeFolderAtomically } from './atomicFolder.js';
import { bandChart } from './charts/bandChart.js';
import type { BandRow, FinalRow } from './charts/chartRows.js';
import { finalValuesDotPlot } from './charts/finalValuesDotPlot.js';
import { dataFilesSection } from './dataFilesSection.js';
import { EXPERIMENT_FILES } from './experimentFolder.js';
import { formatValue } from './formatValue.js';
import { chartBlock } from './chartBlock.js';
import { htmlReport, type HtmlReport, type ReportCell, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { CHARTS_DIR, writeChartFiles } from './writeCharts.js';

/** Band charts are drawn when a design has at most this many scenario x point series (more is unreadable). */
const MAX_BAND_SERIES = 8;
/** Final-value dot plots list at most this many scenario x point rows. */
const MAX_DOT_ROWS = 60;

/** The label of a scenario at a design point in charts and tables. */
function seriesLabel(summary: ExperimentSummary, scenario: string, point: string): string {
  if (point === '') return scenario;
  return summary.scenarios.length === 1 ? point : `${scenario} @ ${point}`;
}

/**
 * Rows for band charts: for each scenario (at each design point), indicator and month,
 * the mean over replicates and the t-based 95% confidence interval of the mean.
 */
export function experimentBandRows(summary: ExperimentSummary): BandRow[] {
  const rows: BandRow[] = [];
  for (const s of summary.series) {
    const scenario = seriesLabel(summary, s.scenario, s.point);
    s.months.forEach((month, k) => {
      const t = s.stats[k];
      // With a single replicate there is no interval: the band collapses onto the mean.
      rows.push({
        scenario,
        month,
        indicator: s.indicator,
        mean: t.mean,
        lo: Number.isFinite(t.ciLow) ? t.ciLow : t.mean,
        hi: Number.isFinite(t.ciHigh) ? t.ciHigh : t.mean,
      });
    });
  }
  return rows;
}

/** Rows for final-value dot plots: the last month's mean and 95% CI of the mean per scenario and point. */
export function experimentFinalRows(summary: ExperimentSummary): FinalRow[] {
  return summary.series
    .filter((s) => s.stats.length > 0)
    .map((s) => {
      const t = s.stats[s.stats.length - 1];
      return {
        scenario: seriesLabel(summary, s.scenario, s.point),
        indicator: s.indicator,
        mean: t.mean,
        lo: Number.isFinite(t.ciLow) ? t.ciLow : t.mean,
        hi: Number.isFinite(t.ciHigh) ? t.ciHigh : t.mean,
      };
    });
}

/** Rows for comparison dot plots: each strategy's mean paired difference from the baseline at the final month, with its 95% CI. */
export function experimentDifferenceRows(summary: ExperimentSummary): FinalRow[] {
  return summary.comparisons
    .filter((c) => c.final)
    .map((c) => ({
      scenario: `${seriesLabel(summary, c.scenario, c.point)} - ${c.baseline}`,
      indicator: c.indicator,
      mean: c.meanDiff,
      lo: Number.isFinite(c.ciLow) ? c.ciLow : c.meanDiff,
      hi: Number.isFinite(c.ciHigh) ? c.ciHigh : c.meanDiff,
    }));
}

/** The charts of an experiment: bands over time, final values, and differences from the baseline. */
export function experimentCharts(summary: ExperimentSummary): { name: string; title: string; spec: TopLevelSpec }[] {
  const charts: { name: string; title: string; spec: TopLevelSpec }[] = [];
  const bands = experimentBandRows(summary);
  const finals = experimentFinalRows(summary);
  const diffs = experimentDifferenceRows(summary);
  const seriesCount = summary.scenarios.length * summary.points.length;
  const n = `${summary.replicates} replicate${summary.replicates === 1 ? '' : 's'}`;
  for (const ind of summary.indicators) {
    if (seriesCount <= MAX_BAND_SERIES) {
      const title = `${ind.label} over time`;
      charts.push({
        name: `band-${ind.id}`,
        title,
        spec: bandChart(bands, {
          indicator: ind.id,
          title,
          unit: ind.unit,
          subtitle: `Mean over ${n} with the 95% confidence interval of the mean (t-based)`,
        }),
      });
    }
    if (summary.baseline !== null) {
      const title = `${ind.label}: difference from ${summary.baseline}`;
      charts.push({
        name: `diff-${ind.id}`,
        title,
        spec: finalValuesDotPlot(diffs, {
          indicator: ind.id,
          title,
          unit: ind.unit,
          subtitle: `Final month: mean paired difference (same seeds) with its 95% CI, ${n}`,
        }),
      });
    } else if (seriesCount > 1 && seriesCount <= MAX_DOT_ROWS) {
      const title = `${ind.label} at the end`;
      charts.push({
        name: `final-${ind.id}`,
        title,
        spec: finalValuesDotPlot(finals, {
          indicator: ind.id,
          title,
          unit: ind.unit,
          subtitle: `Final month: mean over ${n} with the 95% CI of the mean`,
        }),
      });
    }
  }
  return charts;
}

/** An experiment's charts and report page, rendered in memory. */
export interface RenderedExperimentReport {
  readonly charts: readonly RenderedChart[];
  readonly html: string;
}

/** Renders an experiment's charts and report page (nothing written); `extra` sections go before the data files. */
export async function renderExperimentReport(
  summary: ExperimentSummary,
  extra: readonly ReportSection[] = [],
): Promise<RenderedExperimentReport> {
  const charts = await renderCharts(experimentCharts(summary));
  return { charts, html: htmlReport(experimentReportDocument(summary, charts, extra)) };
}

/**
 * Writes a rendered report into an experiment folder: `charts/` is replaced as a whole
 * (temporary folder + rename), report.html by a temporary file and a rename.
 */
export function writeExperimentReport(dir: string, report: RenderedExperimentReport): void {
  writeFolderAtomically(join(dir, CHARTS_DIR), (tmp) => writeChartFiles(tmp, report.charts), ownsChartEntry);
  writeFileAtomically(join(dir, EXPERIMENT_FILES.report), report.html);
}

/** Renders and writes an experiment's charts/ and report.html (see {@link writeExperimentReport}). */
export async function drawExperimentReport(
  dir: string,
  summary: ExperimentSummary,
  extra: readonly ReportSection[] = [],
): Promise<RenderedExperimentReport> {
  const report = await renderExperimentReport(summary, extra);
  writeExperimentReport(dir, report);
  return report;
}

function signed(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  const text = formatValue(Math.abs(x), unit);
  if (!/[1-9]/.test(text)) return text;
  return x > 0 ? `+${text}` : `−${text}`;
}

function plain(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  return x < 0 ? `−${formatValue(-x, unit)}` : formatValue(x, unit);
}

function pValue(p: number): string {
  return Number.isNaN(p) ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3);
}

function effect(dz: number): string {
  if (Number.isNaN(dz)) return '–';
  if (!Number.isFinite(dz)) return dz > 0 ? '∞' : '−∞';
  return dz < 0 ? `−${(-dz).toFixed(2)}` : dz.toFixed(2);
}

/**
 * The experiment report as a document, before it becomes HTML. Deterministic and free of
 * provenance (no clock, command line or folder): the same runs give the same page, whether
 * run on 1 or 8 workers, in shards or resumed. Provenance is in manifest.json.
 */
export function experimentReportDocument(
  summary: ExperimentSummary,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  extra: readonly ReportSection[] = [],
): HtmlReport {
  const unit = new Map(summary.indicators.map((i) => [i.id, i.unit]));
  const label = new Map(summary.indicators.map((i) => [i.id, i.label]));
  const byPrefix = (prefix: string) => charts.filter((c) => c.name.startsWith(prefix)).map(chartBlock);
  const n = `${summary.replicates} replicate${summary.replicates === 1 ? '' : 's'}`;
  const sections: ReportSection[] = [];

  if (summary.baseline !== null) {
    const rows: ReportCell[][] = summary.comparisons.map((c: ComparisonRow) => {
      const u = unit.get(c.indicator) ?? '';
      return [
        `${seriesLabel(summary, c.scenario, c.point)} − ${c.baseline}`,
        label.get(c.indicator) ?? c.indicator,
        c.final ? `${c.month} (final)` : String(c.month),
        String(c.n),
        plain(c.meanScenario, u),
        plain(c.meanBaseline, u),
        { text: signed(c.meanDiff, u), strong: c.p < 0.05 },
        `${signed(c.ciLow, u)} to ${signed(c.ciHigh, u)}`,
        pValue(c.p),
        effect(c.dz),
      ];
    });
    sections.push({
      id: 'differences',
      title: `Differences from ${summary.baseline}`,
      intro: `Replicate k of every strategy used the same seed (common random numbers), so each strategy's difference from the baseline is taken replicate by replicate. Shown: the mean difference with its 95% confidence interval, the two-sided p-value of the paired t-test and Cohen's d_z (mean difference over the sd of the differences). Bold: p < 0.05. All differences exactly zero give p = 1 and d_z = 0.`,
      blocks: [
        {
          kind: 'table',
          scroll: true,
          columns: [
            { label: 'strategy − baseline' },
            { label: 'indicator' },
            { label: 'month', numeric: true },
            { label: 'pairs', numeric: true },
            { label: 'strategy mean', numeric: true },
            { label: 'baseline mean', numeric: true },
            { label: 'mean difference', numeric: true },
            { label: '95% CI', numeric: true },
            { label: 'p', numeric: true },
            { label: 'd_z', numeric: true },
          ],
          rows,
        },
        ...byPrefix('diff-'),
      ],
    });
  }

  const finalRows: ReportCell[][] = summary.series
    .filter((s) => s.stats.length > 0)
    .map((s) => {
      const t = s.stats[s.stats.length - 1];
      const u = unit.get(s.indicator) ?? '';
      return [
        seriesLabel(summary, s.scenario, s.point),
        label.get(s.indicator) ?? s.indicator,
        String(s.months[s.months.length - 1]),
        String(t.n),
        plain(t.mean, u),
        `${plain(t.ciLow, u)} to ${plain(t.ciHigh, u)}`,
        plain(t.sd, u),
        plain(t.p5, u),
        plain(t.p50, u),
        plain(t.p95, u),
      ];
    });
  sections.push({
    id: 'final',
    title: 'Final values',
    intro: `Each indicator at the last simulated month over ${n}: mean, 95% confidence interval of the mean (mean ± t(0.975, n−1)·sd/√n, kept inside the indicator's range: on the logit scale for shares and indices, clipped at 0 for counts and rupiah flows; the method is in summary.csv's ci_method column), sd, and the 5th, 50th and 95th percentiles. Every month is in summary.csv.`,
    blocks: [
      {
        kind: 'table',
        scroll: true,
        columns: [
          { label: summary.points.length > 1 ? 'scenario / design point' : 'scenario' },
          { label: 'indicator' },
          { label: 'month', numeric: true },
          { label: 'n', numeric: true },
          { label: 'mean', numeric: true },
          { label: '95% CI', numeric: true },
          { label: 'sd', numeric: true },
          { label: 'p5', numeric: true },
          { label: 'p50', numeric: true },
          { label: 'p95', numeric: true },
        ],
        rows: finalRows,
      },
      ...byPrefix('final-'),
    ],
  });

  const bands = byPrefix('band-');
  if (bands.length > 0) {
    sections.push({
      id: 'over-time',
      title: 'Over time',
      intro: `Mean over ${n} with the 95% confidence interval of the mean, month by month.`,
      blocks: bands,
    });
  }

  sections.push(
    ...extra,
    dataFilesSection([
      {
        file: EXPERIMENT_FILES.summaryCsv,
        note: 'n, mean, sd, 95% CI and percentiles for every scenario, design point, indicator and month',
      },
      ...(summary.baseline !== null
        ? [
            {
              file: EXPERIMENT_FILES.comparisonCsv,
              note: 'paired differences from the baseline at the report months and the final month',
            },
          ]
        : []),
      { file: EXPERIMENT_FILES.summaryJson, note: 'the same, as JSON' },
      { file: EXPERIMENT_FILES.runs, note: 'one line per run: its seed, design point and the indicators by month' },
      {
        file: EXPERIMENT_FILES.plan,
        note: 'the expanded plan: resolved scenarios, design points, every run and its seed',
      },
      { file: EXPERIMENT_FILES.manifest, note: 'provenance: kopsim version, command line, shard, workers, timings' },
      { file: `${CHARTS_DIR}/`, note: 'each chart as PNG (2x), SVG and Vega-Lite spec' },
    ]),
  );
  sections.push({
    id: 'reproduce',
    title: 'How to reproduce',
    blocks: [
      {
        kind: 'paragraph',
        text: `The command line that made this folder is in ${EXPERIMENT_FILES.manifest}. Every run's seed is derived from the base seed (${summary.baseSeed}), its design point and its replicate, and is listed in ${EXPERIMENT_FILES.plan} and ${EXPERIMENT_FILES.runs}; the same kopsim version gives the same numbers on any machine and any number of workers. Running the same command again in this folder resumes it if it is incomplete.`,
      },
    ],
  });

  const { runs } = summary;
  const few = fewReplicatesWarning(summary.replicates);
  const warnings = [
    ...(few ? [{ title: 'Too few replicates.', text: `${few}.` }] : []),
    ...(runs.failed > 0
      ? [
          {
            title: `${runs.failed} runs failed.`,
            text: 'They are listed with their seeds and design points in failures.jsonl and left out of every statistic.',
          },
        ]
      : []),
    ...(runs.missing > 0
      ? [
          {
            title: `${runs.missing} runs missing.`,
            text: 'Statistics cover only the runs finished; run the same command again to complete the experiment.',
          },
        ]
      : []),
  ];
  return {
    kicker: `kopsim ${summary.kind} experiment`,
    title: summary.name,
    warnings,
    facts: [
      { label: 'kind', value: summary.kind },
      {
        label: 'scenarios',
        value: summary.scenarios
          .map((s) => (s.label === s.strategy ? s.label : `${s.label} (strategy ${s.strategy})`))
          .join(', '),
      },
      ...(summary.baseline !== null ? [{ label: 'baseline', value: summary.baseline }] : []),
      ...(summary.design !== 'none'
        ? [{ label: 'design', value: `${summary.design}, ${summary.points.length} points` }]
        : []),
      { label: 'replicates', value: String(summary.replicates) },
      { label: 'months', value: [...new Set(summary.scenarios.map((s) => s.months))].join(', ') },
      { label: 'base seed', value: String(summary.baseSeed) },
      {
        label: 'runs',
        value: `${runs.completed} of ${runs.planned} finished${runs.failed ? `, ${runs.failed} failed` : ''}`,
      },
      { label: 'plan', value: summary.planHash.slice(0, 12) },
    ],
    sections,
    footer: 'Made by kopsim. Charts are inline SVG; this page needs no network and no scripts.',
  };
}
