import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kopsim, tempDir } from '../experiment/cliSupport.js';
import { decodedHtml, englishLeftovers, englishPhrases } from '../support/englishLeftovers.js';
import { TINY_CALIBRATION } from '../support/tinyCalibration.js';

/*
 * kopsim sensitivity and kopsim attribute with --lang id on a tiny scenario (1 region x 100
 * households, 12 months): the report page (its headings, tables, sentences and the charts
 * inlined in it) and the printed tables hold none of the English catalogue's phrases of the
 * keys they use, and the page says lang="id".
 */
const root = tempDir('kopsim-analysis-lang-');
const TINY = ['--months', '12', '--set', 'regions=[{"name":"A","households":100}]', '--workers', '0', '--no-tui'];
const REPORT_KEYS = ['an.', 'report.', 'exp.col.', 'exp.fact.', 'exp.warn.', 'exp.data.', 'unit.', 'stage.', 'ind.'];
const PRINTED_KEYS = ['an.', 'err.', 'batch.', 'cli.exp.wrote', 'stage.', 'ind.'];

describe('--lang id on kopsim attribute, sensitivity and calibrate', () => {
  it('the phrase list is not empty (the test would pass vacuously)', () => {
    expect(englishPhrases(REPORT_KEYS).size).toBeGreaterThan(100);
  });

  it('kopsim attribute: report.html and the printed tables are in Bahasa Indonesia', async () => {
    const out = join(root, 'attr');
    const r = await kopsim(['attribute', 'seed-roadmap', ...TINY, '-n', '2', '--out', out, '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(englishLeftovers(decodedHtml(html), REPORT_KEYS)).toEqual([]);
    expect(html).toContain('Arti nilai-nilai ini');
    expect(r.stdout).toContain('total perolehan (semua - tanpa)');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(englishLeftovers(r.stdout, PRINTED_KEYS)).toEqual([]);
    // The progress lines (not a terminal here) and the warnings too.
    expect(r.stderr).toMatch(/simulasi \(100%\)/);
    expect(englishLeftovers(r.stderr, PRINTED_KEYS)).toEqual([]);
  });

  it('kopsim sensitivity (Morris): report.html and the printed tables are in Bahasa Indonesia', async () => {
    const file = join(root, 'morris.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      [
        'scenario: seed-roadmap',
        'method: morris',
        'morris: {trajectories: 2, levels: 4}',
        'indicators: [member_share, gini, consumption_pc_mean]',
        'parameters:',
        '  - {path: awareness.peerWeight, min: 0.02, max: 0.2}',
        '  - {path: membership.thresholdMean, min: 0.2, max: 0.7}',
      ].join('\n'),
    );
    const out = join(root, 'morris');
    const r = await kopsim(['sensitivity', file, ...TINY, '--out', out, '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(englishLeftovers(decodedHtml(html), REPORT_KEYS)).toEqual([]);
    expect(html).toContain('analisis sensitivitas kopsim');
    expect(englishLeftovers(r.stdout, PRINTED_KEYS)).toEqual([]);
    expect(r.stdout).toMatch(/Porsi anggota, bulan 12 \(akhir\):/);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('kopsim calibrate: report.html and the printed tables are in Bahasa Indonesia', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(root, 'tiny-calibration.yaml');
    writeFileSync(file, TINY_CALIBRATION);
    const out = join(root, 'calibration');
    const r = await kopsim(['calibrate', file, '--workers', '0', '--out', out, '--no-tui', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Uji prediktif posterior');
    expect(englishLeftovers(decodedHtml(html), ['calr.', 'cal.', ...REPORT_KEYS])).toEqual([]);
    expect(r.stdout).toMatch(/^Kalibrasi tiny: 2 generasi/);
    expect(englishLeftovers(r.stdout, ['cal.', ...PRINTED_KEYS], 8)).toEqual([]);
  });

  it('kopsim discover: report.html and the printed box are in Bahasa Indonesia', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(root, 'tiny-discover.yaml');
    writeFileSync(
      file,
      [
        'kind: discover',
        'name: tiny',
        'scenarios: [top-down]',
        'baseline: status-quo',
        'months: 12',
        `set: ['regions=[{"name":"a","households":30}]']`,
        'outcome: p0 - baseline.p0 > -0.02',
        'prim: { alpha: 0.1, minMass: 0.1 }',
        'sweep:',
        '  design: latin-hypercube',
        '  points: 10',
        '  seed: 5',
        '  parameters:',
        '    - { path: governance.initialTopDown, from: 0.1, to: 0.6 }',
        '    - { path: awareness.culturalFit, from: 0.1, to: 0.9 }',
      ].join('\n'),
    );
    const out = join(root, 'discover');
    const r = await kopsim(['discover', file, '--workers', '0', '--out', out, '--no-tui', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Pertanyaan dan parameter yang tidak pasti');
    expect(englishLeftovers(decodedHtml(html), ['disc.', ...REPORT_KEYS])).toEqual([]);
    expect(r.stdout).toMatch(/^top-down: hasil \(p0 - baseline\.p0 > -0\.02\)/);
    expect(englishLeftovers(r.stdout, ['disc.', ...PRINTED_KEYS], 8)).toEqual([]);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('kopsim branch: report.html and the printed comparison are in Bahasa Indonesia', async () => {
    const state = join(root, 'sq12.kstate');
    const small = ['--set', 'regions=[{"name":"a","households":60}]', '--months', '24'];
    const saved = await kopsim([
      'run',
      'status-quo',
      ...small,
      '--until',
      '12',
      '--save-state',
      state,
      '--no-report',
      '--json',
      '--out',
      join(root, 'sq'),
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const out = join(root, 'branches');
    const r = await kopsim(['branch', state, 'status-quo', 'seed-roadmap', '-n', '2', '--out', out, '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(englishLeftovers(decodedHtml(html), ['branch.', ...REPORT_KEYS])).toEqual([]);
    expect(r.stdout).toMatch(/^status-quo-m12: 2 strategi dari bulan 12 sampai 24, masing-masing 2 ulangan/);
    expect(englishLeftovers(r.stdout + r.stderr, ['branch.', ...PRINTED_KEYS], 8)).toEqual([]);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});
