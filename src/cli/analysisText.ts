import type { AttributionResult } from '../experiment/attributionAnalysis.js';
import type { SensitivityResult } from '../experiment/sensitivityAnalysis.js';
import type { AnalysisResult } from '../report/sensitivityFiles.js';
import { attributionInterpretation } from '../report/attributionInterpretation.js';
import {
  emptyLabel,
  outputTitle,
  rankedParameters,
  sensitivityIntervalText,
  sensitivityWarnings,
} from '../report/sensitivityReport.js';
import { INTERVAL_METHOD_TEXT, fewReplicatesWarning } from '../experiment/meanInterval.js';
import { textTable } from './table.js';

/** A value in an output's unit: rupiah whole with separators, shares and indices to 4 decimals, others to 4 significant digits. */
export function unitValue(x: number, unit: string, sign = false): string {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  let text: string;
  if (unit.startsWith('rupiah')) text = `Rp${Math.round(a).toLocaleString('en-US')}`;
  else if (unit === 'share' || unit === 'index') text = a.toFixed(4);
  else text = a === 0 ? '0' : a >= 1e-3 && a < 1e6 ? String(Number(a.toPrecision(4))) : a.toExponential(3);
  if (!/[1-9]/.test(text)) return text;
  return x < 0 ? `-${text}` : sign ? `+${text}` : text;
}

function idx(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '-';
}

function ci(lo: string, hi: string): string {
  return `[${lo}, ${hi}]`;
}

function runsLine(r: { planned: number; completed: number; failed: number }): string {
  return `${r.completed} of ${r.planned} runs finished${r.failed ? `, ${r.failed} failed` : ''}`;
}

/** The printed tables of a sensitivity analysis: per output, its parameters by importance. */
export function sensitivityText(result: SensitivityResult): string {
  const d = result.design;
  const reps = result.replicatesUsed.length;
  const out: string[] = [];
  const method =
    d.method === 'morris'
      ? `Morris elementary effects, r = ${d.trajectories} trajectories, p = ${d.levels} levels`
      : `Sobol' indices, Saltelli design with N = ${d.n}${d.secondOrder ? ' (second order)' : ''}`;
  out.push(
    `${result.name}: ${method}, ${result.parameters.length} parameters, ${d.points} design points x ${reps} replicate${reps === 1 ? '' : 's'} (common random numbers) of ${result.scenario.label}, ${result.scenario.months} months, base seed ${result.baseSeed}; ${runsLine(result.runs)}`,
  );
  if (reps < result.replicatesPlanned)
    out.push(
      `(only ${reps} of ${result.replicatesPlanned} replicates are finished at every design point; the rest are left out)`,
    );
  out.push(`intervals: ${sensitivityIntervalText(result)}`);
  for (const w of sensitivityWarnings(result)) out.push(`warning: ${w}`);
  const level = Math.round(result.bootstrap.level * 100);
  for (const o of result.outputs) {
    out.push('', `${outputTitle(o.label, o.output)}:`);
    if (o.error) {
      out.push(`  not analysed: ${o.error}`);
      continue;
    }
    const order = rankedParameters(o);
    if (o.morris) {
      out.push(
        `(effects in ${o.unit} per full range of the parameter; ${level}% bootstrap CI of mu* over trajectories)`,
      );
      out.push(
        textTable(
          ['parameter', 'mu*', `${level}% CI of mu*`, 'mu', 'sigma'],
          order.map((i) => {
            const m = o.morris![i];
            return [
              m.name,
              unitValue(m.muStar, o.unit),
              ci(unitValue(m.muStarLower, o.unit), unitValue(m.muStarUpper, o.unit)),
              unitValue(m.mu, o.unit, true),
              unitValue(m.sigma, o.unit),
            ];
          }),
        ),
      );
    } else if (o.sobol) {
      out.push(
        `(shares of the variance over the design, sd ${unitValue(Math.sqrt(o.variance), o.unit)} around ${unitValue(o.mean, o.unit)}; ${level}% bootstrap CIs over base rows)`,
      );
      out.push(
        textTable(
          ['parameter', 'S1', `${level}% CI`, 'ST', `${level}% CI`],
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
        out.push('Second order:');
        out.push(
          textTable(
            ['parameters', 'S2', `${level}% CI`],
            o.sobol.second.map((s) => [`${s.names[0]} x ${s.names[1]}`, idx(s.s2), ci(idx(s.lower), idx(s.upper))]),
          ),
        );
      }
    }
  }
  return out.join('\n');
}

/** The printed tables of an attribution: per output, each stage's value, the two ends, the gain and the efficiency check. */
export function attributionText(result: AttributionResult): string {
  const reps = result.replicatesUsed.length;
  const s = result.scenario;
  const method =
    result.sampling.method === 'exact'
      ? `exact (all ${result.coalitionsRun} coalitions)`
      : `permutation sampling (${result.sampling.samples} stage orders, ${result.coalitionsRun} coalitions)`;
  const out: string[] = [];
  out.push(
    `${result.name}: Shapley attribution to the six roadmap stages of ${s.label} (${s.mode} mode, ${s.founding} founding, ${s.months} months), design ${result.design}, ${method} x ${reps} replicate${reps === 1 ? '' : 's'} (common random numbers), base seed ${result.baseSeed}; ${runsLine(result.runs)}`,
    `intervals: ${INTERVAL_METHOD_TEXT[result.intervalMethod]} (per-replicate values, common random numbers)`,
  );
  const few = fewReplicatesWarning(reps);
  if (few) out.push(`warning: ${few}`);
  if (reps < result.replicatesPlanned)
    out.push(
      `(only ${reps} of ${result.replicatesPlanned} replicates are finished in every coalition; the rest are left out)`,
    );
  const level = Math.round(result.level * 100);
  for (const o of result.outputs) {
    out.push('', `${outputTitle(o.label, o.output)}:`);
    if (o.error) {
      out.push(`  not analysed: ${o.error}`);
      continue;
    }
    const u = o.unit;
    const withCi = (e: { value: number; lower: number; upper: number }): string =>
      `${unitValue(e.value, u, true)} ${ci(unitValue(e.lower, u, true), unitValue(e.upper, u, true))}`;
    const rows = [
      ...o.stages.map((st) => [
        `${st.stage} ${st.name}`,
        unitValue(st.value, u, true),
        ci(unitValue(st.lower, u, true), unitValue(st.upper, u, true)),
        withCi(st.addOne),
        withCi(st.leaveOneOut),
      ]),
      ['sum of the six values', unitValue(o.sum, u, true), '', '', ''],
      [emptyLabel(result.design), unitValue(o.empty, u), '', '', ''],
      ['all six stages', unitValue(o.full, u), '', '', ''],
      [
        'total gain (all - none)',
        unitValue(o.total, u, true),
        ci(unitValue(o.totalLower, u, true), unitValue(o.totalUpper, u, true)),
        '',
        '',
      ],
    ];
    out.push(
      textTable(
        ['stage', 'Shapley value', `${level}% CI`, `alone (add-one) ${level}% CI`, `last (leave-one-out) ${level}% CI`],
        rows,
      ),
    );
    for (const sentence of attributionInterpretation(o, result.design, reps)) out.push(`  ${sentence}`);
    const scale = Math.max(Math.abs(o.empty), Math.abs(o.full), Math.abs(o.total));
    const relative = scale > 0 ? Math.abs(o.residual) / scale : 0;
    out.push(
      `check: sum of values - total gain = ${o.residual.toExponential(2)} (relative ${relative.toExponential(1)}): ${o.efficient ? 'the values add up to the gain' : 'NOT within rounding'}`,
    );
  }
  return out.join('\n');
}

/** The warnings of a result that stderr repeats: too few replicates (or trajectories, base rows) for reliable intervals. */
export function analysisWarnings(result: AnalysisResult): string[] {
  if (result.kind === 'sensitivity') return sensitivityWarnings(result);
  const w = fewReplicatesWarning(result.replicatesUsed.length);
  return w ? [w] : [];
}

/** The printed tables of either kind of result. */
export function analysisText(result: AnalysisResult): string {
  return result.kind === 'sensitivity' ? sensitivityText(result) : attributionText(result);
}
