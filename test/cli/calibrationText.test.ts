import { describe, expect, it } from 'vitest';
import { calibrationText } from '../../src/cli/commands/calibrate.js';
import { posteriorText } from '../../src/cli/posteriorText.js';
import type { CalibrationResult } from '../../src/experiment/calibration/calibrationResult.js';
import type { PosteriorUncertainty } from '../../src/experiment/calibration/posteriorUncertainty.js';
import { englishLeftovers } from '../support/englishLeftovers.js';

/** The fields the printed summary reads, with made-up values (the numbers are not checked here). */
const result = {
  plan: { name: 'baseline-bps', pending: [{ name: 'food-share' }] },
  simulations: 1200,
  generations: [
    { index: 1, epsilon: 2.5, acceptance: 0.41, ess: 88.2, simulations: 600 },
    { index: 2, epsilon: 1.25, acceptance: 0.22, ess: 75.4, simulations: 600 },
  ],
  table: [
    {
      path: 'awareness.peerWeight',
      prior: 'uniform(0.02, 0.2)',
      mean: 0.0812,
      q05: 0.041,
      q95: 0.13,
      sdRatio: 0.42,
      identified: 'identified',
    },
  ],
  predictive: [{ target: 'gini', observed: 0.306, mean: 0.301, q05: 0.29, q95: 0.315, pValue: 0.62 }],
} as unknown as CalibrationResult;

const uncertainty = {
  seedsPerDraw: 2,
  draws: 20,
  variance: [
    {
      scenario: 'seed-roadmap',
      indicator: 'p0',
      month: 120,
      mean: 0.1,
      total: 2e-4,
      within: 1.2e-4,
      between: 8e-5,
      parameterShare: 0.4,
    },
  ],
  ranking: [
    { a: 'seed-roadmap', b: 'top-down', indicator: 'p0', month: 120, draws: 20, share: 0.95, direction: 'lower' },
  ],
} as unknown as PosteriorUncertainty;

describe('the calibration and --posterior summaries', () => {
  it('read as before in English', () => {
    const text = calibrationText(result, 'reports/cal', true, 'en');
    expect(text).toMatch(/^Calibration baseline-bps: 2 generations, 1,200 simulations/);
    // The posterior table is split to fit 80 columns: the verdict comes in a table of its own.
    expect(text).toMatch(/awareness\.peerWeight\s+uniform\(0\.02, 0\.2\)\s+0\.0812\s+0\.0410 to 0\.130\s+0\.42\n/);
    expect(text).toMatch(/awareness\.peerWeight\s+identified/);
    expect(text).toContain('Not matched yet (pending): food-share');
    const posterior = posteriorText(uncertainty, 'en');
    expect(posterior.replace(/\s+/g, ' ')).toContain(
      'Ranking: in 95% of 20 posterior draws seed-roadmap beats top-down on Poverty headcount P0 (lower is better)',
    );
    for (const t of [text, posterior]) expect(t.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('are in Bahasa Indonesia with lang id, names and paths kept', () => {
    const text = calibrationText(result, 'reports/cal', true, 'id');
    expect(text).toMatch(/^Kalibrasi baseline-bps: 2 generasi, 1\.200 simulasi/);
    expect(text).toMatch(/awareness\.peerWeight\s+uniform\(0\.02, 0\.2\)\s+0,0812\s+0,0410 s\.d\. 0,130\s+0,42\n/);
    expect(text).toMatch(/awareness\.peerWeight\s+teridentifikasi/);
    const posterior = posteriorText(uncertainty, 'id');
    expect(posterior.replace(/\s+/g, ' ')).toContain(
      'Peringkat: pada 95% dari 20 tarikan posterior seed-roadmap mengungguli top-down',
    );
    for (const t of [text, posterior])
      expect(englishLeftovers(t, ['cal.', 'post.', 'an.col.', 'exp.col.'], 6)).toEqual([]);
  });
});
