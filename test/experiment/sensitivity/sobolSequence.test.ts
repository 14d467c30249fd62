import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from '../../../src/experiment/sensitivity/sobolSequence.js';

const TWO_32 = 2 ** 32;

/**
 * Per-dimension checksums sum_i ((i mod 7) + 1) * x_i * 2^32 over the first 4096
 * points in 128 dimensions, computed with scipy 1.17.1:
 *   x = qmc.Sobol(128, scramble=False, bits=32).random(4096) * 2**32
 *   (x * (np.arange(4096) % 7 + 1)[:, None]).sum(axis=0)
 * 4096 points use direction numbers up to v_12, so every initial m_k of every
 * bundled dimension (degree at most 10) and the recurrence are exercised.
 */
const SCIPY_CHECKSUMS = [
  35184371040256, 35284470202368, 36527009693696, 35176540274688, 35003212759040, 35394348384256, 35499531042816,
  35092767440896, 35205392891904, 35211734679552, 35276373098496, 35118340112384, 35184570269696, 35183783837696,
  35107682385920, 35328824967168, 34869653536768, 35184402497536, 35091586744320, 35166912249856, 35271675478016,
  35301775900672, 35286720446464, 35035691352064, 35098192773120, 35106598158336, 34977589755904, 35371424415744,
  35145626157056, 35167021301760, 35192533155840, 34969419251712, 35049014558720, 35529625174016, 35110826016768,
  35111237058560, 35054305673216, 35096783486976, 35081809821696, 35623122501632, 35260671721472, 35336391491584,
  35446118678528, 35261617537024, 35808772882432, 35145999450112, 35192608653312, 35213915717632, 35172385816576,
  35083430920192, 35123654295552, 35117989888000, 35305798238208, 34957220118528, 35389415882752, 35189890744320,
  35811620814848, 35122479890432, 35135427706880, 35378059804672, 35245119242240, 35104335331328, 35195792130048,
  35194171031552, 34704362307584, 35030702227456, 34906271907840, 35061287092224, 35333755371520, 35219332661248,
  35165318414336, 35199896256512, 35147318558720, 35075327524864, 35215287255040, 35241587638272, 35216266625024,
  35142329434112, 35184578658304, 35140098064384, 35130100940800, 35084175409152, 35087130296320, 35062667018240,
  35014904381440, 35195741798400, 35089126785024, 35200665911296, 34515775913984, 35129696190464, 35077993005056,
  35094801678336, 35345998544896, 35106713501696, 35217841586176, 35155363233792, 35195741798400, 35408770498560,
  35080312455168, 35166727700480, 35158974529536, 35116719013888, 35040388972544, 35214664400896, 34935397154816,
  35135861817344, 35156296466432, 35341514833920, 35081786753024, 35038327472128, 35141205360640, 35225416499200,
  35059584204800, 35238334955520, 35297548042240, 35206363873280, 35206311444480, 35189746040832, 35195498528768,
  35178234773504, 35238358024192, 35147350016000, 35163848310784, 35144053293056, 35339891638272, 35082749345792,
  35136243499008, 35262492049408,
];

describe('sobolSequence', () => {
  it('starts like scipy.stats.qmc.Sobol(scramble=False) in Gray-code order', () => {
    // scipy 1.17.1: (qmc.Sobol(3, scramble=False, bits=32).random(8) * 2**32)
    const expected = [
      [0, 0, 0],
      [2147483648, 2147483648, 2147483648],
      [3221225472, 1073741824, 1073741824],
      [1073741824, 3221225472, 3221225472],
      [1610612736, 1610612736, 2684354560],
      [3758096384, 3758096384, 536870912],
      [2684354560, 536870912, 3758096384],
      [536870912, 2684354560, 1610612736],
    ];
    expect(sobolSequence(8, 3).map((row) => row.map((x) => x * TWO_32))).toEqual(expected);
  });

  it('matches scipy on 4096 points in all 128 bundled dimensions', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(128);
    const points = sobolSequence(4096, 128);
    const sums = new Array<number>(128).fill(0);
    points.forEach((row, i) => row.forEach((x, d) => (sums[d] += ((i % 7) + 1) * x * TWO_32)));
    expect(sums).toEqual(SCIPY_CHECKSUMS);
    // Point 4095, first five dimensions, from the same scipy call.
    expect(points[4095].slice(0, 5).map((x) => x * TWO_32)).toEqual([
      1048576, 4042260480, 1435500544, 3872391168, 4038066176,
    ]);
  });

  it('scrambles reproducibly: same seed same points, another seed other points', () => {
    const a = sobolSequence(64, 6, { scramble: createRng(11) });
    const b = sobolSequence(64, 6, { scramble: createRng(11) });
    const c = sobolSequence(64, 6, { scramble: createRng(12) });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.flat().every((x) => x >= 0 && x < 1)).toBe(true);
    // The unscrambled first point is all zeros; the digital shift moves it.
    expect(a[0].some((x) => x !== 0)).toBe(true);
  });

  it('keeps the net property when scrambled (linear matrix scramble + digital shift)', () => {
    // 2^8 points: each 1-D projection is a (0,8,1)-net, so every interval [k/256, (k+1)/256)
    // holds exactly one point; dimensions 1 and 2 of Sobol' form a (0,8,2)-net, so every
    // elementary box of area 1/256 holds exactly one point. Both survive the scramble.
    const n = 256;
    const points = sobolSequence(n, 4, { scramble: createRng(5) });
    for (let d = 0; d < 4; d++) {
      const cells = new Set(points.map((p) => Math.floor(p[d] * n)));
      expect(cells.size).toBe(n);
    }
    for (let bits = 0; bits <= 8; bits++) {
      const boxes = new Set(points.map((p) => `${Math.floor(p[0] * 2 ** bits)},${Math.floor(p[1] * 2 ** (8 - bits))}`));
      expect(boxes.size).toBe(n);
    }
  });

  it('integrates a smooth function with quasi-Monte Carlo accuracy', () => {
    // integral over [0,1]^5 of prod_i (pi/2) sin(pi x_i) = 1, by hand.
    const points = sobolSequence(4096, 5, { scramble: createRng(3) });
    const f = (x: number[]) => x.reduce((p, xi) => p * (Math.PI / 2) * Math.sin(Math.PI * xi), 1);
    const estimate = points.reduce((s, x) => s + f(x), 0) / points.length;
    expect(Math.abs(estimate - 1)).toBeLessThan(2e-3);
  });

  it('refuses more dimensions than the table has', () => {
    expect(() => sobolSequence(8, 129)).toThrow(RangeError);
    expect(() => sobolSequence(8, 0)).toThrow(RangeError);
  });
});
