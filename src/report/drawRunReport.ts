import type { Lang } from '../i18n/lang.js';
import { join } from 'node:path';
import { ownsChartEntry } from './outputFolder.js';
import { writeFileAtomically, writeFolderAtomically } from './atomicFolder.js';
import { REPORT_FILE, renderRunReport, type RenderedRunReport } from './runReport.js';
import type { ChartProgress, ChartRenderer } from './renderChart.js';
import type { RunReportInput } from './runReportInput.js';
import { CHARTS_DIR, writeChartFiles } from './writeCharts.js';

/**
 * Draws a run's charts and report.html into a run folder that already exists. Everything
 * is rendered in memory first; then `charts/` is replaced as a whole (written to a
 * temporary folder, renamed into place) and report.html by a temporary file and a rename.
 * `render` renders the charts (default: in this thread).
 */
export async function drawRunReport(
  dir: string,
  input: RunReportInput,
  onRendered?: ChartProgress,
  lang: Lang = 'en',
  render?: ChartRenderer,
): Promise<RenderedRunReport> {
  const report = await renderRunReport(input, onRendered, lang, render);
  writeFolderAtomically(join(dir, CHARTS_DIR), (tmp) => writeChartFiles(tmp, report.charts), ownsChartEntry);
  writeFileAtomically(join(dir, REPORT_FILE), report.html);
  return report;
}
