import type { AttributionOutputResult, AttributionResult, Estimate } from '../experiment/attributionAnalysis.js';
import type { AttributionDesign } from '../experiment/attributionPlan.js';
import type { MessageKey } from '../i18n/en.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel, replicatesText, stageLabel, unitLabel } from '../i18n/labels.js';
import { locale, type Locale } from '../i18n/locale.js';
import { effectText, levelText } from './analysisNumbers.js';
import { fewUnitsWarning, intervalMethodText } from './intervalText.js';
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
import { chartBlock } from './chartBlock.js';
import { localizedSpec } from './charts/chartLocale.js';
import { htmlReport, type HtmlReport, type ReportBlock, type ReportSection } from './htmlReport.js';
import { renderCharts, type RenderedChart } from './renderChart.js';
import { ANALYSIS_FILES, type AnalysisResult } from './sensitivityFiles.js';
import { CHARTS_DIR } from './writeCharts.js';

/** A chart's file-name stem for an output: `gini@120` -> `gini-m120`. */
function outputStem(o: AnalysisOutput): string {
  return `${o.indicator}-m${o.month}`;
}

/** "Gini (consumption), month 120 (final)", the label in the locale's language (`label`, the registry's, for ids the catalogue lacks). */
export function outputTitle(L: Locale, label: string, o: AnalysisOutput): string {
  return L.t(o.final ? 'an.outputTitleFinal' : 'an.outputTitle', {
    label: indicatorLabel(L, o.indicator, label),
    m: o.month,
  });
}

/** "30 replicates per point" / "30 ulangan per titik". */
function perPoint(L: Locale, n: number): string {
  return L.t(n === 1 ? 'an.perPointOne' : 'an.perPoint', { n });
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
export function sensitivityCharts(result: SensitivityResult, L: Locale = locale('en')): NamedChart[] {
  const charts: NamedChart[] = [];
  const reps = perPoint(L, result.replicatesUsed.length);
  for (const o of result.outputs) {
    const title = outputTitle(L, o.label, o.output);
    if (o.morris) {
      const d = result.design;
      const subtitle = [
        L.t('an.morris.subtitle', {
          r: d.method === 'morris' ? d.trajectories : '',
          p: d.method === 'morris' ? d.levels : '',
          reps,
        }),
        L.t('an.morris.subtitle2'),
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
          {
            title,
            unit: o.unit,
            subtitle,
            muStarTitle: L.t('an.axis.muStar', { unit: unitLabel(L, o.unit) }),
            sigmaTitle: L.t('an.axis.sigma', { unit: unitLabel(L, o.unit) }),
            parameterTitle: L.t('an.col.parameter'),
          },
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
      const n = result.design.method === 'sobol' ? result.design.n : '';
      charts.push({
        name: `sobol-${outputStem(o.output)}`,
        title,
        spec: sobolBars(rows, {
          title,
          subtitle: [L.t('an.sobol.subtitle', { n, reps }), L.t('an.sobol.subtitle2')],
          valueTitle: L.t('an.axis.variance'),
          legendTitle: L.t('an.axis.index'),
        }),
      });
    }
  }
  return charts;
}

/** The charts of an attribution: a Shapley waterfall per output. */
export function attributionCharts(result: AttributionResult, L: Locale = locale('en')): NamedChart[] {
  return result.outputs
    .filter((o) => o.stages.length > 0)
    .map((o) => {
      const title = outputTitle(L, o.label, o.output);
      const spec = shapleyWaterfall(
        o.stages.map((s) => ({ label: stageLabel(L, s.stage), value: s.value, lo: s.lower, hi: s.upper })),
        {
          title,
          unit: o.unit,
          empty: o.empty,
          full: o.full,
          emptyLabel: L.t(result.design === 'roadmap' ? 'an.shapley.emptyRoadmap' : 'an.shapley.emptyProgrammes'),
          fullLabel: L.t('an.row.full'),
          better: betterWhen(o.output.indicator),
          subtitle: [
            L.t('an.shapley.subtitle', {
              design: result.design,
              sampling: samplingText(result, L),
              reps: replicatesText(L, result.replicatesUsed.length),
            }),
            L.t('an.shapley.subtitle2'),
          ],
          lang: L.lang,
          unitTitle: unitLabel(L, o.unit),
          kindLabels: {
            total: L.t('an.kind.total'),
            better: L.t('an.kind.better'),
            worse: L.t('an.kind.worse'),
            raises: L.t('an.kind.raises'),
            lowers: L.t('an.kind.lowers'),
          },
        },
      );
      return { name: `shapley-${outputStem(o.output)}`, title, spec };
    });
}

/** How the Shapley values were computed: "exact, all 64 coalitions" or "20 sampled stage orders, 58 coalitions". */
export function samplingText(result: AttributionResult, L: Locale = locale('en')): string {
  return result.sampling.method === 'exact'
    ? L.t('an.sampling.exact')
    : L.t('an.sampling.permutation', { samples: result.sampling.samples ?? '', coalitions: result.coalitionsRun });
}

/** Renders a result's charts and report page in the language (nothing written; see writeExperimentReport). */
export async function renderAnalysisReport(
  result: AnalysisResult,
  lang: Lang = 'en',
): Promise<RenderedExperimentReport> {
  const L = locale(lang);
  const named = result.kind === 'sensitivity' ? sensitivityCharts(result, L) : attributionCharts(result, L);
  const charts = await renderCharts(named.map((c) => ({ ...c, spec: localizedSpec(c.spec, lang) })));
  const doc =
    result.kind === 'sensitivity'
      ? sensitivityReportDocument(result, charts, lang)
      : attributionReportDocument(result, charts, lang);
  return { charts, html: htmlReport(doc) };
}

/**
 * The sensitivity intervals are bootstrap intervals over the design's independent units
 * (Morris trajectories, Sobol' base rows), which is justified because those units are
 * drawn independently; they are unreliable when there are few of them. The replicates
 * per point only average out run noise and are not what the intervals rest on.
 */
export function sensitivityWarnings(result: SensitivityResult, L: Locale = locale('en')): string[] {
  const d = result.design;
  const w =
    d.method === 'morris' ? fewUnitsWarning(L, d.trajectories, 'trajectory') : fewUnitsWarning(L, d.n, 'baseRow');
  return w ? [w] : [];
}

/** How a sensitivity analysis's intervals are made, for reports. */
export function sensitivityIntervalText(result: SensitivityResult, L: Locale = locale('en')): string {
  return result.design.method === 'morris'
    ? L.t('an.interval.morris', { n: result.design.trajectories, resamples: result.bootstrap.resamples })
    : L.t('an.interval.sobol', { n: result.design.n, resamples: result.bootstrap.resamples });
}

/** What the "no stage" row is in each design. */
export function emptyLabel(design: AttributionDesign, L: Locale = locale('en')): string {
  return L.t(design === 'roadmap' ? 'an.row.emptyRoadmap' : 'an.row.emptyProgrammes');
}

/** "1,234 of 1,300 finished, 2 failed". */
function runsValue(L: Locale, runs: { completed: number; planned: number; failed: number }): string {
  const n = { done: L.fmt.integer(runs.completed), planned: L.fmt.integer(runs.planned) };
  return runs.failed
    ? L.t('exp.fact.runsFailed', { ...n, failed: L.fmt.integer(runs.failed) })
    : L.t('exp.fact.runsValue', n);
}

function warningsOf(
  L: Locale,
  runs: { failed: number; missing: number },
  used: number,
  planned: number,
  units = used,
): { title: string; text: string }[] {
  const few = fewUnitsWarning(L, units);
  return [
    ...(few ? [{ title: L.t('exp.warn.few'), text: `${few}.` }] : []),
    ...(runs.failed > 0
      ? [{ title: L.t('exp.warn.failed', { n: runs.failed }), text: L.t('an.warn.failedText') }]
      : []),
    ...(runs.missing > 0
      ? [{ title: L.t('exp.warn.missing', { n: runs.missing }), text: L.t('an.warn.missingText') }]
      : []),
    ...(used < planned ? [{ title: L.t('an.warn.used', { used, planned }), text: L.t('an.warn.usedText') }] : []),
  ];
}

function dataSection(L: Locale, extra: readonly DataFile[]): ReportSection {
  return dataFilesSection(
    [
      ...extra,
      { file: ANALYSIS_FILES.designCsv, note: L.t('an.data.design') },
      { file: ANALYSIS_FILES.designJson, note: L.t('an.data.designJson') },
      { file: ANALYSIS_FILES.seeds, note: L.t('an.data.seeds') },
      { file: EXPERIMENT_FILES.runs, note: L.t('exp.data.runs') },
      { file: EXPERIMENT_FILES.plan, note: L.t('an.data.plan') },
      { file: EXPERIMENT_FILES.manifest, note: L.t('exp.data.manifest') },
      { file: `${CHARTS_DIR}/`, note: L.t('exp.data.charts') },
    ],
    ` ${L.t('an.data.more')}`,
    L,
  );
}

/** The sensitivity report as a document. Deterministic: no clock, no folder names. */
export function sensitivityReportDocument(
  result: SensitivityResult,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  lang: Lang = 'en',
): HtmlReport {
  const L = locale(lang);
  const plain = (x: number, unit: string) => levelText(L, x, unit);
  const effect = (x: number, unit: string, plus = false) => effectText(L, x, unit, plus);
  const index = (x: number) => L.fmt.fixed(x, 3);
  const interval = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  const chartOf = new Map(charts.map((c) => [c.name, c]));
  const morris = result.method === 'morris';
  const d = result.design;
  const sections: ReportSection[] = result.outputs.map((o) => {
    const blocks: ReportBlock[] = [];
    if (o.error) blocks.push({ kind: 'paragraph', text: L.t('an.notAnalysed', { error: o.error }) });
    const order = rankedParameters(o);
    if (o.morris) {
      blocks.push({
        kind: 'table',
        columns: [
          { label: L.t('an.col.parameter') },
          { label: 'μ*', numeric: true },
          { label: L.t('an.col.ciMuStar'), numeric: true },
          { label: 'μ', numeric: true },
          { label: 'σ', numeric: true },
        ],
        rows: order.map((i) => {
          const m = o.morris![i];
          return [
            m.name,
            effect(m.muStar, o.unit),
            interval(effect(m.muStarLower, o.unit), effect(m.muStarUpper, o.unit)),
            effect(m.mu, o.unit, true),
            effect(m.sigma, o.unit),
          ];
        }),
      });
    }
    if (o.sobol) {
      blocks.push({
        kind: 'table',
        columns: [
          { label: L.t('an.col.parameter') },
          { label: 'S1', numeric: true },
          { label: L.t('exp.col.ci'), numeric: true },
          { label: 'ST', numeric: true },
          { label: L.t('exp.col.ci'), numeric: true },
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
          caption: L.t('an.s2.caption'),
          columns: [
            { label: L.t('an.col.parameters') },
            { label: 'S2', numeric: true },
            { label: L.t('exp.col.ci'), numeric: true },
          ],
          rows: o.sobol.second.map((s) => [
            `${s.names[0]} × ${s.names[1]}`,
            index(s.s2),
            interval(index(s.lower), index(s.upper)),
          ]),
        });
      }
    }
    const chart = chartOf.get(`${morris ? 'morris' : 'sobol'}-${outputStem(o.output)}`);
    if (chart) blocks.push(chartBlock(chart, L));
    return {
      id: `out-${outputStem(o.output)}`.replace(/[^A-Za-z0-9-]/g, '-'),
      title: outputTitle(L, o.label, o.output),
      intro: morris
        ? L.t('an.morris.intro', { unit: unitLabel(L, o.unit), mean: plain(o.mean, o.unit) })
        : L.t('an.sobol.intro', { sd: effect(Math.sqrt(o.variance), o.unit), mean: plain(o.mean, o.unit) }),
      blocks,
    };
  });
  sections.unshift({
    id: 'parameters',
    title: L.t('an.params.title'),
    intro: L.t('an.params.intro', { reps: replicatesText(L, result.replicatesUsed.length) }),
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: L.t('an.col.parameter') },
          { label: L.t('an.col.min'), numeric: true },
          { label: L.t('an.col.max'), numeric: true },
          { label: L.t('an.col.distribution') },
        ],
        rows: result.parameters.map((p) => [
          p.name,
          L.fmt.significant(p.min),
          L.fmt.significant(p.max),
          p.integer ? L.t('an.rounded', { distribution: p.distribution }) : p.distribution,
        ]),
      },
    ],
  });
  sections.push(
    dataSection(L, [
      { file: ANALYSIS_FILES.indicesCsv, note: L.t(morris ? 'an.data.morrisIndices' : 'an.data.sobolIndices') },
      ...(result.outputs.some((o) => o.sobol?.second)
        ? [{ file: ANALYSIS_FILES.secondOrderCsv, note: L.t('an.data.s2') }]
        : []),
      { file: ANALYSIS_FILES.indicesJson, note: L.t('an.data.indicesJson') },
      { file: ANALYSIS_FILES.outputs, note: L.t('an.data.outputs') },
    ]),
  );
  const designText =
    d.method === 'morris'
      ? L.t('an.design.morris', { r: d.trajectories, p: d.levels, delta: L.fmt.fixed(d.delta, 3) })
      : L.t(d.secondOrder ? 'an.design.sobol2' : 'an.design.sobol', { n: d.n });
  return {
    lang,
    kicker: L.t('an.sens.kicker'),
    title: result.name,
    warnings: [
      ...warningsOf(L, result.runs, result.replicatesUsed.length, result.replicatesPlanned, Infinity),
      ...sensitivityWarnings(result, L).map((text) => ({ title: L.t('an.warn.units'), text: `${text}.` })),
    ],
    facts: [
      { label: L.t('an.fact.method'), value: designText },
      {
        label: L.t('run.fact.scenario'),
        value: L.t('an.fact.scenarioMonths', { label: result.scenario.label, months: result.scenario.months }),
      },
      { label: L.t('an.fact.parameters'), value: L.fmt.integer(result.parameters.length) },
      { label: L.t('an.fact.points'), value: L.fmt.integer(d.points) },
      { label: L.t('exp.fact.replicates'), value: L.t('an.fact.perPoint', { n: result.replicatesUsed.length }) },
      { label: L.t('exp.fact.seed'), value: String(result.baseSeed) },
      { label: L.t('exp.fact.runs'), value: runsValue(L, result.runs) },
      {
        label: L.t('an.fact.intervals'),
        value: `${Math.round(result.bootstrap.level * 100)}% ${sensitivityIntervalText(result, L)}`,
      },
      { label: L.t('exp.fact.plan'), value: result.planHash.slice(0, 12) },
    ],
    sections,
    footer: L.t('report.footerPlain'),
  };
}

/** The attribution report as a document. Deterministic: no clock, no folder names. */
export function attributionReportDocument(
  result: AttributionResult,
  charts: readonly Pick<RenderedChart, 'name' | 'title' | 'svg'>[],
  lang: Lang = 'en',
): HtmlReport {
  const L = locale(lang);
  const signed = (x: number, unit: string) => effectText(L, x, unit, true);
  const interval = (lo: string, hi: string) => L.t('exp.ciRange', { lo, hi });
  const withInterval = (e: Estimate, unit: string) =>
    `${signed(e.value, unit)} (${interval(signed(e.lower, unit), signed(e.upper, unit))})`;
  const chartOf = new Map(charts.map((c) => [c.name, c]));
  const sections: ReportSection[] = result.outputs.map((o: AttributionOutputResult) => {
    const blocks: ReportBlock[] = [];
    if (o.error) blocks.push({ kind: 'paragraph', text: L.t('an.notAnalysed', { error: o.error }) });
    else {
      blocks.push({
        kind: 'table',
        columns: [
          { label: L.t('an.col.stage') },
          { label: L.t('an.col.shapley'), numeric: true },
          { label: L.t('exp.col.ci'), numeric: true },
          { label: L.t('an.col.alone'), numeric: true },
          { label: L.t('an.col.last'), numeric: true },
        ],
        rows: [
          ...o.stages.map((s) => [
            stageLabel(L, s.stage),
            signed(s.value, o.unit),
            interval(signed(s.lower, o.unit), signed(s.upper, o.unit)),
            withInterval(s.addOne, o.unit),
            withInterval(s.leaveOneOut, o.unit),
          ]),
          [{ text: L.t('an.row.sum'), strong: true }, { text: signed(o.sum, o.unit), strong: true }, '', '', ''],
          [emptyLabel(result.design, L), levelText(L, o.empty, o.unit), '', '', ''],
          [L.t('an.row.full'), levelText(L, o.full, o.unit), '', '', ''],
          [
            { text: L.t('an.row.total'), strong: true },
            { text: signed(o.total, o.unit), strong: true },
            interval(signed(o.totalLower, o.unit), signed(o.totalUpper, o.unit)),
            '',
            '',
          ],
        ],
      });
      const reading = attributionInterpretation(o, result.design, result.replicatesUsed.length, L);
      if (reading.length > 0) blocks.push({ kind: 'paragraph', text: reading.join(' ') });
      blocks.push({
        kind: 'paragraph',
        text: L.t('an.residual', {
          residual: o.residual.toExponential(2),
          status: L.t(o.efficient ? 'an.residual.ok' : 'an.residual.bad'),
        }),
      });
    }
    const chart = chartOf.get(`shapley-${outputStem(o.output)}`);
    if (chart) blocks.push(chartBlock(chart, L));
    return {
      id: `out-${outputStem(o.output)}`.replace(/[^A-Za-z0-9-]/g, '-'),
      title: outputTitle(L, o.label, o.output),
      blocks,
    };
  });
  sections.unshift({
    id: 'method',
    title: L.t('an.meaning.title'),
    blocks: [
      { kind: 'paragraph', text: L.t('an.meaning.text') },
      { kind: 'paragraph', text: L.t(`an.designText.${result.design}` as MessageKey) },
      {
        kind: 'paragraph',
        text: L.t('an.scenarioText', {
          label: result.scenario.label,
          mode: result.scenario.mode,
          founding: result.scenario.founding,
          sampling: samplingText(result, L),
          n: result.replicatesUsed.length,
          intervals: intervalMethodText(L, result.intervalMethod),
          permutation: result.sampling.method === 'permutation' ? L.t('an.permutationNote') : '',
        }),
      },
    ],
  });
  sections.push(
    dataSection(L, [
      { file: ANALYSIS_FILES.shapleyCsv, note: L.t('an.data.shapleyCsv') },
      { file: ANALYSIS_FILES.shapleyJson, note: L.t('an.data.shapleyJson') },
      { file: ANALYSIS_FILES.coalitionsCsv, note: L.t('an.data.coalitions') },
    ]),
  );
  return {
    lang,
    kicker: L.t('an.attr.kicker'),
    title: result.name,
    warnings: warningsOf(L, result.runs, result.replicatesUsed.length, result.replicatesPlanned),
    facts: [
      { label: L.t('run.fact.scenario'), value: `${result.scenario.label} (${result.scenario.name})` },
      {
        label: L.t('run.fact.strategy'),
        value: L.t('an.fact.strategyValue', {
          strategy: result.scenario.strategy,
          mode: result.scenario.mode,
          founding: result.scenario.founding,
        }),
      },
      { label: L.t('exp.fact.months'), value: L.fmt.integer(result.scenario.months) },
      { label: L.t('exp.fact.design'), value: result.design },
      { label: L.t('an.fact.method'), value: samplingText(result, L) },
      { label: L.t('exp.fact.replicates'), value: L.t('an.fact.perCoalition', { n: result.replicatesUsed.length }) },
      {
        label: L.t('an.fact.intervals'),
        value: `${Math.round(result.level * 100)}% ${intervalMethodText(L, result.intervalMethod)}`,
      },
      { label: L.t('exp.fact.seed'), value: String(result.baseSeed) },
      { label: L.t('exp.fact.runs'), value: runsValue(L, result.runs) },
      { label: L.t('exp.fact.plan'), value: result.planHash.slice(0, 12) },
    ],
    sections,
    footer: L.t('report.footerPlain'),
  };
}
