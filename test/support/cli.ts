import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The package root and its `bin/kopsim` (which imports the bundled CLI, dist/bundle/main.js). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/kopsim', import.meta.url));
/** The compiled CLI before bundling: its module graph is the one the bundle's chunks follow. */
export const UNBUNDLED_MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type Write = typeof process.stdout.write;

/** A stand-in for a stream's `write` that appends to a string (and calls a callback, as write does). */
function capture(append: (text: string) => void): Write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as Write;
}

/**
 * Runs `kopsim ...args` in this process through `main()` (the TypeScript sources, so the
 * test checks the code as it is now), from `cwd`, and returns the exit code and what it
 * printed. For the call, the working folder, `process.argv` (the manifest records the
 * command line from it), NO_COLOR and the two output streams are swapped, then restored.
 */
export async function kopsim(args: readonly string[], cwd = ROOT): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const saved = {
    cwd: process.cwd(),
    argv: process.argv,
    noColor: process.env.NO_COLOR,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  process.chdir(cwd);
  process.argv = [process.execPath, BIN, ...args];
  process.env.NO_COLOR = '1';
  process.stdout.write = capture((t) => {
    stdout += t;
  });
  process.stderr.write = capture((t) => {
    stderr += t;
  });
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.argv = saved.argv;
    if (saved.noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved.noColor;
    process.chdir(saved.cwd);
  }
}

/** The newest file under `dir` with one of the extensions, and its modification time. */
function newest(dir: string, extensions: RegExp, except?: string): { file: string; mtime: number } {
  let best = { file: '', mtime: 0 };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === except) continue;
    const stat = statSync(path);
    const candidate = stat.isDirectory()
      ? newest(path, extensions, except)
      : extensions.test(name)
        ? { file: path, mtime: stat.mtimeMs }
        : best;
    if (candidate.mtime > best.mtime) best = candidate;
  }
  return best;
}

/**
 * Throws, saying what to do, when `dist/` or its bundle is missing or stale: older than
 * `src/` (a source file changed after the last build), or the bundle older than the
 * compiled modules it is made from (`tsc` ran without scripts/bundle.mjs). The spawned CLI
 * would then test stale code.
 */
export function assertDistFresh(): void {
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  const bundle = join(ROOT, 'dist', 'bundle', 'main.js');
  for (const file of [main, bundle]) {
    if (!existsSync(file)) {
      throw new Error(
        `${relative(ROOT, file)} is missing: run \`npm run build\` (npm test does it) before the spawned CLI tests`,
      );
    }
  }
  const source = newest(join(ROOT, 'src'), /\.tsx?$/);
  const built = newest(join(ROOT, 'dist'), /\.js$/, join(ROOT, 'dist', 'bundle'));
  if (source.mtime > built.mtime) {
    throw new Error(
      `dist/ is older than src/ (${relative(ROOT, source.file)} changed after the last build): run \`npm run build\` (npm test does it) before the spawned CLI tests`,
    );
  }
  if (built.mtime > statSync(bundle).mtimeMs) {
    throw new Error(
      `dist/bundle/ is older than dist/ (${relative(ROOT, built.file)} was compiled after the last bundle): run \`npm run build\` (npm test does it) before the spawned CLI tests`,
    );
  }
}

/** Runs `bin/kopsim ...args` in a child process, as a user would, from `cwd` (after assertDistFresh). */
export function spawnKopsim(args: readonly string[], cwd = ROOT): CliResult {
  assertDistFresh();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
