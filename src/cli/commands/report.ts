import { commandLineProblems } from '../commandLineProblems.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { startChartWorker } from '../../report/chartWorker.js';
import { rerenderRunFolder } from '../../report/rerenderRunFolder.js';
import { REPORT_FILE } from '../../report/runReport.js';
import { chartProgress } from '../chartProgress.js';
import { InputError } from '../../core/errors.js';
import { locale } from '../../i18n/locale.js';
import { LANG_OPTION, langFlag } from '../flags.js';

export interface ReportOptions {
  json?: boolean;
  lang?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description("draw a run folder's charts/ and report.html again from its saved data, without rerunning")
    .argument(
      '<run-dir>',
      'a folder written by kopsim run (holding manifest.json, summary.json, timeseries.csv, events.csv)',
    )
    .option('--json', 'print what was written as JSON')
    .option(...LANG_OPTION)
    .addHelpText(
      'after',
      `
Examples:
  kopsim report reports/default-s1-20250101-120000
  kopsim run --no-report --out reports/quick && kopsim report reports/quick
  kopsim report reports/quick --lang id`,
    )
    .action(async (runDir: string, opts: ReportOptions) => {
      const problems = commandLineProblems();
      const lang = langFlag(problems, opts.lang);
      if (problems.length > 0) throw new InputError('kopsim report', problems);
      const dir = resolve(runDir);
      // The chart libraries load in the worker while this thread reads and checks the folder.
      const charts = startChartWorker();
      const report = await rerenderRunFolder(
        dir,
        chartProgress(undefined, undefined, undefined, lang),
        lang,
        charts.render,
      ).finally(() => void charts.close());
      const files = { folder: dir, report: REPORT_FILE, charts: report.charts.map((c) => c.name) };
      if (opts.json) process.stdout.write(`${JSON.stringify(files, null, 2)}\n`);
      else
        process.stdout.write(
          `${locale(lang).t('cli.report.wrote', { n: report.charts.length, file: REPORT_FILE, folder: dir })}\n`,
        );
    });
}
