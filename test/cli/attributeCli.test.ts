import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderFiles, kopsim, tempDir } from '../experiment/cliSupport.js';

/*
 * kopsim attribute end to end on a tiny scenario (1 region x 100 households, 12 months,
 * 2 replicates): 64 coalitions of the six stages, Shapley values with t intervals over
 * replicates, in the default design (programmes) and the roadmap design.
 */
const root = tempDir('kopsim-attr-');
const TINY = ['--months', '12', '--set', 'regions=[{"name":"A","households":100}]', '-n', '2', '--workers', '0'];
const exact = join(root, 'exact');
let printed = '';
/** The printed text with its line breaks as spaces (prose is wrapped at 80 columns). */
let flat = '';
let warned = '';

interface Output {
  output: { key: string };
  stages: {
    stage: number;
    value: number;
    lower: number;
    upper: number;
    addOne: { value: number };
    leaveOneOut: { value: number };
  }[];
  empty: number;
  full: number;
  total: number;
  totalLower: number;
  totalUpper: number;
  sum: number;
  efficient: boolean;
}

function outputs(dir: string): Output[] {
  return JSON.parse(readFileSync(join(dir, 'shapley.json'), 'utf8')).outputs;
}

/** The efficiency property: the six values add up to full - empty within 1e-9 relative. */
function expectEfficient(o: Output): void {
  const sum = o.stages.reduce((a, s) => a + s.value, 0);
  expect(Math.abs(sum - (o.full - o.empty))).toBeLessThanOrEqual(
    1e-9 * Math.max(Math.abs(o.full), Math.abs(o.empty), 1e-300),
  );
  expect(o.efficient).toBe(true);
}

beforeAll(async () => {
  const r = await kopsim(['attribute', 'seed-roadmap', ...TINY, '--out', exact]);
  expect(r.code, r.stderr).toBe(0);
  printed = r.stdout;
  flat = r.stdout.replace(/\s+/g, ' ');
  warned = r.stderr;
});

describe('kopsim attribute', () => {
  it('prints six values with CIs per indicator, the two ends, the gain and the check', () => {
    for (const title of [
      'Real consumption per capita (mean), month 12 (final):',
      'Poverty headcount P0, month 12 (final):',
      'Gini (consumption), month 12 (final):',
      'Member share, month 12 (final):',
    ]) {
      expect(printed).toContain(title);
    }
    expect(flat).toMatch(/design programmes, exact \(all 64 coalitions\) x 2 replicates/);
    expect(printed).toMatch(/1 awareness\s+[+-]?Rp[\d.,]+(?: [kM])?\s+\[[^\]]+\]/);
    expect(printed).toMatch(/^ {2}alone \(add-one\)\s+[+-]?Rp/m);
    expect(printed).toMatch(/^ {2}last \(leave-one-out\)\s+[+-]?Rp/m);
    // Every line within 80 columns: one stage a block of three lines, prose wrapped.
    for (const line of printed.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(printed).toMatch(/6 social programs/);
    expect(printed).toMatch(/no programmes/);
    expect(printed).toMatch(/total gain \(all - none\)/);
    expect(flat).toMatch(/All six stages together (add|take away) /);
    expect(flat).toMatch(/intervals: Student t interval over replicates/);
    expect(flat.match(/the values add up to the gain/g)).toHaveLength(4);
  });

  it('warns on stderr and in the report that 2 replicates are too few', () => {
    expect(warned).toMatch(/warning: only 2 replicates: the confidence intervals are unreliable below 10/);
    expect(readFileSync(join(exact, 'report.html'), 'utf8')).toContain('Too few replicates.');
  });

  it('saves values summing to the total gain within 1e-9 relative, each with a CI', () => {
    const outs = outputs(exact);
    expect(outs.map((o) => o.output.key)).toEqual(['consumption_pc_mean@12', 'p0@12', 'gini@12', 'member_share@12']);
    for (const o of outs) {
      expect(o.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6]);
      expectEfficient(o);
      for (const s of o.stages) {
        expect(Number.isFinite(s.lower) && Number.isFinite(s.upper)).toBe(true);
        expect(s.lower).toBeLessThanOrEqual(s.value + 1e-12);
        expect(s.upper).toBeGreaterThanOrEqual(s.value - 1e-12);
      }
      expect(o.totalLower).toBeLessThanOrEqual(o.total + 1e-12);
    }
    // The full coalition is the plain run whatever the design.
    expect(outs[3].full).toBeGreaterThan(0);
    const files = Object.keys(folderFiles(exact)).sort();
    expect(files.filter((f) => !f.startsWith('charts/'))).toEqual([
      'coalitions.csv',
      'design.csv',
      'design.json',
      'plan.json',
      'report.html',
      'runs.jsonl',
      'seeds.csv',
      'shapley.csv',
      'shapley.json',
    ]);
    expect(files).toContain('charts/shapley-consumption_pc_mean-m12.png');
    expect(readFileSync(join(exact, 'runs.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(128);
    expect(readFileSync(join(exact, 'report.html'), 'utf8')).toContain('data-chart="shapley-p0-m12"');
  });

  it("runs each coalition with its stages only, replicate k on one seed: the full coalition's run is the plain run", async () => {
    const runs = readFileSync(join(exact, 'runs.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const seeds = new Set(runs.filter((r) => r.replicate === 0).map((r) => r.seed));
    expect(seeds.size).toBe(1);
    const full = runs.find((r) => r.point === 'stages=1+2+3+4+5+6' && r.replicate === 0);
    const plain = join(root, 'plain');
    const r = await kopsim([
      'run',
      'seed-roadmap',
      '--months',
      '12',
      '--set',
      'regions=[{"name":"A","households":100}]',
      '--out',
      plain,
      '--no-report',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(plain, 'timeseries.csv'), 'utf8');
    const last = csv.split('\n').find((l) => /^12,total,member_share,/.test(l));
    expect(Number(last!.split(',')[3])).toBe(full.values.member_share[12]);
  });

  it('kopsim analyze recomputes the same files, byte for byte', async () => {
    const copy = join(root, 'exact-again');
    cpSync(exact, copy, { recursive: true });
    for (const f of ['shapley.csv', 'shapley.json', 'coalitions.csv', 'report.html', 'charts'])
      rmSync(join(copy, f), { recursive: true, force: true });
    const r = await kopsim(['analyze', copy]);
    expect(r.code, r.stderr).toBe(0);
    expect(folderFiles(copy)).toEqual(folderFiles(exact));
  });

  it('--design roadmap: no stage is the status quo (no cooperative, so no members), the full run the same', async () => {
    const out = join(root, 'roadmap');
    const r = await kopsim([
      'attribute',
      'seed-roadmap',
      ...TINY,
      '--design',
      'roadmap',
      '--indicators',
      'member_share',
      '--out',
      out,
      '--no-report',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/design roadmap/);
    expect(r.stdout).toMatch(/no stage \(status quo\)/);
    const o = outputs(out)[0];
    expect(o.empty).toBe(0);
    expect(o.full).toBe(outputs(exact)[3].full);
    expectEfficient(o);
    const csv = readFileSync(join(out, 'shapley.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('output,indicator,month,final,term,stage,name,value,ci_low,ci_high,ci_method');
    expect(csv).toMatch(/,add_one,1,awareness,.*,t\n/);
    expect(csv).toMatch(/,leave_one_out,6,social programs,.*,t\n/);
  });

  it('--design scheduled without a timeline is bad input (exit 2, nothing written)', async () => {
    const out = join(root, 'never-scheduled');
    const r = await kopsim(['attribute', 'seed-roadmap', ...TINY, '--design', 'scheduled', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  --design: scheduled needs a timeline');
    expect(existsSync(out)).toBe(false);
  });

  it('--sample K runs only the coalitions K orders visit, and its values still sum to the gain', async () => {
    const out = join(root, 'sampled');
    const r = await kopsim([
      'attribute',
      'seed-roadmap',
      ...TINY,
      '--sample',
      '3',
      '--indicators',
      'member_share,gini',
      '--at',
      '6,final',
      '--out',
      out,
      '--no-report',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/permutation sampling \(3 stage orders, \d+ coalitions\)/);
    const design = readFileSync(join(out, 'design.csv'), 'utf8').trimEnd().split('\n');
    expect(design.length - 1).toBeLessThanOrEqual(1 + 3 * 6 + 12);
    expect(readFileSync(join(out, 'permutations.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(4);
    const outs = outputs(out);
    expect(outs.map((o) => o.output.key)).toEqual(['member_share@6', 'member_share@12', 'gini@6', 'gini@12']);
    for (const o of outs) expectEfficient(o);
    // The full and empty coalitions are run either way: the same ends as the exact attribution.
    const exactMembers = outputs(exact)[3];
    expect(outs[1].full).toBe(exactMembers.full);
    expect(outs[1].empty).toBe(exactMembers.empty);
  });

  it('reports bad flags and indicators together, exit 2, nothing written', async () => {
    const out = join(root, 'never');
    const r = await kopsim([
      'attribute',
      'seed-roadmap',
      '--sample',
      '0',
      '--indicators',
      'gini,ginny',
      '--at',
      '13,x',
      '--months',
      '12',
      '--out',
      out,
    ]);
    expect(r.code).toBe(2);
    for (const p of ['--sample', '--at', '--indicators[1]']) expect(r.stderr).toContain(`  ${p}: `);
    expect(existsSync(out)).toBe(false);
  });
});
