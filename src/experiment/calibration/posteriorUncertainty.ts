import type { RunRecord } from '../runRecord.js';
import type { PosteriorExperimentPlan } from './posteriorPlan.js';

/**
 * Indicators for which lower is better (poverty, inequality); for the others in
 * {@link HIGHER_IS_BETTER} higher is. Any other indicator's ranking is told as "above".
 */
const LOWER_IS_BETTER = new Set(['p0', 'p1', 'p2', 'gini', 'atkinson_1', 'atkinson_2', 'food_share']);
const HIGHER_IS_BETTER = new Set([
  'consumption_pc_mean',
  'consumption_pc_median',
  'income_pc_mean',
  'income_pc_median',
  'sen_welfare',
]);

/**
 * One scenario's indicator at the final month, or a scenario's paired difference from the
 * baseline (`a - baseline`): its spread split into parameter uncertainty and stochastic noise.
 */
export interface VarianceRow {
  readonly scenario: string;
  readonly indicator: string;
  readonly month: number;
  readonly mean: number;
  /** Variance over all runs. */
  readonly total: number;
  /** Mean variance between the seeds of one draw: stochastic noise. */
  readonly within: number;
  /** Variance of the draws' means, less the noise it carries (within / K), floored at 0: parameter uncertainty. */
  readonly between: number;
  /** between / (between + within). */
  readonly parameterShare: number;
}

/** How often one strategy beats another across posterior draws (each draw's mean over its seeds). */
export interface RankingRow {
  readonly a: string;
  readonly b: string;
  readonly indicator: string;
  readonly month: number;
  readonly draws: number;
  /** Share of draws in which a is better than b (or above, when the indicator has no better direction). */
  readonly share: number;
  readonly direction: 'lower' | 'higher' | 'above';
}

export interface PosteriorUncertainty {
  readonly seedsPerDraw: number;
  readonly draws: number;
  readonly variance: readonly VarianceRow[];
  readonly ranking: readonly RankingRow[];
}

/**
 * Separates parameter uncertainty from stochastic noise at each scenario's final month
 * (law of total variance over draws of K seeds each: one-way random-effects ANOVA), and
 * for each pair of scenarios the share of posterior draws in which the first beats the
 * second. Only complete draws (every seed of every scenario) count.
 */
export function posteriorUncertainty(
  plan: PosteriorExperimentPlan,
  records: readonly RunRecord[],
): PosteriorUncertainty {
  const k = plan.posterior.seedsPerDraw;
  const drawCount = plan.posterior.draws.length;
  // values[scenario][indicator][draw] = the seeds' values
  const at = new Map<string, (number | undefined)[]>();
  for (const r of records) {
    for (const id of plan.indicators) {
      const key = `${r.scenario}\u001f${id}`;
      let arr = at.get(key);
      if (!arr) at.set(key, (arr = new Array<number | undefined>(plan.replicates)));
      const series = r.values[id];
      arr[r.replicate] = series ? series[series.length - 1] : undefined;
    }
  }
  const complete = (g: number) =>
    plan.scenarios.every((s) =>
      plan.indicators.every((id) => {
        const arr = at.get(`${s.label}\u001f${id}`);
        for (let r = g * k; r < Math.min(plan.replicates, (g + 1) * k); r++)
          if (!arr || arr[r] === undefined || Number.isNaN(arr[r])) return false;
        return true;
      }),
    );
  const draws = Array.from({ length: drawCount }, (_, g) => g).filter(complete);
  const groupValues = (scenario: string, id: string, g: number): number[] => {
    const arr = at.get(`${scenario}\u001f${id}`)!;
    const out: number[] = [];
    for (let r = g * k; r < Math.min(plan.replicates, (g + 1) * k); r++) out.push(arr[r]!);
    return out;
  };
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const variance = (v: readonly number[]) => {
    if (v.length < 2) return 0;
    const m = mean(v);
    return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
  };
  const monthOf = (s: string) => plan.scenarios.find((x) => x.label === s)!.months;

  // The rows: each scenario's level, then (with a baseline) each scenario's paired difference from it.
  const baseline = plan.baseline ?? null;
  const rows: { label: string; month: number; groupsOf: (id: string) => number[][] }[] = [
    ...plan.scenarios.map((s) => ({
      label: s.label,
      month: s.months,
      groupsOf: (id: string) => draws.map((g) => groupValues(s.label, id, g)),
    })),
    ...(baseline === null
      ? []
      : plan.scenarios
          .filter((s) => s.label !== baseline)
          .map((s) => ({
            label: `${s.label} - ${baseline}`,
            month: s.months,
            groupsOf: (id: string) =>
              draws.map((g) => {
                const base = groupValues(baseline, id, g);
                return groupValues(s.label, id, g).map((v, i) => v - base[i]);
              }),
          }))),
  ];
  const varianceRows: VarianceRow[] = [];
  for (const s of rows)
    for (const id of plan.indicators) {
      const groups = s.groupsOf(id);
      const all = groups.flat();
      const within = groups.length > 0 && k > 1 ? mean(groups.map(variance)) : Number.NaN;
      const means = groups.map(mean);
      const between = Math.max(0, variance(means) - (Number.isNaN(within) ? 0 : within / k));
      varianceRows.push({
        scenario: s.label,
        indicator: id,
        month: s.month,
        mean: all.length > 0 ? mean(all) : Number.NaN,
        total: variance(all),
        within,
        between,
        parameterShare: between + within > 0 ? between / (between + within) : Number.NaN,
      });
    }

  const ranking: RankingRow[] = [];
  for (const a of plan.scenarios)
    for (const b of plan.scenarios) {
      if (a.label === b.label) continue;
      for (const id of plan.indicators) {
        const direction = LOWER_IS_BETTER.has(id) ? 'lower' : HIGHER_IS_BETTER.has(id) ? 'higher' : 'above';
        let wins = 0;
        for (const g of draws) {
          const d = mean(groupValues(a.label, id, g)) - mean(groupValues(b.label, id, g));
          if (direction === 'lower' ? d < 0 : d > 0) wins++;
        }
        ranking.push({
          a: a.label,
          b: b.label,
          indicator: id,
          month: monthOf(a.label),
          draws: draws.length,
          share: draws.length > 0 ? wins / draws.length : Number.NaN,
          direction,
        });
      }
    }
  return { seedsPerDraw: k, draws: draws.length, variance: varianceRows, ranking };
}
