import { describe, expect, it } from 'vitest';
import type { CalibrationTarget } from '../../../src/experiment/calibration/calibrationPlan.js';
import { posteriorDrawIndex } from '../../../src/experiment/calibration/posteriorDraws.js';
import {
  posteriorTable,
  predictiveCheck,
  weightedQuantile,
} from '../../../src/experiment/calibration/posteriorSummary.js';
import { priorWorkingSd } from '../../../src/experiment/calibration/prior.js';
import { targetDeviation, targetDistance } from '../../../src/experiment/calibration/targetStatistics.js';

const target = (t: Partial<CalibrationTarget>): CalibrationTarget =>
  ({ name: 't', observed: null, band: null, scale: 1, ...t }) as CalibrationTarget;

describe('posterior summaries', () => {
  it('weighted quantiles: the smallest value whose cumulative weight reaches q (by hand)', () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.5)).toBe(2);
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.2)).toBe(1);
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.95)).toBe(3);
  });

  it('prior sds on the working scale (by hand)', () => {
    expect(priorWorkingSd({ distribution: 'uniform', min: 0, max: 12 })).toBeCloseTo(12 / Math.sqrt(12), 12);
    expect(priorWorkingSd({ distribution: 'loguniform', min: 1, max: Math.E ** 2 })).toBeCloseTo(2 / Math.sqrt(12), 12);
    // Beta(2, 2): variance ab / ((a+b)^2 (a+b+1)) = 4 / 80 = 0.05.
    expect(priorWorkingSd({ distribution: 'beta', a: 2, b: 2, min: 0, max: 1 })).toBeCloseTo(Math.sqrt(0.05), 12);
    expect(priorWorkingSd({ distribution: 'normal', mean: 0, sd: 2 })).toBeCloseTo(2, 9);
    // A normal cut at its mean: half-normal sd = sigma sqrt(1 - 2/pi).
    expect(priorWorkingSd({ distribution: 'normal', mean: 0, sd: 1, min: 0 })).toBeCloseTo(
      Math.sqrt(1 - 2 / Math.PI),
      6,
    );
  });

  it('a parameter the particles pin down is identified, one spread like its prior is not', () => {
    const particles = Array.from({ length: 100 }, (_, i) => ({
      generation: 0,
      proposal: i,
      theta: [0.5 + (i % 10) * 0.001, i / 99],
      distance: 0,
      weight: 0.01,
      rawWeight: 1,
    }));
    const rows = posteriorTable(
      [
        { path: 'a', prior: { distribution: 'uniform', min: 0, max: 1 }, source: '' },
        { path: 'b', prior: { distribution: 'uniform', min: 0, max: 1 }, source: '' },
      ],
      particles,
    );
    expect(rows.map((r) => r.identified)).toEqual(['identified', 'prior']);
    expect(rows[1].q05).toBeCloseTo(4 / 99, 12);
  });

  it('deviations, distances and predictive p-values (by hand)', () => {
    expect(targetDeviation(target({ observed: 0.3, scale: 0.01 }), 0.32)).toBeCloseTo(2, 12);
    expect(targetDeviation(target({ band: [0.2, 0.6], scale: 0.1 }), 0.4)).toBe(0);
    expect(targetDeviation(target({ band: [0.2, 0.6], scale: 0.1 }), 0.1)).toBeCloseTo(-1, 12);
    expect(targetDistance([target({ observed: 0, scale: 1 }), target({ observed: 0, scale: 2 })], [3, 8])).toBe(5);
    // Observed 2 among draws 1..10: P(sim <= 2) = 0.2, so p = 0.4; band [3, 5] holds 3 of 10 draws.
    const rows = predictiveCheck(
      [target({ observed: 2 }), target({ band: [3, 5] })],
      Array.from({ length: 10 }, (_, i) => [i + 1, i + 1]),
    );
    expect(rows[0].pValue).toBeCloseTo(0.4, 12);
    expect(rows[1].pValue).toBeCloseTo(0.3, 12);
  });

  it('a posterior draw depends only on its key: the same on every call, spread by weight', () => {
    expect(posteriorDrawIndex([0.5, 0.5], 1, 'r0')).toBe(posteriorDrawIndex([0.5, 0.5], 1, 'r0'));
    const counts = [0, 0];
    for (let i = 0; i < 2000; i++) counts[posteriorDrawIndex([0.25, 0.75], 7, i)]++;
    expect(counts[1] / 2000).toBeGreaterThan(0.7);
    expect(counts[1] / 2000).toBeLessThan(0.8);
  });
});
