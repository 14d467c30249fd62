import type { Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { chartFontAdvances, chartFontFiles } from './chartFonts.js';
import type { NamedChart } from './charts/chartRows.js';
import { CHART_FONT } from './charts/theme.js';

/** A chart in the three forms written to `charts/`. */
export interface RenderedChart {
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  /** The Vega-Lite spec as pretty JSON, for `<name>.vl.json` (opens in the Vega editor). */
  readonly vlJson: string;
  readonly svg: string;
  /** PNG at 2x the SVG's size. */
  readonly png: Uint8Array;
  /** SVG size, pixels. */
  readonly width: number;
  readonly height: number;
}

/** Scale of PNGs relative to the SVG (2x, for slides and high-density screens). */
export const PNG_SCALE = 2;

/**
 * Renders a Vega-Lite spec to SVG headless: compile to Vega, run a view without a
 * renderer, serialise. Text is measured with the bundled font's advance widths (no
 * canvas), so layout is the same on every machine.
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await chartLibraries();
  const vgSpec = compile(spec).spec;
  const restore = measureTextWithBundledFont(vega);
  try {
    const view = new vega.View(vega.parse(vgSpec as VegaSpec), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  } finally {
    restore();
  }
}

/**
 * Rasterises an SVG at `scale` with the bundled fonts only. resvg draws on libuv's thread
 * pool (`renderAsync`), so the next chart's SVG can be laid out meanwhile; the bytes are the
 * same as its synchronous `render()`.
 */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Uint8Array> {
  const { renderAsync } = await chartLibraries();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  return new Uint8Array(image.asPng());
}

/** The width and height attributes of an SVG's root element, pixels. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  return { width: attr('width'), height: attr('height') };
}

/** The text of a spec's title, for captions. */
export function specTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  if (t && typeof t === 'object' && 'text' in t) {
    const text = (t as { text: unknown }).text;
    return Array.isArray(text) ? text.join(' ') : String(text);
  }
  return '';
}

/** A chart to render: a name for its files, a Vega-Lite spec and an optional caption. */
export type ChartToRender = NamedChart | { name: string; spec: TopLevelSpec; title?: string };

/** Called before the first chart (done 0, no name) and after each chart, e.g. for a progress line. */
export type ChartProgress = (done: number, total: number, name?: string) => void;

/** A chart drawn: its SVG and its PNG (all a chart worker sends back). */
export interface DrawnChart {
  readonly svg: string;
  readonly png: Uint8Array;
}

/**
 * Renders charts to their three forms, in order, telling `onRendered` as each is complete:
 * {@link renderCharts} in this thread, or a chart worker's `render` (chartWorker.ts).
 */
export type ChartRenderer = (charts: readonly ChartToRender[], onRendered?: ChartProgress) => Promise<RenderedChart[]>;

/** Renders one chart to its spec JSON, SVG and PNG. */
export async function renderChart(chart: ChartToRender): Promise<RenderedChart> {
  const svg = await chartSvg(chart.spec);
  return renderedChart(chart, { svg, png: await svgToPng(svg) });
}

/** A chart's three forms from its drawing, wherever it was drawn. */
export function renderedChart(chart: ChartToRender, { svg, png }: DrawnChart): RenderedChart {
  const { width, height } = svgSize(svg);
  return {
    name: chart.name,
    title: chart.title ?? specTitle(chart.spec),
    spec: chart.spec,
    vlJson: `${JSON.stringify(chart.spec, null, 2)}\n`,
    svg,
    png,
    width,
    height,
  };
}

/** Renders charts in this thread (see {@link drawCharts}); a {@link ChartRenderer}. */
export async function renderCharts(
  charts: readonly ChartToRender[],
  onRendered?: ChartProgress,
): Promise<RenderedChart[]> {
  const drawn = await drawCharts(charts, onRendered);
  return charts.map((c, i) => renderedChart(c, drawn[i]!));
}

/**
 * Draws charts' SVG and PNG in order. Vega lays out one SVG at a time on this thread (it is
 * CPU-bound, so concurrent layouts would only interleave), while each finished SVG is
 * rasterised to PNG on the thread pool in parallel with the next layout. `onDrawn` is told as
 * each chart is complete.
 */
export async function drawCharts(charts: readonly ChartToRender[], onDrawn?: ChartProgress): Promise<DrawnChart[]> {
  let done = 0;
  const pending: Promise<DrawnChart>[] = [];
  if (charts.length > 0) onDrawn?.(0, charts.length);
  for (const c of charts) {
    const svg = await chartSvg(c.spec);
    const chart = svgToPng(svg).then((png) => {
      onDrawn?.(++done, charts.length, c.name);
      return { svg, png };
    });
    // Not awaited yet: a failure is seen by Promise.all below, not left unhandled meanwhile.
    chart.catch(() => undefined);
    pending.push(chart);
    // Vega's layout settles in microtasks only: without a turn of the event loop, finished
    // PNGs (and progress) would all be delivered after the last layout.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return Promise.all(pending);
}

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}
type TextMetrics = { width: (item: TextItem, text?: unknown) => number };

type Vega = typeof import('vega');
interface ChartLibraries {
  readonly vega: Vega;
  readonly compile: typeof import('vega-lite').compile;
  readonly renderAsync: typeof import('@resvg/resvg-js').renderAsync;
}
let libraries: Promise<ChartLibraries> | undefined;

/**
 * vega, vega-lite and resvg, imported on the first chart: they take about a second to load,
 * which commands that draw no chart (and runs with --no-report) should not pay.
 */
function chartLibraries(): Promise<ChartLibraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(
    ([vega, vegaLite, resvg]) => ({ vega, compile: vegaLite.compile, renderAsync: resvg.renderAsync }),
  );
  return libraries;
}

let fontAdvances: ReturnType<typeof chartFontAdvances> | undefined;
/** Charts being laid out now, and Vega's own text measure to put back when none is. */
let measuring = 0;
let vegaMeasure: TextMetrics['width'] | undefined;

/**
 * Vega measures text with a canvas when one exists and otherwise guesses 0.8 em per
 * character, which makes titles and legends far wider than drawn. Its documented hook
 * (`textMetrics.width`, used the same way by vl-convert) is process-wide: it measures with
 * DejaVu Sans, the font the PNG is drawn with, only while kopsim lays out a chart, and the
 * returned function puts Vega's own back once no layout is running (layouts may overlap
 * across awaits, hence the count).
 */
function measureTextWithBundledFont(vega: Vega): () => void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (measuring++ === 0) {
    vegaMeasure = metrics.width;
    metrics.width = bundledFontWidth;
  }
  return () => {
    if (--measuring === 0) metrics.width = vegaMeasure!;
  };
}

function bundledFontWidth(item: TextItem, text?: unknown): number {
  fontAdvances ??= chartFontAdvances();
  const line = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (size <= 0 || line === '') return 0;
  const weight = item.fontWeight;
  const bold =
    weight === 'bold' ||
    weight === 'bolder' ||
    (typeof weight === 'number' && weight >= 600) ||
    (typeof weight === 'string' && Number(weight) >= 600);
  const w = (bold ? fontAdvances.bold : fontAdvances.regular).width(line, size);
  return item.limit != null && item.limit > 0 ? Math.min(w, item.limit) : w;
}
