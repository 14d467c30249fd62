import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

const dirs = tempDirs('kopsim-checkpoint-');
afterAll(() => dirs.cleanup());

const SMALL = ['--set', 'regions=[{"name":"a","households":120},{"name":"b","households":80}]', '--months', '48'];

describe('kopsim run --until --save-state / --from-state', () => {
  it('a run continued from a saved state writes the same timeseries as the run straight through', async () => {
    const dir = dirs.make();
    const state = join(dir, 's24.kstate');
    const direct = await kopsim(['run', 'default', ...SMALL, '--out', join(dir, 'direct'), '--no-report', '--json']);
    expect(direct.status, direct.stderr).toBe(0);
    const first = await kopsim([
      'run',
      'default',
      ...SMALL,
      '--until',
      '24',
      '--save-state',
      state,
      '--out',
      join(dir, 'first'),
      '--no-report',
      '--json',
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).stoppedEarly).toBe(true);
    const rest = await kopsim(['run', '--from-state', state, '--out', join(dir, 'rest'), '--no-report', '--json']);
    expect(rest.status, rest.stderr).toBe(0);
    expect(readFileSync(join(dir, 'rest', 'timeseries.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'direct', 'timeseries.csv'), 'utf8'),
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'rest', 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(JSON.parse(readFileSync(join(dir, 'direct', 'manifest.json'), 'utf8')).seed);
  });

  it('refuses a corrupt state, a changed run and a target it did not write, before any work (exit 2)', async () => {
    const dir = dirs.make({ 'notes.txt': 'mine\n', 'bad.kstate': 'KOPSTATE and then nonsense' });
    const out = join(dir, 'out');
    const bad = await kopsim(['run', '--from-state', join(dir, 'bad.kstate'), '--seed', '3', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from-state: is (corrupt or )?truncated/);
    expect(bad.stderr).toMatch(/--seed: cannot change a run continued from a state file/);
    const overwrite = await kopsim([
      'run',
      'default',
      ...SMALL,
      '--until',
      '99',
      '--save-state',
      join(dir, 'notes.txt'),
      '--out',
      out,
    ]);
    expect(overwrite.status).toBe(2);
    expect(overwrite.stderr).toMatch(/--save-state: exists and is not a kopsim state file/);
    expect(overwrite.stderr).toMatch(/--until: is after the scenario's last month \(48\)/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, 'empty.kstate'), '');
    expect((await kopsim(['run', '--from-state', join(dir, 'empty.kstate')])).stderr).toMatch(
      /is not a kopsim state file/,
    );
  });
});
