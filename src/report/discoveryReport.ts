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
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { CHARTS_DIR } from './writeCharts.js';

function stem(s: StrategyDiscovery): string {
  return s.strategy.replace(/[^A-Za-z0-9-]/g, '-');
}

function restrictedCount(s: StrategyDiscovery, step: number): number {
  const start = s.trajectory[0].box;
  return restrictedDimensions(s.trajectory[step].box, start).length;
}

/** The charts of a discovery: per strategy the trade-off curve, the box on the normalised ranges and the scatter. */
export function discoveryCharts(result: DiscoveryResult): NamedChart[] {
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
    return [
      {
        name: `tradeoff-${stem(s)}`,
        title: `${s.strategy}: PRIM trade-off`,
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
            title: `${s.strategy}: PRIM trade-off`,
            subtitle: [
              `Each point a box of the peeling trajectory (alpha ${result.prim.alpha}, minimum mass ${result.prim.minMass}${result.prim.pasting ? ', with pasting' : ''}); ringed: box ${s.selected}${s.selected === s.knee ? ' (the knee)' : ''}`,
              `Cases of interest: ${result.outcome}`,
            ],
          },
        ),
      },
      {
        name: `box-${stem(s)}`,
        title: `${s.strategy}: box ${s.selected} on the sampled ranges`,
        spec: boxLimitsChart(
          dims.map((d, j) => {
            const l = limitOf.get(j);
            return {
              parameter: d.name,
              lower: l ? l.unitLower : 0,
              upper: l ? l.unitUpper : 1,
              restricted: l !== undefined,
              label: l
                ? `${short(l.lower)} to ${short(l.upper)}`
                : `${short(d.min)} to ${short(d.max)} (not restricted)`,
            };
          }),
          {
            title: `${s.strategy}: box ${s.selected} on the sampled ranges`,
            subtitle: `Coverage ${box.coverage.toFixed(2)}, density ${box.density.toFixed(2)}, mass ${box.mass.toFixed(2)}; grey: the whole sampled range`,
          },
        ),
      },
      {
        name: `scatter-${stem(s)}`,
        title: `${s.strategy}: runs on ${dims[a].name} and ${dims[b].name}`,
        spec: outcomeScatter(
          s.cases.map((c) => ({ x: c.x[a], y: c.x[b], interest: c.y === 1 })),
          {
            title: `${s.strategy}: runs on ${dims[a].name} and ${dims[b].name}`,
            subtitle: `The box's two most restricted parameters; dashed: box ${s.selected}'s limits on them`,
            xName: dims[a].name,
            yName: dims[b].name,
            xDomain: [Math.min(dims[a].min, whole.lower[a]), Math.max(dims[a].max, whole.upper[a])],
            yDomain: [Math.min(dims[b].min, whole.lower[b]), Math.max(dims[b].max, whole.upper[b])],
            box: { x1: lim(a)[0], x2: lim(a)[1], y1: lim(b)[0], y2: lim(b)[1] },
            interestLabel: 'outcome holds',
          },
        ),
      },
    ];
  });
}

function pValue(p: number): string {
  return Number.isNaN(p) ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** The discovery report as a document. Deterministic: no clock, no folder names. */
export function discoveryReportDocument(
  result: DiscoveryResult,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
): HtmlReport {
  const chartOf = new Map(charts.map((c) => [c.name, c]));
  const chart = (name: string): ReportBlock[] => {
    const c = chartOf.get(name);
    return c ? [chartBlock(c)] : [];
  };
  const sections: ReportSection[] = result.strategies.map((s) => {
    const blocks: ReportBlock[] = [{ kind: 'paragraph', text: s.sentence }];
    if (s.cases.length > 0) {
      blocks.push(...chart(`tradeoff-${stem(s)}`));
      blocks.push({
        kind: 'table',
        caption: `The trajectory: every box PRIM peeled (or pasted) to; box ${s.selected} is reported${s.selected === s.knee ? ' (the knee of the curve)' : `, the knee is box ${s.knee}`}`,
        scroll: true,
        columns: [
          { label: 'box' },
          { label: 'step' },
          { label: 'coverage', numeric: true },
          { label: 'density', numeric: true },
          { label: 'mass', numeric: true },
          { label: 'runs', numeric: true },
          { label: 'restricted', numeric: true },
        ],
        rows: s.trajectory.map((t) => [
          t.step === s.selected ? { text: String(t.step), strong: true } : String(t.step),
          t.move,
          t.coverage.toFixed(3),
          t.density.toFixed(3),
          t.mass.toFixed(3),
          String(t.count),
          String(restrictedCount(s, t.step)),
        ]),
      });
      blocks.push({
        kind: 'table',
        caption: `Box ${s.selected}: each restricted parameter, its limits (in its units and as a share of the sampled range) and its quasi-p-value (one-sided binomial test of the density with the restriction dropped; small: the restriction matters)`,
        columns: [
          { label: 'parameter' },
          { label: 'lower', numeric: true },
          { label: 'upper', numeric: true },
          { label: 'share of range', numeric: true },
          { label: 'quasi-p', numeric: true },
        ],
        rows: s.limits.map((l) => [
          l.name,
          short(l.lower),
          short(l.upper),
          `${l.unitLower.toFixed(2)} to ${l.unitUpper.toFixed(2)}`,
          pValue(l.quasiP),
        ]),
      });
      blocks.push(...chart(`box-${stem(s)}`), ...chart(`scatter-${stem(s)}`));
      blocks.push({
        kind: 'code',
        caption: `For comparison, a CART tree of depth ${result.tree.depth} (Gini splits, leaves of at least ${result.tree.minLeaf} runs) on the same cases`,
        text: treeLines(s.tree).join('\n'),
      });
    }
    return { id: `strategy-${stem(s)}`, title: s.strategy, blocks };
  });
  sections.unshift({
    id: 'question',
    title: 'Question and uncertain parameters',
    intro: `Which conditions make the outcome hold: ${result.outcome}. ${result.points} design points${result.replicates > 1 ? ` x ${result.replicates} replicates` : ''} of each strategy${result.baseline ? `, each paired with the baseline ${result.baseline} at the same point and seed` : ''}. PRIM (Friedman & Fisher 1999) peels the box of all runs alpha = ${result.prim.alpha} at a time towards the runs where the outcome holds, and stops at a mass of ${result.prim.minMass}.`,
    blocks: [
      {
        kind: 'table',
        columns: [{ label: 'parameter' }, { label: 'min', numeric: true }, { label: 'max', numeric: true }],
        rows: result.dimensions.map((d) => [d.name, short(d.min), short(d.max)]),
      },
    ],
  });
  sections.push(
    dataFilesSection([
      {
        file: DISCOVERY_FILES.cases,
        note: 'every case: strategy, design point, replicate, parameter values, outcome 0/1',
      },
      {
        file: DISCOVERY_FILES.trajectory,
        note: "each strategy's trajectory: coverage, density, mass and limits of every box",
      },
      { file: DISCOVERY_FILES.box, note: 'the reported box: limits and quasi-p-values' },
      { file: DISCOVERY_FILES.tree, note: 'the CART trees' },
      { file: DISCOVERY_FILES.json, note: 'all results as JSON' },
      { file: EXPERIMENT_FILES.runs, note: 'one line per run: its seed, design point and the indicators by month' },
      {
        file: EXPERIMENT_FILES.plan,
        note: 'the expanded plan: the resolved scenarios, the design, every run and its seed',
      },
      { file: EXPERIMENT_FILES.manifest, note: 'provenance: kopsim version, command line, shard, workers, timings' },
      { file: `${CHARTS_DIR}/`, note: 'each chart as PNG (2x), SVG and Vega-Lite spec' },
    ]),
  );
  const warnings = [
    ...(result.runs.failed > 0
      ? [
          {
            title: `${result.runs.failed} runs failed.`,
            text: 'They are listed with their seeds in failures.jsonl; their cases are left out.',
          },
        ]
      : []),
    ...(result.runs.missing > 0
      ? [{ title: `${result.runs.missing} runs missing.`, text: 'Run the same command again to complete the folder.' }]
      : []),
  ];
  return {
    kicker: 'kopsim scenario discovery',
    title: result.name,
    description: result.description || undefined,
    warnings,
    facts: [
      { label: 'outcome', value: result.outcome },
      { label: 'strategies', value: result.strategies.map((s) => s.strategy).join(', ') },
      ...(result.baseline ? [{ label: 'baseline', value: result.baseline }] : []),
      { label: 'design points', value: String(result.points) },
      { label: 'replicates', value: String(result.replicates) },
      { label: 'base seed', value: String(result.baseSeed) },
      {
        label: 'runs',
        value: `${result.runs.completed} of ${result.runs.planned} finished${result.runs.failed ? `, ${result.runs.failed} failed` : ''}`,
      },
      { label: 'plan', value: result.planHash.slice(0, 12) },
    ],
    sections,
    footer: 'Made by kopsim. Charts are inline SVG; this page needs no network and no scripts.',
  };
}

/** Renders a discovery's charts and report page (nothing written; see writeExperimentReport). */
export async function renderDiscoveryReport(result: DiscoveryResult): Promise<RenderedExperimentReport> {
  const charts = await renderCharts(discoveryCharts(result));
  return { charts, html: htmlReport(discoveryReportDocument(result, charts)) };
}
