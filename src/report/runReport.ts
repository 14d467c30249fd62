import { join } from 'node:path';
import { INDICATORS, KEY_INDICATORS } from '../indicators/registry.js';
import { writeFileAtomically } from './atomicFolder.js';
import type { ChartRow } from './charts/chartRows.js';
import { runCharts } from './charts/runCharts.js';
import { dataFilesSection } from './dataFilesSection.js';
import { formatValue } from './formatValue.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type ChartProgress, type RenderedChart } from './renderChart.js';
import { RUN_FILES } from './runFolder.js';
import { runChartMeta, scenarioField, type RunReportInput } from './runReportInput.js';
import { shellQuote } from './shellQuote.js';
import { STAGE_LABELS } from './stageLabels.js';
import { chartFiles, writeRenderedCharts } from './writeCharts.js';

/** The report's file name inside a run folder. */
export const REPORT_FILE = 'report.html';

/** A run's charts and report page, rendered in memory (nothing written yet). */
export interface RenderedRunReport {
  readonly charts: readonly RenderedChart[];
  readonly html: string;
}

/** Event kinds listed under "Milestones" (the rest stay in events.csv). */
const MILESTONE_KINDS = new Set([
  'stage-reached',
  'federation-formed',
  'institution-founded',
  'cooperative-inactive',
  'regional-shock',
  'elite-capture',
]);

/** Which charts go in which section, in order. Charts not listed go to the last chart section. */
const CHART_SECTIONS: readonly { id: string; title: string; intro: string; charts: readonly string[] }[] = [
  {
    id: 'welfare',
    title: 'Welfare',
    intro:
      'Real consumption and income per person, inequality and poverty, for all regions together and region by region.',
    charts: ['consumption', 'income', 'gini', 'poverty', 'regions-consumption'],
  },
  {
    id: 'cooperatives',
    title: 'Cooperatives',
    intro: 'Membership, awareness of cooperative values, and the finances of all cooperatives together.',
    charts: ['membership', 'finances'],
  },
  {
    id: 'enterprises',
    title: 'Enterprises and integration',
    intro:
      'Cooperative enterprises by kind, how much of their inputs come from inside the movement, and how much of the regional potential is used.',
    charts: ['enterprises', 'integration'],
  },
];

/** Table columns for key indicators: start, year 5, year 10 and the end, omitting points past the end. */
export function reportMonths(lastMonth: number): { label: string; month: number }[] {
  const points = [{ label: 'start', month: 0 }];
  for (const [label, month] of [
    ['year 5', 60],
    ['year 10', 120],
  ] as const) {
    if (month < lastMonth) points.push({ label, month });
    else if (month === lastMonth) return [...points, { label: `${label} (end)`, month }];
  }
  if (lastMonth > 0) points.push({ label: 'end', month: lastMonth });
  return points;
}

/** Renders a run's charts and its report page; `onRendered` hears of each chart. */
export async function renderRunReport(input: RunReportInput, onRendered?: ChartProgress): Promise<RenderedRunReport> {
  const charts = await renderCharts(runCharts(input.rows, runChartMeta(input)), onRendered);
  return { charts, html: runReportHtml(input, charts) };
}

/**
 * Writes a rendered report into a run folder: `charts/` and `report.html`. Used inside
 * `writeRunFolder`'s `extra` callback, where the whole folder is still a temporary one.
 */
export function writeRunReport(dir: string, report: RenderedRunReport): void {
  writeRenderedCharts(dir, report.charts);
  writeFileAtomically(join(dir, REPORT_FILE), report.html);
}

/** The report page of a run, from its saved data and its rendered charts. */
export function runReportHtml(
  input: RunReportInput,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
): string {
  return htmlReport(runReportDocument(input, charts));
}

/** The run report as a document (sections of tables and charts), before it becomes HTML. */
export function runReportDocument(
  input: RunReportInput,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
): HtmlReport {
  const { manifest, summary } = input;
  const planned = scenarioField(manifest, ['months']);
  const plannedMonths = typeof planned === 'number' ? planned : summary.months;
  const description = scenarioField(manifest, ['description']);
  const value = valueLookup(input.rows);
  const last = summary.months;

  const chartBlock = (name: string): ReportBlock | undefined => {
    const c = charts.find((x) => x.name === name);
    if (!c) return undefined;
    const f = chartFiles(name);
    return {
      kind: 'chart',
      name,
      title: c.title,
      svg: c.svg,
      links: [
        { href: f.png, label: 'PNG' },
        { href: f.svg, label: 'SVG' },
        { href: f.vl, label: 'Vega-Lite spec' },
      ],
    };
  };
  const placed = new Set(CHART_SECTIONS.flatMap((s) => s.charts).concat('stages'));
  const unplaced = charts.filter((c) => !placed.has(c.name)).map((c) => c.name);

  const stageTable: ReportBlock = {
    kind: 'table',
    caption: 'Month in which each stage started; "not reached" if it had not started by the end of the run.',
    columns: [
      { label: 'region' },
      ...[1, 2, 3, 4, 5, 6].map((k) => ({ label: `${k} ${STAGE_LABELS[k]}`, numeric: true })),
    ],
    rows: summary.stageTimeline.map((t) => [
      t.region,
      ...[1, 2, 3, 4, 5, 6].map((k) => {
        const m = t.stages[`stage${k}`];
        return typeof m === 'number' ? `month ${m}` : 'not reached';
      }),
    ]),
  };

  const points = reportMonths(last);
  const keyTable: ReportBlock = {
    kind: 'table',
    caption: 'All regions together. Money in rupiah at base-year prices.',
    columns: [
      { label: 'indicator' },
      { label: 'unit' },
      ...points.map((p) => ({ label: `${p.label} (month ${p.month})`, numeric: true })),
    ],
    rows: KEY_INDICATORS.map((id) => {
      const meta = INDICATORS.find((i) => i.id === id)!;
      return [meta.label, meta.unit, ...points.map((p) => formatValue(value(p.month, 'total', id), meta.unit))];
    }),
  };

  const regionTable: ReportBlock = {
    kind: 'table',
    caption: `Month ${last}.`,
    columns: [
      { label: 'region' },
      { label: 'stage reached' },
      { label: 'member share', numeric: true },
      { label: 'consumption per capita (mean)', numeric: true },
      { label: 'poverty headcount P0', numeric: true },
      { label: 'active enterprises', numeric: true },
    ],
    rows: summary.stageTimeline.map((t) => {
      const reached = [1, 2, 3, 4, 5, 6].filter((k) => typeof t.stages[`stage${k}`] === 'number');
      const top = reached.length > 0 ? Math.max(...reached) : 0;
      return [
        t.region,
        top > 0 ? `${top} ${STAGE_LABELS[top]}` : 'none',
        formatValue(value(last, t.region, 'member_share'), 'share'),
        formatValue(value(last, t.region, 'consumption_pc_mean'), 'rupiah per person per month'),
        formatValue(value(last, t.region, 'p0'), 'share'),
        formatValue(value(last, t.region, 'enterprises_active'), 'count'),
      ];
    }),
  };

  const milestones = input.events.filter((e) => MILESTONE_KINDS.has(e.kind));
  const sections: ReportSection[] = [
    {
      id: 'stages',
      title: 'Stage timeline',
      intro: 'The six roadmap stages as each region reached them.',
      blocks: [stageTable, chartBlock('stages')].filter((b): b is ReportBlock => b !== undefined),
    },
    { id: 'key-indicators', title: 'Key indicators', blocks: [keyTable] },
    { id: 'regions', title: 'Regions at the end', blocks: [regionTable] },
    ...CHART_SECTIONS.map((s, i) => ({
      id: s.id,
      title: s.title,
      intro: s.intro,
      blocks: [...s.charts, ...(i === CHART_SECTIONS.length - 1 ? unplaced : [])]
        .map(chartBlock)
        .filter((b): b is ReportBlock => b !== undefined),
    })),
    {
      id: 'milestones',
      title: 'Milestones',
      intro: `${milestones.length} of the run's ${input.events.length} events: stages, federation, institutions, shocks and governance failures. All events are in events.csv.`,
      blocks: [
        {
          kind: 'table',
          scroll: true,
          columns: [{ label: 'month', numeric: true }, { label: 'region' }, { label: 'event' }],
          rows: milestones.map((e) => [String(e.month), e.region === 'total' ? 'all regions' : e.region, e.message]),
        },
      ],
    },
    dataFilesSection([
      {
        file: RUN_FILES.timeseries,
        note: 'every indicator for every month and region (tidy: month, region, indicator, value)',
      },
      { file: RUN_FILES.summary, note: 'key indicators at start and end, and the stage timeline' },
      { file: RUN_FILES.manifest, note: 'provenance: kopsim version, resolved scenario, seeds, command line, timings' },
      { file: RUN_FILES.events, note: 'every event of the run' },
      { file: 'charts/', note: 'each chart as PNG (2x), SVG and Vega-Lite spec (.vl.json, opens in the Vega editor)' },
    ]),
    {
      id: 'reproduce',
      title: 'How to reproduce',
      blocks: [
        { kind: 'code', caption: 'This run was made with:', text: shellQuote(manifest.commandLine) },
        {
          kind: 'paragraph',
          text: `The same kopsim version (${manifest.kopsimVersion}), scenario file (${manifest.source}) and base seed (${manifest.baseSeed}) give the same numbers. This run's own seed, derived from the base seed, is ${manifest.seed}.`,
        },
        {
          kind: 'code',
          caption: 'To redraw the charts and this page from the saved data, without rerunning:',
          text: 'kopsim report <this folder>',
        },
      ],
    },
  ];

  const stopped = manifest.stoppedEarly || summary.stoppedEarly;
  return {
    kicker: 'kopsim run report',
    title: summary.name,
    description: typeof description === 'string' && description.trim() !== '' ? description.trim() : undefined,
    warnings: stopped
      ? [
          {
            title: 'Stopped early.',
            text: `This run was stopped at month ${summary.months} of ${plannedMonths}. Charts and tables cover only the months simulated; its end values are not comparable with complete runs.`,
          },
        ]
      : [],
    facts: [
      { label: 'scenario', value: manifest.scenarioId },
      { label: 'strategy', value: summary.strategy },
      { label: 'seed', value: `${manifest.seed} (base seed ${manifest.baseSeed})` },
      { label: 'months simulated', value: stopped ? `${summary.months} of ${plannedMonths}` : String(summary.months) },
      { label: 'households', value: summary.households.toLocaleString('en-US') },
      { label: 'kopsim version', value: manifest.kopsimVersion },
      {
        label: 'federation formed',
        value: typeof summary.federationMonth === 'number' ? `month ${summary.federationMonth}` : 'not reached',
      },
      ...(manifest.overrides.length > 0 ? [{ label: 'overrides', value: manifest.overrides.join(', ') }] : []),
      { label: 'run at', value: manifest.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') },
    ],
    sections,
    footer: `Made by kopsim ${manifest.kopsimVersion}. Charts are inline SVG; this page needs no network and no scripts.`,
  };
}

/** Looks a value up by month, scope and indicator. */
function valueLookup(
  rows: readonly ChartRow[],
): (month: number, region: string, indicator: string) => number | undefined {
  const map = new Map<string, number>();
  for (const r of rows) map.set(`${r.month}\u0000${r.region}\u0000${r.indicator}`, r.value);
  return (month, region, indicator) => map.get(`${month}\u0000${region}\u0000${indicator}`);
}
