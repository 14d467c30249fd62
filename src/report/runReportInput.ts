import type { RunResult } from '../experiment/runResult.js';
import type { RunSummary } from '../experiment/runSummary.js';
import type { ChartRow, RunChartMeta } from './charts/chartRows.js';
import { chartRowsOf } from './charts/chartRowsOf.js';
import type { RunManifest } from './runFolder.js';
import { dormantSpans } from './dormancy.js';
import type { Lang } from '../i18n/lang.js';

/** One line of `events.csv`. */
export interface EventRow {
  readonly month: number;
  /** A region's name, or 'total' for scenario-wide events. */
  readonly region: string;
  readonly kind: string;
  readonly message: string;
}

/**
 * Everything a run's report is drawn from: what a run folder saves, so a report drawn
 * from a run in memory and one drawn later from its folder are the same.
 */
export interface RunReportInput {
  readonly manifest: RunManifest;
  readonly summary: RunSummary;
  readonly rows: readonly ChartRow[];
  readonly events: readonly EventRow[];
}

/** The report input of a run just simulated. */
export function runReportInput(result: RunResult, summary: RunSummary, manifest: RunManifest): RunReportInput {
  const regionName = (r: number) => (r < 0 ? 'total' : (result.stageTimeline[r]?.region ?? String(r)));
  return {
    manifest,
    summary,
    rows: chartRowsOf(result.series),
    events: result.events.map((e) => ({
      month: e.month,
      region: regionName(e.region),
      kind: e.kind,
      message: e.message,
    })),
  };
}

/** A field of the resolved scenario saved in the manifest (typed `unknown` there). */
export function scenarioField(manifest: RunManifest, path: readonly string[]): unknown {
  let v: unknown = manifest.scenario;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The poverty line of the run's scenario, rupiah per person per month. */
export function povertyLineOf(manifest: RunManifest): number {
  const line = scenarioField(manifest, ['market', 'povertyLine']);
  if (typeof line !== 'number' || !Number.isFinite(line))
    throw new Error('manifest.scenario.market.povertyLine is missing');
  return line;
}

/** The month each stage 1..6 started in each region, or null, from the summary. */
export function stageTimelineOf(summary: RunSummary): RunChartMeta['stageTimeline'] {
  return summary.stageTimeline.map((t) => ({
    region: t.region,
    stages: [1, 2, 3, 4, 5, 6].map((k) => {
      const m = t.stages[`stage${k}`];
      return typeof m === 'number' ? m : null;
    }),
  }));
}

/** What the single-run charts need besides the rows, in language `lang`. */
export function runChartMeta(input: RunReportInput, lang: Lang = 'en'): RunChartMeta {
  return {
    lang,
    dormant: dormantSpans(input.events),
    scenarioName: input.summary.name,
    months: input.summary.months,
    povertyLine: povertyLineOf(input.manifest),
    regions: input.summary.stageTimeline.map((t) => t.region),
    stageTimeline: stageTimelineOf(input.summary),
  };
}
