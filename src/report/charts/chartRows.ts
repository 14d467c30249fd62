import type { Lang } from '../../i18n/lang.js';
import type { DormantSpan } from '../dormancy.js';
import type { TopLevelSpec } from 'vega-lite';

/**
 * One value of a run's tidy time series, as in `timeseries.csv`: an indicator's value in
 * one scope (`total` or a region's name) at one month. Chart builders take these rows,
 * so the same builders draw a run in memory and a run folder read back from disk.
 */
export interface ChartRow {
  readonly month: number;
  readonly region: string;
  readonly indicator: string;
  readonly value: number;
}

/**
 * One point of a summary over replications: the mean of an indicator at a month, and the
 * bounds of its 95% band (the experiments engineer decides whether that is a confidence
 * interval of the mean or a percentile band, and says so in the chart's subtitle).
 */
export interface BandRow {
  readonly scenario: string;
  readonly month: number;
  readonly indicator: string;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** The final value of an indicator in one scenario (or strategy), with its 95% interval. */
export interface FinalRow {
  readonly scenario: string;
  readonly indicator: string;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** What single-run charts need besides the rows. */
export interface RunChartMeta {
  /** The scenario's display name (chart subtitles). */
  readonly scenarioName: string;
  /** The last month simulated (the end of the x axes and of the last stage bars). */
  readonly months: number;
  /** Poverty line, rupiah per person per month (`scenario.market.povertyLine`). */
  readonly povertyLine: number;
  /** Region names in scenario order. */
  readonly regions: readonly string[];
  /** The month each stage 1..6 started in each region, or null for "not reached". */
  readonly stageTimeline: readonly { readonly region: string; readonly stages: readonly (number | null)[] }[];
  /** Language of titles and labels (default English). */
  readonly lang?: Lang;
  /** When each region's cooperative was dormant (none: never). */
  readonly dormant?: readonly DormantSpan[];
}

/** A chart ready to render: `name` is its file name stem in `charts/`. */
export interface NamedChart {
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}
