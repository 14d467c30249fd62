import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { OutputError } from '../core/errors.js';

/**
 * Writes a whole output folder atomically: files go into a hidden temporary sibling
 * folder, which is renamed into place only when every file is written. A run that fails
 * halfway leaves at most a `.partial` folder, never one that looks complete. An existing
 * folder of the same name is replaced only at the final rename.
 */
export function writeFolderAtomically(target: string, write: (dir: string) => void): void {
  const parent = dirname(target);
  const temp = join(parent, `.${basename(target)}.partial-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp, { recursive: true });
    write(temp);
    if (existsSync(target)) {
      const old = join(parent, `.${basename(target)}.old-${process.pid}`);
      renameSync(target, old);
      renameSync(temp, target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw new OutputError(`could not write ${target}: ${(error as Error).message}`, { cause: error });
  }
}

/** Best-effort cleanup: a failure to remove must not hide the error that caused it. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing more to do: the original error is what the user needs to see
  }
}

/** Writes one file atomically (temp file + rename). */
export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  const temp = `${file}.partial-${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw new OutputError(`could not write ${file}: ${(error as Error).message}`, { cause: error });
  }
}
