import { INDICATORS, KEY_INDICATORS } from '../indicators/registry.js';
import { seriesOf } from '../indicators/series.js';
import type { RunResult, StageTimeline } from './runResult.js';

/** The summary of one run: what `summary.json` holds and the CLI prints. */
export interface RunSummary {
  readonly scenario: string;
  readonly name: string;
  readonly strategy: string;
  readonly seed: number;
  readonly months: number;
  readonly households: number;
  readonly stoppedEarly: boolean;
  /** Key indicators for the whole scenario: start, final and mean over the run (yearly figures: over the annual closes). */
  readonly indicators: readonly {
    id: string;
    label: string;
    unit: string;
    start: number;
    final: number;
    mean: number;
  }[];
  /** The unit of every indicator of the registry, by id (the timeseries holds them all). */
  readonly units: Readonly<Record<string, string>>;
  /** The month each stage started in each region, or null if it was not reached. */
  readonly stageTimeline: readonly { region: string; stages: Record<string, number | null> }[];
  /** The month the federation formed, or null if it did not. */
  readonly federationMonth: number | null;
}

/** Summarises a run's key indicators and stage timeline. Deterministic: no clocks. */
export function summarizeRun(result: RunResult, indicatorIds: readonly string[] = KEY_INDICATORS): RunSummary {
  const indicators = indicatorIds.map((id) => {
    const meta = INDICATORS.find((i) => i.id === id)!;
    const s = seriesOf(result.series, id);
    const mean = meanOverRun(s, result.series.months, meta.unit);
    return { id, label: meta.label, unit: meta.unit, start: s[0], final: s[s.length - 1], mean };
  });
  return {
    scenario: result.scenarioId,
    name: result.scenario.name,
    strategy: result.scenario.strategy.name,
    seed: result.seed,
    months: result.months,
    households: result.households,
    stoppedEarly: result.stoppedEarly,
    indicators,
    units: Object.fromEntries(INDICATORS.map((i) => [i.id, i.unit])),
    stageTimeline: result.stageTimeline.map(timelineEntry),
    federationMonth: result.federationMonth ?? null,
  };
}

/**
 * Mean of a series over the simulated months (month 0, the initial state, excluded). A
 * yearly figure (SHU, paid at the annual close) is averaged over the annual closes only:
 * averaging it with the eleven months in between would divide it by twelve.
 */
function meanOverRun(values: readonly number[], months: readonly number[], unit: string): number {
  const yearly = unit === 'rupiah per year';
  let sum = 0;
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    const m = months[k];
    if (m === 0 || (yearly && m % 12 !== 0)) continue;
    sum += values[k];
    n++;
  }
  return n > 0 ? sum / n : values[0];
}

function timelineEntry(t: StageTimeline): { region: string; stages: Record<string, number | null> } {
  const stages: Record<string, number | null> = {};
  t.stages.forEach((m, k) => {
    stages[`stage${k + 1}`] = m ?? null;
  });
  return { region: t.region, stages };
}
