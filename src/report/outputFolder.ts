import { accessSync, constants, existsSync, readdirSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { InputProblem } from '../core/errors.js';
import { EXPERIMENT_FILES } from './experimentFolder.js';
import { RUN_FILES } from './runFolder.js';
import { REPORT_FILE } from './runReport.js';
import { ANALYSIS_FILES } from './sensitivityFiles.js';
import { CHARTS_DIR } from './writeCharts.js';

/*
 * kopsim never deletes or overwrites a file it did not write. Before any work starts, an
 * output folder is checked: it must be new, empty, or a folder of the same kind that
 * holds only what kopsim writes there; and it must be writable. The atomic writers check
 * ownership again when they replace a folder (a last line of defence).
 */

/** Kinds of output folder: a run's, or an experiment's (replicate, compare, sweep, sensitivity, attribution, merge). */
export type FolderKind = 'run' | 'experiment';

/** Whether kopsim writes an entry of this name in a folder of the kind. */
export function ownsEntry(kind: FolderKind, name: string): boolean {
  // Built at call time: the modules that name the files import this one.
  const names: readonly string[] =
    kind === 'run'
      ? [...Object.values(RUN_FILES), CHARTS_DIR, REPORT_FILE]
      : [...Object.values(EXPERIMENT_FILES), ...Object.values(ANALYSIS_FILES)];
  return names.includes(name);
}

/** Whether kopsim writes an entry of this name in a `charts/` folder. */
export function ownsChartEntry(name: string): boolean {
  return /\.(svg|png|vl\.json)$/.test(name);
}

/** The file that marks a folder of the kind as kopsim's (a function: the modules naming it import this one). */
function markerOf(kind: FolderKind): string {
  return kind === 'run' ? RUN_FILES.manifest : EXPERIMENT_FILES.plan;
}

/**
 * What keeps kopsim from writing a folder of `kind` at `dir`: it exists and is not a
 * folder, holds files kopsim did not write (or is another kind's folder), or cannot be
 * written. Empty when it may be written. Nothing is created or changed.
 */
export function outputFolderProblems(dir: string, kind: FolderKind, flag = '--out'): InputProblem[] {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return [{ path: flag, message: 'exists and is not a folder', found: dir }];
    const entries = readdirSync(target);
    if (entries.length > 0) {
      const foreign = entries.filter((e) => !ownsEntry(kind, e));
      const marked = entries.includes(markerOf(kind)) && isFolderOfKind(target, kind);
      if (!marked || foreign.length > 0) {
        const what = marked
          ? `holds files kopsim did not write (${listed(foreign)})`
          : `is not empty and is not a kopsim ${kind} folder (it holds ${listed(entries)})`;
        return [
          {
            path: flag,
            message: `${what}: kopsim never deletes or overwrites files it did not write; choose another ${flag}`,
            found: dir,
          },
        ];
      }
    }
  }
  const problem = writableProblem(target);
  return problem ? [{ path: flag, message: problem, found: dir }] : [];
}

/** A run folder has a run manifest (a scenario id); an experiment folder a plan with a hash. */
function isFolderOfKind(dir: string, kind: FolderKind): boolean {
  try {
    const data = JSON.parse(readFileSync(join(dir, markerOf(kind)), 'utf8')) as Record<string, unknown>;
    return kind === 'run' ? typeof data.scenarioId === 'string' : typeof data.hash === 'string';
  } catch {
    return false;
  }
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/**
 * Why a folder (or the nearest folder above it that exists, where it would be created)
 * cannot be written: "read-only file system", "permission denied", "no space left on
 * device"; undefined when it can.
 */
export function writableProblem(target: string, access: typeof accessSync = accessSync): string | undefined {
  let dir = resolve(target);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) return `cannot be created: ${dir} is not a folder`;
  try {
    access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? 'read-only file system' : code === 'EACCES' ? 'permission denied' : String(code);
    return `cannot be written (${dir}: ${why})`;
  }
  try {
    const fs = statfsSync(dir);
    if (fs.bavail === 0) return `cannot be written (${dir}: no space left on device)`;
  } catch {
    // statfs is not available everywhere; a full disk is then reported when writing
  }
  return undefined;
}
