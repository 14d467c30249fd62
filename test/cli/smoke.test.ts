import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { assertDistFresh, BIN, spawnKopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

/*
 * The only tests that run the built CLI (bin/kopsim -> dist/) in a child process, as a user
 * does: one per command. Every other CLI test calls main() in process, on the sources.
 * They first check that dist/ is not older than src/, so that they never test stale code.
 */
const dirs = tempDirs('kopsim-smoke-');
afterAll(() => dirs.cleanup());

/** Commands run for real here (cheap); the others show their help, which loads their module. */
const TINY = ['--months', '3', '--set', 'regions=[{"name":"a","households":40}]'];

describe('bin/kopsim (spawned, built code)', () => {
  beforeAll(() => {
    assertDistFresh();
  });

  it('--version prints the version', () => {
    const r = spawnKopsim(['--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('stops quietly, with exit 0, when its reader has closed the pipe (kopsim schema | true)', () => {
    // `true` exits without reading, so every write of kopsim meets a closed pipe (EPIPE).
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" schema | true`], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('run writes a run folder', () => {
    const out = join(dirs.make(), 'run');
    const r = spawnKopsim(['run', 'default', ...TINY, '--no-report', '--json', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'timeseries.csv'))).toBe(true);
  });

  it('validate accepts a bundled scenario and rejects a missing one with exit 2', () => {
    expect(spawnKopsim(['validate', 'default']).status).toBe(0);
    const bad = spawnKopsim(['validate', 'no-such-scenario']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no-such-scenario/);
  });

  it('schema prints the JSON Schema', () => {
    const r = spawnKopsim(['schema']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toMatch(/json-schema/);
  });

  const helpOnly = COMMANDS.map((c) => c.name).filter((n) => !['run', 'validate', 'schema'].includes(n));
  it.each(helpOnly)('%s --help loads the command and shows its usage', (name) => {
    const r = spawnKopsim([name, '--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Usage: kopsim ${name}`);
  });
});
