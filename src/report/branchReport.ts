import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { BranchRun } from '../experiment/branch/branchRuns.js';
import type { BranchSummary } from '../experiment/branch/branchSummary.js';
import { writeFileAtomically } from './atomicFolder.js';
import { chartBlock } from './chartBlock.js';
import { branchChart } from './charts/branchChart.js';
import type { NamedChart } from './charts/chartRows.js';
import { dataFilesSection } from './dataFilesSection.js';
import { formatValue } from './formatValue.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { CHARTS_DIR, writeRenderedCharts } from './writeCharts.js';

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

/** One chart per indicator: the grey shared history, then each strategy's mean future. */
export function branchCharts(summary: BranchSummary): NamedChart[] {
  return summary.indicators.map((ind) => ({
    name: `branch-${ind.id}`,
    title: ind.label,
    spec: branchChart(ind.means, {
      title: ind.label,
      subtitle: `Grey: the shared history to month ${summary.at}; then the mean of ${summary.replicates} future${summary.replicates === 1 ? '' : 's'} per strategy (common random numbers)`,
      unit: ind.unit,
      at: summary.at,
    }),
  }));
}

/** A mean: counts (e.g. active cooperatives) keep a decimal, as a mean of counts is rarely whole. */
function magnitude(x: number, unit: string): string {
  return unit === 'count' ? x.toFixed(1) : formatValue(x, unit);
}

function value(x: number, unit: string): string {
  return x < 0 ? `−${magnitude(-x, unit)}` : magnitude(x, unit);
}

function signed(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  return x > 0 ? `+${magnitude(x, unit)}` : x < 0 ? `−${magnitude(-x, unit)}` : magnitude(0, unit);
}

/** The comparison as rows of text: indicator, strategy, mean [CI], difference from the first [CI]. */
export function comparisonRows(summary: BranchSummary): string[][] {
  return summary.indicators.flatMap((ind) =>
    ind.final.map((f) => [
      ind.label,
      f.strategy,
      value(f.stats.mean, ind.unit),
      Number.isFinite(f.stats.ciLow) ? `${value(f.stats.ciLow, ind.unit)} to ${value(f.stats.ciHigh, ind.unit)}` : '–',
      f.vsFirst ? signed(f.vsFirst.meanDiff, ind.unit) : '(reference)',
      f.vsFirst && Number.isFinite(f.vsFirst.ciLow)
        ? `${signed(f.vsFirst.ciLow, ind.unit)} to ${signed(f.vsFirst.ciHigh, ind.unit)}`
        : '–',
    ]),
  );
}

/** The branch report as a document. Deterministic: no clock, no folder names. */
export function branchReportDocument(
  summary: BranchSummary,
  facts: readonly { label: string; value: string }[],
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  title: string,
): HtmlReport {
  const first = summary.strategies[0];
  const sections: ReportSection[] = [
    {
      id: 'comparison',
      title: `At month ${summary.months}`,
      intro: `Each strategy continues the same saved state at month ${summary.at}. Replicate k of every strategy draws the same random future, so differences from ${first} are paired by replicate (95% intervals: t over replicates; with few replicates they are wide).`,
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: 'indicator' },
            { label: 'strategy' },
            { label: 'mean', numeric: true },
            { label: '95% CI', numeric: true },
            { label: `difference from ${first}`, numeric: true },
            { label: '95% CI', numeric: true },
          ],
          rows: comparisonRows(summary),
        },
      ],
    },
    {
      id: 'paths',
      title: 'Paths',
      blocks: charts.map((c): ReportBlock => chartBlock(c)),
    },
    dataFilesSection([
      {
        file: BRANCH_FILES.comparison,
        note: 'each strategy at the last month, and its paired difference from the first',
      },
      {
        file: BRANCH_FILES.runs,
        note: "every run's indicators by month (the months up to the branch are the shared history)",
      },
      {
        file: BRANCH_FILES.manifest,
        note: 'provenance: kopsim version, the state or file branched from, strategies, streams, command line',
      },
      { file: `${CHARTS_DIR}/`, note: 'each chart as PNG (2x), SVG and Vega-Lite spec' },
    ]),
  ];
  return {
    kicker: 'kopsim branch',
    title,
    facts,
    sections,
    footer: 'Made by kopsim. Charts are inline SVG; this page needs no network and no scripts.',
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
): Promise<(dir: string) => void> {
  const charts = report ? await renderCharts(branchCharts(summary)) : [];
  const html = report ? htmlReport(branchReportDocument(summary, facts, charts, title)) : undefined;
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
