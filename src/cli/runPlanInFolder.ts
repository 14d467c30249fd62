import { commandLine } from './commandLine.js';
import { locale } from '../i18n/locale.js';
import type { Lang } from '../i18n/lang.js';
import { join, resolve } from 'node:path';
import { KopsimError, SimulationError } from '../core/errors.js';
import type { ExperimentPlan, RunnablePlan } from '../experiment/plan.js';
import type { LoadedScenario } from '../scenario/load.js';
import { runFailureLine, runRecordLine, type RunFailure } from '../experiment/runRecord.js';
import { inShard, type Shard } from '../experiment/shard.js';
import { executeRuns, type ExecuteOptions } from '../experiment/workerPool.js';
import {
  appendLine,
  EXPERIMENT_FILES,
  openExperimentFolder,
  sortRunFiles,
  writeExperimentManifest,
  type ExperimentManifest,
  type FolderPlan,
} from '../report/experimentFolder.js';
import { progressDisplay } from './progressDisplay.js';
import { kopsimVersion } from './version.js';

/** Ctrl-C / SIGTERM: partial results are valid and the same command resumes. Exit 130. */
export class InterruptedError extends KopsimError {
  override readonly exitCode = 130;
}

/**
 * What running a plan into a folder needs of it. Experiment, sensitivity and attribution
 * plans all have it, so they share one folder layout, resume, shards and merge.
 */
export type FolderRunPlan = FolderPlan &
  RunnablePlan &
  Pick<ExperimentPlan, 'name' | 'baseSeed'> & { readonly kind: string };

/** manifest.json's scenarioFiles: where each labelled scenario came from, its extends chain and overrides. */
export function scenarioFilesOf(
  scenarios: readonly { readonly label: string; readonly loaded: LoadedScenario }[],
): PlanFolderOptions['scenarioFiles'] {
  return scenarios.map((s) => ({
    label: s.label,
    source: s.loaded.source,
    extendsChain: s.loaded.chain,
    overrides: s.loaded.overrides,
  }));
}

/** The default output folder, reports/<name>-<kind>-s<seed>-<hash>: stable, so the same command finds (and resumes) it. */
export function defaultPlanFolder(
  plan: Pick<FolderRunPlan, 'name' | 'kind' | 'baseSeed' | 'hash'>,
  shard: Shard | undefined,
): string {
  const base = `${plan.name}-${plan.kind}-s${plan.baseSeed}-${plan.hash.slice(0, 8)}`;
  return resolve('reports', shard && shard.count > 1 ? `${base}-shard${shard.index}of${shard.count}` : base);
}

export interface PlanFolderOptions {
  /** The experiment file or a description of the command (manifest.json). */
  readonly source: string;
  readonly scenarioFiles: ExperimentManifest['scenarioFiles'];
  readonly workers: number;
  readonly shard: Shard | undefined;
  /** --out, else the default folder */
  readonly out?: string;
  /** false with --no-tui */
  readonly tui?: boolean;
  /** Replaces the simulation (tests); runs in this thread. */
  readonly execute?: ExecuteOptions['execute'];
  readonly scenarioOf?: ExecuteOptions['scenarioOf'];
  /** Where a failed run sits in the plan, for the failure message: `scenario x, point y` or `point y`. */
  readonly failedRunPlace: (failure: RunFailure) => string;
  /** Called once the folder is open, before any run (e.g. to drop stale results and write design files). */
  readonly prepare?: (outDir: string) => void;
  /** Say how many runs on how many workers into which folder when the folder is new. */
  readonly announce?: boolean;
  /** Language of the progress view and the messages (default English). */
  readonly lang?: Lang;
}

/** A plan's runs in their folder, once they have executed. */
export interface PlanFolderOutcome<R> {
  readonly outDir: string;
  /** Undefined, or a shard of more than one. */
  readonly shard: Shard | undefined;
  /** Runs of this shard (of the plan when not sharded). */
  readonly inShard: number;
  /** Runs of this shard finished, and not finished. */
  readonly done: number;
  readonly failed: number;
  /** What `conclude` returned. */
  readonly concluded: R;
  /** The language the run's messages are in. */
  readonly lang: Lang;
}

/**
 * Runs a plan (or one shard of it) into its folder, resuming what the folder already
 * holds: runs.jsonl and failures.jsonl stream as runs finish, manifest.json says how far
 * it got, progress shows on stderr. Then `conclude` writes the results of the finished
 * runs (`partial` when this is a shard, which has too few to conclude from), and the
 * manifest gets its final status. Throws InterruptedError on Ctrl-C (exit 130), after
 * writing everything that finished; failed runs are for the caller to report
 * ({@link failedRunsError}), after it has printed what it concluded.
 */
export async function runPlanInFolder<R>(
  plan: FolderRunPlan,
  opts: PlanFolderOptions,
  conclude: (outDir: string, files: { runs: string[]; failures: string[] }, partial: boolean) => Promise<R>,
): Promise<PlanFolderOutcome<R>> {
  const started = new Date();
  const { workers } = opts;
  const shard = opts.shard && opts.shard.count > 1 ? opts.shard : undefined;
  const outDir = opts.out !== undefined ? resolve(opts.out) : defaultPlanFolder(plan, shard);
  const version = kopsimVersion();
  const opened = openExperimentFolder(outDir, plan, opts.shard ?? null, version);
  opts.prepare?.(outDir);
  const mine = plan.runs.filter((r) => inShard(r.index, opts.shard));
  const todo = mine.filter((r) => !opened.finished.has(r.index));
  const finishedBefore = mine.length - todo.length;
  const L = locale(opts.lang);
  if (!opened.fresh)
    process.stderr.write(
      `${L.t('batch.resuming', {
        folder: outDir,
        done: finishedBefore,
        total: mine.length,
        repaired: opened.repaired ? L.t('batch.repaired') : '',
      })}\n`,
    );
  else if (opts.announce) {
    const onWorkers = opts.execute ? 0 : workers;
    process.stderr.write(
      `${L.t('batch.announce', {
        name: plan.name,
        runs: mine.length,
        shard: shard ? L.t('batch.announceShard', { i: shard.index, n: shard.count, total: plan.runs.length }) : '',
        workers: onWorkers === 1 ? L.t('batch.workerOne') : L.t('batch.workers', { n: onWorkers }),
        folder: outDir,
      })}\n`,
    );
  }

  const manifestOf = (status: ExperimentManifest['status'], completed: number, failed: number): ExperimentManifest => ({
    kopsimVersion: version,
    name: plan.name,
    kind: plan.kind,
    planHash: plan.hash,
    shard: opts.shard ?? null,
    status,
    commandLine: commandLine(),
    source: opts.source,
    scenarioFiles: opts.scenarioFiles,
    workers,
    startedAt: started.toISOString(),
    finishedAt: status === 'running' ? null : new Date().toISOString(),
    runs: { planned: plan.runs.length, inShard: mine.length, completed, failed, finishedBefore },
    timings: { totalMs: Date.now() - started.getTime() },
  });
  writeExperimentManifest(outDir, manifestOf('running', finishedBefore, 0));

  const display = await progressDisplay(
    `${plan.name} (${plan.kind}${shard ? `, shard ${shard.index}/${shard.count}` : ''})`,
    opts.tui,
    opts.lang,
  );
  const log = (line: string) => display.log(line);
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals > 1) process.exit(130);
    log(L.t('batch.stopping', { signal, file: join(outDir, EXPERIMENT_FILES.runs) }));
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let outcome: Awaited<ReturnType<typeof executeRuns>>;
  try {
    outcome = await executeRuns({
      plan,
      runs: todo,
      // An injected runner (tests) runs in this thread.
      workers: opts.execute ? 0 : workers,
      execute: opts.execute,
      scenarioOf: opts.scenarioOf,
      skipped: finishedBefore,
      signal: controller.signal,
      onRecord: (record) => appendLine(outDir, EXPERIMENT_FILES.runs, runRecordLine(record)),
      onFailure: (failure, stack) => {
        appendLine(outDir, EXPERIMENT_FILES.failures, runFailureLine(failure));
        log(
          `${L.t('batch.runFailed', {
            key: failure.key,
            place: opts.failedRunPlace(failure),
            replicate: failure.replicate,
            seed: failure.seed,
            error: failure.error,
          })}\n${stack}`,
        );
      },
      onProgress: (p) => display.update(p),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    display.end();
  }
  if (outcome.interrupted) {
    writeExperimentManifest(outDir, manifestOf('interrupted', finishedBefore + outcome.completed, outcome.failed));
    throw new InterruptedError(
      L.t('batch.interrupted', { done: finishedBefore + outcome.completed, total: mine.length, folder: outDir }),
    );
  }

  const files = sortRunFiles(outDir);
  const mineSet = new Set(mine.map((r) => r.index));
  const done = files.runs.filter((l) => mineSet.has((JSON.parse(l) as { index: number }).index)).length;
  const failed = mine.length - done;
  const concluded = await conclude(outDir, files, shard !== undefined);
  writeExperimentManifest(outDir, manifestOf(failed > 0 ? 'failed' : shard ? 'incomplete' : 'complete', done, failed));
  return { outDir, shard, inShard: mine.length, done, failed, concluded, lang: opts.lang ?? 'en' };
}

/**
 * What a shard prints when its runs are done, in the run's language: where they are, and
 * what comes next; `computes` says what merging the shards computes (e.g. the indices).
 */
export function shardDoneText(
  plan: Pick<FolderRunPlan, 'name'>,
  run: PlanFolderOutcome<unknown>,
  computes?: 'indices' | 'shapley' | 'boxes',
): string {
  const L = locale(run.lang);
  return `${L.t('batch.shardDone', {
    i: run.shard!.index,
    n: run.shard!.count,
    name: plan.name,
    done: run.done,
    total: run.inShard,
    folder: run.outDir,
  })}\n${L.t('batch.shardNext')}${computes ? ` ${L.t(`batch.computes.${computes}`)}` : ''}`;
}

/** The error (exit 1) when runs failed, in the run's language; `problem` says why nothing could be analysed. */
export function failedRunsError(run: PlanFolderOutcome<unknown>, problem?: string): SimulationError {
  const L = locale(run.lang);
  return new SimulationError(
    `${L.t('batch.failedRuns', {
      failed: run.failed,
      total: run.inShard,
      file: join(run.outDir, EXPERIMENT_FILES.failures),
    })}${problem ? L.t('batch.notAnalysedNote', { problem }) : ''}`,
  );
}

/** The head of what `--json` prints: the folder, the plan and how many of its runs finished. */
export function planRunJson(
  folder: string,
  plan: Pick<FolderRunPlan, 'name' | 'kind' | 'hash' | 'runs'>,
  shard: Shard | undefined,
  completed: number,
  failed: number,
) {
  return {
    folder,
    name: plan.name,
    kind: plan.kind,
    planHash: plan.hash,
    shard: shard ?? null,
    runs: { planned: plan.runs.length, completed, failed },
  };
}
