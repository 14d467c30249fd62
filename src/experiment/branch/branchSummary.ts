import { indicatorRange } from '../../indicators/indicatorRange.js';
import { indicatorById } from '../../indicators/registry.js';
import { describeSample, type SampleStats } from '../describeSample.js';
import { pairedComparison, type PairedComparison } from '../pairedComparison.js';
import type { BranchRun } from './branchRuns.js';

/** One indicator of a branch comparison. */
export interface BranchIndicator {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Mean over replicates by month, per strategy (months 0..last; the history is the same in all). */
  readonly means: Readonly<Record<string, readonly number[]>>;
  /** Each strategy at the last month: the spread over replicates, and the paired difference from the first strategy. */
  readonly final: readonly {
    readonly strategy: string;
    readonly stats: SampleStats;
    readonly vsFirst: PairedComparison | null;
  }[];
}

export interface BranchSummary {
  /** The month the strategies branched off (the saved state's). */
  readonly at: number;
  readonly months: number;
  readonly strategies: readonly string[];
  readonly replicates: number;
  readonly indicators: readonly BranchIndicator[];
}

/**
 * Summarises branch runs: the mean path of each indicator per strategy, and at the last
 * month each strategy's mean with its 95% interval (kept inside the indicator's range) and its difference from the first
 * strategy, paired by replicate (they shared the random stream).
 */
export function summarizeBranches(
  runs: readonly BranchRun[],
  strategies: readonly string[],
  indicators: readonly string[],
  at: number,
): BranchSummary {
  const replicates = Math.max(0, ...runs.map((r) => r.replicate + 1));
  const of = (s: string) => runs.filter((r) => r.strategy === s).sort((a, b) => a.replicate - b.replicate);
  const months = (runs[0]?.values[indicators[0]]?.length ?? 1) - 1;
  return {
    at,
    months,
    strategies,
    replicates,
    indicators: indicators.map((id) => {
      const meta = indicatorById(id);
      const means = Object.fromEntries(
        strategies.map((s) => {
          const mine = of(s);
          return [
            s,
            Array.from({ length: months + 1 }, (_, m) => mine.reduce((a, r) => a + r.values[id][m], 0) / mine.length),
          ];
        }),
      );
      const first = of(strategies[0]);
      const final = strategies.map((s, k) => {
        const mine = of(s);
        return {
          strategy: s,
          stats: describeSample(
            mine.map((r) => r.values[id][months]),
            indicatorRange(id),
          ),
          vsFirst:
            k === 0 ? null : pairedComparison(mine.map((r, i) => r.values[id][months] - first[i].values[id][months])),
        };
      });
      return { id, label: meta?.label ?? id, unit: meta?.unit ?? '', means, final };
    }),
  };
}
