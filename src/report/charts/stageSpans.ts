import type { RunChartMeta } from './chartRows.js';

/** One bar of the stage Gantt chart: a region was in a stage from `start` to `end` (months). */
export interface StageSpan {
  readonly region: string;
  readonly stage: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The time each region spent in each stage it reached: from the stage's start month to
 * the start of the next stage it reached (stages may be skipped, e.g. when disabled), or
 * to the end of the run. Stages never reached have no span.
 */
export function stageSpans(timeline: RunChartMeta['stageTimeline'], endMonth: number): StageSpan[] {
  const spans: StageSpan[] = [];
  for (const { region, stages } of timeline) {
    const reached = stages
      .map((start, i) => ({ stage: i + 1, start }))
      .filter((s): s is { stage: number; start: number } => s.start !== null && Number.isFinite(s.start));
    reached.forEach((s, i) => {
      const later = reached
        .slice(i + 1)
        .map((t) => t.start)
        .filter((m) => m >= s.start);
      const end = later.length > 0 ? Math.min(...later) : Math.max(endMonth, s.start);
      spans.push({ region, stage: s.stage, start: s.start, end });
    });
  }
  return spans;
}
