import { describe, expect, it } from 'vitest';
import { kopsim } from '../support/cli.js';

describe('kopsim validation', async () => {
  it('rejects bad flags with exit code 2, every problem at once, before running anything', async () => {
    const r = await kopsim(['validation', '--seeds', '0', '--workers', 'two', '--only', 'baseline-*,no-such-fact']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-fact');
    expect(r.stderr).not.toContain('baseline-*');
    expect(r.stderr).toContain('--seeds');
    expect(r.stderr).toContain('--workers');
    expect(r.stderr).not.toContain('runs (');
    expect(r.stdout).toBe('');
  });

  it('runs only the facts --only names, and only the runs they need', async () => {
    const r = await kopsim(['validation', '--only', 'baseline-gini,baseline-p0', '--seeds', '1', '--workers', '0']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^(PASS|FAIL) +baseline-gini +/);
    expect(lines[1]).toMatch(/^(PASS|FAIL) +baseline-p0 +/);
    expect(lines.at(-1)).toMatch(/^\d passed, \d failed, 0 not measured$/);
    // One arm (status-quo), one seed: one run.
    expect(r.stderr).toContain('1/1 runs (status-quo/base/1)');
  }, 60_000);

  it('rejects a --posterior folder that does not exist with exit code 2, before running anything', async () => {
    const r = await kopsim(['validation', '--posterior', 'no-such-posterior', '--seeds', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--posterior');
    expect(r.stderr).toContain('--seeds');
    expect(r.stderr).not.toContain('runs (');
    expect(r.stdout).toBe('');
  });

  it('runs the facts at posterior draws, and says which', async () => {
    const r = await kopsim([
      'validation',
      '--only',
      'baseline-gini',
      '--seeds',
      '1',
      '--workers',
      '0',
      '--posterior',
      'scenarios/posterior',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Parameters drawn from the posterior baseline-bps \+ cooperatives .*14 parameters.*seed 1: particle \d+\./,
    );
    expect(r.stdout).toMatch(/\n(PASS|FAIL) +baseline-gini +/);
  }, 60_000);

  it('has help with examples', async () => {
    const r = await kopsim(['validation', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('npm run validation');
    expect(r.stdout).toContain('--strategies');
  });
});
