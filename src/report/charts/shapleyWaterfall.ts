import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../../i18n/lang.js';
import { numberFormat } from '../../i18n/numberFormat.js';
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
  /** Which way the indicator is good for welfare: bars are coloured better/worse by it; null: raises/lowers. */
  readonly better?: 'higher' | 'lower' | null;
  /** Language of the numbers on the bars (default English). */
  readonly lang?: Lang;
  /** Title of the value axis (default: the unit). */
  readonly unitTitle?: string;
  /** Legend labels of the bar kinds (default English: total, better, worse, raises, lowers). */
  readonly kindLabels?: Readonly<Record<'total' | 'better' | 'worse' | 'raises' | 'lowers', string>>;
}

const KIND_LABELS = { total: 'total', better: 'better', worse: 'worse', raises: 'raises', lowers: 'lowers' } as const;

const TOTAL = '#8c8c8c';
const BETTER = '#59a14f';
const WORSE = '#e15759';
const RAISES = '#4e79a7';
const LOWERS = '#b07aa1';

/**
 * A waterfall from the outcome with no stage to the outcome with all stages: each stage's
 * Shapley value is a floating bar starting where the one before ended, green when the
 * change is better for welfare and red when worse (`better`; so a fall in poverty is
 * green), with a black line over its 95% interval. The stages' values add up to the
 * total gain, so the last stage ends at the full outcome. The axis starts at zero.
 */
export function shapleyWaterfall(steps: readonly WaterfallStep[], opts: ShapleyWaterfallOptions): TopLevelSpec {
  const emptyLabel = opts.emptyLabel ?? 'no stage';
  const fullLabel = opts.fullLabel ?? 'all stages';
  type Bar = { label: string; kind: string; start: number; end: number; lo: number; hi: number; text: string };
  const bars: Bar[] = [];
  let level = opts.empty;
  const value = (x: number) => formatValue(x, opts.unit, opts.lang);
  // A stage's value is a change: shares in percentage points ("-1.8 pp"), never "-1.8%".
  const signed = (x: number) => numberFormat(opts.lang ?? 'en').change(x, opts.unit);
  const better = opts.better ?? null;
  const k = opts.kindLabels ?? KIND_LABELS;
  const kindOf = (x: number) =>
    better === null ? (x >= 0 ? k.raises : k.lowers) : x >= 0 === (better === 'higher') ? k.better : k.worse;
  for (const s of steps) {
    const end = level + s.value;
    const lo = Number.isFinite(s.lo) ? level + s.lo : end;
    const hi = Number.isFinite(s.hi) ? level + s.hi : end;
    bars.push({
      label: s.label,
      kind: kindOf(s.value),
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
  // Bars start at zero: a truncated axis makes small gains look large.
  const base = Math.min(0, ...everything);
  const totals: Bar[] = [
    {
      label: emptyLabel,
      kind: k.total,
      start: base,
      end: opts.empty,
      lo: opts.empty,
      hi: opts.empty,
      text: value(opts.empty),
    },
    {
      label: fullLabel,
      kind: k.total,
      start: base,
      end: opts.full,
      lo: opts.full,
      hi: opts.full,
      text: value(opts.full),
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
  const subtitle = sub;
  const kinds =
    better === null
      ? { domain: [k.total, k.raises, k.lowers], range: [TOTAL, RAISES, LOWERS] }
      : { domain: [k.total, k.better, k.worse], range: [TOTAL, BETTER, WORSE] };
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
            scale: { zero: true, nice: true },
            axis: opts.unit.startsWith('rupiah')
              ? { title: opts.unitTitle ?? opts.unit, labelExpr: "format(datum.value, ',')" }
              : unitAxis(opts.unit, opts.unitTitle ? { title: opts.unitTitle } : {}),
          },
          y2: { field: 'end' },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: kinds,
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
