import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from '../formatValue.js';
import { specHead, unitAxis } from './theme.js';

/** One stage's Shapley value, with its bootstrap interval. */
export interface WaterfallStep {
  readonly label: string;
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
}

/** What a Shapley waterfall shows. */
export interface ShapleyWaterfallOptions {
  readonly title: string;
  readonly unit: string;
  /** Outcome with no stage (the first bar) and with all stages (the last). */
  readonly empty: number;
  readonly full: number;
  readonly emptyLabel?: string;
  readonly fullLabel?: string;
  readonly subtitle?: string | readonly string[];
}

const TOTAL = '#8c8c8c';
const RAISES = '#59a14f';
const LOWERS = '#e15759';

/**
 * A waterfall from the outcome with no stage to the outcome with all stages: each stage's
 * Shapley value is a floating bar starting where the one before ended (green when it
 * raises the indicator, red when it lowers it), with a black line over its 95% interval.
 * The stages' values add up to the total gain, so the last stage ends at the full
 * outcome. When the gain is small next to the level, the axis does not start at zero
 * (the subtitle says so).
 */
export function shapleyWaterfall(steps: readonly WaterfallStep[], opts: ShapleyWaterfallOptions): TopLevelSpec {
  const emptyLabel = opts.emptyLabel ?? 'no stage';
  const fullLabel = opts.fullLabel ?? 'all stages';
  type Bar = { label: string; kind: string; start: number; end: number; lo: number; hi: number; text: string };
  const bars: Bar[] = [];
  let level = opts.empty;
  const signed = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + formatValue(Math.abs(x), opts.unit);
  for (const s of steps) {
    const end = level + s.value;
    const lo = Number.isFinite(s.lo) ? level + s.lo : end;
    const hi = Number.isFinite(s.hi) ? level + s.hi : end;
    bars.push({
      label: s.label,
      kind: s.value >= 0 ? 'raises' : 'lowers',
      start: level,
      end,
      lo,
      hi,
      text: signed(s.value),
    });
    level = end;
  }
  const everything = [opts.empty, opts.full, ...bars.flatMap((b) => [b.start, b.end, b.lo, b.hi])].filter(
    Number.isFinite,
  );
  const min = Math.min(...everything);
  const max = Math.max(...everything);
  const range = max - min;
  // Bars from zero when the gain is a sizeable part of the level (or the values straddle zero); otherwise from just below the lowest value.
  const fromZero = min <= 0 || range >= 0.3 * Math.max(Math.abs(max), Math.abs(min));
  const base = fromZero ? Math.min(0, min) : min - 0.35 * (range > 0 ? range : Math.abs(min) * 0.01 || 1);
  const totals: Bar[] = [
    {
      label: emptyLabel,
      kind: 'total',
      start: base,
      end: opts.empty,
      lo: opts.empty,
      hi: opts.empty,
      text: formatValue(opts.empty, opts.unit),
    },
    {
      label: fullLabel,
      kind: 'total',
      start: base,
      end: opts.full,
      lo: opts.full,
      hi: opts.full,
      text: formatValue(opts.full, opts.unit),
    },
  ];
  const values = [totals[0], ...bars, totals[1]];
  const order = values.map((v) => v.label);
  const x = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: order,
    axis: { labelAngle: -30, labelLimit: 180 },
  } as const;
  const sub =
    opts.subtitle ?? 'Shapley value of each stage with its 95% bootstrap interval; the values add up to the total gain';
  const subtitle = fromZero ? sub : [...(typeof sub === 'string' ? [sub] : sub), 'The axis does not start at zero'];
  return {
    ...specHead(opts.title, subtitle),
    width: { step: 64 },
    height: 300,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.9 },
        encoding: {
          x,
          // Full numbers on a rupiah axis: a gain of a few thousand on a level of a million needs more than three digits.
          y: {
            field: 'start',
            type: 'quantitative',
            scale: { zero: fromZero, nice: true, domainMin: base },
            axis: opts.unit.startsWith('rupiah')
              ? { title: opts.unit, labelExpr: "format(datum.value, ',')" }
              : unitAxis(opts.unit),
          },
          y2: { field: 'end' },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: ['total', 'raises', 'lowers'], range: [TOTAL, RAISES, LOWERS] },
            legend: { symbolType: 'square' },
          },
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 1.5, color: '#222222' },
        encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
      },
      {
        mark: { type: 'text', dy: -8, fontSize: 10, color: '#333333' },
        encoding: { x, y: { field: 'top', type: 'quantitative' }, text: { field: 'text' } },
        transform: [{ calculate: 'max(datum.start, datum.end, datum.hi)', as: 'top' }],
      },
    ],
  };
}
