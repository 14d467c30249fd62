import { indicatorRange } from '../indicators/indicatorRange.js';
import { indicatorById } from '../indicators/registry.js';
import type { DesignPoint } from './designPoints.js';
import { CI_LEVEL, describeSample, type SampleStats } from './describeSample.js';
import { pairedComparison, type PairedComparison } from './pairedComparison.js';
import type { ExperimentPlan } from './plan.js';
import type { RunRecord } from './runRecord.js';

/** The statistics of one indicator for one scenario at one design point, month by month. */
export interface SummarySeries {
  readonly scenario: string;
  readonly point: string;
  readonly indicator: string;
  /** Months 0..last, and the statistics over replicates at each. */
  readonly months: readonly number[];
  readonly stats: readonly SampleStats[];
}

/** A strategy's paired difference from the baseline for one indicator at one month. */
export interface ComparisonRow extends PairedComparison {
  readonly point: string;
  readonly scenario: string;
  readonly baseline: string;
  readonly indicator: string;
  readonly month: number;
  /** Whether this is the last simulated month (else one of the report months). */
  readonly final: boolean;
  /** Means of the strategy and the baseline over the same pairs. */
  readonly meanScenario: number;
  readonly meanBaseline: number;
}

/** Everything summary.csv, comparison.csv, summary.json and the printed table show. */
export interface ExperimentSummary {
  readonly name: string;
  /** What the experiment asks (its file's `description`). */
  readonly description: string;
  readonly kind: ExperimentPlan['kind'];
  readonly planHash: string;
  readonly baseSeed: number;
  readonly replicates: number;
  readonly design: ExperimentPlan['design'];
  readonly ciLevel: number;
  readonly baseline: string | null;
  readonly indicators: readonly { readonly id: string; readonly label: string; readonly unit: string }[];
  readonly scenarios: readonly {
    readonly label: string;
    readonly id: string;
    readonly name: string;
    readonly strategy: string;
    readonly months: number;
    /** What the scenario is (its file's `description`), for readers of the report. */
    readonly description: string;
  }[];
  readonly points: readonly DesignPoint[];
  readonly reportMonths: readonly number[];
  readonly runs: {
    readonly planned: number;
    readonly completed: number;
    readonly failed: number;
    readonly missing: number;
  };
  readonly series: readonly SummarySeries[];
  readonly comparisons: readonly ComparisonRow[];
}

const group = (scenario: string, point: string) => `${scenario}\u0000${point}`;

/**
 * Summarises finished runs. Pure and order-independent: records are taken in plan
 * order, so the same set of runs gives the same numbers, bit for bit, however they were
 * produced (workers, shards, resumes).
 */
export function summarizeExperiment(
  plan: ExperimentPlan,
  records: readonly RunRecord[],
  failed = 0,
): ExperimentSummary {
  const sorted = records.slice().sort((a, b) => a.index - b.index);
  const byGroup = new Map<string, RunRecord[]>();
  for (const r of sorted) {
    const k = group(r.scenario, r.point);
    const list = byGroup.get(k);
    if (list) list.push(r);
    else byGroup.set(k, [r]);
  }
  const series: SummarySeries[] = [];
  for (const pt of plan.points) {
    for (const s of plan.scenarios) {
      const runs = byGroup.get(group(s.label, pt.key)) ?? [];
      for (const indicator of plan.indicators) {
        const last = runs.length > 0 ? Math.max(...runs.map((r) => r.values[indicator].length - 1)) : -1;
        const months = Array.from({ length: last + 1 }, (_, m) => m);
        const range = indicatorRange(indicator);
        const stats = months.map((m) =>
          describeSample(
            runs.map((r) => r.values[indicator][m] ?? NaN),
            range,
          ),
        );
        series.push({ scenario: s.label, point: pt.key, indicator, months, stats });
      }
    }
  }

  const comparisons: ComparisonRow[] = [];
  if (plan.baseline !== null) {
    const baseline = plan.baseline;
    for (const pt of plan.points) {
      const base = new Map((byGroup.get(group(baseline, pt.key)) ?? []).map((r) => [r.replicate, r]));
      for (const s of plan.scenarios) {
        if (s.label === baseline) continue;
        const runs = byGroup.get(group(s.label, pt.key)) ?? [];
        const pairs = runs.filter((r) => base.has(r.replicate)).map((r) => [r, base.get(r.replicate)!] as const);
        const final = Math.min(s.months, plan.scenarios.find((b) => b.label === baseline)!.months);
        const months = [...new Set([...plan.reportMonths.filter((m) => m <= final), final])].sort((a, b) => a - b);
        for (const indicator of plan.indicators) {
          for (const month of months) {
            const xs: number[] = [];
            const ys: number[] = [];
            for (const [a, b] of pairs) {
              const x = a.values[indicator][month];
              const y = b.values[indicator][month];
              if (Number.isFinite(x) && Number.isFinite(y)) {
                xs.push(x);
                ys.push(y);
              }
            }
            const stats = pairedComparison(xs.map((x, k) => x - ys[k]));
            comparisons.push({
              point: pt.key,
              scenario: s.label,
              baseline,
              indicator,
              month,
              final: month === final,
              meanScenario: xs.length ? describeSample(xs).mean : NaN,
              meanBaseline: ys.length ? describeSample(ys).mean : NaN,
              ...stats,
            });
          }
        }
      }
    }
  }

  const completed = sorted.length;
  return {
    name: plan.name,
    description: plan.description.trim(),
    kind: plan.kind,
    planHash: plan.hash,
    baseSeed: plan.baseSeed,
    replicates: plan.replicates,
    design: plan.design,
    ciLevel: CI_LEVEL,
    baseline: plan.baseline,
    indicators: plan.indicators.map((id) => {
      const meta = indicatorById(id);
      return { id, label: meta?.label ?? id, unit: meta?.unit ?? '' };
    }),
    scenarios: plan.scenarios.map(({ label, id, name, strategy, months, scenario }) => ({
      label,
      id,
      name,
      strategy,
      months,
      description: scenario.description.trim(),
    })),
    points: plan.points,
    reportMonths: plan.reportMonths,
    runs: { planned: plan.runs.length, completed, failed, missing: Math.max(0, plan.runs.length - completed - failed) },
    series,
    comparisons,
  };
}
