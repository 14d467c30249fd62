import type { z } from 'zod';
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  mkdirSync,
} from 'node:fs';
import { join } from 'node:path';
import { InputError, OutputError } from '../core/errors.js';
import type { ExperimentPlan } from '../experiment/plan.js';
import type { Shard } from '../experiment/shard.js';
import { checkFolderFile, experimentManifestSchema, planFileSchema } from './folderSchemas.js';
import { writeFileAtomically } from './atomicFolder.js';
import { experimentJson } from './experimentJson.js';
import { writableProblem } from './outputFolder.js';

/**
 * The files of an experiment folder.
 * - plan.json: the expanded plan (deterministic; its hash identifies the experiment)
 * - manifest.json: provenance (version, command line, shard, workers, timings, status)
 * - runs.jsonl: one line per finished run, appended as runs finish, sorted by plan index
 *   when the experiment (or shard) ends
 * - failures.jsonl: one line per failed run, with its seed and design point (only if any)
 * - summary.csv, comparison.csv, summary.json, runs.csv (tidy values of every run),
 *   indicators.csv: written when every run of the plan is done
 */
export const EXPERIMENT_FILES = {
  plan: 'plan.json',
  manifest: 'manifest.json',
  runs: 'runs.jsonl',
  failures: 'failures.jsonl',
  summaryCsv: 'summary.csv',
  comparisonCsv: 'comparison.csv',
  summaryJson: 'summary.json',
  runsCsv: 'runs.csv',
  indicators: 'indicators.csv',
  charts: 'charts',
  report: 'report.html',
} as const;

/** Provenance of an experiment folder. Not part of the data: it differs between machines and runs. */
export interface ExperimentManifest {
  readonly kopsimVersion: string;
  readonly name: string;
  readonly kind: string;
  readonly planHash: string;
  readonly shard: Shard | null;
  /** running: being written (or killed); interrupted: stopped by a signal; complete; failed: some runs failed; incomplete: runs missing (merge, shard). */
  readonly status: 'running' | 'interrupted' | 'complete' | 'failed' | 'incomplete';
  readonly commandLine: readonly string[];
  readonly source: string;
  readonly scenarioFiles: readonly {
    readonly label: string;
    readonly source: string;
    readonly extendsChain: readonly string[];
    readonly overrides: readonly string[];
  }[];
  readonly workers: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly runs: {
    readonly planned: number;
    readonly inShard: number;
    readonly completed: number;
    readonly failed: number;
    readonly finishedBefore: number;
  };
  readonly timings: { readonly totalMs: number };
  readonly mergedFrom?: readonly string[];
  /** Plan indices of runs neither finished nor failed (first 1000). */
  readonly missing?: readonly number[];
}

/**
 * What the folder functions need of a plan: its hash and its runs' keys. Sensitivity and
 * attribution plans have them too, so they stream, resume, shard and merge the same way.
 */
export type FolderPlan = Pick<ExperimentPlan, 'hash' | 'runs'>;

/** plan.json's text for a plan (scenarios pretty, runs and points one per line). */
export function planJson(plan: FolderPlan): string {
  return experimentJson(plan as unknown as Record<string, unknown>, ['runs', 'points']);
}

/** The lines of a runs.jsonl or failures.jsonl file, keyed by plan index. */
export interface RunLines {
  /** Plan index -> the line (no newline). */
  readonly lines: Map<number, string>;
  /** Bytes of whole lines; a torn last line (the process was killed while writing it) starts here. */
  readonly validBytes: number;
  readonly tornTail: boolean;
}

/**
 * Reads a .jsonl file of run lines. A last line without its newline, or one that does
 * not parse, is a torn write: it is ignored (and `tornTail` set). A bad line elsewhere
 * means the folder is damaged: an InputError. For failures, a later line for the same
 * index replaces an earlier one (the run was retried); for runs a repeated index must
 * repeat the same line.
 */
export function readRunLines(file: string, kind: 'runs' | 'failures' = 'runs'): RunLines {
  const lines = new Map<number, string>();
  if (!existsSync(file)) return { lines, validBytes: 0, tornTail: false };
  const text = readFileSync(file, 'utf8');
  const parts = text.split('\n');
  // The part after the last newline is '' when the file ends cleanly.
  const tail = parts.pop()!;
  let tornTail = tail.length > 0;
  let validBytes = Buffer.byteLength(text) - Buffer.byteLength(tail);
  for (let k = 0; k < parts.length; k++) {
    const line = parts[k];
    let index: unknown;
    try {
      index = (JSON.parse(line) as { index?: unknown }).index;
    } catch {
      index = undefined;
    }
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      if (k === parts.length - 1 && !tornTail) {
        // A last line that was cut and then followed by a newline cannot happen with our
        // single appends, but treat it as torn too rather than refuse the folder.
        tornTail = true;
        validBytes -= Buffer.byteLength(line) + 1;
        break;
      }
      throw new InputError(file, [
        {
          path: `${file}:${k + 1}`,
          message: 'is not a run line; the folder is damaged (remove the line or the folder)',
          found: line.slice(0, 80),
        },
      ]);
    }
    const earlier = lines.get(index);
    if (kind === 'runs' && earlier !== undefined && earlier !== line) {
      throw new InputError(file, [
        { path: `${file}:${k + 1}`, message: `run ${index} appears twice with different results`, found: index },
      ]);
    }
    lines.set(index, line);
  }
  return { lines, validBytes, tornTail };
}

/** What a folder already holds when an experiment (or shard) is started in it. */
export interface OpenedFolder {
  /** Finished runs found there (resume), by plan index. */
  readonly finished: Map<number, string>;
  /** Whether a torn last line was cut off. */
  readonly repaired: boolean;
  /** Whether the folder was created (or empty) rather than resumed. */
  readonly fresh: boolean;
}

/**
 * Prepares a folder for an experiment: creates it with plan.json, or, when it already
 * holds the same experiment (same plan hash, same shard), resumes it: its finished runs
 * are kept, a torn last line of runs.jsonl is cut off, and the summaries (which describe
 * a finished experiment) are removed until it finishes again. A folder of another
 * experiment, shard or kopsim version is refused (InputError: nothing is touched).
 */
export function openExperimentFolder(
  dir: string,
  plan: FolderPlan,
  shard: Shard | null,
  kopsimVersion: string,
  flag = '--out',
): OpenedFolder {
  const planFile = join(dir, EXPERIMENT_FILES.plan);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new InputError(flag, [{ path: flag, message: 'exists and is not a folder', found: dir }]);
  const unwritable = writableProblem(dir);
  if (unwritable) throw new InputError(flag, [{ path: flag, message: unwritable, found: dir }]);
  const fresh = !existsSync(dir) || readdirSync(dir).length === 0;
  if (!fresh) {
    if (!existsSync(planFile))
      throw new InputError(flag, [
        {
          path: flag,
          message: 'exists, is not empty and is not an experiment folder (no plan.json): choose another --out',
          found: dir,
        },
      ]);
    const existing = readJson(planFile) as { hash?: string };
    if (existing.hash !== plan.hash) {
      throw new InputError(flag, [
        {
          path: flag,
          message: `holds a different experiment (plan ${String(existing.hash).slice(0, 12)}, this command's is ${plan.hash.slice(0, 12)}): choose another --out or remove the folder`,
          found: dir,
        },
      ]);
    }
    const manifestFile = join(dir, EXPERIMENT_FILES.manifest);
    if (existsSync(manifestFile)) {
      const m = readJson(manifestFile) as Partial<ExperimentManifest>;
      const theirs = m.shard ? `${m.shard.index}/${m.shard.count}` : 'all';
      const ours = shard ? `${shard.index}/${shard.count}` : 'all';
      if (theirs !== ours)
        throw new InputError(flag, [
          {
            path: flag,
            message: `holds shard ${theirs} of this experiment, not ${ours}: choose another --out`,
            found: dir,
          },
        ]);
      if (m.kopsimVersion !== undefined && m.kopsimVersion !== kopsimVersion) {
        throw new InputError(flag, [
          {
            path: flag,
            message: `was written by kopsim ${m.kopsimVersion}, this is ${kopsimVersion}; results would mix model versions: choose another --out`,
            found: dir,
          },
        ]);
      }
    }
  } else {
    mkdirSync(dir, { recursive: true });
    writeFileAtomically(planFile, planJson(plan));
  }
  const runsFile = join(dir, EXPERIMENT_FILES.runs);
  const read = readRunLines(runsFile);
  for (const [index, line] of read.lines) {
    const run = plan.runs[index];
    const key = (JSON.parse(line) as { key?: unknown }).key;
    if (!run || run.key !== key)
      throw new InputError(runsFile, [
        {
          path: runsFile,
          message: `run ${index} (${String(key)}) is not in this experiment's plan; the folder is damaged`,
          found: index,
        },
      ]);
  }
  if (read.tornTail) truncateSync(runsFile, read.validBytes);
  const failuresFile = join(dir, EXPERIMENT_FILES.failures);
  const failures = readRunLines(failuresFile, 'failures');
  if (failures.tornTail) truncateSync(failuresFile, failures.validBytes);
  removeSummaries(dir);
  return { finished: read.lines, repaired: read.tornTail, fresh };
}

/** Removes the files that describe a finished experiment. */
export function removeSummaries(dir: string): void {
  for (const f of [
    EXPERIMENT_FILES.summaryCsv,
    EXPERIMENT_FILES.comparisonCsv,
    EXPERIMENT_FILES.summaryJson,
    EXPERIMENT_FILES.runsCsv,
    EXPERIMENT_FILES.indicators,
    EXPERIMENT_FILES.report,
    EXPERIMENT_FILES.charts,
  ]) {
    rmSync(join(dir, f), { recursive: true, force: true });
  }
}

/**
 * Appends one line (a finished run or a failure). One write call of a whole line: if the
 * process is killed, at most this last line is torn, and resume cuts it off.
 */
export function appendLine(
  dir: string,
  file: typeof EXPERIMENT_FILES.runs | typeof EXPERIMENT_FILES.failures,
  line: string,
): void {
  try {
    appendFileSync(join(dir, file), `${line}\n`);
  } catch (error) {
    throw new OutputError(`could not append to ${join(dir, file)}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Ends a folder's streaming phase: rewrites runs.jsonl sorted by plan index (so the file
 * is the same whatever order runs finished in), and failures.jsonl with only the runs
 * that are still failed, sorted (removed when there are none). Both atomically.
 * Returns the sorted lines.
 */
export function sortRunFiles(dir: string): { runs: string[]; failures: string[] } {
  const runs = readRunLines(join(dir, EXPERIMENT_FILES.runs)).lines;
  const failures = readRunLines(join(dir, EXPERIMENT_FILES.failures), 'failures').lines;
  return writeRunFiles(dir, runs, failures);
}

/** Writes runs.jsonl and failures.jsonl from lines by plan index, sorted (see {@link sortRunFiles}). */
export function writeRunFiles(
  dir: string,
  runs: ReadonlyMap<number, string>,
  failures: ReadonlyMap<number, string>,
): { runs: string[]; failures: string[] } {
  const runLines = [...runs.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  const failureLines = [...failures.entries()]
    .filter(([i]) => !runs.has(i))
    .sort((a, b) => a[0] - b[0])
    .map(([, l]) => l);
  writeFileAtomically(join(dir, EXPERIMENT_FILES.runs), runLines.map((l) => `${l}\n`).join(''));
  if (failureLines.length > 0)
    writeFileAtomically(join(dir, EXPERIMENT_FILES.failures), failureLines.map((l) => `${l}\n`).join(''));
  else rmSync(join(dir, EXPERIMENT_FILES.failures), { force: true });
  return { runs: runLines, failures: failureLines };
}

/** Writes manifest.json atomically. */
export function writeExperimentManifest(dir: string, manifest: ExperimentManifest): void {
  writeFileAtomically(join(dir, EXPERIMENT_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads a folder's plan.json (text and parsed), or throws an InputError naming the folder. */
export function readPlanFile(dir: string, flag = 'folder'): { text: string; plan: ExperimentPlan } {
  const file = join(dir, EXPERIMENT_FILES.plan);
  if (!existsSync(file))
    throw new InputError(dir, [{ path: flag, message: 'is not an experiment folder (no plan.json)', found: dir }]);
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(dir, [{ path: file, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  return { text, plan: checkFolderFile<ExperimentPlan>(planFileSchema, file, value) };
}

/** Reads a folder's manifest.json, or null when it has none. */
export function readExperimentManifest(dir: string): ExperimentManifest | null {
  const file = join(dir, EXPERIMENT_FILES.manifest);
  return existsSync(file) ? readFolderJson<ExperimentManifest>(file, experimentManifestSchema) : null;
}

/**
 * Reads a JSON file kopsim wrote into a folder and checks it against `schema`; throws an
 * InputError naming the file when it is not valid JSON or not of that shape.
 */
export function readFolderJson<T>(file: string, schema: z.ZodType): T {
  return checkFolderFile<T>(schema, file, readJson(file));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, [{ path: file, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}
