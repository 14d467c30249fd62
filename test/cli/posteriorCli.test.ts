import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderFiles, kopsim, tempDir } from '../experiment/cliSupport.js';
import { TINY_CALIBRATION } from '../support/tinyCalibration.js';

/** A tiny calibration to draw from: one generation. */
const CALIBRATION = TINY_CALIBRATION.replace('generations: 2', 'generations: 1');

const SMALL = [
  '--months',
  '12',
  '--set',
  'regions=[{"name":"A","households":120}]',
  '--indicators',
  'p0,gini',
  '--no-tui',
];

describe('--posterior on compare, replicate and attribute', () => {
  let dir: string;
  let cal: string;
  beforeAll(async () => {
    dir = tempDir('kopsim-post-');
    const file = join(dir, 'tiny.yaml');
    writeFileSync(file, CALIBRATION);
    cal = join(dir, 'cal');
    expect((await kopsim(['calibrate', file, '--workers', '0', '--out', cal, '--no-report'])).code).toBe(0);
  }, 60_000);

  it('compare draws each replicate from the posterior, splits the variance and ranks across draws; same on 1 and 2 workers', async () => {
    const one = join(dir, 'one');
    const args = ['compare', 'seed-roadmap', 'status-quo', '-n', '4', '--posterior', cal, ...SMALL, '--no-report'];
    const r = await kopsim([...args, '--workers', '0', '--out', one]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Parameter uncertainty \(2 posterior draws x 2 seeds/);
    expect(r.stdout).toMatch(/in \d+% of 2 posterior draws/);
    const variance = readFileSync(join(one, 'posterior-variance.csv'), 'utf8');
    expect(variance.split('\n')[0]).toBe(
      'scenario,indicator,month,mean,total_var,within_var,between_var,parameter_share',
    );
    const runs = readFileSync(join(one, 'runs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Replicates 0 and 1 share a draw, in both scenarios; the draw's values are the run's params.
    expect(runs[0].params).toEqual(runs[1].params);
    expect(runs[0].params).toEqual(runs[2].params);
    expect(Object.keys(runs[0].params)).toEqual(['households.productivitySigma', 'market.engelFoodShareAtLine']);
    const two = join(dir, 'two');
    expect((await kopsim([...args, '--workers', '2', '--out', two])).code).toBe(0);
    expect(folderFiles(two)).toEqual(folderFiles(one));
    // Shards merged give the same variance split and rankings.
    const shards = [0, 1].map((i) => join(dir, `shard${i}`));
    for (const [i, d] of shards.entries())
      expect((await kopsim([...args, '--workers', '0', '--shard', `${i}/2`, '--out', d])).code).toBe(0);
    const merged = join(dir, 'merged');
    expect((await kopsim(['merge', ...shards, '--out', merged, '--no-report'])).code).toBe(0);
    for (const f of ['posterior-variance.csv', 'posterior-ranking.csv'])
      expect(readFileSync(join(merged, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
  }, 120_000);

  it('replicate and attribute take --posterior too', async () => {
    const rep = await kopsim([
      'replicate',
      'status-quo',
      '-n',
      '2',
      '--posterior',
      cal,
      '--seeds-per-draw',
      '1',
      ...SMALL,
      '--workers',
      '0',
      '--no-report',
      '--out',
      join(dir, 'rep'),
    ]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toMatch(/2 posterior draws x 1 seeds/);
    const attr = await kopsim([
      'attribute',
      'seed-roadmap',
      '-n',
      '2',
      '--sample',
      '1',
      '--months',
      '12',
      '--set',
      'regions=[{"name":"A","households":120}]',
      '--posterior',
      cal,
      '--workers',
      '0',
      '--no-report',
      '--no-tui',
      '--out',
      join(dir, 'attr'),
    ]);
    expect(attr.code).toBe(0);
    const line = JSON.parse(readFileSync(join(dir, 'attr', 'runs.jsonl'), 'utf8').split('\n')[0]);
    expect(Object.keys(line.params)).toContain('households.productivitySigma');
  }, 120_000);

  it('rejects a folder without a posterior and a bad --seeds-per-draw, exit 2', async () => {
    const r = await kopsim([
      'compare',
      'seed-roadmap',
      'status-quo',
      '--posterior',
      dir,
      '--seeds-per-draw',
      '0',
      ...SMALL,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--posterior');
    expect(r.stderr).toContain('--seeds-per-draw');
  });
});
