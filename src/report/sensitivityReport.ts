import type { AttributionOutputResult, AttributionResult, Estimate } from '../experiment/attributionAnalysis.js';
import { ATTRIBUTION_DESIGN_TEXT, type AttributionDesign } from '../experiment/attributionPlan.js';
import { INTERVAL_METHOD_TEXT, fewReplicatesWarning } from '../experiment/meanInterval.js';
import { attributionInterpretation } from './attributionInterpretation.js';
import type { AnalysisOutput } from '../experiment/analysisOutputs.js';
import type { SensitivityOutputResult, SensitivityResult } from '../experiment/sensitivityAnalysis.js';
import type { NamedChart } from './charts/chartRows.js';
import { morrisScatter } from './charts/morrisScatter.js';
import { betterWhen } from './welfareDirection.js';
import { shapleyWaterfall } from './charts/shapleyWaterfall.js';
import { sobolBars } from './charts/sobolBars.js';
import { dataFilesSection, type DataFile } from './dataFilesSection.js';
import { EXPERIMENT_FILES } from './experimentFolder.js';
import type { RenderedExperimentReport } from './experimentReport.js';
import { formatValue } from './formatValue.js';
import { chartBlock } from './chartBlock.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { ANALYSIS_FILES, type AnalysisResult } from './sensitivityFiles.js';
import { CHARTS_DIR } from './writeCharts.js';

/** A chart's file-name stem for an output: `gini@120` -> `gini-m120`. */
function outputStem(o: AnalysisOutput): string {
  return `${o.indicator}-m${o.month}`;
}

/** "Gini (consumption), month 120 (final)". */
export function outputTitle(label: string, o: AnalysisOutput): string {
  return `${label}, month ${o.month}${o.final ? ' (final)' : ''}`;
}

/** Parameters in decreasing order of importance: ST for Sobol, mu* for Morris (ties keep file order). */
export function rankedParameters(o: SensitivityOutputResult): number[] {
  const score = (i: number) => {
    const v = o.sobol ? o.sobol.indices[i].st : o.morris ? o.morris[i].muStar : NaN;
    return Number.isFinite(v) ? v : -Infinity;
  };
  const count = o.sobol?.indices.length ?? o.morris?.length ?? 0;
  return Array.from({ length: count }, (_, i) => i).sort((a, b) => score(b) - score(a) || a - b);
}

/** The charts of a sensitivity result: a Morris scatter or Sobol' bars per output. */
export function sensitivityCharts(result: SensitivityResult): NamedChart[] {
  const charts: NamedChart[] = [];
  const reps = `${result.replicatesUsed.length} replicate${result.replicatesUsed.length === 1 ? '' : 's'} per point`;
  for (const o of result.outputs) {
    const title = outputTitle(o.label, o.output);
    if (o.morris) {
      const subtitle = [
        `Morris screening, ${result.design.method === 'morris' ? `r = ${result.design.trajectories}, p = ${result.design.levels}` : ''}, ${reps}: μ* (importance) against σ (non-linearity, interactions)`,
        'Lines: 95% bootstrap interval of μ*; dashed: σ = μ*',
      ];
      charts.push({
        name: `morris-${outputStem(o.output)}`,
        title,
        spec: morrisScatter(
          o.morris.map((m) => ({
            parameter: m.name,
            muStar: m.muStar,
            lo: m.muStarLower,
            hi: m.muStarUpper,
            sigma: m.sigma,
          })),
          { title, unit: o.unit, subtitle },
        ),
      });
    } else if (o.sobol) {
      const order = rankedParameters(o);
      const rows = order.flatMap((i) => {
        const s = o.sobol!.indices[i];
        return [
          { parameter: s.name, index: 'S1' as const, value: s.s1, lo: s.s1Lower, hi: s.s1Upper },
          { parameter: s.name, index: 'ST' as const, value: s.st, lo: s.stLower, hi: s.stUpper },
        ];
      });
      const n = result.design.method === 'sobol' ? `N = ${result.design.n}` : '';
      charts.push({
        name: `sobol-${outputStem(o.output)}`,
        title,
        spec: sobolBars(rows, {
          title,
          subtitle: [
            `Sobol' indices (Saltelli design, ${n}, ${reps}) with 95% bootstrap intervals`,
            'S1: the parameter alone; ST: with its interactions',
          ],
        }),
      });
    }
  }
  return charts;
}

/** The charts of an attribution: a Shapley waterfall per output. */
export function attributionCharts(result: AttributionResult): NamedChart[] {
  return result.outputs
    .filter((o) => o.stages.length > 0)
    .map((o) => {
      const title = outputTitle(o.label, o.output);
      const spec = shapleyWaterfall(
        o.stages.map((s) => ({ label: `${s.stage} ${s.name}`, value: s.value, lo: s.lower, hi: s.upper })),
        {
          title,
          unit: o.unit,
          empty: o.empty,
          full: o.full,
          emptyLabel: result.design === 'roadmap' ? 'no stage' : 'no programmes',
          fullLabel: 'all six stages',
          better: betterWhen(o.output.indicator),
          subtitle: [
            `Shapley value of each stage (design ${result.design}, ${samplingText(result)}, ${result.replicatesUsed.length} replicates) with its 95% t interval over replicates`,
            'From the outcome with no stage to the outcome with all six; the values add up to the total gain',
          ],
        },
      );
      return { name: `shapley-${outputStem(o.output)}`, title, spec };
    });
}

function samplingText(result: AttributionResult): string {
  return result.sampling.method === 'exact'
    ? 'exact, all 64 coalitions'
    : `${result.sampling.samples} sampled stage orders, ${result.coalitionsRun} coalitions`;
}

/** Renders a result's charts and report page (nothing written; see writeExperimentReport). */
export async function renderAnalysisReport(result: AnalysisResult): Promise<RenderedExperimentReport> {
  const charts = await renderCharts(
    result.kind === 'sensitivity' ? sensitivityCharts(result) : attributionCharts(result),
  );
  const doc =
    result.kind === 'sensitivity'
      ? sensitivityReportDocument(result, charts)
      : attributionReportDocument(result, charts);
  return { charts, html: htmlReport(doc) };
}

function plain(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'share' || unit === 'index') return x < 0 ? `−${(-x).toFixed(4)}` : x.toFixed(4);
  return x < 0 ? `−${formatValue(-x, unit)}` : formatValue(x, unit);
}

function signed(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  const text = plain(Math.abs(x), unit);
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}

function index(x: number): string {
  return Number.isFinite(x) ? (x < 0 ? `−${(-x).toFixed(3)}` : x.toFixed(3)) : '–';
}

function interval(lo: string, hi: string): string {
  return `${lo} to ${hi}`;
}

function withInterval(e: Estimate, unit: string): string {
  return `${signed(e.value, unit)} (${interval(signed(e.lower, unit), signed(e.upper, unit))})`;
}

/**
 * The sensitivity intervals are bootstrap intervals over the design's independent units
 * (Morris trajectories, Sobol' base rows), which is justified because those units are
 * drawn independently; they are unreliable when there are few of them. The replicates
 * per point only average out run noise and are not what the intervals rest on.
 */
export function sensitivityWarnings(result: SensitivityResult): string[] {
  const d = result.design;
  const w =
    d.method === 'morris'
      ? fewReplicatesWarning(d.trajectories, 'trajectory', 'raise morris.trajectories')?.replace(
          'trajectorys',
          'trajectories',
        )
      : fewReplicatesWarning(d.n, "Sobol' base row", 'raise sobol.n');
  return w ? [w] : [];
}

/** How a sensitivity analysis's intervals are made, for reports. */
export function sensitivityIntervalText(result: SensitivityResult): string {
  return result.design.method === 'morris'
    ? `percentile bootstrap over the ${result.design.trajectories} trajectories (${result.bootstrap.resamples} resamples): the trajectories are drawn independently, so resampling them is justified`
    : `percentile bootstrap over the ${result.design.n} base rows of the Saltelli design (${result.bootstrap.resamples} resamples): the rows are independent draws, so resampling them is justified`;
}

/** What the "no stage" row is in each design. */
export function emptyLabel(design: AttributionDesign): string {
  return design === 'roadmap' ? 'no stage (status quo)' : 'no programmes (cooperatives only)';
}

const WARNINGS = (runs: { failed: number; missing: number }, used: number, planned: number, units = used) => [
  ...(fewReplicatesWarning(units) ? [{ title: 'Too few replicates.', text: `${fewReplicatesWarning(units)}.` }] : []),
  ...(runs.failed > 0
    ? [
        {
          title: `${runs.failed} runs failed.`,
          text: 'They are listed with their seeds in failures.jsonl; only replicates finished everywhere are used.',
        },
      ]
    : []),
  ...(runs.missing > 0
    ? [
        {
          title: `${runs.missing} runs missing.`,
          text: 'Run the same command again to complete the folder; only replicates finished everywhere are used.',
        },
      ]
    : []),
  ...(used < planned
    ? [{ title: `${used} of ${planned} replicates used.`, text: 'The others are not finished at every design point.' }]
    : []),
];

function dataSection(extra: readonly DataFile[]): ReportSection {
  return dataFilesSection(
    [
      ...extra,
      { file: ANALYSIS_FILES.designCsv, note: 'the design: every point (or coalition) run' },
      { file: ANALYSIS_FILES.designJson, note: 'the same, as JSON' },
      { file: ANALYSIS_FILES.seeds, note: "each replicate's seed, the same at every point (common random numbers)" },
      { file: EXPERIMENT_FILES.runs, note: 'one line per run: its seed, design point and the indicators by month' },
      {
        file: EXPERIMENT_FILES.plan,
        note: 'the expanded plan: the resolved scenario, the design, every run and its seed',
      },
      { file: EXPERIMENT_FILES.manifest, note: 'provenance: kopsim version, command line, shard, workers, timings' },
      { file: `${CHARTS_DIR}/`, note: 'each chart as PNG (2x), SVG and Vega-Lite spec' },
    ],
    ' kopsim analyze on this folder recomputes every table and chart from them, without rerunning.',
  );
}

/** The sensitivity report as a document. Deterministic: no clock, no folder names. */
export function sensitivityReportDocument(
  result: SensitivityResult,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
): HtmlReport {
  const chartOf = new Map(charts.map((c) => [c.name, c]));
  const morris = result.method === 'morris';
  const d = result.design;
  const sections: ReportSection[] = result.outputs.map((o) => {
    const blocks: ReportBlock[] = [];
    if (o.error) blocks.push({ kind: 'paragraph', text: `Not analysed: ${o.error}.` });
    const order = rankedParameters(o);
    if (o.morris) {
      blocks.push({
        kind: 'table',
        columns: [
          { label: 'parameter' },
          { label: 'μ*', numeric: true },
          { label: '95% CI of μ*', numeric: true },
          { label: 'μ', numeric: true },
          { label: 'σ', numeric: true },
        ],
        rows: order.map((i) => {
          const m = o.morris![i];
          return [
            m.name,
            plain(m.muStar, o.unit),
            interval(plain(m.muStarLower, o.unit), plain(m.muStarUpper, o.unit)),
            signed(m.mu, o.unit),
            plain(m.sigma, o.unit),
          ];
        }),
      });
    }
    if (o.sobol) {
      blocks.push({
        kind: 'table',
        columns: [
          { label: 'parameter' },
          { label: 'S1', numeric: true },
          { label: '95% CI', numeric: true },
          { label: 'ST', numeric: true },
          { label: '95% CI', numeric: true },
        ],
        rows: order.map((i) => {
          const s = o.sobol!.indices[i];
          return [
            s.name,
            index(s.s1),
            interval(index(s.s1Lower), index(s.s1Upper)),
            index(s.st),
            interval(index(s.stLower), index(s.stUpper)),
          ];
        }),
      });
      if (o.sobol.second) {
        blocks.push({
          kind: 'table',
          caption: 'Second-order indices: the share of variance due to the interaction of two parameters only',
          columns: [{ label: 'parameters' }, { label: 'S2', numeric: true }, { label: '95% CI', numeric: true }],
          rows: o.sobol.second.map((s) => [
            `${s.names[0]} × ${s.names[1]}`,
            index(s.s2),
            interval(index(s.lower), index(s.upper)),
          ]),
        });
      }
    }
    const chart = chartOf.get(`${morris ? 'morris' : 'sobol'}-${outputStem(o.output)}`);
    if (chart) blocks.push(chartBlock(chart));
    return {
      id: `out-${outputStem(o.output)}`.replace(/[^A-Za-z0-9-]/g, '-'),
      title: outputTitle(o.label, o.output),
      intro: morris
        ? `Elementary effects in ${o.unit} per full range of each parameter. μ* ranks importance; σ shows non-linearity or interactions; μ's sign shows the direction. Mean of the output over the design: ${plain(o.mean, o.unit)}.`
        : `Shares of the output's variance over the design (${plain(Math.sqrt(o.variance), o.unit)} standard deviation around a mean of ${plain(o.mean, o.unit)}). Small designs give rough estimates: read the intervals.`,
      blocks,
    };
  });
  sections.unshift({
    id: 'parameters',
    title: 'Parameters',
    intro: `The scenario's fields varied, each over its range; everything else is as the scenario says. Outputs are means over ${result.replicatesUsed.length} replicate${result.replicatesUsed.length === 1 ? '' : 's'} per design point; replicate k uses the same seed at every point (common random numbers).`,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: 'parameter' },
          { label: 'min', numeric: true },
          { label: 'max', numeric: true },
          { label: 'distribution' },
        ],
        rows: result.parameters.map((p) => [
          p.name,
          String(p.min),
          String(p.max),
          `${p.distribution}${p.integer ? ', rounded to integers' : ''}`,
        ]),
      },
    ],
  });
  sections.push(
    dataSection([
      {
        file: ANALYSIS_FILES.indicesCsv,
        note: morris
          ? 'μ, μ*, its 95% CI and σ per output and parameter'
          : 'S1 and ST with 95% CIs per output and parameter',
      },
      ...(result.outputs.some((o) => o.sobol?.second)
        ? [{ file: ANALYSIS_FILES.secondOrderCsv, note: 'S2 with 95% CIs per output and pair' }]
        : []),
      { file: ANALYSIS_FILES.indicesJson, note: 'every index and setting, as JSON' },
      {
        file: ANALYSIS_FILES.outputs,
        note: "each design point's outputs, averaged over replicates: what the indices are computed from",
      },
    ]),
  );
  const designText =
    d.method === 'morris'
      ? `Morris, r = ${d.trajectories} trajectories, p = ${d.levels} levels, Δ = ${d.delta.toFixed(3)}`
      : `Sobol' (Saltelli), N = ${d.n}${d.secondOrder ? ', second order' : ''}`;
  return {
    kicker: 'kopsim sensitivity analysis',
    title: result.name,
    warnings: [
      ...WARNINGS(result.runs, result.replicatesUsed.length, result.replicatesPlanned, Infinity),
      ...sensitivityWarnings(result).map((text) => ({ title: 'Few independent units.', text: `${text}.` })),
    ],
    facts: [
      { label: 'method', value: designText },
      { label: 'scenario', value: `${result.scenario.label} (${result.scenario.months} months)` },
      { label: 'parameters', value: String(result.parameters.length) },
      { label: 'design points', value: String(d.points) },
      { label: 'replicates', value: `${result.replicatesUsed.length} per point` },
      { label: 'base seed', value: String(result.baseSeed) },
      {
        label: 'runs',
        value: `${result.runs.completed} of ${result.runs.planned} finished${result.runs.failed ? `, ${result.runs.failed} failed` : ''}`,
      },
      {
        label: 'intervals',
        value: `${Math.round(result.bootstrap.level * 100)}% ${sensitivityIntervalText(result)}`,
      },
      { label: 'plan', value: result.planHash.slice(0, 12) },
    ],
    sections,
    footer: 'Made by kopsim. Charts are inline SVG; this page needs no network and no scripts.',
  };
}

/** The attribution report as a document. Deterministic: no clock, no folder names. */
export function attributionReportDocument(
  result: AttributionResult,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
): HtmlReport {
  const chartOf = new Map(charts.map((c) => [c.name, c]));
  const sections: ReportSection[] = result.outputs.map((o: AttributionOutputResult) => {
    const blocks: ReportBlock[] = [];
    if (o.error) blocks.push({ kind: 'paragraph', text: `Not analysed: ${o.error}.` });
    else {
      blocks.push({
        kind: 'table',
        columns: [
          { label: 'stage' },
          { label: 'Shapley value', numeric: true },
          { label: '95% CI', numeric: true },
          { label: 'alone (add-one), 95% CI', numeric: true },
          { label: 'last (leave-one-out), 95% CI', numeric: true },
        ],
        rows: [
          ...o.stages.map((s) => [
            `${s.stage} ${s.name}`,
            signed(s.value, o.unit),
            interval(signed(s.lower, o.unit), signed(s.upper, o.unit)),
            withInterval(s.addOne, o.unit),
            withInterval(s.leaveOneOut, o.unit),
          ]),
          [{ text: 'sum of the six values', strong: true }, { text: signed(o.sum, o.unit), strong: true }, '', '', ''],
          [emptyLabel(result.design), plain(o.empty, o.unit), '', '', ''],
          ['all six stages', plain(o.full, o.unit), '', '', ''],
          [
            { text: 'total gain (all − none)', strong: true },
            { text: signed(o.total, o.unit), strong: true },
            interval(signed(o.totalLower, o.unit), signed(o.totalUpper, o.unit)),
            '',
            '',
          ],
        ],
      });
      const reading = attributionInterpretation(o, result.design, result.replicatesUsed.length);
      if (reading.length > 0) blocks.push({ kind: 'paragraph', text: reading.join(' ') });
      blocks.push({
        kind: 'paragraph',
        text: `Sum of the values minus the total gain: ${o.residual.toExponential(2)} (${o.efficient ? 'rounding only' : 'NOT within rounding: please report this'}).`,
      });
    }
    const chart = chartOf.get(`shapley-${outputStem(o.output)}`);
    if (chart) blocks.push(chartBlock(chart));
    return {
      id: `out-${outputStem(o.output)}`.replace(/[^A-Za-z0-9-]/g, '-'),
      title: outputTitle(o.label, o.output),
      blocks,
    };
  });
  sections.unshift({
    id: 'method',
    title: 'What the values mean',
    blocks: [
      {
        kind: 'paragraph',
        text: `Each stage's Shapley value is its average contribution to the indicator over every order in which the six stages could be added, from no stage to all six. The values add up to the total gain. Beside it: the stage's effect alone (add-one: the stage alone minus no stage) and added last (leave-one-out: all six minus all but this one). Without interaction between stages the three are equal; where they differ, the stage's effect depends on which other stages are active (interaction), and the Shapley value splits each shared effect equally among the stages that make it.`,
      },
      { kind: 'paragraph', text: ATTRIBUTION_DESIGN_TEXT[result.design] },
      {
        kind: 'paragraph',
        text: `Scenario ${result.scenario.label} (${result.scenario.mode} mode, ${result.scenario.founding} founding). ${samplingText(result)}; ${result.replicatesUsed.length} replicates per coalition, replicate k with the same seed in every coalition (common random numbers). Intervals: ${INTERVAL_METHOD_TEXT[result.intervalMethod]}: the Shapley values, add-one and leave-one-out effects and total are linear in the outcomes, so they are computed per replicate (from that replicate's coalitions) and their mean gets a t interval with n − 1 degrees of freedom; no bootstrap${result.sampling.method === 'permutation' ? '; the intervals do not include the error from sampling stage orders' : ''}.`,
      },
    ],
  });
  sections.push(
    dataSection([
      {
        file: ANALYSIS_FILES.shapleyCsv,
        note: "each stage's value with its 95% CI, the empty and full outcomes, the total gain and the sum, per output",
      },
      { file: ANALYSIS_FILES.shapleyJson, note: 'the same, with every coalition mean, as JSON' },
      { file: ANALYSIS_FILES.coalitionsCsv, note: "each coalition's mean outcome per output" },
    ]),
  );
  return {
    kicker: 'kopsim attribution to roadmap stages',
    title: result.name,
    warnings: WARNINGS(result.runs, result.replicatesUsed.length, result.replicatesPlanned),
    facts: [
      { label: 'scenario', value: `${result.scenario.label} (${result.scenario.name})` },
      {
        label: 'strategy',
        value: `${result.scenario.strategy}: ${result.scenario.mode} mode, ${result.scenario.founding} founding`,
      },
      { label: 'months', value: String(result.scenario.months) },
      { label: 'design', value: result.design },
      { label: 'method', value: samplingText(result) },
      { label: 'replicates', value: `${result.replicatesUsed.length} per coalition` },
      {
        label: 'intervals',
        value: `${Math.round(result.level * 100)}% ${INTERVAL_METHOD_TEXT[result.intervalMethod]}`,
      },
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
