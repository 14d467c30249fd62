import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderFiles, kopsim, tempDir } from '../experiment/cliSupport.js';

/*
 * kopsim sensitivity and kopsim analyze end to end on a tiny scenario (1 region x 100
 * households, 12 months): Morris r = 2, p = 4 and Sobol' N = 4 over two parameters.
 */
const root = tempDir('kopsim-sens-');
const TINY = [
  'scenario: seed-roadmap',
  'months: 12',
  `set: ['regions=[{"name":"A","households":100}]']`,
  'indicators: [member_share, gini]',
];
const PARAMETERS = [
  'parameters:',
  '  - {path: awareness.peerWeight, min: 0.02, max: 0.2}',
  '  - {path: membership.thresholdMean, min: 0.2, max: 0.7}',
];
const morrisFile = join(root, 'tiny-morris.yaml');
const sobolFile = join(root, 'tiny-sobol.yaml');
writeFileSync(
  morrisFile,
  [...TINY, 'method: morris', 'morris: {trajectories: 2, levels: 4}', 'at: [6, final]', ...PARAMETERS].join('\n'),
);
writeFileSync(
  sobolFile,
  [
    ...TINY,
    'method: sobol',
    'sobol: {n: 4, secondOrder: true}',
    'replicates: 2',
    'bootstrap: {resamples: 200}',
    ...PARAMETERS,
  ].join('\n'),
);

const morris = join(root, 'morris');
const sobol = join(root, 'sobol');
const RESULT_FILES = ['indices.csv', 'indices.json', 'indices-s2.csv', 'outputs.csv', 'report.html', 'charts'];

beforeAll(async () => {
  const m = await kopsim(['sensitivity', morrisFile, '--workers', '0', '--out', morris]);
  expect(m.code, m.stderr).toBe(0);
  const s = await kopsim(['sensitivity', sobolFile, '--workers', '0', '--out', sobol, '--no-report']);
  expect(s.code, s.stderr).toBe(0);
});

describe('kopsim sensitivity: Morris', () => {
  it('saves the design, seeds, runs and indices, and draws the mu*-sigma scatters into report.html', () => {
    const files = Object.keys(folderFiles(morris)).sort();
    const charts = ['gini-m6', 'gini-m12', 'member_share-m6', 'member_share-m12'].flatMap((c) =>
      ['png', 'svg', 'vl.json'].map((x) => `charts/morris-${c}.${x}`),
    );
    expect(files).toEqual(
      [
        ...charts,
        'design.csv',
        'design.json',
        'indices.csv',
        'indices.json',
        'outputs.csv',
        'plan.json',
        'report.html',
        'runs.jsonl',
        'seeds.csv',
      ].sort(),
    );
    expect(readFileSync(join(morris, 'runs.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(2 * 3);
    const design = readFileSync(join(morris, 'design.csv'), 'utf8').trimEnd().split('\n');
    expect(design[0]).toBe(
      'point,trajectory,step,moved,direction,unit:awareness.peerWeight,unit:membership.thresholdMean,awareness.peerWeight,membership.thresholdMean',
    );
    expect(design).toHaveLength(1 + 6);
    expect(readFileSync(join(morris, 'seeds.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    expect(readFileSync(join(morris, 'indices.csv'), 'utf8').split('\n')[0]).toBe(
      'output,indicator,month,final,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma',
    );
    const json = JSON.parse(readFileSync(join(morris, 'indices.json'), 'utf8'));
    expect(json.outputs.map((o: { output: { key: string } }) => o.output.key)).toEqual([
      'member_share@6',
      'member_share@12',
      'gini@6',
      'gini@12',
    ]);
    for (const o of json.outputs) for (const m of o.morris) expect(m.muStarLower).toBeLessThanOrEqual(m.muStar);
    const html = readFileSync(join(morris, 'report.html'), 'utf8');
    expect(html).toContain('data-chart="morris-gini-m12"');
    expect(html).toContain('μ*');
    const spec = JSON.parse(readFileSync(join(morris, 'charts/morris-gini-m12.vl.json'), 'utf8'));
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(JSON.parse(readFileSync(join(morris, 'manifest.json'), 'utf8'))).toMatchObject({
      kind: 'sensitivity',
      status: 'complete',
      runs: { planned: 6, completed: 6 },
    });
  });

  it('kopsim analyze recomputes the same files, byte for byte, from the folder alone', async () => {
    const copy = join(root, 'morris-again');
    cpSync(morris, copy, { recursive: true });
    for (const f of [...RESULT_FILES, 'design.csv', 'design.json', 'seeds.csv'])
      rmSync(join(copy, f), { recursive: true, force: true });
    const r = await kopsim(['analyze', copy]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Member share, month 12 \(final\):/);
    expect(r.stdout).toMatch(/parameter\s+mu\*\s+95% CI\s+mu\s+sigma/);
    expect(folderFiles(copy)).toEqual(folderFiles(morris));
  });
});

describe("kopsim sensitivity: Sobol'", () => {
  it('prints S1 and ST with intervals (and S2), and kopsim analyze reproduces the tables', async () => {
    const json = JSON.parse(readFileSync(join(sobol, 'indices.json'), 'utf8'));
    expect(json.design).toMatchObject({ method: 'sobol', n: 4, points: 4 * 6, secondOrder: true });
    expect(json.replicatesUsed).toEqual([0, 1]);
    for (const o of json.outputs) {
      expect(o.sobol.indices).toHaveLength(2);
      for (const s of o.sobol.indices)
        for (const k of ['s1', 's1Lower', 's1Upper', 'st', 'stLower', 'stUpper']) expect(typeof s[k]).toBe('number');
      expect(o.sobol.second).toHaveLength(1);
    }
    expect(readFileSync(join(sobol, 'indices-s2.csv'), 'utf8').split('\n')[1]).toMatch(
      /^member_share@12,member_share,12,true,awareness\.peerWeight,membership\.thresholdMean,/,
    );
    const copy = join(root, 'sobol-again');
    cpSync(sobol, copy, { recursive: true });
    for (const f of RESULT_FILES) rmSync(join(copy, f), { recursive: true, force: true });
    const r = await kopsim(['analyze', copy, '--no-report']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/parameter\s+S1\s+95% CI\s+ST\s+95% CI/);
    expect(r.stdout).toMatch(/Second order:/);
    expect(folderFiles(copy)).toEqual(folderFiles(sobol));
  });

  it('gives the same files on 2 workers, and from shards 0/2 and 1/2 merged', async () => {
    const two = join(root, 'sobol-two');
    expect((await kopsim(['sensitivity', sobolFile, '--workers', '2', '--out', two, '--no-report'])).code).toBe(0);
    expect(folderFiles(two)).toEqual(folderFiles(sobol));
    const s0 = join(root, 'shard0');
    const s1 = join(root, 'shard1');
    const r0 = await kopsim(['sensitivity', sobolFile, '--workers', '0', '--shard', '0/2', '--out', s0, '--no-report']);
    expect(r0.code).toBe(0);
    expect(r0.stdout).toMatch(/Shard 0\/2 of tiny-sobol: 24 of 24 runs/);
    expect(existsSync(join(s0, 'indices.csv'))).toBe(false);
    expect(
      (await kopsim(['sensitivity', sobolFile, '--workers', '0', '--shard', '1/2', '--out', s1, '--no-report'])).code,
    ).toBe(0);
    const merged = join(root, 'merged');
    const m = await kopsim(['merge', s0, s1, '--out', merged, '--no-report']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/Merged 2 folders: 48 of 48 runs/);
    expect(folderFiles(merged)).toEqual(folderFiles(sobol));
  });

  it('resumes a folder with runs missing, ending with the same files', async () => {
    const out = join(root, 'sobol-resume');
    cpSync(sobol, out, { recursive: true });
    const lines = readFileSync(join(out, 'runs.jsonl'), 'utf8').split('\n');
    writeFileSync(join(out, 'runs.jsonl'), `${lines.slice(0, 30).join('\n')}\n`);
    for (const f of RESULT_FILES) rmSync(join(out, f), { recursive: true, force: true });
    // With replicate 1 unfinished, analyze uses replicate 0 only, and says so.
    const partial = await kopsim(['analyze', out, '--no-report', '--json']);
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout).result.replicatesUsed).toEqual([0]);
    const r = await kopsim(['sensitivity', sobolFile, '--workers', '0', '--out', out, '--no-report']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/resuming .*: 30 of 48 runs already done/);
    expect(folderFiles(out)).toEqual(folderFiles(sobol));
  });
});

describe('bad input', () => {
  it('reports every problem with its path, exit 2, nothing written', async () => {
    const file = join(root, 'bad.yaml');
    writeFileSync(
      file,
      [
        ...TINY.slice(0, 3),
        'method: sobol',
        'sobol: {n: 6}',
        'indicators: [gini, ginny]',
        'parameters:',
        '  - {path: awareness.peerWeigth, min: 0, max: 1}',
        '  - {path: awareness.culturalFit, min: 0.9, max: 0.5}',
      ].join('\n'),
    );
    const out = join(root, 'never');
    const r = await kopsim(['sensitivity', file, '--out', out, '--workers', 'x']);
    expect(r.code).toBe(2);
    for (const p of ['--workers', 'sobol.n', 'indicators[1]', 'parameters[0].path', 'parameters[1].max'])
      expect(r.stderr).toContain(`  ${p}: `);
    expect(existsSync(out)).toBe(false);
    const empty = join(root, 'empty.yaml');
    writeFileSync(empty, [...TINY, 'method: morris', 'parameters: []'].join('\n'));
    const e = await kopsim(['sensitivity', empty, '--out', out]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('parameters: must list at least one parameter to vary');
    expect(existsSync(out)).toBe(false);
  });

  it('kopsim experiment points a sensitivity file to kopsim sensitivity', async () => {
    const r = await kopsim(['experiment', 'scenarios/experiments/sobol-roadmap.yaml', '--out', join(root, 'never3')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kind: is a sensitivity experiment: run it with kopsim sensitivity/);
    expect(existsSync(join(root, 'never3'))).toBe(false);
  });

  it('kopsim analyze refuses a folder that is not a sensitivity or attribution folder, or whose plan was changed', async () => {
    expect((await kopsim(['analyze', join(root, 'nowhere')])).code).toBe(2);
    const tampered = join(root, 'tampered');
    cpSync(sobol, tampered, { recursive: true });
    const plan = readFileSync(join(tampered, 'plan.json'), 'utf8');
    writeFileSync(join(tampered, 'plan.json'), plan.replace('"resamples": 200', '"resamples": 201'));
    const r = await kopsim(['analyze', tampered]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not match its own hash/);
  });
});
