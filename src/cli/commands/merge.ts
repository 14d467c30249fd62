import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SimulationError } from '../../core/errors.js';
import { summarizeExperiment } from '../../experiment/experimentSummary.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import { readPlanFile, writeExperimentManifest } from '../../report/experimentFolder.js';
import { readExperimentFolders, writeMergedFolder } from '../../report/experimentMerge.js';
import { renderExperimentReport, writeExperimentReport } from '../../report/experimentReport.js';
import { writeExperimentSummaries } from '../../report/experimentSummaryFiles.js';
import { isAnalysisPlan } from '../../report/sensitivityFiles.js';
import { kopsimVersion } from '../version.js';
import { mergeAnalysisFolders } from './analysisFolder.js';
import { defaultExperimentFolder, resultJson, summaryText } from './experiment.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard folders of one experiment into the folder a single machine would have written')
    .argument('<dirs...>', 'shard folders (or partial runs) of the same experiment')
    .option('--out <dir>', "merged folder (default: the experiment's default folder, reports/<name>-<kind>-s<seed>-<plan hash>)")
    .option('--no-report', 'skip charts/ and report.html')
    .option('--json', 'print the results as JSON on stdout')
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
    .action(async (dirs: string[], opts: { out?: string; json?: boolean; report?: boolean }) => {
      const started = new Date();
      const out = opts.out !== undefined ? resolve(opts.out) : defaultExperimentFolder(readPlanFile(resolve(dirs[0]), dirs[0]).plan, undefined);
      const merged = readExperimentFolders(dirs, out);
      // Sensitivity and attribution folders compute their indices instead of summaries.
      if (isAnalysisPlan(merged.plan)) return mergeAnalysisFolders(out, merged, opts, started);
      const summary = summarizeExperiment(merged.plan, merged.runs.map(parseRunRecord), merged.failures.length);
      const report = opts.report === false ? undefined : await renderExperimentReport(summary);
      const first = merged.manifests.find((m) => m !== null);
      writeMergedFolder(out, merged, (tmp) => {
        writeExperimentSummaries(tmp, summary);
        if (report) writeExperimentReport(tmp, report);
        writeExperimentManifest(tmp, {
          kopsimVersion: kopsimVersion(),
          name: merged.plan.name,
          kind: merged.plan.kind,
          planHash: merged.plan.hash,
          shard: null,
          status: merged.failures.length > 0 ? 'failed' : merged.missing.length > 0 ? 'incomplete' : 'complete',
          commandLine: ['kopsim', ...process.argv.slice(2)],
          source: first?.source ?? 'kopsim merge',
          scenarioFiles: first?.scenarioFiles ?? [],
          workers: 0,
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          runs: { planned: merged.plan.runs.length, inShard: merged.plan.runs.length, completed: merged.runs.length, failed: merged.failures.length, finishedBefore: 0 },
          timings: { totalMs: Date.now() - started.getTime() },
          mergedFrom: merged.sources,
          missing: merged.missing.slice(0, 1000),
        });
      });
      if (opts.json) {
        const json = resultJson(out, merged.plan, undefined, merged.runs.length, merged.failures.length, summary) as object;
        process.stdout.write(`${JSON.stringify({ ...json, mergedFrom: merged.sources, missing: merged.missing }, null, 2)}\n`);
      } else {
        process.stdout.write(`Merged ${merged.sources.length} folder${merged.sources.length === 1 ? '' : 's'}: ${merged.runs.length} of ${merged.plan.runs.length} runs\n${summaryText(summary, out, report !== undefined)}\n`);
      }
      if (merged.missing.length > 0) {
        const keys = merged.missing.slice(0, 20).map((i) => merged.plan.runs[i].key);
        process.stderr.write(`kopsim: ${merged.missing.length} runs are in no folder: ${keys.join(', ')}${merged.missing.length > 20 ? ', ...' : ''}\n`);
      }
      if (merged.missing.length > 0 || merged.failures.length > 0) {
        throw new SimulationError(`${merged.missing.length} runs missing and ${merged.failures.length} failed; the single-machine command with --out ${out} completes them`);
      }
    });
}
