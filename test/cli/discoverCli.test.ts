import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kopsim } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

const dirs = tempDirs('kopsim-discover-');
afterAll(() => dirs.cleanup());

const FILE = `kind: discover
name: tiny
scenarios: [top-down]
baseline: status-quo
months: 12
set: ['regions=[{"name":"a","households":30}]']
outcome: p0 - baseline.p0 > -0.02
prim: { alpha: 0.1, minMass: 0.1 }
sweep:
  design: latin-hypercube
  points: 10
  seed: 5
  parameters:
    - { path: governance.initialTopDown, from: 0.1, to: 0.6 }
    - { path: awareness.culturalFit, from: 0.1, to: 0.9 }
`;

const OUTPUTS = ['runs.jsonl', 'cases.csv', 'trajectory.csv', 'box.csv', 'tree.txt', 'discovery.json', 'report.html'];

describe('kopsim discover', () => {
  it('writes the same outputs, byte for byte, on 1 and 2 workers', async () => {
    const dir = dirs.make({ 'tiny.yaml': FILE });
    const one = await kopsim([
      'discover',
      join(dir, 'tiny.yaml'),
      '--workers',
      '1',
      '--out',
      join(dir, 'w1'),
      '--no-tui',
    ]);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^top-down: the outcome \(p0 - baseline\.p0 > -0\.02\) holds in/);
    const two = await kopsim([
      'discover',
      join(dir, 'tiny.yaml'),
      '--workers',
      '2',
      '--out',
      join(dir, 'w2'),
      '--no-tui',
    ]);
    expect(two.status, two.stderr).toBe(0);
    for (const f of OUTPUTS)
      expect(readFileSync(join(dir, 'w2', f), 'utf8'), f).toBe(readFileSync(join(dir, 'w1', f), 'utf8'));
    expect(existsSync(join(dir, 'w1', 'charts', 'tradeoff-top-down.svg'))).toBe(true);
    // --box picks another box from the saved runs, without rerunning; one out of range is refused.
    const box = await kopsim([
      'discover',
      join(dir, 'tiny.yaml'),
      '--out',
      join(dir, 'w1'),
      '--box',
      '0',
      '--no-tui',
      '--json',
    ]);
    expect(box.status, box.stderr).toBe(0);
    expect(JSON.parse(box.stdout).result.strategies[0].selected).toBe(0);
    const far = await kopsim([
      'discover',
      join(dir, 'tiny.yaml'),
      '--out',
      join(dir, 'w1'),
      '--box',
      '999',
      '--no-tui',
    ]);
    expect(far.status).toBe(2);
    expect(far.stderr).toMatch(/--box: the trajectory of top-down has \d+ boxes/);
  });

  it('refuses a bad file before any work, every problem with its path (exit 2)', async () => {
    const dir = dirs.make({
      'bad.yaml': FILE.replace('p0 - baseline.p0 > -0.02', 'p0 >> 1').replace('points: 10', 'points: 0'),
    });
    const r = await kopsim(['discover', join(dir, 'bad.yaml'), '--workers', 'x', '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--workers: must be an integer/);
    expect(r.stderr).toMatch(/outcome: expected a number or an indicator at position 4/);
    expect(r.stderr).toMatch(/sweep\.points: Too small/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
