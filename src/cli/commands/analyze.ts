import { commandLineProblems } from '../commandLineProblems.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { locale } from '../../i18n/locale.js';
import { LANG_OPTION, langFlag } from '../flags.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import { analysisPlanHash } from '../../experiment/sensitivityPlan.js';
import { EXPERIMENT_FILES } from '../../report/experimentFolder.js';
import { writeExperimentReport } from '../../report/experimentReport.js';
import { readAnalysisFolder, writeAnalysisResult, writeDesignFiles } from '../../report/sensitivityFiles.js';
import { renderAnalysisReport } from '../../report/sensitivityReport.js';
import { analysisText, analysisWarnings } from '../analysisText.js';
import { analyzePlan, resultWithoutPointMeans } from './analysisFolder.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'recompute the indices (kopsim sensitivity) or Shapley values (kopsim attribute) of a folder from its saved design and runs, without rerunning',
    )
    .argument('<dir>', 'a folder written by kopsim sensitivity or kopsim attribute (or merged from their shards)')
    .option('--no-report', 'skip charts/ and report.html')
    .option('--json', 'print the results as JSON on stdout')
    .option(...LANG_OPTION)
    .addHelpText(
      'after',
      `
Examples:
  kopsim analyze reports/sobol-roadmap-sensitivity-s1-1a2b3c4d
  kopsim analyze reports/seed-roadmap-attribution-s1-1a2b3c4d --json

The folder's plan.json (design, seeds, bootstrap settings) and runs.jsonl give the
same tables, byte for byte, as the command that wrote it. A folder with runs missing
is analysed on the replicates finished at every design point.`,
    )
    .action(async (dirArg: string, opts: { report?: boolean; json?: boolean; lang?: string }) => {
      const problems = commandLineProblems();
      const lang = langFlag(problems, opts.lang);
      if (problems.length > 0) throw new InputError('kopsim analyze', problems);
      const L = locale(lang);
      const dir = resolve(dirArg);
      const folder = readAnalysisFolder(dir);
      if (analysisPlanHash(folder.plan) !== folder.plan.hash) {
        throw new InputError(dir, [
          {
            path: `${dir}/${EXPERIMENT_FILES.plan}`,
            message:
              'does not match its own hash: it was changed after the runs were planned, so the runs cannot be trusted to belong to it',
          },
        ]);
      }
      const result = analyzePlan(folder.plan, folder.runLines.map(parseRunRecord), folder.failed);
      writeDesignFiles(dir, folder.plan);
      writeAnalysisResult(dir, folder.plan, result);
      if (opts.report !== false) writeExperimentReport(dir, await renderAnalysisReport(result, lang));
      for (const w of analysisWarnings(result, lang)) process.stderr.write(`kopsim: ${L.t('err.warning')}: ${w}\n`);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ folder: dir, result: resultWithoutPointMeans(result) }, null, 2)}\n`);
      } else
        process.stdout.write(
          `${analysisText(result, lang)}\n\n${L.t(opts.report !== false ? 'an.cli.wroteAll' : 'an.cli.wroteTables', { folder: dir })}\n`,
        );
    });
}
