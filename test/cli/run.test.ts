import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { runSeed } from '../../src/core/seed.js';
import { INDICATORS, KEY_INDICATORS } from '../../src/indicators/registry.js';
import { kopsim, ROOT, type CliResult } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

const temp = tempDirs('kopsim-cli-');
afterAll(() => temp.cleanup());

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const MALFORMED = `
months: -5
regions:
  - { name: a, households: -5 }
awareness: { decay: 2 }
strategy: { mode: gatd }
colour: blue
`;
const MALFORMED_PATHS = ['months', 'regions[0].households', 'awareness.decay', 'strategy.mode', 'colour'];

describe('kopsim run with bad input', () => {
  it('exits 2, lists every problem with its path and value, and writes nothing (no reports/ folder)', async () => {
    const cwd = temp.make({ 'bad.yaml': MALFORMED });
    const r = await kopsim(['run', 'bad.yaml'], cwd);
    expect(r.status).toBe(2);
    for (const path of MALFORMED_PATHS) expect(r.stderr).toContain(`  ${path}: `);
    expect(r.stderr).toContain('got -5');
    expect(r.stderr).toContain('got "gatd"');
    expect(r.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual(['bad.yaml']);
  });

  it('reports bad flags together with the bad scenario fields, all at once, and creates nothing at --out either', async () => {
    const cwd = temp.make({ 'bad.yaml': MALFORMED });
    const r = await kopsim(
      ['run', 'bad.yaml', '--seed', 'abc', '--months', '0', '--set', 'oops', '--out', 'out/run1'],
      cwd,
    );
    expect(r.status).toBe(2);
    for (const path of ['--seed', '--months', '--set', ...MALFORMED_PATHS]) expect(r.stderr).toContain(`  ${path}: `);
    expect(r.stderr).toContain('got "abc"');
    expect(readdirSync(cwd)).toEqual(['bad.yaml']);
  });

  it('exits 2 for a scenario that does not exist, and for --out naming an existing file', async () => {
    const cwd = temp.make({ 'file.txt': 'x' });
    expect((await kopsim(['run', 'no-such-scenario'], cwd)).status).toBe(2);
    const r = await kopsim(
      ['run', '--out', 'file.txt', '--months', '1', '--set', 'regions=[{"name":"a","households":20}]'],
      cwd,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out');
    expect(readFileSync(join(cwd, 'file.txt'), 'utf8')).toBe('x');
    expect(readdirSync(cwd)).toEqual(['file.txt']);
  });

  it('exits 2 for an unknown option', async () => {
    const r = await kopsim(['run', '--mnths', '3'], temp.make());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--mnths: is not an option of kopsim run; did you mean --months?');
  });

  describe('when the output cannot be written (--out under a file)', () => {
    let cwd: string;
    let r: CliResult;
    beforeAll(async () => {
      cwd = temp.make({ 'file.txt': 'x' });
      r = await kopsim(
        ['run', '--out', 'file.txt/run', '--months', '1', '--set', 'regions=[{"name":"a","households":20}]'],
        cwd,
      );
    });

    it('exits 2 before any work and leaves nothing', () => {
      expect(r.status).toBe(2);
      expect(readdirSync(cwd)).toEqual(['file.txt']);
    });

    it('says plainly that the folder cannot be made there', () => {
      expect(r.stderr).toMatch(/--out: cannot be created: .*file\.txt is not a folder/);
      expect(r.stderr).not.toMatch(/unexpected failure/);
    });
  });
});

describe('kopsim run --months 12 --out DIR (the default scenario)', () => {
  let dir: string;
  let out: string;
  let r: CliResult;
  beforeAll(async () => {
    dir = temp.make();
    out = join(dir, 'run');
    r = await kopsim(['run', '--months', '12', '--out', out], dir);
  });

  it('exits 0 and writes manifest.json, timeseries.csv, summary.json (and events.csv), nothing else around them', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining(['manifest.json', 'summary.json', 'timeseries.csv']),
    );
    expect(readdirSync(dir)).toEqual(['run']); // no temporary or partial folder left behind
  });

  it('records in manifest.json the version, the scenario as resolved, the seeds, the command line and the timings', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.kopsimVersion).toBe(version);
    expect(m.scenarioId).toBe('default');
    expect(m.baseSeed).toBe(1);
    expect(m.seed).toBe(runSeed(1));
    expect(m.months).toBe(12);
    expect(m.households).toBe(2500);
    expect(m.commandLine).toEqual(['kopsim', 'run', '--months', '12', '--out', out]);
    expect(m.overrides).toEqual(['months=12']);
    expect(m.extendsChain.map((f: string) => f.split(/[\\/]/).pop())).toEqual(['seed-roadmap.yaml', 'default.yaml']);
    // Resolved: every default filled in, the override applied.
    expect(m.scenario.months).toBe(12);
    expect(m.scenario.regions).toHaveLength(5);
    for (const section of [
      'households',
      'shocks',
      'awareness',
      'membership',
      'market',
      'enterprises',
      'governance',
      'shu',
      'strategy',
      'gates',
    ])
      expect(m.scenario[section]).toBeTypeOf('object');
    expect(m.scenario.membership.simpananPokok).toBe(50_000);
    expect(m.timings.simulationMs).toBeGreaterThanOrEqual(0);
    expect(m.timings.totalMs).toBeGreaterThanOrEqual(m.timings.simulationMs);
    expect(Date.parse(m.finishedAt)).toBeGreaterThanOrEqual(Date.parse(m.startedAt));
    expect(m.stoppedEarly).toBe(false);
  });

  it('writes timeseries.csv as tidy rows: header month,region,indicator,value; every month x scope x indicator', () => {
    const lines = readFileSync(join(out, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('month,region,indicator,value');
    const rows = lines.slice(1).map((l) => l.split(','));
    const scopes = ['total', 'Sukamaju', 'Mekarsari', 'Sumberjaya', 'Cibodas', 'Tanjungsari'];
    expect(rows).toHaveLength(13 * scopes.length * INDICATORS.length);
    expect([...new Set(rows.map((x) => x[0]))]).toEqual(Array.from({ length: 13 }, (_, m) => String(m)));
    expect([...new Set(rows.map((x) => x[1]))]).toEqual(scopes);
    expect([...new Set(rows.map((x) => x[2]))]).toEqual(INDICATORS.map((i) => i.id));
    expect(rows.every((x) => x.length === 4 && Number.isFinite(Number(x[3])) && x[3] !== '')).toBe(true);
  });

  it('writes summary.json: key indicators (start, final, mean), every unit, and each region\'s stage timeline with null for "not reached"', () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.scenario).toBe('default');
    expect(s.months).toBe(12);
    expect(s.seed).toBe(runSeed(1));
    expect(s.indicators.map((i: { id: string }) => i.id)).toEqual(KEY_INDICATORS);
    for (const i of s.indicators) for (const k of ['start', 'final', 'mean']) expect(Number.isFinite(i[k])).toBe(true);
    expect(s.stageTimeline).toHaveLength(5);
    for (const t of s.stageTimeline) {
      expect(Object.keys(t.stages)).toEqual(['stage1', 'stage2', 'stage3', 'stage4', 'stage5', 'stage6']);
      expect(t.stages.stage1).toBe(0); // gated, bottom-up: stage 1 opens at month 0
      expect(t.stages.stage6).toBeNull();
    }
    expect(s.federationMonth).toBeNull();
    expect(Object.keys(s.units)).toEqual(INDICATORS.map((i) => i.id));
    expect(s.units.p0).toBe('share');
  });

  it('prints the summary table within 80 columns: indicators, the stage timeline and where it wrote', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(r.stdout.split('\n')[0]).toBe(`${m.scenario.name} (default)`);
    expect(r.stdout.split('\n')[1]).toBe(`strategy seed-roadmap, seed ${runSeed(1)}, 12 months, 2,500 households`);
    expect(r.stdout).toMatch(/indicator\s+start\s+final\s+mean/);
    expect(r.stdout).toContain('Poverty headcount P0');
    expect(r.stdout).toMatch(/Poverty headcount P0\s+\d+\.\d%/); // shares in percent
    expect(r.stdout).toContain('Stage timeline');
    expect(r.stdout).toContain('not reached');
    for (const line of r.stdout.split('\n').filter((l) => !l.startsWith('Wrote')))
      expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain(`Wrote ${out}`);
  });
});

describe('kopsim run, other options', () => {
  const small = ['--set', 'regions=[{"name":"a","households":60},{"name":"b","households":40}]', '--months', '6'];

  it('--json prints only JSON: the folder and the summary', async () => {
    const dir = temp.make();
    const r = await kopsim(['run', ...small, '--json', '--out', 'out'], dir);
    expect(r.status, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.folder).toBe(join(dir, 'out'));
    expect(parsed.months).toBe(6);
    expect(parsed.stageTimeline.map((t: { region: string }) => t.region)).toEqual(['a', 'b']);
    expect(parsed.indicators.length).toBeGreaterThan(0);
  });

  it('without --out writes reports/<scenario>-s<seed>-<time>/ under the working folder', async () => {
    const dir = temp.make();
    const r = await kopsim(['run', ...small, '--seed', '7'], dir);
    expect(r.status, r.stderr).toBe(0);
    const runs = readdirSync(join(dir, 'reports'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^default-s7-\d{8}-\d{6}$/);
    const m = JSON.parse(readFileSync(join(dir, 'reports', runs[0], 'manifest.json'), 'utf8'));
    expect(m.baseSeed).toBe(7);
    expect(m.seed).toBe(runSeed(7));
  });

  it('runs a scenario file given by path (extending a bundled one)', async () => {
    const dir = temp.make({ 'mine.yaml': 'extends: status-quo\nregions: [{ name: x, households: 30 }]\nmonths: 3\n' });
    const r = await kopsim(['run', 'mine.yaml', '--out', 'out'], dir);
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(s.scenario).toBe('mine');
    expect(s.strategy).toBe('status-quo');
    expect(s.months).toBe(3);
  });
});
