import { commandLineProblems } from '../commandLineProblems.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { hasPosterior } from '../../experiment/calibration/posteriorPlan.js';
import { posteriorUncertainty } from '../../experiment/calibration/posteriorUncertainty.js';
import { outputFolderProblems } from '../../report/outputFolder.js';
import { summarizeExperiment } from '../../experiment/experimentSummary.js';
import { locale } from '../../i18n/locale.js';
import { fewUnitsWarning } from '../../report/intervalText.js';
import { posteriorUncertaintySection, writePosteriorUncertainty } from '../../report/posteriorUncertaintyFiles.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import { readPlanFile } from '../../report/experimentFolder.js';
import { readExperimentFolders } from '../../report/experimentMerge.js';
import { renderExperimentReport, writeExperimentReport } from '../../report/experimentReport.js';
import { writeExperimentSummaries } from '../../report/experimentSummaryFiles.js';
import { isAnalysisPlan } from '../../report/sensitivityFiles.js';
import { endMerge, mergedHeadline, mergedJsonText, writeMergedExperiment } from '../mergedFolder.js';
import { defaultPlanFolder } from '../runPlanInFolder.js';
import { mergeAnalysisFolders } from './analysisFolder.js';
import { mergeDiscoveryFolders } from './discover.js';
import { resultJson, summaryText } from './experiment.js';
import { InputError } from '../../core/errors.js';
import { LANG_OPTION, langFlag } from '../flags.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard folders of one experiment into the folder a single machine would have written')
    .argument('<dirs...>', 'shard folders (or partial runs) of the same experiment')
    .option(
      '--out <dir>',
      "merged folder (default: the experiment's default folder, reports/<name>-<kind>-s<seed>-<plan hash>)",
    )
    .option('--no-report', 'skip charts/ and report.html')
    .option('--json', 'print the results as JSON on stdout')
    .option(...LANG_OPTION)
    .addHelpText(
      'after',
      `
Examples:
  kopsim merge shards/*
  kopsim merge reports/strategies-compare-s1-1a2b3c4d-shard0of2 reports/strategies-compare-s1-1a2b3c4d-shard1of2

Merging checks that every folder belongs to the same experiment (the plan hash in its
plan.json) and reports runs that no folder holds; the single-machine command with
--out <merged folder> then computes just those.`,
    )
    .action(async (dirs: string[], opts: { out?: string; json?: boolean; report?: boolean; lang?: string }) => {
      const started = new Date();
      const problems = commandLineProblems();
      const lang = langFlag(problems, opts.lang);
      if (problems.length > 0) throw new InputError('kopsim merge', problems);
      const out =
        opts.out !== undefined
          ? resolve(opts.out)
          : defaultPlanFolder(readPlanFile(resolve(dirs[0]), dirs[0]).plan, undefined);
      const outProblems = outputFolderProblems(out, 'experiment');
      if (outProblems.length > 0) throw new InputError('kopsim merge', outProblems);
      const merged = readExperimentFolders(dirs, out);
      // A calibration batch has nothing to summarise: the calibrate command reads it back and goes on.
      if (merged.plan.kind === ('calibration-generation' as string)) {
        writeMergedExperiment(out, merged, started, () => {});
        process.stdout.write(
          opts.json
            ? `${mergedJsonText({ folder: out, name: merged.plan.name, kind: merged.plan.kind }, merged)}\n`
            : `${locale(lang).t('batch.mergedCalibration', { head: mergedHeadline(merged, lang), folder: out })}\n`,
        );
        return endMerge(out, merged, lang);
      }
      // Sensitivity and attribution folders compute their indices instead of summaries.
      if (isAnalysisPlan(merged.plan)) return mergeAnalysisFolders(out, merged, { ...opts, lang }, started);
      if (merged.plan.kind === ('discovery' as string))
        return mergeDiscoveryFolders(out, merged, { ...opts, lang }, started);
      const records = merged.runs.map(parseRunRecord);
      const summary = summarizeExperiment(merged.plan, records, merged.failures.length);
      const few = fewUnitsWarning(locale(lang), summary.replicates);
      if (few) process.stderr.write(`kopsim: ${locale(lang).t('err.warning')}: ${few}\n`);
      // An experiment run with --posterior: its variance split and rankings too.
      const posterior = hasPosterior(merged.plan) ? posteriorUncertainty(merged.plan, records) : undefined;
      const extra =
        posterior && hasPosterior(merged.plan) ? [posteriorUncertaintySection(merged.plan, posterior, lang)] : [];
      const report = opts.report === false ? undefined : await renderExperimentReport(summary, extra, lang);
      writeMergedExperiment(out, merged, started, (tmp) => {
        writeExperimentSummaries(tmp, summary, records);
        if (posterior) writePosteriorUncertainty(tmp, posterior);
        if (report) writeExperimentReport(tmp, report);
      });
      if (opts.json)
        process.stdout.write(
          `${mergedJsonText(resultJson(out, merged.plan, undefined, merged.runs.length, merged.failures.length, summary) as object, merged)}\n`,
        );
      else
        process.stdout.write(
          `${mergedHeadline(merged, lang)}\n${summaryText(summary, out, report !== undefined, lang)}\n`,
        );
      endMerge(out, merged, lang);
    });
}
