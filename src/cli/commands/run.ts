import { commandLineProblems } from '../commandLineProblems.js';
import { commandLine } from '../commandLine.js';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { isInteractiveTerminal } from '../interactiveTerminal.js';
import { InputError } from '../../core/errors.js';
import { runSeed } from '../../core/seed.js';
import { createSimulation, PIPELINE_MIN_HOUSEHOLDS } from '../../experiment/simulation.js';
import { createRunController, DEFAULT_SPEED, SPEEDS } from '../../experiment/runController.js';
import type { RunResult } from '../../experiment/runResult.js';
import { summarizeRun, type RunSummary } from '../../experiment/runSummary.js';
import { progressThrottle, runProgressLine } from '../../tui/plainProgress.js';
import { loadScenario, type LoadedScenario } from '../../scenario/load.js';
import { outputFolderProblems } from '../../report/outputFolder.js';
import { writeFileAtomically } from '../../report/atomicFolder.js';
import {
  manifestJson,
  RUN_FILES,
  runDataFiles,
  writeRunFolder,
  type RunDataFiles,
  type RunManifest,
} from '../../report/runFolder.js';
import { drawRunReport } from '../../report/drawRunReport.js';
import type { ChartProgress } from '../../report/renderChart.js';
import { startChartWorker } from '../../report/chartWorker.js';
import { renderRunReport, writeRunReport, type RenderedRunReport } from '../../report/runReport.js';
import { chartProgress } from '../chartProgress.js';
import { runReportInput } from '../../report/runReportInput.js';
import { collect, intFlag, LANG_OPTION, langFlag } from '../flags.js';
import type { Lang } from '../../i18n/lang.js';
import { locale } from '../../i18n/locale.js';
import { dormantSpans } from '../../report/dormancy.js';
import { runSummaryText } from '../runSummaryText.js';
import { kopsimVersion } from '../version.js';
import { encodeSimulationState, type RestoredSimulation } from '../../experiment/checkpoint/simulationState.js';
import { checkStateTarget, metaStrings, readStateFlag } from '../stateFiles.js';

export interface RunOptions {
  seed?: string;
  months?: string;
  out?: string;
  set?: string[];
  json?: boolean;
  /** False with --no-tui. */
  tui?: boolean;
  /** False with --no-report: no charts/ and report.html. */
  report?: boolean;
  /** Stop at the end of this month. */
  until?: string;
  /** Write the whole state at the end of the run here. */
  saveState?: string;
  /** Continue the run saved in this state file. */
  fromState?: string;
  lang?: string;
}

/** A run, checked and ready: everything `kopsim run` needs before any work starts. */
export interface PreparedRun {
  readonly loaded: LoadedScenario;
  readonly baseSeed: number;
  readonly seed: number;
  readonly outDir: string;
  /** The month to stop at (the scenario's months unless --until). */
  readonly until: number;
  /** A run continued from a state file (--from-state). */
  readonly restored?: RestoredSimulation;
  /** Language of the report, the dashboard and the printed summary. */
  readonly lang: Lang;
}

/**
 * Checks the flags and the scenario together and reports every problem at once. Nothing
 * has been run or written when this returns or throws.
 */
export function prepareRun(scenarioRef: string | undefined, opts: RunOptions, now = new Date()): PreparedRun {
  const problems = commandLineProblems();
  const seedFlag = intFlag(problems, '--seed', opts.seed, 0, 4294967295);
  const monthsFlag = intFlag(problems, '--months', opts.months, 1, 1200);
  const untilFlag = intFlag(problems, '--until', opts.until, 0, 1200);
  const lang = langFlag(problems, opts.lang);
  const sets = [...(opts.set ?? [])];
  if (monthsFlag !== undefined) sets.push(`months=${monthsFlag}`);
  let loaded: LoadedScenario | undefined;
  let restored: RestoredSimulation | undefined;
  if (opts.fromState !== undefined) {
    // The state holds the scenario, its seed and its months: nothing may change them.
    if (scenarioRef !== undefined)
      problems.push({ path: 'scenario', message: 'give a scenario or --from-state, not both', found: scenarioRef });
    for (const [flag, given] of [
      ['--seed', opts.seed],
      ['--months', opts.months],
      ['--set', opts.set?.length ? opts.set : undefined],
    ] as const)
      if (given !== undefined)
        problems.push({ path: flag, message: 'cannot change a run continued from a state file', found: given });
    restored = readStateFlag(opts.fromState, '--from-state', problems);
    if (restored) loaded = restoredScenario(restored, opts.fromState);
  } else {
    try {
      loaded = loadScenario(scenarioRef, sets);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (opts.out !== undefined) problems.push(...outputFolderProblems(opts.out, 'run'));
  if (opts.saveState !== undefined) checkStateTarget(opts.saveState, '--save-state', problems);
  if (loaded && untilFlag !== undefined) {
    const from = restored?.month ?? 0;
    if (untilFlag > loaded.scenario.months)
      problems.push({
        path: '--until',
        message: `is after the scenario's last month (${loaded.scenario.months})`,
        found: opts.until,
      });
    else if (restored && untilFlag <= from)
      problems.push({ path: '--until', message: `must be after the state's month (${from})`, found: opts.until });
  }
  if (problems.length > 0 || !loaded) throw new InputError(scenarioRef ?? opts.fromState ?? 'kopsim run', problems);
  const savedBaseSeed = restored?.meta.baseSeed;
  const baseSeed = seedFlag ?? (typeof savedBaseSeed === 'number' ? savedBaseSeed : loaded.scenario.seed);
  const seed = restored?.seed ?? runSeed(baseSeed);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = resolve(opts.out ?? join('reports', `${loaded.id}-s${baseSeed}-${stamp}`));
  if (opts.out === undefined) {
    const outProblems = outputFolderProblems(outDir, 'run', 'reports/');
    if (outProblems.length > 0) throw new InputError(scenarioRef ?? 'kopsim run', outProblems);
  }
  return { loaded, baseSeed, seed, outDir, until: untilFlag ?? loaded.scenario.months, restored, lang };
}

/** The scenario of a state file, as a loaded scenario (source and overrides as the state recorded them). */
function restoredScenario(restored: RestoredSimulation, file: string): LoadedScenario {
  const { meta } = restored;
  return {
    id: restored.scenarioId,
    source: typeof meta.source === 'string' ? meta.source : file,
    chain: metaStrings(meta.chain),
    overrides: metaStrings(meta.overrides),
    scenario: restored.scenario,
  };
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario and write its report folder')
    .argument('[scenario]', 'scenario file or bundled name (default: the default scenario)')
    .option('--seed <n>', "base seed (default: the scenario's seed)")
    .option('--months <n>', "months to simulate (default: the scenario's months)")
    .option('--out <dir>', 'output folder (default: reports/<scenario>-s<seed>-<time>)')
    .option('--set <path=value>', 'override a scenario field, e.g. awareness.peerWeight=0.1 (repeatable)', collect, [])
    .option('--json', 'print the summary as JSON only')
    .option('--no-tui', 'no live dashboard even in a terminal: plain progress lines on stderr, then the summary')
    .option('--no-report', 'skip charts/ and report.html (kopsim report DIR draws them later from the saved data)')
    .option('--until <month>', 'stop at the end of this month (the folder says the run stopped early)')
    .option(
      '--save-state <file>',
      'write the whole state at the end of the run (or of --until) to this file, for --from-state and kopsim branch',
    )
    .option('--from-state <file>', 'continue the run saved in this state file (instead of a scenario)')
    .option(...LANG_OPTION)
    .addHelpText(
      'after',
      `
Examples:
  kopsim run
  kopsim run scenarios/top-down.yaml --seed 7 --months 120
  kopsim run seed-roadmap --set membership.feeSubsidy=0.5 --out reports/subsidy
  kopsim run status-quo --until 60 --save-state reports/status-quo-60.kstate
  kopsim run --from-state reports/status-quo-60.kstate

A run continued from a state file is the same, to the last bit, as the run that saved
it would have been (docs/experiments.md). With --until, --save-state or --from-state
the run shows plain progress lines instead of the dashboard.

  kopsim run --lang id    (report, summary and dashboard in Bahasa Indonesia)`,
    )
    .action(async (scenario: string | undefined, opts: RunOptions) => {
      const started = new Date();
      const prepared = prepareRun(scenario, opts, started);
      const { loaded, seed, baseSeed, outDir, until, restored, lang } = prepared;
      // Started before the simulation, so that it loads and warms the chart libraries on the
      // other core meanwhile. Idle, it never keeps the process alive (a failed run just exits).
      const charts = opts.report === false ? undefined : startChartWorker();
      const checkpointing = opts.until !== undefined || opts.saveState !== undefined || restored !== undefined;
      /** The printed summary of a run, with its regions' dormant spans. */
      const summaryOf = (result: RunResult, summary: RunSummary, folder: string) => {
        const regionName = (r: number) => result.stageTimeline[r]?.region ?? String(r);
        const events = result.events.map((e) => ({ ...e, region: regionName(e.region) }));
        return runSummaryText(summary, folder, lang, dormantSpans(events));
      };
      // The dashboard writes folders synchronously, but charts render asynchronously: its
      // folders get charts/ and report.html added (atomically) just after, awaited below.
      const drawing: Promise<unknown>[] = [];
      let drawError: unknown;
      // Chart progress would tear the dashboard's frame: it is shown once the dashboard is gone.
      let drawProgress: ChartProgress | undefined;
      /**
       * Writes one run's folder. Charts and report.html `rendered` beforehand are written inside
       * the folder's atomic write; without them they are drawn into the folder just after
       * (unless --no-report).
       */
      const writeRun = (
        result: RunResult,
        { summary, manifest }: { summary: RunSummary; manifest: RunManifest },
        dir: string,
        rendered?: RenderedRunReport,
        data?: RunDataFiles,
      ): RunSummary => {
        const extra = rendered ? (tmp: string) => writeRunReport(tmp, rendered) : undefined;
        writeRunFolder(dir, result, summary, manifest, extra, data);
        if (!rendered && opts.report !== false) {
          drawing.push(
            drawRunReport(
              dir,
              runReportInput(result, summary, manifest),
              (...p) => drawProgress?.(...p),
              lang,
              charts?.render,
            )
              // The manifest's total includes drawing the charts.
              .then(() => writeFileAtomically(join(dir, RUN_FILES.manifest), manifestJson(timed(manifest))))
              .catch((error: unknown) => (drawError ??= error)),
          );
        }
        return summary;
      };
      /** A run's summary and manifest; `runBaseSeed`/`runSeed` differ from the flags after a restart in the TUI. */
      const record = (
        result: RunResult,
        runBaseSeed: number,
        runSeedValue: number,
      ): { summary: RunSummary; manifest: RunManifest } => {
        const summary = summarizeRun(result);
        const manifest: RunManifest = {
          kopsimVersion: kopsimVersion(),
          scenarioId: loaded.id,
          source: loaded.source,
          extendsChain: loaded.chain,
          overrides: loaded.overrides,
          baseSeed: runBaseSeed,
          seed: runSeedValue,
          months: result.months,
          households: result.households,
          commandLine: commandLine(),
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          timings: { simulationMs: Math.round(result.elapsedMs), totalMs: Date.now() - started.getTime() },
          stoppedEarly: result.stoppedEarly,
          scenario: loaded.scenario,
        };
        return { summary, manifest };
      };

      /** The manifest with its total time up to now. */
      const timed = (manifest: RunManifest): RunManifest => ({
        ...manifest,
        timings: { ...manifest.timings, totalMs: Date.now() - started.getTime() },
      });

      if (isInteractiveTerminal(process.stdout) && !opts.json && opts.tui !== false && !checkpointing) {
        // The live dashboard. Keys need a terminal on stdin too; without one, play at full
        // speed and leave when the run ends.
        const controller = createRunController({
          scenarioId: loaded.id,
          scenario: loaded.scenario,
          baseSeed,
          speed: process.stdin.isTTY ? DEFAULT_SPEED : SPEEDS.length - 1,
        });
        // The dashboard's module (ink, react) is imported only when it is shown.
        const { showDashboard } = await import('../../tui/showDashboard.js');
        const outcome = await showDashboard({
          controller,
          lang,
          writeReport: (result, identity) => {
            // A restart (r) has a new base seed: its own folder, so no earlier run is overwritten.
            const dir =
              identity.run === 0
                ? outDir
                : opts.out !== undefined
                  ? `${outDir}-s${identity.baseSeed}`
                  : prepareRun(scenario, { ...opts, seed: String(identity.baseSeed) }).outDir;
            writeRun(result, record(result, identity.baseSeed, identity.seed), dir);
            return dir;
          },
        });
        drawProgress = chartProgress(undefined, undefined, undefined, lang);
        await Promise.all(drawing);
        await charts?.close();
        if (outcome.error ?? drawError) throw outcome.error ?? drawError;
        if (outcome.result && outcome.folder)
          process.stdout.write(`${summaryOf(outcome.result, summarizeRun(outcome.result), outcome.folder)}\n`);
        return;
      }

      // No terminal (a pipe, CI) or --no-tui: plain progress lines on stderr, no escape codes.
      // A large run computes its welfare indicators on the second core (same numbers).
      const households = loaded.scenario.regions.reduce((sum, r) => sum + r.households, 0);
      const sim = createSimulation(loaded.id, loaded.scenario, seed, restored?.resume, undefined, {
        pipelineIndicators: households >= PIPELINE_MIN_HOUSEHOLDS,
      });
      const months = until;
      const due = progressThrottle();
      const t0 = Date.now();
      try {
        while (!sim.done && sim.month < until) {
          sim.advance();
          if (!opts.json && due(sim.month / months, Date.now()))
            process.stderr.write(
              `${runProgressLine({ month: sim.month, months, elapsedMs: Date.now() - t0, label: loaded.id, lang })}\n`,
            );
        }
      } finally {
        sim.close();
      }
      if (opts.saveState !== undefined) {
        const meta = { baseSeed, source: loaded.source, chain: loaded.chain, overrides: loaded.overrides };
        writeFileAtomically(opts.saveState, encodeSimulationState(sim.snapshot(), kopsimVersion(), meta));
        if (!opts.json)
          process.stderr.write(`${locale(lang).t('cli.run.savedState', { m: sim.month, file: opts.saveState })}\n`);
      }
      const result = sim.result();
      const saved = record(result, baseSeed, seed);
      const rendering =
        opts.report === false
          ? undefined
          : renderRunReport(
              runReportInput(result, saved.summary, saved.manifest),
              opts.json ? undefined : chartProgress(undefined, undefined, undefined, lang),
              lang,
              charts?.render,
            );
      // Made while the worker draws the charts (its request is already sent).
      const data = runDataFiles(result, saved.summary);
      const rendered = await rendering;
      // Not awaited: the worker's thread winds down while this one writes the folder.
      void charts?.close();
      // The manifest's total includes rendering the charts.
      const summary = writeRun(result, { ...saved, manifest: timed(saved.manifest) }, outDir, rendered, data);
      if (opts.json) process.stdout.write(`${JSON.stringify({ folder: outDir, ...summary }, null, 2)}\n`);
      else process.stdout.write(`${summaryOf(result, summary, outDir)}\n`);
    });
}
