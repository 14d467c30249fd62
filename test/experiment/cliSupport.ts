import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kopsim as kopsimInProcess } from '../support/cli.js';

/** A small experiment that runs in about a second: 1 region x 200 households, 24 months, two indicators (few charts). */
export const SMALL = [
  '--months',
  '24',
  '--set',
  'regions=[{"name":"A","households":200}]',
  '--indicators',
  'member_share,gini',
];

/** Runs the CLI in this process (test/support/cli.ts) from the current folder, and captures what it prints. */
export async function kopsim(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await kopsimInProcess(args, process.cwd());
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'kopsim-exp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file of a folder (recursively) by relative path, as bytes (latin1 text), except the provenance manifest. */
export function folderFiles(dir: string, except: readonly string[] = ['manifest.json']): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!except.includes(name)) files[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/**
 * Starts the CLI (from the TypeScript sources, through tsx) in a child process, so a test
 * can interrupt it with a real signal.
 */
export function kopsimChild(args: readonly string[], dir: string): ChildProcess {
  const script = join(dir, 'child.mts');
  writeFileSync(
    script,
    `import { main } from ${JSON.stringify(MAIN)};\nprocess.exitCode = await main(${JSON.stringify(args)});\n`,
  );
  return spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
}
