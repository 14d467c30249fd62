import { median } from 'simple-statistics';
import { indicatorAt, meanOf } from './runValues.js';
import type { RunMeasures } from './validationProbe.js';
import type { ArmMeasures, ValidationArm } from './validationRuns.js';

/** The strategies of the table, each a bundled scenario of the same name. */
export const TABLE_STRATEGIES = [
  'status-quo',
  'seed-roadmap',
  'top-down',
  'business-first',
  'no-institution',
  'early-federation',
] as const;

/** Indicators of the table, read at each run's last month (whole district). */
export const TABLE_INDICATORS = ['member_share', 'consumption_pc_mean', 'gini', 'p0'] as const;

/** Each strategy's full months on the given base seeds (common random numbers across strategies). */
export function strategyArms(seeds: readonly number[]): ValidationArm[] {
  return TABLE_STRATEGIES.map((s) => ({ label: s, scenario: s, sets: [], months: 240, seeds }));
}

/** Start months of one stage over all village-runs of a strategy. */
export interface StageCell {
  /** Start months of the village-runs that reached the stage. */
  readonly months: readonly number[];
  /** Village-runs in all (reached or not). */
  readonly villageRuns: number;
}

/** A mean over seeds and its range. */
export interface SeedRange {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** One strategy's row. */
export interface StrategyRow {
  readonly strategy: string;
  readonly seeds: readonly number[];
  readonly months: number;
  /** Stages 1..6. */
  readonly stages: readonly StageCell[];
  /** TABLE_INDICATORS at the last month. */
  readonly final: Readonly<Record<string, SeedRange>>;
  /** Cooperatives dormant at the end over cooperatives at the end, pooled over seeds (NaN without cooperatives). */
  readonly dormantAtEnd: number;
  /** Dormant cooperative-months over cooperative-months, pooled over seeds. */
  readonly dormantMonths: number;
  /** Programme loans granted and matured, over all seeds. */
  readonly loansGranted: number;
  readonly loansMatured: number;
  /** Principal plus arrears unpaid at maturity over principal lent, pooled over matured loans (NaN if none matured). */
  readonly arrearsAtMaturity: number;
}

function seedRange(values: readonly number[]): SeedRange {
  const xs = values.filter(Number.isFinite);
  return {
    mean: meanOf(xs),
    low: xs.length ? Math.min(...xs) : Number.NaN,
    high: xs.length ? Math.max(...xs) : Number.NaN,
  };
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

/** The row of one strategy from its runs. */
export function strategyRow(strategy: string, runs: readonly RunMeasures[]): StrategyRow {
  const stages = [1, 2, 3, 4, 5, 6].map((k) => {
    const cells = runs.flatMap((m) => m.stageTimeline.map((t) => t.stages[k - 1]));
    return { months: cells.filter((x): x is number => x !== null), villageRuns: cells.length };
  });
  const final: Record<string, SeedRange> = {};
  for (const id of TABLE_INDICATORS) final[id] = seedRange(runs.map((m) => indicatorAt(m, id, m.months)));
  const sum = (f: (m: RunMeasures) => number): number => runs.reduce((a, m) => a + f(m), 0);
  const matured = runs.flatMap((m) => m.maturedLoans);
  return {
    strategy,
    seeds: runs.map((m) => m.seed),
    months: runs[0]?.months ?? 0,
    stages,
    final,
    dormantAtEnd: ratio(
      sum((m) => m.dormantAtEnd),
      sum((m) => m.cooperativesAtEnd),
    ),
    dormantMonths: ratio(
      sum((m) => m.dormantMonths),
      sum((m) => m.coopMonths),
    ),
    loansGranted: sum((m) => m.loansGranted),
    loansMatured: matured.length,
    arrearsAtMaturity: ratio(
      matured.reduce((a, l) => a + l.unpaid, 0),
      matured.reduce((a, l) => a + l.principal, 0),
    ),
  };
}

/** The rows of every strategy measured, in TABLE_STRATEGIES order. */
export function strategyRows(measures: ArmMeasures): StrategyRow[] {
  return TABLE_STRATEGIES.filter((s) => measures.has(s)).map((s) => strategyRow(s, measures.get(s) ?? []));
}

/** Median [earliest-latest] of a stage's start months, with the share reached when not all did. */
export function stageCellText(c: StageCell): string {
  if (c.months.length === 0) return 'not reached';
  const share = Math.round((c.months.length / c.villageRuns) * 100);
  return `${median([...c.months])} [${Math.min(...c.months)}-${Math.max(...c.months)}]${share < 100 ? ` (${share}%)` : ''}`;
}
