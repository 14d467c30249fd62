import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { BranchRun } from '../experiment/branch/branchRuns.js';
import type { BranchSummary } from '../experiment/branch/branchSummary.js';
import { writeFileAtomically } from './atomicFolder.js';
import { chartBlock } from './chartBlock.js';
import { branchChart } from './charts/branchChart.js';
import type { NamedChart } from './charts/chartRows.js';
import { dataFilesSection } from './dataFilesSection.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { CHARTS_DIR, writeRenderedCharts } from './writeCharts.js';
import { localizedSpec } from './charts/chartLocale.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel, replicatesText, unitLabel } from '../i18n/labels.js';
import { locale } from '../i18n/locale.js';

/**
 * The files of a branch folder: manifest.json (provenance), branch.csv (every run's
 * indicators by month, tidy: strategy, replicate, month, indicator, value; the months up
 * to the branch are the shared history), comparison.csv (each strategy at the last month
 * and its paired difference from the first), charts/ and report.html.
 */
export const BRANCH_FILES = {
  manifest: 'manifest.json',
  runs: 'branch.csv',
  comparison: 'comparison.csv',
  report: 'report.html',
} as const;

/** Whether an entry of an existing branch folder is one kopsim writes there (so the folder may be replaced). */
export function ownsBranchEntry(entry: string): boolean {
  return (Object.values(BRANCH_FILES) as string[]).includes(entry) || entry === CHARTS_DIR;
}

function num(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

/** branch.csv */
export function branchCsv(runs: readonly BranchRun[], indicators: readonly string[]): string {
  const rows: string[][] = [['strategy', 'replicate', 'month', 'indicator', 'value']];
  for (const r of runs)
    for (const id of indicators)
      r.values[id].forEach((v, m) => {
        rows.push([r.strategy, String(r.replicate), String(m), id, num(v)]);
      });
  return stringify(rows);
}

/** comparison.csv */
export function comparisonCsv(summary: BranchSummary): string {
  const first = summary.strategies[0];
  return stringify([
    [
      'indicator',
      'month',
      'strategy',
      'replicates',
      'mean',
      'ci_low',
      'ci_high',
      `diff_vs_${first}`,
      'diff_ci_low',
      'diff_ci_high',
      'diff_p',
    ],
    ...summary.indicators.flatMap((ind) =>
      ind.final.map((f) => [
        ind.id,
        String(summary.months),
        f.strategy,
        String(f.stats.n),
        num(f.stats.mean),
        num(f.stats.ciLow),
        num(f.stats.ciHigh),
        f.vsFirst ? num(f.vsFirst.meanDiff) : '',
        f.vsFirst ? num(f.vsFirst.ciLow) : '',
        f.vsFirst ? num(f.vsFirst.ciHigh) : '',
        f.vsFirst ? num(f.vsFirst.p) : '',
      ]),
    ),
  ]);
}

/** One chart per indicator, in the language: the grey shared history, then each strategy's mean future. */
export function branchCharts(summary: BranchSummary, lang: Lang = 'en'): NamedChart[] {
  const L = locale(lang);
  return summary.indicators.map((ind) => {
    const label = indicatorLabel(L, ind.id, ind.label);
    return {
      name: `branch-${ind.id}`,
      title: label,
      spec: localizedSpec(
        branchChart(ind.means, {
          title: label,
          subtitle: L.t('branch.chart.subtitle', { m: summary.at, n: replicatesText(L, summary.replicates) }),
          unit: ind.unit,
          unitTitle: unitLabel(L, ind.unit),
          yearTitle: L.t('time.year'),
          at: summary.at,
        }),
        lang,
      ),
    };
  });
}

/** The comparison as rows of text, in the language: indicator, strategy, mean [CI], difference from the first [CI]. */
export function comparisonRows(summary: BranchSummary, lang: Lang = 'en'): string[][] {
  const L = locale(lang);
  // A mean of counts (e.g. active cooperatives) keeps a decimal: it is rarely whole.
  const value = (x: number, unit: string) => (unit === 'count' ? L.fmt.fixed(x, 1) : L.fmt.value(x, unit));
  const signed = (x: number, unit: string) => (unit === 'count' ? L.fmt.significant(x, true) : L.fmt.change(x, unit));
  const range = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  return summary.indicators.flatMap((ind) =>
    ind.final.map((f) => [
      indicatorLabel(L, ind.id, ind.label),
      f.strategy,
      value(f.stats.mean, ind.unit),
      Number.isFinite(f.stats.ciLow) ? range(value(f.stats.ciLow, ind.unit), value(f.stats.ciHigh, ind.unit)) : '–',
      f.vsFirst ? signed(f.vsFirst.meanDiff, ind.unit) : L.t('branch.reference'),
      f.vsFirst && Number.isFinite(f.vsFirst.ciLow)
        ? range(signed(f.vsFirst.ciLow, ind.unit), signed(f.vsFirst.ciHigh, ind.unit))
        : '–',
    ]),
  );
}

/** The branch report as a document, in the language. Deterministic: no clock, no folder names. */
export function branchReportDocument(
  summary: BranchSummary,
  facts: readonly { label: string; value: string }[],
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  title: string,
  lang: Lang = 'en',
): HtmlReport {
  const L = locale(lang);
  const first = summary.strategies[0];
  const sections: ReportSection[] = [
    {
      id: 'comparison',
      title: L.t('branch.comparison.title', { m: summary.months }),
      intro: L.t('branch.comparison.intro', { m: summary.at, first }),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('run.col.indicator') },
            { label: L.t('exp.headline.strategy') },
            { label: L.t('exp.col.mean'), numeric: true },
            { label: L.t('exp.col.ci'), numeric: true },
            { label: L.t('branch.diffFrom', { first }), numeric: true },
            { label: L.t('exp.col.ci'), numeric: true },
          ],
          rows: comparisonRows(summary, lang),
        },
      ],
    },
    {
      id: 'paths',
      title: L.t('branch.paths.title'),
      blocks: charts.map((c): ReportBlock => chartBlock(c, L)),
    },
    dataFilesSection(
      [
        { file: BRANCH_FILES.comparison, note: L.t('branch.data.comparison') },
        { file: BRANCH_FILES.runs, note: L.t('branch.data.runs') },
        { file: BRANCH_FILES.manifest, note: L.t('branch.data.manifest') },
        { file: `${CHARTS_DIR}/`, note: L.t('exp.data.charts') },
      ],
      '',
      L,
    ),
  ];
  return {
    lang,
    kicker: L.t('branch.kicker'),
    title,
    facts,
    sections,
    footer: L.t('report.footerPlain'),
  };
}

/** Renders the charts and the page, and writes the folder's files into `dir` (inside an atomic folder write). */
export async function renderBranchFolder(
  summary: BranchSummary,
  runs: readonly BranchRun[],
  indicators: readonly string[],
  facts: readonly { label: string; value: string }[],
  title: string,
  report: boolean,
  lang: Lang = 'en',
): Promise<(dir: string) => void> {
  const charts = report ? await renderCharts(branchCharts(summary, lang)) : [];
  const html = report ? htmlReport(branchReportDocument(summary, facts, charts, title, lang)) : undefined;
  const csv = branchCsv(runs, indicators);
  const comparison = comparisonCsv(summary);
  return (dir: string) => {
    writeFileAtomically(join(dir, BRANCH_FILES.runs), csv);
    writeFileAtomically(join(dir, BRANCH_FILES.comparison), comparison);
    if (html !== undefined) {
      writeRenderedCharts(dir, charts);
      writeFileAtomically(join(dir, BRANCH_FILES.report), html);
    }
  };
}
