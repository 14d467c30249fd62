import { join } from 'node:path';
import { ownsChartEntry } from './outputFolder.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow, ExperimentSummary } from '../experiment/experimentSummary.js';
import { writeFileAtomically, writeFolderAtomically } from './atomicFolder.js';
import { bandChart } from './charts/bandChart.js';
import type { BandRow, FinalRow } from './charts/chartRows.js';
import { finalValuesDotPlot } from './charts/finalValuesDotPlot.js';
import { dataFilesSection } from './dataFilesSection.js';
import { EXPERIMENT_FILES } from './experimentFolder.js';
import { chartBlock } from './chartBlock.js';
import { strategyColour } from './charts/strategyColour.js';
import { headlineRows, headlineVerdict } from './experimentHeadline.js';
import { glossarySection } from './glossarySection.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel, replicatesText, unitLabel } from '../i18n/labels.js';
import { fewUnitsWarning } from './intervalText.js';
import { localizedSpec } from './charts/chartLocale.js';
import { locale, type Locale } from '../i18n/locale.js';
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
export function experimentCharts(
  summary: ExperimentSummary,
  lang: Lang = 'en',
): { name: string; title: string; spec: TopLevelSpec }[] {
  const L = locale(lang);
  const charts: { name: string; title: string; spec: TopLevelSpec }[] = [];
  const bands = experimentBandRows(summary);
  const finals = experimentFinalRows(summary);
  const diffs = experimentDifferenceRows(summary);
  const seriesCount = summary.scenarios.length * summary.points.length;
  const n = replicatesText(L, summary.replicates);
  for (const ind of summary.indicators) {
    const label = indicatorLabel(L, ind.id, ind.label);
    const unit = unitLabel(L, ind.unit);
    if (seriesCount <= MAX_BAND_SERIES) {
      const title = L.t('chart.band.title', { label });
      charts.push({
        name: `band-${ind.id}`,
        title,
        spec: bandChart(bands, {
          indicator: ind.id,
          title,
          unit,
          subtitle: L.t('chart.band.subtitle', { n }),
          yearTitle: L.t('time.year'),
          legendTitle: L.t('chart.scenario'),
          monthTitle: L.t('time.month'),
          meanTitle: L.t('exp.col.mean'),
        }),
      });
    }
    if (summary.baseline !== null) {
      const title = L.t('chart.diff.title', { label, baseline: summary.baseline });
      charts.push({
        name: `diff-${ind.id}`,
        title,
        spec: finalValuesDotPlot(diffs, {
          indicator: ind.id,
          title,
          unit,
          subtitle: L.t('chart.diff.subtitle', { n }),
          zeroRule: true,
          rowTitle: L.t('chart.scenario'),
        }),
      });
    } else if (seriesCount > 1 && seriesCount <= MAX_DOT_ROWS) {
      const title = L.t('chart.final.title', { label });
      charts.push({
        name: `final-${ind.id}`,
        title,
        spec: finalValuesDotPlot(finals, {
          indicator: ind.id,
          title,
          unit,
          subtitle: L.t('chart.final.subtitle', { n }),
          rowTitle: L.t('chart.scenario'),
        }),
      });
    }
  }
  return charts.map((c) => ({ ...c, spec: localizedSpec(c.spec, lang) }));
}

/** An experiment's charts and report page, rendered in memory. */
export interface RenderedExperimentReport {
  readonly charts: readonly RenderedChart[];
  readonly html: string;
}

/** Renders an experiment's charts and report page in language `lang` (nothing written); `extra` sections go before the glossary and data files. */
export async function renderExperimentReport(
  summary: ExperimentSummary,
  extra: readonly ReportSection[] = [],
  lang: Lang = 'en',
): Promise<RenderedExperimentReport> {
  const charts = await renderCharts(experimentCharts(summary, lang));
  return { charts, html: htmlReport(experimentReportDocument(summary, charts, extra, lang)) };
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
  lang: Lang = 'en',
): Promise<RenderedExperimentReport> {
  const report = await renderExperimentReport(summary, extra, lang);
  writeExperimentReport(dir, report);
  return report;
}

function pValue(p: number, L: Locale): string {
  return Number.isNaN(p) ? '–' : p < 0.001 ? `< ${L.fmt.fixed(0.001, 3)}` : L.fmt.fixed(p, 3);
}

function effect(dz: number, L: Locale): string {
  if (Number.isNaN(dz)) return '–';
  if (!Number.isFinite(dz)) return dz > 0 ? '∞' : '-∞';
  return L.fmt.fixed(dz, 2);
}

/** "Seed roadmap vs status quo" from "seed-roadmap-vs-status-quo": the experiment's name, readable. */
export function experimentTitle(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The experiment report as a document, before it becomes HTML. Deterministic and free of
 * provenance (no clock, command line or folder): the same runs give the same page, whether
 * run on 1 or 8 workers, in shards or resumed. Provenance is in manifest.json. With a
 * baseline it opens with the answer: a one-sentence verdict and the headline table of
 * each strategy's change from the baseline.
 */
export function experimentReportDocument(
  summary: ExperimentSummary,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  extra: readonly ReportSection[] = [],
  lang: Lang = 'en',
): HtmlReport {
  const L = locale(lang);
  const { fmt } = L;
  const unit = new Map(summary.indicators.map((i) => [i.id, i.unit]));
  const label = (id: string) => indicatorLabel(L, id, summary.indicators.find((i) => i.id === id)?.label ?? id);
  const byPrefix = (prefix: string) => charts.filter((c) => c.name.startsWith(prefix)).map((c) => chartBlock(c, L));
  const n = replicatesText(L, summary.replicates);
  const range = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  const description = new Map(summary.scenarios.map((s) => [s.label, s.description]));
  const sections: ReportSection[] = [];

  const headline = headlineRows(summary);
  if (headline.length > 0 && summary.baseline !== null) {
    const baseline = summary.baseline;
    const ids = headline[0].cells.map((c) => c.indicator);
    const finalMonth = summary.comparisons.find((c) => c.final)?.month ?? 0;
    const baseCells = (): ReportCell[] =>
      ids.map((id) => {
        const c = headline[0].cells.find((x) => x.indicator === id)!;
        return { text: fmt.value(c.baselineMean, c.unit), muted: true };
      });
    const verdict = headlineVerdict(summary, headline, L);
    sections.push({
      id: 'answer',
      title: L.t('exp.headline.title'),
      intro: L.t('exp.headline.intro', { baseline, month: finalMonth, n }),
      blocks: [
        ...(verdict ? [{ kind: 'verdict' as const, text: verdict }] : []),
        {
          kind: 'table',
          className: 'headline',
          columns: [
            { label: L.t('exp.headline.rank'), numeric: true },
            { label: L.t('exp.headline.strategy') },
            ...ids.map((id) => ({ label: `${label(id)} (Δ, %)`, numeric: true })),
          ],
          rows: [
            ...headline.map((r, k): ReportCell[] => [
              String(k + 1),
              {
                text: r.scenario,
                strong: true,
                swatch: strategyColour(r.scenario),
                note: description.get(r.scenario) || undefined,
              },
              ...r.cells.map(
                (c): ReportCell => ({
                  text: `${fmt.change(c.diff, c.unit)} (${fmt.percentChange(c.pct)})`,
                  note: `${L.t('exp.headline.ci')} ${range(fmt.change(c.ciLow, c.unit), fmt.change(c.ciHigh, c.unit))}`,
                  muted: c.uncertain,
                  strong: !c.uncertain,
                }),
              ),
            ]),
            [
              '',
              {
                text: `${baseline} (${L.t('exp.baselineRow')})`,
                swatch: strategyColour(baseline),
                note: description.get(baseline) || undefined,
              },
              ...baseCells(),
            ],
          ],
        },
      ],
    });
  }

  if (summary.baseline !== null) {
    const rows: ReportCell[][] = summary.comparisons.map((c: ComparisonRow) => {
      const u = unit.get(c.indicator) ?? '';
      return [
        `${seriesLabel(summary, c.scenario, c.point)} − ${c.baseline}`,
        label(c.indicator),
        c.final ? L.t('exp.monthFinal', { m: c.month }) : String(c.month),
        String(c.n),
        fmt.value(c.meanScenario, u),
        fmt.value(c.meanBaseline, u),
        { text: fmt.change(c.meanDiff, u), strong: c.p < 0.05 },
        range(fmt.change(c.ciLow, u), fmt.change(c.ciHigh, u)),
        pValue(c.p, L),
        effect(c.dz, L),
      ];
    });
    sections.push({
      id: 'differences',
      title: L.t('exp.differences.title', { baseline: summary.baseline }),
      intro: L.t('exp.differences.intro'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('exp.col.strategyBaseline') },
            { label: L.t('exp.col.indicator') },
            { label: L.t('exp.col.month'), numeric: true },
            { label: L.t('exp.col.pairs'), numeric: true },
            { label: L.t('exp.col.strategyMean'), numeric: true },
            { label: L.t('exp.col.baselineMean'), numeric: true },
            { label: L.t('exp.col.diff'), numeric: true },
            { label: L.t('exp.col.ci'), numeric: true },
            { label: L.t('exp.col.p'), numeric: true },
            { label: L.t('exp.col.dz'), numeric: true },
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
        { text: seriesLabel(summary, s.scenario, s.point), swatch: strategyColour(s.scenario) },
        label(s.indicator),
        String(s.months[s.months.length - 1]),
        String(t.n),
        fmt.value(t.mean, u),
        range(fmt.value(t.ciLow, u), fmt.value(t.ciHigh, u)),
        fmt.value(t.sd, u),
        fmt.value(t.p5, u),
        fmt.value(t.p50, u),
        fmt.value(t.p95, u),
      ];
    });
  sections.push({
    id: 'final',
    title: L.t('exp.final.title'),
    intro: L.t('exp.final.intro', { n }),
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: summary.points.length > 1 ? L.t('exp.col.scenarioPoint') : L.t('exp.col.scenario') },
          { label: L.t('exp.col.indicator') },
          { label: L.t('exp.col.month'), numeric: true },
          { label: L.t('exp.col.n'), numeric: true },
          { label: L.t('exp.col.mean'), numeric: true },
          { label: L.t('exp.col.ci'), numeric: true },
          { label: L.t('exp.col.sd'), numeric: true },
          { label: L.t('exp.col.p5'), numeric: true },
          { label: L.t('exp.col.p50'), numeric: true },
          { label: L.t('exp.col.p95'), numeric: true },
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
      title: L.t('exp.time.title'),
      intro: L.t('exp.time.intro', { n }),
      blocks: bands,
    });
  }

  sections.push(
    ...extra,
    glossarySection(L),
    dataFilesSection(
      [
        { file: EXPERIMENT_FILES.summaryCsv, note: L.t('exp.data.summaryCsv') },
        ...(summary.baseline !== null
          ? [{ file: EXPERIMENT_FILES.comparisonCsv, note: L.t('exp.data.comparisonCsv') }]
          : []),
        { file: EXPERIMENT_FILES.summaryJson, note: L.t('exp.data.summaryJson') },
        { file: EXPERIMENT_FILES.runsCsv, note: L.t('exp.data.runsCsv') },
        { file: EXPERIMENT_FILES.indicators, note: L.t('report.data.indicators') },
        { file: EXPERIMENT_FILES.runs, note: L.t('exp.data.runs') },
        { file: EXPERIMENT_FILES.plan, note: L.t('exp.data.plan') },
        { file: EXPERIMENT_FILES.manifest, note: L.t('exp.data.manifest') },
        { file: `${CHARTS_DIR}/`, note: L.t('exp.data.charts') },
      ],
      '',
      L,
    ),
  );
  sections.push({
    id: 'reproduce',
    title: L.t('report.reproduce.title'),
    blocks: [
      {
        kind: 'paragraph',
        text: L.t('exp.reproduce', {
          manifest: EXPERIMENT_FILES.manifest,
          seed: summary.baseSeed,
          plan: EXPERIMENT_FILES.plan,
          runs: EXPERIMENT_FILES.runs,
        }),
      },
    ],
  });

  const { runs } = summary;
  const few = fewUnitsWarning(L, summary.replicates);
  const warnings = [
    ...(few ? [{ title: L.t('exp.warn.few'), text: `${few}.` }] : []),
    ...(runs.failed > 0
      ? [{ title: L.t('exp.warn.failed', { n: runs.failed }), text: L.t('exp.warn.failedText') }]
      : []),
    ...(runs.missing > 0
      ? [{ title: L.t('exp.warn.missing', { n: runs.missing }), text: L.t('exp.warn.missingText') }]
      : []),
  ];
  return {
    lang,
    kicker: `${L.t('exp.kicker', { kind: summary.kind })} · ${summary.name}`,
    title: experimentTitle(summary.name),
    description: summary.description || undefined,
    warnings,
    facts: [
      { label: L.t('exp.fact.kind'), value: summary.kind },
      {
        label: L.t('exp.fact.scenarios'),
        value: summary.scenarios
          .map((s) =>
            s.label === s.strategy ? s.label : L.t('exp.fact.strategyOf', { label: s.label, strategy: s.strategy }),
          )
          .join(', '),
      },
      ...(summary.baseline !== null ? [{ label: L.t('exp.fact.baseline'), value: summary.baseline }] : []),
      ...(summary.design !== 'none'
        ? [
            {
              label: L.t('exp.fact.design'),
              value: L.t('exp.fact.designValue', { design: summary.design, n: summary.points.length }),
            },
          ]
        : []),
      { label: L.t('exp.fact.replicates'), value: String(summary.replicates) },
      { label: L.t('exp.fact.months'), value: [...new Set(summary.scenarios.map((s) => s.months))].join(', ') },
      { label: L.t('exp.fact.seed'), value: String(summary.baseSeed) },
      {
        label: L.t('exp.fact.runs'),
        value: runs.failed
          ? L.t('exp.fact.runsFailed', { done: runs.completed, planned: runs.planned, failed: runs.failed })
          : L.t('exp.fact.runsValue', { done: runs.completed, planned: runs.planned }),
      },
      { label: L.t('exp.fact.plan'), value: summary.planHash.slice(0, 12) },
    ],
    sections,
    footer: L.t('report.footerPlain'),
  };
}
