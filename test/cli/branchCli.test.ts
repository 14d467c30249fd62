import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

const dirs = tempDirs('kopsim-branch-');
afterAll(() => dirs.cleanup());

const SMALL = ['--set', 'regions=[{"name":"a","households":60},{"name":"b","households":40}]', '--months', '36'];

describe('kopsim branch', () => {
  it('continues a saved state under strategies, with the shared history in every run', async () => {
    const dir = dirs.make({
      'larger-households.yaml': 'extends: seed-roadmap\nhouseholds:\n  meanSize: 7\n',
    });
    const state = join(dir, 'sq12.kstate');
    const saved = await kopsim([
      'run',
      'status-quo',
      ...SMALL,
      '--until',
      '12',
      '--save-state',
      state,
      '--out',
      join(dir, 'sq'),
      '--no-report',
      '--json',
    ]);
    expect(saved.status, saved.stderr).toBe(0);
    const out = join(dir, 'branches');
    const r = await kopsim([
      'branch',
      state,
      'status-quo',
      'seed-roadmap',
      'top-down',
      '-n',
      '2',
      '--out',
      out,
      '--indicators',
      'p0,stage',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/status-quo-m12: 3 strategies from month 12 to 36, 2 replicates each/);
    const csv = readFileSync(join(out, 'branch.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('strategy,replicate,month,indicator,value');
    expect(csv).toHaveLength(1 + 3 * 2 * 2 * 37);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8')).toMatch(
      /^indicator,month,strategy,replicates,mean,ci_low,ci_high,diff_vs_status-quo/,
    );
    // A strategy that changes what was fixed when the world was built is refused with the path (exit 2).
    const bad = await kopsim([
      'branch',
      state,
      'seed-roadmap',
      join(dir, 'larger-households.yaml'),
      '--out',
      join(dir, 'bad'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /larger-households\.yaml: households\.meanSize: cannot change mid-run \(the saved run has [\d.]+\), got 7/,
    );
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });
});
