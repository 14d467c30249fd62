import { commandLine } from './commandLine.js';
import type { Lang } from '../i18n/lang.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { CalibrationResult } from '../experiment/calibration/calibrationResult.js';
import type { CalibrationPlan, GenerationPlan } from '../experiment/calibration/calibrationPlan.js';
import { calibrationLoop } from '../experiment/calibration/calibrationLoop.js';
import { parseRunRecord, type RunRecord } from '../experiment/runRecord.js';
import type { Shard } from '../experiment/shard.js';
import type { ExecuteOptions } from '../experiment/workerPool.js';
import type { LoadedCalibration } from '../scenario/loadCalibration.js';
import { writeFileAtomically } from '../report/atomicFolder.js';
import { CALIBRATION_FILES, writeCalibrationFiles, writeCalibrationReport } from '../report/calibrationFiles.js';
import {
  EXPERIMENT_FILES,
  planJson,
  readExperimentManifest,
  readFolderJson,
  readRunLines,
} from '../report/experimentFolder.js';
import { planFileSchema } from '../report/folderSchemas.js';
import { failedRunsError, runPlanInFolder, scenarioFilesOf } from './runPlanInFolder.js';
import { kopsimVersion } from './version.js';

/** How to run a calibration. */
export interface CalibrationRunOptions {
  readonly workers: number;
  readonly shard: Shard | undefined;
  readonly out?: string;
  readonly tui?: boolean;
  readonly report: boolean;
  /** Language of the progress view and messages. */
  readonly lang?: Lang;
  /** Replaces the simulation (tests); runs in this thread. */
  readonly execute?: ExecuteOptions['execute'];
}

/** A calibration run to its end, or a shard of one batch that ran and now waits for the merge. */
export type CalibrationOutcome =
  | { readonly kind: 'complete'; readonly outDir: string; readonly result: CalibrationResult }
  | {
      readonly kind: 'shard';
      readonly outDir: string;
      readonly batchDir: string;
      readonly shardDir: string;
      readonly done: number;
      readonly inShard: number;
    };

/** The default folder: reports/<name>-calibrate-s<seed>-<hash>; the same command finds (and resumes) it. */
export function defaultCalibrationFolder(plan: Pick<CalibrationPlan, 'name' | 'baseSeed' | 'hash'>): string {
  return resolve('reports', `${plan.name}-calibrate-s${plan.baseSeed}-${plan.hash.slice(0, 8)}`);
}

/**
 * Runs a calibration into its folder, generation by generation, each generation's batch
 * as an experiment folder under generations/ (so a batch resumes, and shards and merges
 * like any experiment). A finished batch is read back, not rerun: an interrupted
 * calibration resumes where it stopped, with the same results. With --shard, the shard
 * of the first batch not yet complete runs into its own folder beside it, and the
 * command ends; `kopsim merge` of the shard folders into the batch folder completes it,
 * and the next invocation goes on. Every proposal and draw is derived from the base seed.
 */
export async function runCalibration(
  loaded: LoadedCalibration,
  plan: CalibrationPlan,
  opts: CalibrationRunOptions,
): Promise<CalibrationOutcome> {
  const outDir = opts.out !== undefined ? resolve(opts.out) : defaultCalibrationFolder(plan);
  openCalibrationFolder(outDir, plan, opts.out !== undefined ? '--out' : 'reports/');
  const started = new Date();
  let stopped: Extract<CalibrationOutcome, { kind: 'shard' }> | undefined;
  const result = await calibrationLoop(plan, async (batch) => {
    const dir =
      batch.batch === 'pp'
        ? join(outDir, CALIBRATION_FILES.predictiveRuns)
        : join(outDir, CALIBRATION_FILES.generations, batch.batch);
    const ran = await runBatch(loaded, batch, dir, opts);
    if (ran.kind === 'done') return ran.records;
    stopped = { ...ran, outDir };
    return null;
  });
  if (!result) return stopped!;
  writeCalibrationFiles(outDir, result);
  if (opts.report) await writeCalibrationReport(outDir, result, opts.lang);
  writeFileAtomically(
    join(outDir, CALIBRATION_FILES.manifest),
    `${JSON.stringify(
      {
        kopsimVersion: kopsimVersion(),
        name: plan.name,
        kind: 'calibration',
        planHash: plan.hash,
        status: 'complete',
        commandLine: commandLine(),
        source: loaded.source,
        workers: opts.workers,
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        simulations: result.simulations,
        timings: { totalMs: Date.now() - started.getTime() },
      },
      null,
      2,
    )}\n`,
  );
  return { kind: 'complete', outDir, result };
}

/**
 * Creates the calibration folder with calibration.json, or checks that an existing one
 * holds this calibration (same hash). A non-empty folder that is not one is refused
 * before anything is written.
 */
function openCalibrationFolder(dir: string, plan: CalibrationPlan, flag: string): void {
  const planFile = join(dir, CALIBRATION_FILES.plan);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new InputError(flag, [{ path: flag, message: 'exists and is not a folder', found: dir }]);
  // Shards of a Slurm array start together: one may find the folder with only another's
  // calibration.json on its way in (a temporary file) or its batch folders; it writes the
  // same calibration.json itself (same bytes, atomic rename).
  const entries = existsSync(dir) ? readdirSync(dir) : [];
  const starting = entries.every(
    (e) => /^calibration\.json\.partial-\d+$/.test(e) || e === CALIBRATION_FILES.generations,
  );
  if (entries.length > 0 && !(starting && !existsSync(planFile))) {
    if (!existsSync(planFile))
      throw new InputError(flag, [
        {
          path: flag,
          message: 'exists, is not empty and is not a calibration folder (no calibration.json): choose another --out',
          found: dir,
        },
      ]);
    const existing = readFolderJson<{ hash: string }>(planFile, planFileSchema);
    if (existing.hash !== plan.hash)
      throw new InputError(flag, [
        {
          path: flag,
          message: `holds a different calibration (plan ${String(existing.hash).slice(0, 12)}, this command's is ${plan.hash.slice(0, 12)}): choose another --out`,
          found: dir,
        },
      ]);
    return;
  }
  writeFileAtomically(planFile, planJson(plan as never));
}

type BatchOutcome =
  | { readonly kind: 'done'; readonly records: RunRecord[] }
  | {
      readonly kind: 'shard';
      readonly batchDir: string;
      readonly shardDir: string;
      readonly done: number;
      readonly inShard: number;
    };

/** Runs one batch into its folder (or reads it back when complete); a shard runs beside it and ends the command. */
async function runBatch(
  loaded: LoadedCalibration,
  batch: GenerationPlan,
  dir: string,
  opts: CalibrationRunOptions,
): Promise<BatchOutcome> {
  const finished = completeBatch(dir, batch);
  if (finished) return { kind: 'done', records: finished };
  const shard = opts.shard;
  const folder = shard ? `${dir}-shard${shard.index}of${shard.count}` : dir;
  const run = await runPlanInFolder(
    batch,
    {
      source: loaded.source,
      scenarioFiles: scenarioFilesOf(loaded.scenarios),
      workers: opts.workers,
      shard,
      out: folder,
      tui: opts.tui,
      lang: opts.lang,
      execute: opts.execute,
      announce: true,
      failedRunPlace: (failure) => `scenario ${failure.scenario}, proposal ${failure.point}`,
    },
    async (_outDir, files) => files.runs.map(parseRunRecord),
  );
  if (run.failed > 0) throw failedRunsError(run);
  if (shard) return { kind: 'shard', batchDir: dir, shardDir: folder, done: run.done, inShard: run.inShard };
  return { kind: 'done', records: run.concluded };
}

/**
 * The records of a batch folder that holds every run of this batch (it ran, or its shards
 * were merged into it), else null (it is then run, resuming what it holds).
 */
function completeBatch(dir: string, batch: GenerationPlan): RunRecord[] | null {
  const manifest = readExperimentManifest(dir);
  if (!manifest) return null;
  if (manifest.status !== 'complete' || manifest.planHash !== batch.hash || manifest.shard) return null;
  const { lines, tornTail } = readRunLines(join(dir, EXPERIMENT_FILES.runs));
  if (tornTail || lines.size !== batch.runs.length) return null;
  return [...lines.keys()].sort((a, b) => a - b).map((i) => parseRunRecord(lines.get(i)!));
}
