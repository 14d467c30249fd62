import { describe, expect, it } from 'vitest';
import { kopsim } from '../support/cli.js';

describe('kopsim validation', async () => {
  it('rejects bad flags with exit code 2, every problem at once, before running anything', async () => {
    const r = await kopsim(['validation', '--seeds', '0', '--workers', 'two']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seeds');
    expect(r.stderr).toContain('--workers');
    expect(r.stderr).not.toContain('runs (');
    expect(r.stdout).toBe('');
  });

  it('has help with examples', async () => {
    const r = await kopsim(['validation', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('npm run validation');
    expect(r.stdout).toContain('--strategies');
  });
});
