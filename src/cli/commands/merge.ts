import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, SimulationError } from '../../core/errors.js';
import { summarizeExperiment } from '../../experiment/experimentSummary.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import { readPlanFile, writeExperimentManifest } from '../../report/experimentFolder.js';
import { mergeExperimentFolders } from '../../report/experimentMerge.js';
import { writeExperimentSummaries } from '../../report/experimentSummaryFiles.js';
import { kopsimVersion } from '../version.js';
import { defaultExperimentFolder, resultJson, summaryText } from './experiment.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard folders of one experiment into the folder a single machine would have written')
    .argument('<dirs...>', 'shard folders (or partial runs) of the same experiment')
    .option('--out <dir>', 'merged folder (default: the experiment\'s default folder, reports/<name>-<kind>-s<seed>-<plan hash>)')
    .option('--json', 'print the results as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  kopsim merge shards/*
  kopsim merge reports/strategies-compare-s1-*-shard0of2 reports/strategies-compare-s1-*-shard1of2 --out reports/strategies

Merging checks that every folder belongs to the same experiment (the plan hash in its
plan.json) and reports runs that no folder holds; running the single-machine command
with --out <merged folder> then computes just those.`,
    )
    .action((dirs: string[], opts: { out?: string; json?: boolean }) => {
      const started = new Date();
      const first = readPlanFile(resolve(dirs[0]), dirs[0]).plan;
      const out = opts.out !== undefined ? resolve(opts.out) : defaultExperimentFolder(first, undefined);
      if (dirs.length === 0) throw new InputError('kopsim merge', [{ path: 'DIR', message: 'name at least one folder' }]);
      let text = '';
      let json: unknown;
      const merged = mergeExperimentFolders(dirs, out, (tmp, m) => {
        const summary = summarizeExperiment(m.plan, m.runs.map(parseRunRecord), m.failures.length);
        writeExperimentSummaries(tmp, summary);
        // TODO(charts): write charts/ and report.html here too, as runExperiment does.
        const status = m.failures.length > 0 ? 'failed' : m.missing.length > 0 ? 'incomplete' : 'complete';
        writeExperimentManifest(tmp, {
          kopsimVersion: kopsimVersion(),
          name: m.plan.name,
          kind: m.plan.kind,
          planHash: m.plan.hash,
          shard: null,
          status,
          commandLine: ['kopsim', ...process.argv.slice(2)],
          source: m.manifests.find((x) => x)?.source ?? 'kopsim merge',
          scenarioFiles: m.manifests.find((x) => x)?.scenarioFiles ?? [],
          workers: 0,
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          runs: { planned: m.plan.runs.length, inShard: m.plan.runs.length, completed: m.runs.length, failed: m.failures.length, finishedBefore: 0 },
          timings: { totalMs: Date.now() - started.getTime() },
          mergedFrom: m.sources,
          missing: m.missing.slice(0, 1000),
        });
        text = summaryText(summary, out);
        json = resultJson(out, m.plan, undefined, m.runs.length, m.failures.length, summary);
      });
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...(json as object), mergedFrom: merged.sources, missing: merged.missing }, null, 2)}\n`);
      else process.stdout.write(`Merged ${merged.sources.length} folders: ${merged.runs.length} of ${merged.plan.runs.length} runs\n${text}\n`);
      if (merged.missing.length > 0) {
        const keys = merged.missing.slice(0, 20).map((i) => merged.plan.runs[i].key);
        process.stderr.write(`kopsim: ${merged.missing.length} runs are in no folder: ${keys.join(', ')}${merged.missing.length > 20 ? ', ...' : ''}\n`);
      }
      if (merged.missing.length > 0 || merged.failures.length > 0) {
        throw new SimulationError(`${merged.missing.length} runs missing and ${merged.failures.length} failed; run the single-machine command with --out ${out} to complete them`);
      }
    });
}
