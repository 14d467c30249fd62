import { InputError } from '../../core/errors.js';
import { indicatorById } from '../../indicators/registry.js';
import type { RunRecord } from '../runRecord.js';
import { classificationTree, type TreeNode } from './classificationTree.js';
import type { DiscoveryDimension, DiscoveryPlan } from './discoveryPlan.js';
import { kneeIndex } from './kneeIndex.js';
import { evaluateOutcome, parseOutcome, type OutcomeRef } from './outcomeExpression.js';
import { primTrajectory, type TrajectoryBox } from './prim.js';
import { wholeBox, type PrimData } from './primBox.js';
import { quasiPValues, type Restriction } from './quasiPValues.js';

/** One run of a strategy as PRIM sees it: its design point's values and whether it is a case of interest. */
export interface DiscoveryCase {
  readonly point: string;
  readonly replicate: number;
  readonly x: readonly number[];
  /** 1 when the outcome holds. */
  readonly y: 0 | 1;
}

/** A restricted dimension of the selected box, with its limits also on the sampled range as 0..1. */
export interface BoxLimit extends Restriction {
  readonly unitLower: number;
  readonly unitUpper: number;
}

/** What PRIM and the tree found for one strategy. */
export interface StrategyDiscovery {
  readonly strategy: string;
  readonly cases: readonly DiscoveryCase[];
  /** Cases where the outcome holds. */
  readonly interesting: number;
  readonly trajectory: readonly TrajectoryBox[];
  /** Index of the knee of the trajectory, and of the box reported (the knee unless --box). */
  readonly knee: number;
  readonly selected: number;
  readonly limits: readonly BoxLimit[];
  readonly tree: TreeNode;
  /** The two dimensions the scatter plot shows: the box's most restricted ones. */
  readonly scatter: readonly [number, number];
}

export interface DiscoveryResult {
  readonly kind: 'discovery';
  readonly name: string;
  readonly description: string;
  readonly outcome: string;
  readonly baseline: string | null;
  readonly prim: DiscoveryPlan['prim'];
  readonly tree: DiscoveryPlan['tree'];
  readonly dimensions: readonly DiscoveryDimension[];
  readonly baseSeed: number;
  readonly replicates: number;
  readonly points: number;
  readonly planHash: string;
  readonly runs: {
    readonly planned: number;
    readonly completed: number;
    readonly failed: number;
    readonly missing: number;
  };
  readonly strategies: readonly StrategyDiscovery[];
}

/**
 * PRIM and a CART tree over a discovery's finished runs, for each strategy. A case is a
 * strategy's run at a design point and replicate (with its baseline run there, when the
 * outcome reads one); cases without their runs are left out. `box` picks the reported
 * box by its step in the trajectory (default: the knee). Pure and deterministic: the
 * records' order does not matter.
 */
export function analyzeDiscovery(
  plan: DiscoveryPlan,
  records: readonly RunRecord[],
  failed: number,
  opts: { readonly box?: number } = {},
): DiscoveryResult {
  const parsed = parseOutcome(plan.outcome, (id) => indicatorById(id) !== undefined);
  if (!parsed.ok) throw new InputError('plan.json', [{ path: 'outcome', message: parsed.message }]);
  const byKey = new Map(records.map((r) => [`${r.scenario}\u0000${r.point}\u0000${r.replicate}`, r]));
  const record = (scenario: string, point: string, replicate: number) =>
    byKey.get(`${scenario}\u0000${point}\u0000${replicate}`);
  const indicatorAt = (r: RunRecord, ref: OutcomeRef): number => {
    const series = r.values[ref.indicator];
    const month = ref.month === 'final' ? r.months : ref.month;
    return series?.[month] ?? Number.NaN;
  };
  const needsBaseline = parsed.refs.some((r) => r.baseline);
  const strategies = plan.strategies.map((strategy) => {
    const cases: DiscoveryCase[] = [];
    for (let rep = 0; rep < plan.replicates; rep++)
      for (const pt of plan.points) {
        const own = record(strategy, pt.key, rep);
        const base = needsBaseline && plan.baseline !== null ? record(plan.baseline, pt.key, rep) : undefined;
        if (!own || (needsBaseline && !base)) continue;
        const holds = evaluateOutcome(parsed.expression, (ref) => indicatorAt(ref.baseline ? base! : own, ref));
        cases.push({
          point: pt.key,
          replicate: rep,
          x: plan.dimensions.map((d) => pt.params[d.name] as number),
          y: holds ? 1 : 0,
        });
      }
    return discoverStrategy(plan, strategy, cases, opts.box);
  });
  if (strategies.every((s) => s.cases.length === 0))
    throw new InputError('runs.jsonl', [{ path: 'runs', message: 'no finished run yet: nothing to analyse' }]);
  const completed = records.length;
  return {
    kind: 'discovery',
    name: plan.name,
    description: plan.description,
    outcome: plan.outcome,
    baseline: plan.baseline,
    prim: plan.prim,
    tree: plan.tree,
    dimensions: plan.dimensions,
    baseSeed: plan.baseSeed,
    replicates: plan.replicates,
    points: plan.points.length,
    planHash: plan.hash,
    runs: { planned: plan.runs.length, completed, failed, missing: plan.runs.length - completed - failed },
    strategies,
  };
}

function discoverStrategy(
  plan: DiscoveryPlan,
  strategy: string,
  cases: readonly DiscoveryCase[],
  box: number | undefined,
): StrategyDiscovery {
  const data: PrimData = {
    names: plan.dimensions.map((d) => d.name),
    x: plan.dimensions.map((_, j) => cases.map((c) => c.x[j])),
    y: cases.map((c) => c.y),
  };
  const trajectory = primTrajectory(data, plan.prim);
  const knee = kneeIndex(trajectory);
  if (box !== undefined && box >= trajectory.length)
    throw new InputError('--box', [
      {
        path: '--box',
        message: `the trajectory of ${strategy} has ${trajectory.length} boxes (0 to ${trajectory.length - 1})`,
        found: box,
      },
    ]);
  const selected = box ?? knee;
  const chosen = trajectory[selected];
  // Limits are reported against the sampled ranges, which the data's extremes approach but do not reach.
  const whole = wholeBox(data);
  const unit = (v: number, d: DiscoveryDimension) => (d.max > d.min ? (v - d.min) / (d.max - d.min) : 0);
  const limits: BoxLimit[] = quasiPValues(data, chosen.box, whole).map((r) => {
    const d = plan.dimensions[r.dimension];
    const lower = r.lowerRestricted ? r.lower : d.min;
    const upper = r.upperRestricted ? r.upper : d.max;
    return { ...r, lower, upper, unitLower: unit(lower, d), unitUpper: unit(upper, d) };
  });
  const narrowing = (l: BoxLimit) => l.unitUpper - l.unitLower;
  const ranked = [...limits].sort(
    (a, b) => narrowing(a) - narrowing(b) || a.quasiP - b.quasiP || a.dimension - b.dimension,
  );
  const dims = [...ranked.map((l) => l.dimension), ...plan.dimensions.map((_, j) => j)].filter(
    (j, k, all) => all.indexOf(j) === k,
  );
  const scatter: [number, number] = [dims[0] ?? 0, dims[1] ?? dims[0] ?? 0];
  const interesting = cases.reduce((a, c) => a + c.y, 0);
  return {
    strategy,
    cases,
    interesting,
    trajectory,
    knee,
    selected,
    limits,
    tree: classificationTree(data, { maxDepth: plan.tree.depth, minLeaf: plan.tree.minLeaf }),
    scatter,
  };
}

/** A number for a sentence: three significant digits, no exponent for ordinary sizes. */
export function short(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3 ? x.toPrecision(3) : String(Number(x.toPrecision(3)));
}
