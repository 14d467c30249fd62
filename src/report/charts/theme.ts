import type { Config } from 'vega-lite';
import type { Axis } from 'vega-lite/types_unstable/axis.js';
import type { PositionFieldDef, Field } from 'vega-lite/types_unstable/channeldef.js';
import type { ExprRef } from 'vega-lite/types_unstable/expr.js';
import type { TitleParams } from 'vega-lite/types_unstable/title.js';
import type { SignalRef } from 'vega';

/**
 * The font of every chart. The PNG renderer is given this font's files (bundled via the
 * `dejavu-fonts-ttf` package) and no system fonts, so the same data gives the same PNG on
 * every machine; the SVG names the same family.
 */
export const CHART_FONT = 'DejaVu Sans';

/** Vega-Lite JSON Schema URL written into every spec, so editors and the Vega editor pick it up. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Width and height of a single time-series panel, pixels (PNG is 2x). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 220;

/** One look for every chart: carried inside each spec so a `.vl.json` looks the same in the Vega editor. */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 10,
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555555', offset: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#333333',
    gridColor: '#e8e8e8',
    labelColor: '#333333',
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    orient: 'bottom',
    direction: 'horizontal',
    columns: 4,
    labelLimit: 260,
    symbolStrokeWidth: 3,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: '#d0d0d0' },
  line: { strokeWidth: 2 },
};

/** The shared head of every spec: schema, title with subtitle, description and config. */
export function specHead(
  title: string,
  subtitle: string | readonly string[],
): {
  $schema: string;
  title: TitleParams<ExprRef | SignalRef>;
  description: string;
  config: Config;
} {
  const sub = typeof subtitle === 'string' ? [subtitle] : [...subtitle];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: sub },
    description: [title, ...sub].join('. '),
    config: CHART_CONFIG,
  };
}

/** Axis ticks at whole years (or multiples) so long runs stay legible. */
export function monthTicks(months: number): number[] {
  const step = months <= 36 ? 6 : months <= 180 ? 12 : months <= 480 ? 60 : 120;
  const ticks: number[] = [];
  for (let m = 0; m <= months; m += step) ticks.push(m);
  return ticks;
}

/**
 * The x channel of every time-series chart: months 0..`months` (the data stay in months,
 * as in the CSV files), labelled in years ("5" at month 60) under the title `yearTitle`.
 */
export function monthX(months: number, field = 'month', yearTitle = 'year'): PositionFieldDef<Field> {
  return {
    field,
    type: 'quantitative',
    title: yearTitle,
    scale: { domain: [0, Math.max(1, months)], nice: false, zero: true },
    axis: { values: monthTicks(months), grid: true, labelExpr: "format(datum.value / 12, '~r')" },
  };
}

/**
 * Labels for rupiah axes: 1.4 mn rather than 1,400,000 (k thousand, mn million, bn
 * billion, tn trillion). The unit itself is in the axis title.
 */
export const RUPIAH_LABEL_EXPR = [
  "abs(datum.value) >= 1e12 ? format(datum.value / 1e12, '.3~r') + ' tn'",
  "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '.3~r') + ' bn'",
  "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '.3~r') + ' mn'",
  "abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '.3~r') + ' k'",
  "format(datum.value, '.3~r')",
].join(' : ');

/**
 * A value axis titled with the unit (e.g. "rupiah per person per month"). A registry unit
 * 'share' is labelled in percent (its title then says so: pass `title`).
 */
export function unitAxis(unit: string, extra: Axis = {}): Axis {
  const axis: Axis = { title: unit, ...(unit === 'share' ? { format: '~%' } : {}), ...extra };
  if (unit.startsWith('rupiah')) axis.labelExpr = RUPIAH_LABEL_EXPR;
  return axis;
}

/** Colour of dormant spans (grey: nothing happens). */
export const DORMANT_COLOUR = '#9a9a9a';

/** Categorical colours used for series within a chart (Tableau 10, colour-blind friendlier than category10). */
export const SERIES_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** Colour of the poverty line rule. */
export const POVERTY_LINE_COLOUR = '#c0392b';
