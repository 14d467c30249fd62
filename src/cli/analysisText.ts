import type { AttributionResult } from '../experiment/attributionAnalysis.js';
import type { SensitivityResult } from '../experiment/sensitivityAnalysis.js';
import type { Lang } from '../i18n/lang.js';
import { replicatesText, stageLabel } from '../i18n/labels.js';
import { locale, type Locale } from '../i18n/locale.js';
import { effectText, levelText } from '../report/analysisNumbers.js';
import type { AnalysisResult } from '../report/sensitivityFiles.js';
import { attributionInterpretation } from '../report/attributionInterpretation.js';
import { fewUnitsWarning, intervalMethodText } from '../report/intervalText.js';
import {
  emptyLabel,
  outputTitle,
  rankedParameters,
  sensitivityIntervalText,
  sensitivityWarnings,
} from '../report/sensitivityReport.js';
import { fittedTable, wrapText } from './table.js';

/** A sentence cut into lines within 80 columns, each with `indent`. */
function prose(text: string, indent = ''): string[] {
  return wrapText(text, 80 - indent.length).map((line) => `${indent}${line}`);
}

function ci(lo: string, hi: string): string {
  return `[${lo}, ${hi}]`;
}

function runsLine(L: Locale, r: { planned: number; completed: number; failed: number }): string {
  const n = { done: L.fmt.integer(r.completed), planned: L.fmt.integer(r.planned) };
  return r.failed ? L.t('an.cli.runsFailed', { ...n, failed: L.fmt.integer(r.failed) }) : L.t('an.cli.runs', n);
}

/** The printed tables of a sensitivity analysis, in the language: per output, its parameters by importance. */
export function sensitivityText(result: SensitivityResult, lang: Lang = 'en'): string {
  const L = locale(lang);
  const d = result.design;
  const reps = result.replicatesUsed.length;
  const idx = (x: number) => L.fmt.fixed(x, 3);
  const out: string[] = [];
  const method =
    d.method === 'morris'
      ? L.t('an.cli.morris', { r: d.trajectories, p: d.levels })
      : L.t(d.secondOrder ? 'an.cli.sobol2' : 'an.cli.sobol', { n: d.n });
  out.push(
    ...prose(
      L.t('an.cli.sensHead', {
        name: result.name,
        method,
        params: result.parameters.length,
        points: L.fmt.integer(d.points),
        reps: replicatesText(L, reps),
        scenario: result.scenario.label,
        months: result.scenario.months,
        seed: result.baseSeed,
        runs: runsLine(L, result.runs),
      }),
    ),
  );
  if (reps < result.replicatesPlanned)
    out.push(...prose(L.t('an.cli.partialPoints', { used: reps, planned: result.replicatesPlanned })));
  out.push(...prose(L.t('an.cli.intervals', { text: sensitivityIntervalText(result, L) })));
  for (const w of sensitivityWarnings(result, L)) out.push(...prose(`${L.t('err.warning')}: ${w}`));
  const level = Math.round(result.bootstrap.level * 100);
  for (const o of result.outputs) {
    out.push('', `${outputTitle(L, o.label, o.output)}:`);
    if (o.error) {
      out.push(...prose(L.t('an.cli.notAnalysed', { error: o.error }), '  '));
      continue;
    }
    const order = rankedParameters(o);
    const v = (x: number, plus = false) => effectText(L, x, o.unit, plus);
    if (o.morris) {
      out.push(...prose(L.t('an.cli.morrisNote', { level })));
      out.push(
        fittedTable(
          [L.t('an.col.parameter'), 'mu*', L.t('an.cli.ci', { level }), 'mu', 'sigma'],
          order.map((i) => {
            const m = o.morris![i];
            return [m.name, v(m.muStar), ci(v(m.muStarLower), v(m.muStarUpper)), v(m.mu, true), v(m.sigma)];
          }),
        ),
      );
    } else if (o.sobol) {
      out.push(
        ...prose(
          L.t('an.cli.sobolNote', {
            sd: v(Math.sqrt(o.variance)),
            mean: levelText(L, o.mean, o.unit),
            level,
          }),
        ),
      );
      const ciHead = L.t('an.cli.ci', { level });
      out.push(
        fittedTable(
          [L.t('an.col.parameter'), 'S1', ciHead, 'ST', ciHead],
          order.map((i) => {
            const s = o.sobol!.indices[i];
            return [
              s.name,
              idx(s.s1),
              ci(idx(s.s1Lower), idx(s.s1Upper)),
              idx(s.st),
              ci(idx(s.stLower), idx(s.stUpper)),
            ];
          }),
        ),
      );
      if (o.sobol.second) {
        out.push(L.t('an.cli.second'));
        out.push(
          fittedTable(
            [L.t('an.col.parameters'), 'S2', ciHead],
            o.sobol.second.map((s) => [`${s.names[0]} x ${s.names[1]}`, idx(s.s2), ci(idx(s.lower), idx(s.upper))]),
          ),
        );
      }
    }
  }
  return out.join('\n');
}

/** The printed tables of an attribution, in the language: per output, each stage's value, the two ends, the gain and the efficiency check. */
export function attributionText(result: AttributionResult, lang: Lang = 'en'): string {
  const L = locale(lang);
  const reps = result.replicatesUsed.length;
  const s = result.scenario;
  const method =
    result.sampling.method === 'exact'
      ? L.t('an.cli.exact', { n: result.coalitionsRun })
      : L.t('an.cli.permutation', { samples: result.sampling.samples ?? '', n: result.coalitionsRun });
  const out: string[] = [];
  out.push(
    ...prose(
      L.t('an.cli.attrHead', {
        name: result.name,
        scenario: s.label,
        mode: s.mode,
        founding: s.founding,
        months: s.months,
        design: result.design,
        method,
        reps: replicatesText(L, reps),
        seed: result.baseSeed,
        runs: runsLine(L, result.runs),
      }),
    ),
    ...prose(L.t('an.cli.attrIntervals', { text: intervalMethodText(L, result.intervalMethod) })),
  );
  const few = fewUnitsWarning(L, reps);
  if (few) out.push(...prose(`${L.t('err.warning')}: ${few}`));
  if (reps < result.replicatesPlanned)
    out.push(...prose(L.t('an.cli.partialCoalitions', { used: reps, planned: result.replicatesPlanned })));
  const level = Math.round(result.level * 100);
  for (const o of result.outputs) {
    out.push('', `${outputTitle(L, o.label, o.output)}:`);
    if (o.error) {
      out.push(...prose(L.t('an.cli.notAnalysed', { error: o.error }), '  '));
      continue;
    }
    const u = o.unit;
    const signed = (x: number) => effectText(L, x, u, true);
    // One stage a block of three lines (its value, then alone and added last), so the table
    // stays within 80 columns in both languages.
    const rows = [
      ...o.stages.flatMap((st) => [
        [stageLabel(L, st.stage), signed(st.value), ci(signed(st.lower), signed(st.upper))],
        [`  ${L.t('an.cli.aloneRow')}`, signed(st.addOne.value), ci(signed(st.addOne.lower), signed(st.addOne.upper))],
        [
          `  ${L.t('an.cli.lastRow')}`,
          signed(st.leaveOneOut.value),
          ci(signed(st.leaveOneOut.lower), signed(st.leaveOneOut.upper)),
        ],
      ]),
      [L.t('an.row.sum'), signed(o.sum), ''],
      [emptyLabel(result.design, L), levelText(L, o.empty, u), ''],
      [L.t('an.row.full'), levelText(L, o.full, u), ''],
      [L.t('an.cli.total'), signed(o.total), ci(signed(o.totalLower), signed(o.totalUpper))],
    ];
    out.push(fittedTable([L.t('an.col.stage'), L.t('an.col.shapley'), L.t('an.cli.ci', { level })], rows));
    for (const sentence of attributionInterpretation(o, result.design, reps, L)) out.push(...prose(sentence, '  '));
    const scale = Math.max(Math.abs(o.empty), Math.abs(o.full), Math.abs(o.total));
    const relative = scale > 0 ? Math.abs(o.residual) / scale : 0;
    out.push(
      ...prose(
        L.t('an.cli.check', {
          residual: o.residual.toExponential(2),
          relative: relative.toExponential(1),
          status: L.t(o.efficient ? 'an.cli.checkOk' : 'an.cli.checkBad'),
        }),
      ),
    );
  }
  return out.join('\n');
}

/** The warnings of a result that stderr repeats, in the language: too few replicates (or trajectories, base rows) for reliable intervals. */
export function analysisWarnings(result: AnalysisResult, lang: Lang = 'en'): string[] {
  const L = locale(lang);
  if (result.kind === 'sensitivity') return sensitivityWarnings(result, L);
  const w = fewUnitsWarning(L, result.replicatesUsed.length);
  return w ? [w] : [];
}

/** The printed tables of either kind of result, in the language. */
export function analysisText(result: AnalysisResult, lang: Lang = 'en'): string {
  return result.kind === 'sensitivity' ? sensitivityText(result, lang) : attributionText(result, lang);
}
