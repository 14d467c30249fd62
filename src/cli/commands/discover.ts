import { commandLineProblems } from '../commandLineProblems.js';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { analyzeDiscovery, short, type DiscoveryResult } from '../../experiment/discovery/discoveryAnalysis.js';
import { checkOutcome, planDiscovery, type DiscoveryPlan } from '../../experiment/discovery/discoveryPlan.js';
import { parseRunRecord } from '../../experiment/runRecord.js';
import type { MergedExperiment } from '../../report/experimentMerge.js';
import { writeExperimentReport } from '../../report/experimentReport.js';
import { DISCOVERY_FILES, removeDiscoveryResult, writeDiscoveryResult } from '../../report/discoveryFiles.js';
import { renderDiscoveryReport } from '../../report/discoveryReport.js';
import { discoverySentence, englishDiscoverySentence } from '../../report/discoverySentence.js';
import { loadDiscovery } from '../../scenario/loadDiscovery.js';
import { collect, intFlag, planWithProblems } from '../flags.js';
import { endMerge, mergedHeadline, mergedJsonText, writeMergedExperiment } from '../mergedFolder.js';
import { addRunOptions, checkRunFlags, type RunFlags } from '../runFlags.js';
import { failedRunsError, planRunJson, runPlanInFolder, shardDoneText } from '../runPlanInFolder.js';
import { fittedTable, wrapText } from '../table.js';
import { wroteText } from '../wroteText.js';
import type { Lang } from '../../i18n/lang.js';
import { locale } from '../../i18n/locale.js';

interface DiscoverFlags extends RunFlags {
  replicates?: string;
  seed?: string;
  months?: string;
  set?: string[];
  box?: string;
}

/** What the command prints, in the language: per strategy the sentence and the box's limits. */
export function discoveryText(result: DiscoveryResult, lang: Lang = 'en'): string {
  const L = locale(lang);
  return result.strategies
    .map((s) => {
      const table = s.limits.length
        ? `\n${fittedTable(
            [L.t('an.col.parameter'), L.t('disc.col.lower'), L.t('disc.col.upper'), L.t('disc.col.share'), 'quasi-p'],
            s.limits.map((l) => [
              l.name,
              short(l.lower),
              short(l.upper),
              `${L.fmt.fixed(l.unitLower, 2)}-${L.fmt.fixed(l.unitUpper, 2)}`,
              l.quasiP < 0.001 ? `< ${L.fmt.fixed(0.001, 3)}` : L.fmt.fixed(l.quasiP, 3),
            ]),
          )}`
        : '';
      const box = L.t(s.selected === s.knee ? 'disc.cli.boxKnee' : 'disc.cli.box', {
        box: s.selected,
        last: s.trajectory.length - 1,
        knee: s.knee,
      });
      return `${wrapText(discoverySentence(L, s, result.outcome)).join('\n')}\n${box}${table}`;
    })
    .join('\n\n');
}

function resultJson(result: DiscoveryResult) {
  return {
    ...result,
    strategies: result.strategies.map(({ cases, ...s }) => ({
      ...s,
      cases: cases.length,
      sentence: englishDiscoverySentence({ ...s, cases }, result.outcome),
    })),
  };
}

/** Analyses a discovery's finished runs, or says why it cannot yet. */
function tryAnalyze(
  plan: DiscoveryPlan,
  runLines: readonly string[],
  failed: number,
  box: number | undefined,
): { result: DiscoveryResult | null; problem?: string } {
  try {
    return { result: analyzeDiscovery(plan, runLines.map(parseRunRecord), failed, { box }) };
  } catch (error) {
    if (!(error instanceof InputError) || error.problems.some((p) => p.path === '--box')) throw error;
    return { result: null, problem: error.problems.map((p) => p.message).join('; ') };
  }
}

const WROTE = [
  DISCOVERY_FILES.trajectory,
  DISCOVERY_FILES.box,
  DISCOVERY_FILES.tree,
  DISCOVERY_FILES.cases,
  DISCOVERY_FILES.json,
];

export function registerDiscover(program: Command): void {
  const cmd = program
    .command('discover')
    .description(
      'scenario discovery: run strategies over uncertain parameters and let PRIM find the boxes of conditions where an outcome (e.g. failing to cut P0) holds',
    )
    .argument('<file>', 'discovery file (YAML or JSON, kind: discover)')
    .option('-n, --replicates <n>', "runs per design point (default: the file's, else 1)")
    .option('--seed <n>', "base seed of the runs (default: the file's, else the first scenario's)")
    .option('--months <n>', "months to simulate (default: the file's, else the scenarios')")
    .option(
      '--set <path=value>',
      'override a field of every scenario, e.g. regions[0].households=200 (repeatable)',
      collect,
      [],
    )
    .option('--box <k>', 'report box k of the peeling trajectory instead of the knee (0 = all runs)');
  addRunOptions(cmd, 'discovery', 'boxes')
    .addHelpText(
      'after',
      `
Examples:
  kopsim discover scenarios/experiments/discover-top-down.yaml
  kopsim discover scenarios/experiments/discover-top-down.yaml --box 6 --workers 2
  kopsim discover scenarios/experiments/discover-top-down.yaml --shard 0/2 --out shards/0
  kopsim merge shards/*

The file is a sweep (scenarios = the strategies, an optional baseline run at every
design point with the same seed, sweep = the uncertain parameters and their ranges)
with an outcome such as "p0 - baseline.p0 > -0.02 at month 120" and PRIM settings;
see docs/experiments.md. The folder keeps every run (runs.jsonl): the same command
resumes it, and --box picks another box without rerunning.`,
    )
    .action(async (file: string, opts: DiscoverFlags) => {
      const problems = commandLineProblems();
      const replicates = intFlag(problems, '--replicates', opts.replicates, 1, 100000);
      const seed = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
      const months = intFlag(problems, '--months', opts.months, 1, 1200);
      const box = intFlag(problems, '--box', opts.box, 0, 100000);
      const run = checkRunFlags(opts, problems, availableParallelism());
      const loaded = loadDiscovery(file, checkOutcome, { replicates, seed, months, sets: opts.set ?? [] }, problems);
      const plan = planWithProblems(loaded.experiment.source, problems, () => planDiscovery(loaded));
      const report = opts.report !== false;
      const outcome = await runPlanInFolder(
        { ...plan, kind: 'discovery' },
        {
          source: loaded.experiment.source,
          scenarioFiles: loaded.experiment.scenarios.map((s) => ({
            label: s.label,
            source: s.loaded.source,
            extendsChain: s.loaded.chain,
            overrides: s.loaded.overrides,
          })),
          workers: run.workers,
          shard: run.shard,
          out: opts.out,
          tui: opts.tui,
          lang: run.lang,
          failedRunPlace: (failure) => `scenario ${failure.scenario}, point ${failure.point}`,
          prepare: removeDiscoveryResult,
          announce: true,
        },
        async (outDir, files, partial) => {
          if (partial) return { result: null };
          const analysis = tryAnalyze(plan, files.runs, files.failures.length, box);
          if (analysis.result) {
            writeDiscoveryResult(outDir, analysis.result);
            if (report) writeExperimentReport(outDir, await renderDiscoveryReport(analysis.result, run.lang));
          }
          return analysis;
        },
      );
      const { result, problem } = outcome.concluded;
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ ...planRunJson(outcome.outDir, plan, outcome.shard, outcome.done, outcome.failed), result: result ? resultJson(result) : null }, null, 2)}\n`,
        );
      else if (result)
        process.stdout.write(
          `${discoveryText(result, run.lang)}\n\n${wroteText(locale(run.lang), outcome.outDir, [...(report ? ['report.html'] : []), ...WROTE].join(', '))}\n`,
        );
      else if (outcome.shard) process.stdout.write(`${shardDoneText(plan, outcome, 'boxes')}\n`);
      if (outcome.failed > 0) throw failedRunsError(outcome, problem);
    });
}

/** `kopsim merge` of discovery shard folders: the merged folder with the boxes, charts and report, written atomically. */
export async function mergeDiscoveryFolders(
  out: string,
  merged: MergedExperiment & { readonly planText: string },
  opts: { json?: boolean; report?: boolean; lang?: Lang },
  started: Date,
): Promise<void> {
  const lang = opts.lang ?? 'en';
  const L = locale(lang);
  const plan = merged.plan as unknown as DiscoveryPlan;
  const { result, problem } = tryAnalyze(plan, merged.runs, merged.failures.length, undefined);
  const report = result && opts.report !== false ? await renderDiscoveryReport(result, lang) : undefined;
  writeMergedExperiment(out, merged, started, (tmp) => {
    if (result) writeDiscoveryResult(tmp, result);
    if (report) writeExperimentReport(tmp, report);
  });
  if (opts.json)
    process.stdout.write(`${mergedJsonText({ folder: out, result: result ? resultJson(result) : null }, merged)}\n`);
  else {
    process.stdout.write(`${mergedHeadline(merged, lang)}\n`);
    process.stdout.write(
      result
        ? `${discoveryText(result, lang)}\n\n${L.t('cli.wrote', { folder: out })}\n`
        : `${L.t('an.cli.notAnalysedAll', { problem: problem ?? '' })}\n`,
    );
  }
  endMerge(out, merged, lang);
}
