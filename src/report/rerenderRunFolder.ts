import type { Lang } from '../i18n/lang.js';
import { drawRunReport } from './drawRunReport.js';
import { readRunFolder } from './readRunFolder.js';
import type { ChartProgress, ChartRenderer } from './renderChart.js';
import type { RenderedRunReport } from './runReport.js';

/**
 * Draws a run folder's charts and report.html again from its saved files, without
 * rerunning (`kopsim report RUN_DIR`). Throws an InputError naming the folder or file
 * when the folder is not a valid run folder; nothing is written then. `render` renders the
 * charts (default: in this thread).
 */
export async function rerenderRunFolder(
  dir: string,
  onRendered?: ChartProgress,
  lang: Lang = 'en',
  render?: ChartRenderer,
): Promise<RenderedRunReport> {
  return drawRunReport(dir, readRunFolder(dir), onRendered, lang, render);
}
