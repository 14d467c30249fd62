import { existsSync } from 'node:fs';
import { ownsEntry } from './outputFolder.js';
import { resolve } from 'node:path';
import { InputError, type InputProblem } from '../core/errors.js';
import type { ExperimentPlan } from '../experiment/plan.js';
import { writeFileAtomically, writeFolderAtomically } from './atomicFolder.js';
import {
  EXPERIMENT_FILES,
  readExperimentManifest,
  readPlanFile,
  readRunLines,
  writeRunFiles,
  type ExperimentManifest,
} from './experimentFolder.js';
import { join } from 'node:path';

/** Shard folders combined into one. */
export interface MergedExperiment {
  readonly plan: ExperimentPlan;
  /** The folders merged, as given (plus the output folder when it already held runs). */
  readonly sources: readonly string[];
  /** Sorted run lines and failure lines, as written. */
  readonly runs: readonly string[];
  readonly failures: readonly string[];
  /** Plan indices neither finished nor failed in any folder. */
  readonly missing: readonly number[];
  /** Manifests of the merged folders (for provenance). */
  readonly manifests: readonly (ExperimentManifest | null)[];
}

/**
 * Reads experiment folders (the shards of one experiment, or partial runs of it) to merge
 * into `out`: the union of their runs, sorted by plan index, and their failures that no
 * folder finished, so that `out` will hold exactly what one machine would have written.
 * Every folder must carry the same plan hash (else an InputError naming each). When
 * `out` already holds the same experiment (an earlier merge, a partial single-machine
 * run) its runs are kept too. Nothing is written: see {@link writeMergedFolder}.
 */
export function readExperimentFolders(
  dirs: readonly string[],
  out: string,
): MergedExperiment & { readonly planText: string } {
  const problems: InputProblem[] = [];
  const sources = dirs.map((d) => resolve(d));
  const target = resolve(out);
  if (existsSync(join(target, EXPERIMENT_FILES.plan)) && !sources.includes(target)) sources.push(target);
  const inputs: { dir: string; text: string; plan: ExperimentPlan }[] = [];
  for (const dir of sources) {
    try {
      inputs.push({ dir, ...readPlanFile(dir, dir) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError('kopsim merge', problems);
  if (inputs.length === 0)
    throw new InputError('kopsim merge', [{ path: 'DIR', message: 'name at least one folder to merge' }]);
  const first = inputs[0];
  for (const input of inputs.slice(1)) {
    if (input.plan.hash !== first.plan.hash) {
      problems.push({
        path: input.dir,
        message: `belongs to another experiment (${input.plan.name}, plan ${String(input.plan.hash).slice(0, 12)}) than ${first.dir} (${first.plan.name}, plan ${String(first.plan.hash).slice(0, 12)})`,
      });
    }
  }
  if (problems.length > 0) throw new InputError('kopsim merge', problems);

  const plan = first.plan;
  const runs = new Map<number, string>();
  const failures = new Map<number, string>();
  for (const input of inputs) {
    const runsFile = join(input.dir, EXPERIMENT_FILES.runs);
    for (const [index, line] of readRunLines(runsFile).lines) {
      const key = (JSON.parse(line) as { key?: unknown }).key;
      if (plan.runs[index]?.key !== key) {
        problems.push({ path: runsFile, message: `run ${index} (${String(key)}) is not in the plan`, found: index });
        continue;
      }
      const earlier = runs.get(index);
      if (earlier !== undefined && earlier !== line)
        problems.push({
          path: runsFile,
          message: `run ${index} (${String(key)}) differs from the same run in another folder`,
          found: index,
        });
      runs.set(index, line);
    }
    for (const [index, line] of readRunLines(join(input.dir, EXPERIMENT_FILES.failures), 'failures').lines)
      failures.set(index, line);
  }
  if (problems.length > 0) throw new InputError('kopsim merge', problems);

  const missing = plan.runs.map((r) => r.index).filter((i) => !runs.has(i) && !failures.has(i));
  const manifests = inputs.map((i) => readExperimentManifest(i.dir));
  const runLines = [...runs.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  const failureLines = [...failures.entries()]
    .filter(([i]) => !runs.has(i))
    .sort((a, b) => a[0] - b[0])
    .map(([, l]) => l);
  return {
    plan,
    planText: first.text,
    sources: inputs.map((i) => i.dir),
    runs: runLines,
    failures: failureLines,
    missing,
    manifests,
  };
}

/**
 * Writes a merged folder atomically (temporary sibling, renamed into place, replacing an
 * earlier one): plan.json, runs.jsonl, failures.jsonl (if any), then whatever `finish`
 * adds (summaries, report, manifest).
 */
export function writeMergedFolder(
  out: string,
  merged: MergedExperiment & { readonly planText: string },
  finish: (dir: string) => void,
): void {
  writeFolderAtomically(
    resolve(out),
    (tmp) => {
      writeFileAtomically(join(tmp, EXPERIMENT_FILES.plan), merged.planText);
      const lines = (ls: readonly string[]) => new Map(ls.map((l) => [(JSON.parse(l) as { index: number }).index, l]));
      writeRunFiles(tmp, lines(merged.runs), lines(merged.failures));
      finish(tmp);
    },
    (entry) => ownsEntry('experiment', entry),
  );
}
