import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles, kopsim, tempDir } from '../experiment/cliSupport.js';
import { TINY_CALIBRATION } from '../support/tinyCalibration.js';

const SMALL = TINY_CALIBRATION;

function smallFile(dir: string, text = SMALL): string {
  const file = join(dir, 'tiny.yaml');
  writeFileSync(file, text);
  return file;
}

describe('kopsim calibrate', () => {
  it('writes the posterior, generations, predictive check and report; identical on 1 and 2 workers and after an interrupted run resumes', async () => {
    const dir = tempDir('kopsim-calib-');
    const file = smallFile(dir);
    const one = join(dir, 'one');
    const r1 = await kopsim(['calibrate', file, '--workers', '0', '--out', one, '--no-tui']);
    expect(r1.stderr).not.toMatch(/failed/);
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/Calibration tiny: 2 generations/);
    expect(r1.stdout).toMatch(/pending\): later/);
    for (const f of [
      'posterior.csv',
      'posterior.json',
      'generations.csv',
      'posterior-table.csv',
      'predictive.csv',
      'report.html',
    ])
      expect(existsSync(join(one, f))).toBe(true);
    const csv = readFileSync(join(one, 'posterior.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'particle,generation,proposal,weight,distance,households.productivitySigma,market.engelFoodShareAtLine',
    );
    expect(csv).toHaveLength(5);
    // Another calibration (another seed) is refused in this folder, before anything runs.
    const other = await kopsim(['calibrate', file, '--workers', '0', '--out', one, '--seed', '6']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--out: holds a different calibration/);
    // Damaged state files are refused with the file's name, exit 2, not a crash.
    const damaged = join(dir, 'damaged');
    cpSync(one, damaged, { recursive: true });
    writeFileSync(join(damaged, 'calibration.json'), '{"format": 1, "hash": ');
    const badPlan = await kopsim(['calibrate', file, '--workers', '0', '--out', damaged, '--no-report']);
    expect(badPlan.code).toBe(2);
    expect(badPlan.stderr).toMatch(/calibration\.json.*is not valid JSON/);
    cpSync(join(one, 'calibration.json'), join(damaged, 'calibration.json'));
    writeFileSync(join(damaged, 'generations', 'g0', 'manifest.json'), '{"status": "complete"}');
    const badManifest = await kopsim(['calibrate', file, '--workers', '0', '--out', damaged, '--no-report']);
    expect(badManifest.code).toBe(2);
    expect(badManifest.stderr).toMatch(/g0.manifest\.json: (kopsimVersion|name|kind|planHash)/);
    const html = readFileSync(join(one, 'report.html'), 'utf8');
    expect(html).toContain('Posterior predictive check');

    const two = join(dir, 'two');
    expect((await kopsim(['calibrate', file, '--workers', '2', '--out', two, '--no-tui'])).code).toBe(0);
    const data = (d: string) => folderFiles(d, ['manifest.json', 'report.html']);
    const charts = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([k]) => !k.startsWith('charts')));
    expect(charts(data(two))).toEqual(charts(data(one)));

    // An interrupted run: the second generation half done, the predictive draws and results not written.
    const resumed = join(dir, 'resumed');
    expect((await kopsim(['calibrate', file, '--workers', '0', '--out', resumed, '--no-report'])).code).toBe(0);
    const g1 = join(resumed, 'generations', 'g1', 'runs.jsonl');
    const lines = readFileSync(g1, 'utf8').split('\n');
    writeFileSync(g1, `${lines.slice(0, 3).join('\n')}\n${lines[3].slice(0, 20)}`);
    for (const f of [
      'predictive',
      'posterior.csv',
      'posterior.json',
      'generations.csv',
      'summary.json',
      'predictive.csv',
    ])
      rmSync(join(resumed, f), { recursive: true });
    const again = await kopsim(['calibrate', file, '--workers', '0', '--out', resumed, '--no-report']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/resuming .*g1: 3 of 8 runs already done/);
    expect(charts(folderFiles(resumed, ['manifest.json']))).toEqual(
      charts(folderFiles(one, ['manifest.json', 'report.html'])),
    );
  }, 120_000);

  it('runs a shard of a generation, and goes on once the shards are merged', async () => {
    const dir = tempDir('kopsim-calib-');
    const file = smallFile(dir, SMALL.replace('generations: 2', 'generations: 1'));
    const out = join(dir, 'cal');
    const s0 = await kopsim(['calibrate', file, '--workers', '0', '--out', out, '--shard', '0/2', '--no-report']);
    expect(s0.code).toBe(0);
    expect(s0.stdout).toMatch(/kopsim merge .*g0-shard\*of2 --out .*g0/);
    expect((await kopsim(['calibrate', file, '--workers', '0', '--out', out, '--shard', '1/2'])).code).toBe(0);
    const g0 = join(out, 'generations', 'g0');
    const m = await kopsim(['merge', `${g0}-shard0of2`, `${g0}-shard1of2`, '--out', g0]);
    expect(m.code).toBe(0);
    // The predictive draws are a batch of their own: shard them too, then merge.
    for (const s of ['0/2', '1/2'])
      expect(
        (await kopsim(['calibrate', file, '--workers', '0', '--out', out, '--shard', s, '--no-report'])).code,
      ).toBe(0);
    const pp = join(out, 'predictive');
    expect((await kopsim(['merge', `${pp}-shard0of2`, `${pp}-shard1of2`, '--out', pp])).code).toBe(0);
    const done = await kopsim(['calibrate', file, '--workers', '0', '--out', out, '--no-report']);
    expect(done.code).toBe(0);
    const single = join(dir, 'single');
    expect((await kopsim(['calibrate', file, '--workers', '0', '--out', single, '--no-report'])).code).toBe(0);
    expect(readFileSync(join(out, 'posterior.csv'), 'utf8')).toBe(readFileSync(join(single, 'posterior.csv'), 'utf8'));
    expect(readFileSync(join(out, 'predictive.csv'), 'utf8')).toBe(
      readFileSync(join(single, 'predictive.csv'), 'utf8'),
    );
  }, 120_000);

  it('rejects a bad targets file with every problem and its path, exit 2, writing nothing', async () => {
    const dir = tempDir('kopsim-calib-');
    const bad = SMALL.replace('max: 0.8', 'max: 0.3')
      .replace('indicator: gini', 'indicator: no_such_indicator')
      .replace('distribution: beta', 'distribution: beta\n    mean: 3')
      .replace('observed: 0.306', 'observed: 0.306\n    band: [0.2, 0.4]')
      .replace('path: market.engelFoodShareAtLine', 'path: market.noSuchField')
      .replace(
        'scenario: status-quo\n    indicator: food_share',
        'scenario: no-such-scenario\n    indicator: food_share',
      );
    const file = smallFile(dir, bad);
    const out = join(dir, 'out');
    const r = await kopsim(['calibrate', file, '--out', out, '--particles', '-3']);
    expect(r.code).toBe(2);
    for (const p of ['--particles', 'parameters[0].max', 'parameters[1].mean', 'targets[0].observed'])
      expect(r.stderr).toContain(p);
    expect(existsSync(out)).toBe(false);
    // Once the schema passes, what needs the scenarios is checked: field paths, indicators, scenario names.
    const r2 = await kopsim([
      'calibrate',
      smallFile(
        dir,
        SMALL.replace('indicator: gini', 'indicator: no_such_indicator')
          .replace('path: market.engelFoodShareAtLine', 'path: market.noSuchField')
          .replace(
            'scenario: status-quo\n    indicator: food_share',
            'scenario: no-such-scenario\n    indicator: food_share',
          ),
      ),
      '--out',
      out,
    ]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('targets[1].scenario');
    expect(existsSync(out)).toBe(false);
    const r3 = await kopsim([
      'calibrate',
      smallFile(
        dir,
        SMALL.replace('indicator: gini', 'indicator: no_such_indicator').replace(
          'path: market.engelFoodShareAtLine',
          'path: market.noSuchField',
        ),
      ),
      '--out',
      out,
    ]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('targets[0].indicator');
    expect(r3.stderr).toContain('parameters[1].path');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
