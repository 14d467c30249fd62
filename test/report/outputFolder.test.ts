import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell } from '../../src/report/csvText.js';
import { writableProblem } from '../../src/report/outputFolder.js';
import { runMain } from '../support/mainInProcess.js';
import { tempDirs } from '../support/tempFiles.js';

/*
 * kopsim never deletes or overwrites what it did not write (issue 11): a non-empty --out
 * that is not a kopsim folder of the same kind is refused with exit 2 before any work,
 * stale temporary folders of dead processes are cleaned, and CSV cells cannot run as
 * formulas in a spreadsheet.
 */

const temp = tempDirs();
afterAll(() => temp.cleanup());

/** A small, quick run: two regions, 3 months. */
const SMALL = [
  '--months',
  '3',
  '--set',
  'regions=[{"name":"=HYPERLINK(\\"http://x\\")","households":30},{"name":"@sum","households":30}]',
  '--no-report',
];

describe('kopsim run --out', () => {
  it('refuses a folder holding files kopsim did not write (exit 2, before any work), and leaves them', async () => {
    const dir = temp.make({ 'precious/thesis.txt': 'years of work' });
    const out = join(dir, 'precious');
    for (const extra of [[], ['--force']]) {
      const r = await runMain(['run', ...SMALL, '--out', out, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(readFileSync(join(out, 'thesis.txt'), 'utf8')).toBe('years of work');
      expect(readdirSync(out)).toEqual(['thesis.txt']);
      expect(readdirSync(dir)).toEqual(['precious']);
    }
    const r = await runMain(['run', ...SMALL, '--out', out]);
    expect(r.stderr).toContain('--out: is not empty and is not a kopsim run folder (it holds thesis.txt)');
  });

  it('refuses an experiment folder, and a run folder with a file added to it', async () => {
    const dir = temp.make({ 'exp/plan.json': '{"hash":"abc"}' });
    expect((await runMain(['run', ...SMALL, '--out', join(dir, 'exp')])).code).toBe(2);
    const out = join(dir, 'run');
    expect((await runMain(['run', ...SMALL, '--out', out])).code).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await runMain(['run', ...SMALL, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds files kopsim did not write (notes.txt)');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('replaces its own run folder, and removes temporary folders left by dead processes', async () => {
    const dir = temp.make();
    const out = join(dir, 'run');
    expect((await runMain(['run', ...SMALL, '--out', out])).code).toBe(0);
    // A process id that is not running (above the kernel's default pid_max), and a live one (this process's parent).
    mkdirSync(join(dir, '.run.partial-4194305'));
    mkdirSync(join(dir, '.run.old-4194306'));
    mkdirSync(join(dir, `.run.partial-${process.ppid}`));
    expect((await runMain(['run', ...SMALL, '--out', out])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`.run.partial-${process.ppid}`, 'run']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.timings.totalMs).toBeGreaterThanOrEqual(manifest.timings.simulationMs);
  });
});

describe('kopsim merge --out', () => {
  it('refuses a folder that is not an experiment folder, and leaves it', async () => {
    const dir = temp.make({ 'precious/thesis.txt': 'years of work', 'shard/plan.json': '{}' });
    const r = await runMain(['merge', join(dir, 'shard'), '--out', join(dir, 'precious')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty and is not a kopsim experiment folder');
    expect(readdirSync(join(dir, 'precious'))).toEqual(['thesis.txt']);
  });
});

describe('writability', () => {
  it('is checked before any work, with the reason', () => {
    const enoent = Object.assign(new Error('x'), { code: 'EROFS' });
    const readOnly = () => {
      throw enoent;
    };
    expect(writableProblem('/tmp/a/b', readOnly)).toBe('cannot be written (/tmp: read-only file system)');
    expect(writableProblem(temp.make())).toBeUndefined();
  });

  it('a file where a folder should be is refused', async () => {
    const dir = temp.make({ file: 'x' });
    const r = await runMain(['run', ...SMALL, '--out', join(dir, 'file', 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a folder');
    expect(existsSync(join(dir, 'file', 'run'))).toBe(false);
  });
});

describe('CSV cells', () => {
  it('that would start a formula get a leading apostrophe; numbers do not', () => {
    for (const c of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(c)).toBe(`'${c}`);
    for (const c of ['-0.25', '+3', '1e-7', '-1.5E+10', 'Sukamaju', '', "'quoted"]) expect(neutraliseCell(c)).toBe(c);
    for (const c of ['=1', "'=1", "''@x", 'plain', '-5', "'quoted"]) expect(restoreCell(neutraliseCell(c))).toBe(c);
  });

  it('are neutralised in what a run writes, read back as pandas would (csv-parse)', async () => {
    const out = join(temp.make(), 'run');
    expect((await runMain(['run', ...SMALL, '--out', out])).code).toBe(0);
    for (const file of ['timeseries.csv', 'events.csv']) {
      const rows = parse(readFileSync(join(out, file), 'utf8'), { columns: true }) as Record<string, string>[];
      const regions = new Set(rows.map((r) => r.region));
      expect(regions.has('\'=HYPERLINK("http://x")'), file).toBe(file === 'timeseries.csv' || regions.size > 1);
      for (const row of rows)
        for (const cell of Object.values(row)) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `${file}: ${cell}`).toBe(true);
        }
    }
  });
});
