import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomically } from './atomicFolder.js';
import { renderCharts, type RenderedChart } from './renderChart.js';

/** Folder inside a run or experiment folder that holds the charts. */
export const CHARTS_DIR = 'charts';

/** The three files of a chart, relative to the folder holding `charts/`. */
export function chartFiles(name: string): { vl: string; svg: string; png: string } {
  return { vl: `${CHARTS_DIR}/${name}.vl.json`, svg: `${CHARTS_DIR}/${name}.svg`, png: `${CHARTS_DIR}/${name}.png` };
}

/**
 * Writes rendered charts into `<dir>/charts/` as `<name>.vl.json`, `<name>.svg` and
 * `<name>.png`, each file atomically. Synchronous, so it can run inside
 * `writeRunFolder`'s `extra` callback.
 */
export function writeRenderedCharts(dir: string, charts: readonly RenderedChart[]): void {
  writeChartFiles(join(dir, CHARTS_DIR), charts);
}

/** Writes rendered charts' files directly into `chartsDir` (no `charts/` added). */
export function writeChartFiles(chartsDir: string, charts: readonly RenderedChart[]): void {
  for (const c of charts) {
    writeFileAtomically(join(chartsDir, `${c.name}.vl.json`), c.vlJson);
    writeFileAtomically(join(chartsDir, `${c.name}.svg`), c.svg);
    writeFileAtomically(join(chartsDir, `${c.name}.png`), c.png);
  }
}

/**
 * Renders charts and writes them into `<dir>/charts/` (see `writeRenderedCharts`).
 * Returns the rendered charts, e.g. to inline their SVG into an HTML report.
 */
export async function writeCharts(
  dir: string,
  charts: readonly { name: string; spec: TopLevelSpec; title?: string }[],
): Promise<RenderedChart[]> {
  const rendered = await renderCharts(charts);
  writeRenderedCharts(dir, rendered);
  return rendered;
}
