import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../core/errors.js';

/**
 * Writes a whole output folder atomically: files go into a hidden temporary sibling
 * folder, which is renamed into place only when every file is written. A run that fails
 * halfway leaves at most a `.partial` folder, never one that looks complete. An existing
 * folder of the same name is replaced only at the final rename, and only when every entry
 * in it is one kopsim writes there (`owns`): kopsim never deletes a file it did not write.
 * Temporary folders of this target left by processes that died (SIGKILL) are removed.
 */
export function writeFolderAtomically(
  target: string,
  write: (dir: string) => void,
  owns: (entry: string) => boolean,
): void {
  const parent = dirname(target);
  const temp = join(parent, `.${basename(target)}.partial-${process.pid}`);
  const foreign = existsSync(target)
    ? statSync(target).isDirectory()
      ? readdirSync(target).filter((e) => !owns(e))
      : [basename(target)]
    : [];
  if (foreign.length > 0)
    throw new OutputError(
      `not replacing ${target}: it holds what kopsim did not write (${foreign.slice(0, 5).join(', ')})`,
    );
  try {
    mkdirSync(parent, { recursive: true });
    removeStaleTemporaries(parent, basename(target));
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

/** Removes `.NAME.partial-PID` and `.NAME.old-PID` folders in `parent` whose process is gone. */
export function removeStaleTemporaries(parent: string, name: string): void {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:partial|old)-(\\d+)$`);
  for (const entry of readdirSync(parent)) {
    const pid = pattern.exec(entry)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid)))
      removeQuietly(join(parent, entry));
  }
}

/** Whether a process with this id exists (signal 0 only checks; EPERM: it exists, another user's). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
