import { join } from 'node:path';
import { INDICATORS, KEY_INDICATORS } from '../indicators/registry.js';
import { writeFileAtomically } from './atomicFolder.js';
import type { ChartRow } from './charts/chartRows.js';
import { runCharts } from './charts/runCharts.js';
import { dataFilesSection } from './dataFilesSection.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type ChartProgress, type ChartRenderer, type RenderedChart } from './renderChart.js';
import { RUN_FILES } from './runFolder.js';
import { runChartMeta, scenarioField, type RunReportInput } from './runReportInput.js';
import { shellQuote } from './shellQuote.js';
import { dormantSpans } from './dormancy.js';
import { glossarySection } from './glossarySection.js';
import { INDICATORS_FILE } from './indicatorsCsv.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel, stageLabel, unitLabel } from '../i18n/labels.js';
import { eventMessage } from '../i18n/eventText.js';
import { locale, type Locale } from '../i18n/locale.js';
import { writeRenderedCharts } from './writeCharts.js';
import { chartBlock } from './chartBlock.js';

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
  'cooperative-revived',
  'regional-shock',
  'elite-capture',
]);

/** Which charts go in which section, in order. Charts not listed go to the last chart section. */
const CHART_SECTIONS: readonly {
  id: string;
  key: 'welfare' | 'cooperatives' | 'enterprises';
  charts: readonly string[];
}[] = [
  { id: 'welfare', key: 'welfare', charts: ['consumption', 'income', 'gini', 'poverty', 'regions-consumption'] },
  { id: 'cooperatives', key: 'cooperatives', charts: ['membership', 'finances'] },
  { id: 'enterprises', key: 'enterprises', charts: ['enterprises', 'integration'] },
];

/** Table columns for key indicators: start, year 5, year 10 and the end, omitting points past the end. */
export function reportMonths(lastMonth: number, L: Locale = locale('en')): { label: string; month: number }[] {
  const points = [{ label: L.t('time.start'), month: 0 }];
  for (const [year, month] of [
    [5, 60],
    [10, 120],
  ] as const) {
    const label = L.t('time.yearN', { y: year });
    if (month < lastMonth) points.push({ label, month });
    else if (month === lastMonth) return [...points, { label: `${label} (${L.t('time.end')})`, month }];
  }
  if (lastMonth > 0) points.push({ label: L.t('time.end'), month: lastMonth });
  return points;
}

/**
 * Renders a run's charts and its report page in language `lang`; `onRendered` hears of each
 * chart. The charts are rendered by `render`: in this thread, or by a chart worker (same bytes).
 */
export async function renderRunReport(
  input: RunReportInput,
  onRendered?: ChartProgress,
  lang: Lang = 'en',
  render: ChartRenderer = renderCharts,
): Promise<RenderedRunReport> {
  const charts = await render(runCharts(input.rows, runChartMeta(input, lang)), onRendered);
  return { charts, html: runReportHtml(input, charts, lang) };
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
  lang: Lang = 'en',
): string {
  return htmlReport(runReportDocument(input, charts, lang));
}

/** The highest stage a region's timeline reached (0: none). */
function topStage(stages: Readonly<Record<string, unknown>>): number {
  const reached = [1, 2, 3, 4, 5, 6].filter((k) => typeof stages[`stage${k}`] === 'number');
  return reached.length > 0 ? Math.max(...reached) : 0;
}

/** The run report as a document (sections of tables and charts), before it becomes HTML. */
export function runReportDocument(
  input: RunReportInput,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  lang: Lang = 'en',
): HtmlReport {
  const L = locale(lang);
  const { fmt } = L;
  const { manifest, summary } = input;
  const planned = scenarioField(manifest, ['months']);
  const plannedMonths = typeof planned === 'number' ? planned : summary.months;
  const description = scenarioField(manifest, ['description']);
  const last = summary.months;
  const points = reportMonths(last, L);
  // The tables read only these months: the key indicators' columns and the regions' last month.
  const value = valueLookup(input.rows, new Set([...points.map((p) => p.month), last]));
  const dormant = dormantSpans(input.events);
  const dormantText = (region: string): string | null => {
    const spans = dormant.filter((d) => d.region === region);
    if (spans.length === 0) return null;
    return spans
      .map((d) =>
        d.to === null
          ? L.t('run.dormantSince', { m: d.from })
          : `${L.t('run.dormantSince', { m: d.from })}, ${L.t('run.revivedAt', { m: d.to })}`,
      )
      .join('; ');
  };
  const dormantAtEnd = (region: string) => dormant.some((d) => d.region === region && d.to === null);

  const chartNamed = (name: string): ReportBlock | undefined => {
    const c = charts.find((x) => x.name === name);
    return c ? chartBlock(c, L) : undefined;
  };
  const placed = new Set(CHART_SECTIONS.flatMap((s) => s.charts).concat('stages'));
  const unplaced = charts.filter((c) => !placed.has(c.name)).map((c) => c.name);

  const stageTable: ReportBlock = {
    kind: 'table',
    caption: L.t('run.stages.caption'),
    columns: [
      { label: L.t('run.col.region') },
      ...[1, 2, 3, 4, 5, 6].map((k) => ({ label: stageLabel(L, k), numeric: true })),
      { label: L.t('run.col.dormant') },
    ],
    rows: summary.stageTimeline.map((t) => [
      t.region,
      ...[1, 2, 3, 4, 5, 6].map((k) => {
        const m = t.stages[`stage${k}`];
        return typeof m === 'number' ? L.t('time.monthN', { m }) : L.t('time.notReached');
      }),
      dormantText(t.region) ? { text: dormantText(t.region)!, strong: true } : '–',
    ]),
  };

  const keyTable: ReportBlock = {
    kind: 'table',
    caption: L.t('run.key.caption'),
    columns: [
      { label: L.t('run.col.indicator') },
      { label: L.t('run.col.unit') },
      ...points.map((p) => ({ label: L.t('run.key.point', { label: p.label, m: p.month }), numeric: true })),
    ],
    rows: KEY_INDICATORS.map((id) => {
      const meta = INDICATORS.find((i) => i.id === id)!;
      return [
        indicatorLabel(L, id, meta.label),
        unitLabel(L, meta.unit),
        ...points.map((p) => fmt.value(value(p.month, 'total', id), meta.unit)),
      ];
    }),
  };

  const regionTable: ReportBlock = {
    kind: 'table',
    caption: L.t('run.regions.caption', { m: last }),
    columns: [
      { label: L.t('run.col.region') },
      { label: L.t('run.col.stageReached') },
      { label: L.t('run.col.memberShare'), numeric: true },
      { label: L.t('run.col.consumption'), numeric: true },
      { label: L.t('run.col.p0'), numeric: true },
      { label: L.t('run.col.enterprises'), numeric: true },
    ],
    rows: summary.stageTimeline.map((t) => {
      const top = topStage(t.stages);
      const reached = top > 0 ? stageLabel(L, top) : L.t('stage.none');
      return [
        t.region,
        dormantAtEnd(t.region) ? { text: `${reached} → ${L.t('stage.dormant')}`, strong: true } : reached,
        fmt.value(value(last, t.region, 'member_share'), 'share'),
        fmt.value(value(last, t.region, 'consumption_pc_mean'), 'rupiah per person per month'),
        fmt.value(value(last, t.region, 'p0'), 'share'),
        fmt.value(value(last, t.region, 'enterprises_active'), 'count'),
      ];
    }),
  };

  const milestones = input.events.filter((e) => MILESTONE_KINDS.has(e.kind));
  const sections: ReportSection[] = [
    {
      id: 'stages',
      title: L.t('run.stages.title'),
      intro: L.t('run.stages.intro'),
      blocks: [stageTable, chartNamed('stages')].filter((b): b is ReportBlock => b !== undefined),
    },
    { id: 'key-indicators', title: L.t('run.key.title'), blocks: [keyTable] },
    { id: 'regions', title: L.t('run.regions.title'), blocks: [regionTable] },
    ...CHART_SECTIONS.map((s, i) => ({
      id: s.id,
      title: L.t(`run.${s.key}.title`),
      intro: L.t(`run.${s.key}.intro`),
      blocks: [...s.charts, ...(i === CHART_SECTIONS.length - 1 ? unplaced : [])]
        .map(chartNamed)
        .filter((b): b is ReportBlock => b !== undefined),
    })),
    {
      id: 'milestones',
      title: L.t('run.milestones.title'),
      intro: L.t('run.milestones.intro', { shown: milestones.length, total: input.events.length }),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: L.t('run.col.month'), numeric: true },
            { label: L.t('run.col.region') },
            { label: L.t('run.col.event') },
          ],
          rows: milestones.map((e) => {
            const message = eventMessage(L, e, e.region);
            return [
              String(e.month),
              e.region === 'total' ? L.t('run.allRegions') : e.region,
              e.kind === 'cooperative-inactive' ? { text: message, strong: true } : message,
            ];
          }),
        },
      ],
    },
    glossarySection(L),
    dataFilesSection(
      [
        { file: RUN_FILES.timeseries, note: L.t('run.data.timeseries') },
        { file: RUN_FILES.summary, note: L.t('run.data.summary') },
        { file: INDICATORS_FILE, note: L.t('report.data.indicators') },
        { file: RUN_FILES.manifest, note: L.t('run.data.manifest') },
        { file: RUN_FILES.events, note: L.t('run.data.events') },
        { file: 'charts/', note: L.t('run.data.charts') },
      ],
      '',
      L,
    ),
    {
      id: 'reproduce',
      title: L.t('report.reproduce.title'),
      blocks: [
        { kind: 'code', caption: L.t('run.reproduce.made'), text: shellQuote(manifest.commandLine) },
        {
          kind: 'paragraph',
          text: L.t('run.reproduce.same', {
            version: manifest.kopsimVersion,
            source: manifest.source,
            base: manifest.baseSeed,
            seed: manifest.seed,
          }),
        },
        { kind: 'code', caption: L.t('run.reproduce.redraw'), text: 'kopsim report <this folder>' },
      ],
    },
  ];

  const stopped = manifest.stoppedEarly || summary.stoppedEarly;
  const dormantRegions = [...new Set(dormant.filter((d) => d.to === null).map((d) => d.region))];
  return {
    lang,
    kicker: L.t('run.kicker'),
    title: summary.name,
    description: typeof description === 'string' && description.trim() !== '' ? description.trim() : undefined,
    warnings: [
      ...(stopped
        ? [
            {
              title: L.t('run.stoppedEarly.title'),
              text: L.t('run.stoppedEarly.text', { months: summary.months, planned: plannedMonths }),
            },
          ]
        : []),
      ...(dormantRegions.length > 0
        ? [{ title: L.t('run.dormant.title'), text: L.t('run.dormant.text', { regions: dormantRegions.join(', ') }) }]
        : []),
    ],
    facts: [
      { label: L.t('run.fact.scenario'), value: manifest.scenarioId },
      { label: L.t('run.fact.strategy'), value: summary.strategy },
      {
        label: L.t('run.fact.seed'),
        value: L.t('run.fact.seedValue', { seed: manifest.seed, base: manifest.baseSeed }),
      },
      {
        label: L.t('run.fact.months'),
        value: stopped
          ? L.t('run.fact.monthsOf', { months: summary.months, planned: plannedMonths })
          : String(summary.months),
      },
      { label: L.t('run.fact.households'), value: fmt.integer(summary.households) },
      { label: L.t('run.fact.version'), value: manifest.kopsimVersion },
      {
        label: L.t('run.fact.federation'),
        value:
          typeof summary.federationMonth === 'number'
            ? L.t('time.monthN', { m: summary.federationMonth })
            : L.t('time.notReached'),
      },
      ...(manifest.overrides.length > 0
        ? [{ label: L.t('run.fact.overrides'), value: manifest.overrides.join(', ') }]
        : []),
      { label: L.t('run.fact.runAt'), value: manifest.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') },
    ],
    sections,
    footer: L.t('report.footer', { version: manifest.kopsimVersion }),
  };
}

/**
 * Looks a value up by month, scope and indicator, for the given months only: a run has a row
 * for every month, scope and indicator (about 100,000 for the default scenario), and keying
 * them all took longer than the rest of the page.
 */
function valueLookup(
  rows: readonly ChartRow[],
  months: ReadonlySet<number>,
): (month: number, region: string, indicator: string) => number | undefined {
  const map = new Map<string, number>();
  for (const r of rows) if (months.has(r.month)) map.set(`${r.month}\u0000${r.region}\u0000${r.indicator}`, r.value);
  return (month, region, indicator) => map.get(`${month}\u0000${region}\u0000${indicator}`);
}
