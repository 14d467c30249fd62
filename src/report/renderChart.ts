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
  measureTextWithBundledFont(vega);
  const vgSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec as VegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG at `scale` with the bundled fonts only. */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Uint8Array> {
  const { Resvg } = await chartLibraries();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  return new Uint8Array(resvg.render().asPng());
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

/** Renders one chart to its spec JSON, SVG and PNG. */
export async function renderChart(chart: { name: string; spec: TopLevelSpec; title?: string }): Promise<RenderedChart> {
  const svg = await chartSvg(chart.spec);
  const { width, height } = svgSize(svg);
  return {
    name: chart.name,
    title: chart.title ?? specTitle(chart.spec),
    spec: chart.spec,
    vlJson: `${JSON.stringify(chart.spec, null, 2)}\n`,
    svg,
    png: await svgToPng(svg),
    width,
    height,
  };
}

/** Renders charts one after another (rendering is CPU-bound; parallel promises gain nothing). */
export async function renderCharts(
  charts: readonly (NamedChart | { name: string; spec: TopLevelSpec; title?: string })[],
): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const c of charts) out.push(await renderChart(c));
  return out;
}

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}
type TextMetrics = { width: (item: TextItem, text?: unknown) => number };

let measuring = false;

type Vega = typeof import('vega');
interface ChartLibraries {
  readonly vega: Vega;
  readonly compile: typeof import('vega-lite').compile;
  readonly Resvg: typeof import('@resvg/resvg-js').Resvg;
}
let libraries: Promise<ChartLibraries> | undefined;

/**
 * vega, vega-lite and resvg, imported on the first chart: they take about a second to load,
 * which commands that draw no chart (and runs with --no-report) should not pay.
 */
function chartLibraries(): Promise<ChartLibraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(
    ([vega, vegaLite, resvg]) => ({ vega, compile: vegaLite.compile, Resvg: resvg.Resvg }),
  );
  return libraries;
}

/**
 * Vega measures text with a canvas when one exists and otherwise guesses 0.8 em per
 * character, which makes titles and legends far wider than drawn. Its documented hook
 * (`textMetrics.width`, used the same way by vl-convert) is set once, process-wide, to
 * measure with DejaVu Sans, the font the PNG is drawn with.
 */
function measureTextWithBundledFont(vega: Vega): void {
  if (measuring) return;
  const fonts = chartFontAdvances();
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const line = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    if (size <= 0 || line === '') return 0;
    const weight = item.fontWeight;
    const bold =
      weight === 'bold' ||
      weight === 'bolder' ||
      (typeof weight === 'number' && weight >= 600) ||
      (typeof weight === 'string' && Number(weight) >= 600);
    const w = (bold ? fonts.bold : fonts.regular).width(line, size);
    return item.limit != null && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
  measuring = true;
}
