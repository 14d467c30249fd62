import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { kopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

const temp = tempDirs('kopsim-validate-');
afterAll(() => temp.cleanup());

describe('kopsim validate', () => {
  it('accepts a good file, exits 0 and says what it holds', async () => {
    const dir = temp.make({ 'good.yaml': 'extends: seed-roadmap\nmonths: 60\n' });
    const r = await kopsim(['validate', 'good.yaml'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${join(dir, 'good.yaml')}: valid (5 regions, 2,500 households, 60 months)\n`);
    expect(r.stderr).toBe('');
  });

  it('accepts a bundled scenario by name, applies --set, and prints the resolved scenario with --json', async () => {
    const r = await kopsim(['validate', 'status-quo', '--set', 'months=7', '--json'], temp.make());
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.months).toBe(7);
    expect(s.strategy.founding).toBe('none');
    expect(s.membership.simpananWajib).toBe(10_000); // defaults filled in
  });

  it('rejects a bad file with exit 2, every problem with its path and value, and writes nothing', async () => {
    const dir = temp.make({
      'bad.json': JSON.stringify({
        months: 0,
        regions: [{ name: 'a', households: 1.5 }],
        shocks: { incomeNoiseSd: -1 },
      }),
    });
    const r = await kopsim(['validate', 'bad.json', '--set', 'awareness.uptake=7'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('4 problems');
    for (const line of ['  months: ', '  regions[0].households: ', '  shocks.incomeNoiseSd: ', '  awareness.uptake: '])
      expect(r.stderr).toContain(line);
    for (const value of ['got 0', 'got 1.5', 'got -1', 'got 7']) expect(r.stderr).toContain(value);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('exits 2 for a missing file and for a missing argument', async () => {
    const dir = temp.make();
    const missing = await kopsim(['validate', 'nope.yaml'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect((await kopsim(['validate'], dir)).status).toBe(2);
  });
});
