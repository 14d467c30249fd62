import { commandLineProblems } from '../commandLineProblems.js';
import { commandLine } from '../commandLine.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../core/errors.js';
import { runSeed } from '../../core/seed.js';
import { runBranches, type BranchStrategy } from '../../experiment/branch/branchRuns.js';
import { summarizeBranches } from '../../experiment/branch/branchSummary.js';
import { midRunProblems } from '../../experiment/branch/midRunChanges.js';
import { encodeSimulationState } from '../../experiment/checkpoint/simulationState.js';
import { looksLikeStateFile } from '../../experiment/checkpoint/stateFile.js';
import { createSimulation } from '../../experiment/simulation.js';
import { indicatorById } from '../../indicators/registry.js';
import { writeFileAtomically, writeFolderAtomically } from '../../report/atomicFolder.js';
import { BRANCH_FILES, comparisonRows, ownsBranchEntry, renderBranchFolder } from '../../report/branchReport.js';
import { DEFAULT_BRANCH_INDICATORS } from '../../scenario/branchSchema.js';
import { loadBranch } from '../../scenario/loadBranch.js';
import { loadScenario, resolveScenarioPath, type LoadedScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { intFlag, LANG_OPTION, langFlag, listFlag } from '../flags.js';
import { replicatesText } from '../../i18n/labels.js';
import { locale } from '../../i18n/locale.js';
import { metaStrings, readStateFlag } from '../stateFiles.js';
import { fittedTable, wrapText } from '../table.js';
import { kopsimVersion } from '../version.js';

interface BranchFlags {
  replicates?: string;
  indicators?: string;
  out?: string;
  report?: boolean;
  json?: boolean;
  lang?: string;
}

/** Where the branches start: a saved state, or a history a branch file describes (run here first). */
type Origin =
  | {
      readonly kind: 'state';
      readonly bytes: Uint8Array;
      readonly scenario: Scenario;
      readonly id: string;
      readonly month: number;
      readonly seed: number;
      readonly overrides: readonly string[];
      readonly relativeTo: string;
    }
  | {
      readonly kind: 'file';
      readonly from: LoadedScenario;
      readonly month: number;
      readonly seed: number;
      readonly overrides: readonly string[];
      readonly relativeTo: string;
      readonly name: string;
      readonly strategies: readonly string[];
      readonly replicates: number;
      readonly indicators: readonly string[];
    };

/** Reads FILE: a state file, or a branch file. Problems are pushed; undefined when it cannot be read. */
function readOrigin(file: string, problems: InputProblem[]): Origin | undefined {
  if (existsSync(file) && statSync(file).isFile() && looksLikeStateFile(readFileSync(file).subarray(0, 8))) {
    const restored = readStateFlag(file, 'FILE', problems);
    if (!restored) return undefined;
    return {
      kind: 'state',
      bytes: readFileSync(file),
      scenario: restored.scenario,
      id: restored.scenarioId,
      month: restored.month,
      seed: restored.seed,
      overrides: metaStrings(restored.meta.overrides),
      relativeTo: process.cwd(),
    };
  }
  try {
    const loaded = loadBranch(file, problems);
    const { spec } = loaded;
    return {
      kind: 'file',
      from: loaded.from,
      month: spec.at,
      seed: runSeed(spec.seed ?? loaded.from.scenario.seed),
      overrides: spec.set,
      relativeTo: loaded.relativeTo,
      name: spec.name,
      strategies: spec.strategies,
      replicates: spec.replicates,
      indicators: spec.indicators,
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.splice(0, problems.length, ...error.problems);
    return undefined;
  }
}

export function registerBranch(program: Command): void {
  program
    .command('branch')
    .description(
      'continue one saved present under several strategies (a state from kopsim run --save-state, or a branch file), with common random numbers: paired futures, shared history in grey',
    )
    .argument('<file>', 'a state file (kopsim run --until M --save-state FILE) or a branch file (kind: branch)')
    .argument('[strategies...]', "scenarios (files or bundled names) to continue under (default: a branch file's)")
    .option('-n, --replicates <n>', "futures per strategy (default: a branch file's, else 1)")
    .option(
      '--indicators <ids>',
      `comma-separated indicators to compare (default: ${DEFAULT_BRANCH_INDICATORS.join(',')})`,
    )
    .option('--out <dir>', 'output folder (default: reports/<name>-branch-m<month>-<time>)')
    .option('--no-report', 'skip charts/ and report.html')
    .option('--json', 'print the comparison as JSON on stdout')
    .option(...LANG_OPTION)
    .addHelpText(
      'after',
      `
Examples:
  kopsim run status-quo --until 60 --save-state reports/sq60.kstate
  kopsim branch reports/sq60.kstate seed-roadmap top-down business-first -n 5
  kopsim branch scenarios/experiments/branch-from-status-quo.yaml

Each strategy continues the same saved state; its parameters apply from the next month.
Fields fixed when the world was built (months, regions and households, the network,
the population's draws, campaign targeting) cannot change and are refused with their
path. Replicate k of every strategy draws the same random future (replicate 0 continues
the saved run's own stream), so differences between strategies are paired.`,
    )
    .action(async (file: string, strategyRefs: string[], opts: BranchFlags) => {
      const started = new Date();
      const problems = commandLineProblems();
      const replicatesFlag = intFlag(problems, '--replicates', opts.replicates, 1, 10000);
      const origin = readOrigin(file, problems);
      const lang = langFlag(problems, opts.lang);
      const L = locale(lang);
      const refs = strategyRefs.length > 0 ? strategyRefs : origin?.kind === 'file' ? origin.strategies : [];
      if (origin && refs.length === 0)
        problems.push({
          path: 'strategies',
          message: 'name at least one strategy to continue under, e.g. seed-roadmap',
        });
      const indicators =
        listFlag(opts.indicators) ??
        (origin?.kind === 'file' ? [...origin.indicators] : [...DEFAULT_BRANCH_INDICATORS]);
      indicators.forEach((id) => {
        if (!indicatorById(id))
          problems.push({ path: '--indicators', message: 'is not an indicator (docs/ODD.md lists them)', found: id });
      });
      const strategies: BranchStrategy[] = [];
      if (origin) {
        const saved = origin.kind === 'state' ? origin.scenario : origin.from.scenario;
        const seen = new Map<string, number>();
        refs.forEach((ref, i) => {
          const at = strategyRefs.length > 0 ? ref : `strategies[${i}]`;
          const path = resolveScenarioPath(ref, origin.relativeTo) ?? resolveScenarioPath(ref);
          if (!path) {
            problems.push({ path: at, message: 'no such scenario file or bundled scenario', found: ref });
            return;
          }
          try {
            // The history's own overrides (e.g. a smaller district) apply to every strategy.
            const loaded = loadScenario(path, origin.overrides);
            const count = (seen.get(loaded.id) ?? 0) + 1;
            seen.set(loaded.id, count);
            const label = count === 1 ? loaded.id : `${loaded.id}#${count}`;
            problems.push(...midRunProblems(saved, loaded.scenario, at));
            strategies.push({ label, scenario: loaded.scenario });
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            problems.push(...error.problems.map((p) => ({ ...p, path: `${at}: ${p.path}` })));
          }
        });
      }
      if (opts.out !== undefined && existsSync(opts.out)) {
        if (!statSync(opts.out).isDirectory())
          problems.push({ path: '--out', message: 'exists and is not a folder', found: opts.out });
        else if (readdirSync(opts.out).some((e) => !ownsBranchEntry(e)))
          problems.push({
            path: '--out',
            message: 'holds files kopsim did not write there: kopsim does not replace them',
            found: opts.out,
          });
      }
      if (problems.length > 0 || !origin) throw new InputError(file, problems);

      const version = kopsimVersion();
      let bytes: Uint8Array;
      if (origin.kind === 'state') bytes = origin.bytes;
      else {
        // The shared history: the branch file's scenario to its month, in memory.
        const sim = createSimulation(origin.from.id, origin.from.scenario, origin.seed);
        while (sim.month < origin.month) sim.advance();
        bytes = encodeSimulationState(sim.snapshot(), version, {
          source: origin.from.source,
          overrides: origin.overrides,
        });
      }
      const replicates = replicatesFlag ?? (origin.kind === 'file' ? origin.replicates : 1);
      const historyId = origin.kind === 'state' ? origin.id : origin.from.id;
      const name = origin.kind === 'file' ? origin.name : `${historyId}-m${origin.month}`;
      const runs = runBranches(bytes, file, version, strategies, replicates, indicators, (done, total) => {
        if (!opts.json) process.stderr.write(`${L.t('branch.progress', { done, total })}\n`);
      });
      const summary = summarizeBranches(
        runs,
        strategies.map((s) => s.label),
        indicators,
        origin.month,
      );
      const facts = [
        {
          label: L.t('branch.fact.history'),
          value: L.t('branch.fact.historyValue', { id: historyId, m: origin.month }),
        },
        {
          label: L.t('branch.fact.from'),
          value: L.t(origin.kind === 'state' ? 'branch.fact.stateFile' : 'branch.fact.branchFile', {
            file: basename(file),
          }),
        },
        { label: L.t('disc.fact.strategies'), value: strategies.map((s) => s.label).join(', ') },
        { label: L.t('exp.fact.replicates'), value: L.fmt.integer(replicates) },
        { label: L.t('exp.fact.months'), value: L.fmt.integer(summary.months) },
        { label: L.t('branch.fact.seed'), value: String(origin.seed) },
      ];
      const write = await renderBranchFolder(summary, runs, indicators, facts, name, opts.report !== false, lang);
      const stamp = started.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
      const outDir = resolve(opts.out ?? join('reports', `${name}-branch-m${origin.month}-${stamp}`));
      const manifest = {
        kopsimVersion: version,
        kind: 'branch',
        name,
        source: resolve(file),
        history: { scenarioId: historyId, month: origin.month, seed: origin.seed, overrides: origin.overrides },
        strategies: strategies.map((s, i) => ({ label: s.label, ref: refs[i] })),
        replicates,
        streams: runs
          .filter((r) => r.strategy === strategies[0].label)
          .map((r) => ({ replicate: r.replicate, seed: r.streamSeed })),
        indicators,
        commandLine: commandLine(),
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
      };
      writeFolderAtomically(
        outDir,
        (dir) => {
          write(dir);
          writeFileAtomically(join(dir, BRANCH_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
        },
        ownsBranchEntry,
      );
      if (opts.json) process.stdout.write(`${JSON.stringify({ folder: outDir, ...summary }, null, 2)}\n`);
      else
        process.stdout.write(
          `${wrapText(
            L.t('branch.head', {
              name,
              n: strategies.length,
              from: origin.month,
              to: summary.months,
              reps: replicatesText(L, replicates),
            }),
          ).join('\n')}\n${fittedTable(
            [
              L.t('run.col.indicator'),
              L.t('exp.headline.strategy'),
              L.t('exp.col.mean'),
              L.t('exp.col.ci'),
              L.t('branch.vs', { first: strategies[0].label }),
              L.t('exp.col.ci'),
            ],
            comparisonRows(summary, lang),
          )}\n\n${L.t('cli.wrote', { folder: outDir })}\n`,
        );
    });
}
