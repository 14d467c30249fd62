import { resolve } from 'node:path';
import type { Command } from 'commander';
import { rerenderRunFolder } from '../../report/rerenderRunFolder.js';
import { REPORT_FILE } from '../../report/runReport.js';
import { chartProgress } from '../chartProgress.js';

export interface ReportOptions {
  json?: boolean;
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
    .addHelpText(
      'after',
      `
Examples:
  kopsim report reports/default-s1-20250101-120000
  kopsim run --no-report --out reports/quick && kopsim report reports/quick`,
    )
    .action(async (runDir: string, opts: ReportOptions) => {
      const dir = resolve(runDir);
      const report = await rerenderRunFolder(dir, chartProgress());
      const files = { folder: dir, report: REPORT_FILE, charts: report.charts.map((c) => c.name) };
      if (opts.json) process.stdout.write(`${JSON.stringify(files, null, 2)}\n`);
      else
        process.stdout.write(
          `Wrote ${report.charts.length} charts (charts/*.svg, .png, .vl.json) and ${REPORT_FILE} in ${dir}\n`,
        );
    });
}
