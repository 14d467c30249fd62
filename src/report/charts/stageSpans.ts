import type { RunChartMeta } from './chartRows.js';

/** The `stage` of a span during which the region's cooperative was dormant. */
export const DORMANT_STAGE = 0;

/**
 * One bar of the stage Gantt chart: a region was in a stage from `start` to `end` (months);
 * stage {@link DORMANT_STAGE} marks a time its cooperative was dormant.
 */
export interface StageSpan {
  readonly region: string;
  readonly stage: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The time each region spent in each stage it reached: from the stage's start month to
 * the start of the next stage it reached (stages may be skipped, e.g. when disabled), or
 * to the end of the run. Stages never reached have no span. A dormant cooperative ends
 * the stage it was in: that time is a dormant span, and after a revival the stage resumes.
 */
export function stageSpans(
  timeline: RunChartMeta['stageTimeline'],
  endMonth: number,
  dormant: RunChartMeta['dormant'] = [],
): StageSpan[] {
  const spans: StageSpan[] = [];
  for (const { region, stages } of timeline) {
    const reached = stages
      .map((start, i) => ({ stage: i + 1, start }))
      .filter((s): s is { stage: number; start: number } => s.start !== null && Number.isFinite(s.start));
    const sleeps = dormant
      .filter((d) => d.region === region)
      .map((d) => ({ from: d.from, to: Math.min(d.to ?? endMonth, endMonth) }));
    reached.forEach((s, i) => {
      const later = reached
        .slice(i + 1)
        .map((t) => t.start)
        .filter((m) => m >= s.start);
      const end = later.length > 0 ? Math.min(...later) : Math.max(endMonth, s.start);
      // The stage's time minus its dormant spans.
      let from = s.start;
      for (const d of sleeps) {
        if (d.to <= from || d.from >= end) continue;
        if (d.from > from) spans.push({ region, stage: s.stage, start: from, end: d.from });
        from = Math.max(from, d.to);
      }
      if (from < end || (from === end && from === s.start)) spans.push({ region, stage: s.stage, start: from, end });
    });
    for (const d of sleeps) spans.push({ region, stage: DORMANT_STAGE, start: d.from, end: Math.max(d.to, d.from) });
  }
  return spans;
}
