import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError, type InputProblem } from '../core/errors.js';
import { decodeSimulationState, type RestoredSimulation } from '../experiment/checkpoint/simulationState.js';
import { looksLikeStateFile } from '../experiment/checkpoint/stateFile.js';
import { kopsimVersion } from './version.js';

/**
 * Reads and checks a state file (`--from-state`, `kopsim branch FILE`): its problems
 * (missing, unreadable, not a state file, truncated, corrupt, another version or format,
 * a changed scenario schema or column set) are pushed to `problems` under `flag`.
 */
export function readStateFlag(file: string, flag: string, problems: InputProblem[]): RestoredSimulation | undefined {
  if (!existsSync(file)) {
    problems.push({ path: flag, message: 'no such state file', found: file });
    return undefined;
  }
  try {
    return decodeSimulationState(readFileSync(file), file, kopsimVersion());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      ...error.problems.map((p) => ({ ...p, path: p.path === file ? flag : `${flag} ${file}: ${p.path}` })),
    );
    return undefined;
  }
}

/**
 * Checks where `--save-state` will write: kopsim overwrites a state file it wrote, never
 * anything else (a folder, another file).
 */
export function checkStateTarget(file: string, flag: string, problems: InputProblem[]): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) {
    problems.push({ path: flag, message: 'is a folder; name a file', found: file });
    return;
  }
  const head = Buffer.alloc(8);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (!looksLikeStateFile(head))
    problems.push({
      path: flag,
      message: 'exists and is not a kopsim state file: kopsim does not overwrite a file it did not write',
      found: file,
    });
}

/** A list of strings kept in a state file's meta (e.g. the --set overrides), or [] when it holds none. */
export function metaStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
