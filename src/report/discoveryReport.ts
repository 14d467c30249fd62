import { treeLines } from '../experiment/discovery/classificationTree.js';
import { short, type DiscoveryResult, type StrategyDiscovery } from '../experiment/discovery/discoveryAnalysis.js';
import { restrictedDimensions, wholeBox } from '../experiment/discovery/primBox.js';
import { boxLimitsChart } from './charts/boxLimitsChart.js';
import type { NamedChart } from './charts/chartRows.js';
import { outcomeScatter } from './charts/outcomeScatter.js';
import { primTradeoff } from './charts/primTradeoff.js';
import { dataFilesSection } from './dataFilesSection.js';
import { DISCOVERY_FILES } from './discoveryFiles.js';
import { EXPERIMENT_FILES } from './experimentFolder.js';
import type { RenderedExperimentReport } from './experimentReport.js';
import { chartBlock } from './chartBlock.js';
import { discoverySentence } from './discoverySentence.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { CHARTS_DIR } from './writeCharts.js';
import { localizedSpec } from './charts/chartLocale.js';
import type { MessageKey } from '../i18n/en.js';
import type { Lang } from '../i18n/lang.js';
import { locale, type Locale } from '../i18n/locale.js';

function stem(s: StrategyDiscovery): string {
  return s.strategy.replace(/[^A-Za-z0-9-]/g, '-');
}

function restrictedCount(s: StrategyDiscovery, step: number): number {
  const start = s.trajectory[0].box;
  return restrictedDimensions(s.trajectory[step].box, start).length;
}

/** The charts of a discovery, in the language: per strategy the trade-off curve, the box on the normalised ranges and the scatter. */
export function discoveryCharts(result: DiscoveryResult, L: Locale = locale('en')): NamedChart[] {
  return result.strategies.flatMap((s): NamedChart[] => {
    if (s.cases.length === 0) return [];
    const dims = result.dimensions;
    const box = s.trajectory[s.selected];
    const [a, b] = s.scatter;
    const limitOf = new Map(s.limits.map((l) => [l.dimension, l]));
    const range = (j: number): [number, number] => [dims[j].min, dims[j].max];
    const lim = (j: number) => {
      const l = limitOf.get(j);
      return l ? [l.lower, l.upper] : range(j);
    };
    const whole = wholeBox({ names: [], x: dims.map((_, j) => s.cases.map((c) => c.x[j])), y: [] });
    const tradeoffTitle = L.t('disc.chart.tradeoff', { strategy: s.strategy });
    const boxTitle = L.t('disc.chart.box', { strategy: s.strategy, box: s.selected });
    const scatterTitle = L.t('disc.chart.scatter', { strategy: s.strategy, a: dims[a].name, b: dims[b].name });
    return [
      {
        name: `tradeoff-${stem(s)}`,
        title: tradeoffTitle,
        spec: primTradeoff(
          s.trajectory.map((t) => ({
            step: t.step,
            coverage: t.coverage,
            density: t.density,
            mass: t.mass,
            restricted: restrictedCount(s, t.step),
            selected: t.step === s.selected,
          })),
          {
            title: tradeoffTitle,
            subtitle: [
              L.t('disc.chart.tradeoffSub', {
                alpha: L.fmt.significant(result.prim.alpha),
                mass: L.fmt.significant(result.prim.minMass),
                pasting: result.prim.pasting ? L.t('disc.withPasting') : '',
                box: s.selected,
                knee: s.selected === s.knee ? L.t('disc.theKnee') : '',
              }),
              L.t('disc.chart.interest', { outcome: result.outcome }),
            ],
            words: {
              coverage: L.t('disc.axis.coverage'),
              density: L.t('disc.axis.density'),
              restricted: L.t('disc.axis.restricted'),
              box: L.t('disc.col.box'),
            },
          },
        ),
      },
      {
        name: `box-${stem(s)}`,
        title: boxTitle,
        spec: boxLimitsChart(
          dims.map((d, j) => {
            const l = limitOf.get(j);
            return {
              parameter: d.name,
              lower: l ? l.unitLower : 0,
              upper: l ? l.unitUpper : 1,
              restricted: l !== undefined,
              label: l
                ? L.t('exp.ciRange', { lo: short(l.lower), hi: short(l.upper) })
                : L.t('disc.notRestricted', { range: L.t('exp.ciRange', { lo: short(d.min), hi: short(d.max) }) }),
            };
          }),
          {
            title: boxTitle,
            subtitle: L.t('disc.chart.boxSub', {
              coverage: L.fmt.fixed(box.coverage, 2),
              density: L.fmt.fixed(box.density, 2),
              mass: L.fmt.fixed(box.mass, 2),
            }),
            axisTitle: L.t('disc.axis.range'),
          },
        ),
      },
      {
        name: `scatter-${stem(s)}`,
        title: scatterTitle,
        spec: outcomeScatter(
          s.cases.map((c) => ({ x: c.x[a], y: c.x[b], interest: c.y === 1 })),
          {
            title: scatterTitle,
            subtitle: L.t('disc.chart.scatterSub', { box: s.selected }),
            xName: dims[a].name,
            yName: dims[b].name,
            xDomain: [Math.min(dims[a].min, whole.lower[a]), Math.max(dims[a].max, whole.upper[a])],
            yDomain: [Math.min(dims[b].min, whole.lower[b]), Math.max(dims[b].max, whole.upper[b])],
            box: { x1: lim(a)[0], x2: lim(a)[1], y1: lim(b)[0], y2: lim(b)[1] },
            interestLabel: L.t('disc.holds'),
            otherLabel: L.t('disc.otherRuns'),
          },
        ),
      },
    ];
  });
}

function pValue(L: Locale, p: number): string {
  return Number.isNaN(p) ? '–' : p < 0.001 ? `< ${L.fmt.fixed(0.001, 3)}` : L.fmt.fixed(p, 3);
}

/** The discovery report as a document. Deterministic: no clock, no folder names. */
export function discoveryReportDocument(
  result: DiscoveryResult,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  lang: Lang = 'en',
): HtmlReport {
  const L = locale(lang);
  const f3 = (x: number) => L.fmt.fixed(x, 3);
  const chartOf = new Map(charts.map((c) => [c.name, c]));
  const chart = (name: string): ReportBlock[] => {
    const c = chartOf.get(name);
    return c ? [chartBlock(c, L)] : [];
  };
  const sections: ReportSection[] = result.strategies.map((s) => {
    const blocks: ReportBlock[] = [{ kind: 'paragraph', text: discoverySentence(L, s, result.outcome) }];
    if (s.cases.length > 0) {
      blocks.push(...chart(`tradeoff-${stem(s)}`));
      blocks.push({
        kind: 'table',
        caption: L.t(s.selected === s.knee ? 'disc.trajectory.captionKnee' : 'disc.trajectory.caption', {
          box: s.selected,
          knee: s.knee,
        }),
        scroll: true,
        columns: [
          { label: L.t('disc.col.box') },
          { label: L.t('disc.col.step') },
          { label: L.t('disc.col.coverage'), numeric: true },
          { label: L.t('disc.col.density'), numeric: true },
          { label: L.t('disc.col.mass'), numeric: true },
          { label: L.t('exp.fact.runs'), numeric: true },
          { label: L.t('disc.col.restricted'), numeric: true },
        ],
        rows: s.trajectory.map((t) => [
          t.step === s.selected ? { text: String(t.step), strong: true } : String(t.step),
          L.t(`disc.move.${t.move}` as MessageKey),
          f3(t.coverage),
          f3(t.density),
          f3(t.mass),
          L.fmt.integer(t.count),
          String(restrictedCount(s, t.step)),
        ]),
      });
      blocks.push({
        kind: 'table',
        caption: L.t('disc.limits.caption', { box: s.selected }),
        columns: [
          { label: L.t('an.col.parameter') },
          { label: L.t('disc.col.lower'), numeric: true },
          { label: L.t('disc.col.upper'), numeric: true },
          { label: L.t('disc.col.share'), numeric: true },
          { label: 'quasi-p', numeric: true },
        ],
        rows: s.limits.map((l) => [
          l.name,
          short(l.lower),
          short(l.upper),
          L.t('exp.ciRange', { lo: L.fmt.fixed(l.unitLower, 2), hi: L.fmt.fixed(l.unitUpper, 2) }),
          pValue(L, l.quasiP),
        ]),
      });
      blocks.push(...chart(`box-${stem(s)}`), ...chart(`scatter-${stem(s)}`));
      blocks.push({
        kind: 'code',
        caption: L.t('disc.tree.caption', { depth: result.tree.depth, leaf: result.tree.minLeaf }),
        text: treeLines(s.tree, undefined, {
          all: L.t('disc.tree.all'),
          node: (count, pct) => L.t('disc.tree.node', { n: count, pct }),
        }).join('\n'),
      });
    }
    return { id: `strategy-${stem(s)}`, title: s.strategy, blocks };
  });
  sections.unshift({
    id: 'question',
    title: L.t('disc.question.title'),
    intro: L.t('disc.question.intro', {
      outcome: result.outcome,
      points: L.fmt.integer(result.points),
      replicates: result.replicates > 1 ? L.t('disc.question.replicates', { n: result.replicates }) : '',
      baseline: result.baseline ? L.t('disc.question.baseline', { baseline: result.baseline }) : '',
      alpha: L.fmt.significant(result.prim.alpha),
      mass: L.fmt.significant(result.prim.minMass),
    }),
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: L.t('an.col.parameter') },
          { label: L.t('an.col.min'), numeric: true },
          { label: L.t('an.col.max'), numeric: true },
        ],
        rows: result.dimensions.map((d) => [d.name, short(d.min), short(d.max)]),
      },
    ],
  });
  sections.push(
    dataFilesSection(
      [
        { file: DISCOVERY_FILES.cases, note: L.t('disc.data.cases') },
        { file: DISCOVERY_FILES.trajectory, note: L.t('disc.data.trajectory') },
        { file: DISCOVERY_FILES.box, note: L.t('disc.data.box') },
        { file: DISCOVERY_FILES.tree, note: L.t('disc.data.tree') },
        { file: DISCOVERY_FILES.json, note: L.t('disc.data.json') },
        { file: EXPERIMENT_FILES.runs, note: L.t('exp.data.runs') },
        { file: EXPERIMENT_FILES.plan, note: L.t('an.data.plan') },
        { file: EXPERIMENT_FILES.manifest, note: L.t('exp.data.manifest') },
        { file: `${CHARTS_DIR}/`, note: L.t('exp.data.charts') },
      ],
      '',
      L,
    ),
  );
  const warnings = [
    ...(result.runs.failed > 0
      ? [{ title: L.t('exp.warn.failed', { n: result.runs.failed }), text: L.t('disc.warn.failedText') }]
      : []),
    ...(result.runs.missing > 0
      ? [{ title: L.t('exp.warn.missing', { n: result.runs.missing }), text: L.t('disc.warn.missingText') }]
      : []),
  ];
  const runs = { done: L.fmt.integer(result.runs.completed), planned: L.fmt.integer(result.runs.planned) };
  return {
    lang,
    kicker: L.t('disc.kicker'),
    title: result.name,
    description: result.description || undefined,
    warnings,
    facts: [
      { label: L.t('disc.fact.outcome'), value: result.outcome },
      { label: L.t('disc.fact.strategies'), value: result.strategies.map((s) => s.strategy).join(', ') },
      ...(result.baseline ? [{ label: L.t('exp.fact.baseline'), value: result.baseline }] : []),
      { label: L.t('an.fact.points'), value: L.fmt.integer(result.points) },
      { label: L.t('exp.fact.replicates'), value: L.fmt.integer(result.replicates) },
      { label: L.t('exp.fact.seed'), value: String(result.baseSeed) },
      {
        label: L.t('exp.fact.runs'),
        value: result.runs.failed
          ? L.t('exp.fact.runsFailed', { ...runs, failed: L.fmt.integer(result.runs.failed) })
          : L.t('exp.fact.runsValue', runs),
      },
      { label: L.t('exp.fact.plan'), value: result.planHash.slice(0, 12) },
    ],
    sections,
    footer: L.t('report.footerPlain'),
  };
}

/** Renders a discovery's charts and report page in the language (nothing written; see writeExperimentReport). */
export async function renderDiscoveryReport(
  result: DiscoveryResult,
  lang: Lang = 'en',
): Promise<RenderedExperimentReport> {
  const charts = await renderCharts(
    discoveryCharts(result, locale(lang)).map((c) => ({ ...c, spec: localizedSpec(c.spec, lang) })),
  );
  return { charts, html: htmlReport(discoveryReportDocument(result, charts, lang)) };
}
