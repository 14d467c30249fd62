import type { ParameterSpace } from '../../../src/experiment/sensitivity/parameterSpace.js';

/**
 * The Ishigami function (Ishigami and Homma 1990) with a = 7, b = 0.1 on [-pi, pi]^3:
 * f = sin x1 + a sin^2 x2 + b x3^4 sin x1.
 */
export const ISHIGAMI_A = 7;
export const ISHIGAMI_B = 0.1;

export const ISHIGAMI_SPACE: ParameterSpace = [
  { name: 'x1', min: -Math.PI, max: Math.PI },
  { name: 'x2', min: -Math.PI, max: Math.PI },
  { name: 'x3', min: -Math.PI, max: Math.PI },
];

export function ishigami([x1, x2, x3]: readonly number[]): number {
  return Math.sin(x1) + ISHIGAMI_A * Math.sin(x2) ** 2 + ISHIGAMI_B * x3 ** 4 * Math.sin(x1);
}

/**
 * Analytic variance decomposition of Ishigami, from Sobol' and Levitan (1999) and
 * Saltelli et al. (2008), section 4.9:
 *   V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2,  V1 = (1 + b pi^4/5)^2 / 2,
 *   V2 = a^2/8,  V3 = 0,  V13 = b^2 pi^8 (1/18 - 1/50) = 8 b^2 pi^8 / 225.
 * With a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 */
export function ishigamiIndices(a = ISHIGAMI_A, b = ISHIGAMI_B) {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v = a ** 2 / 8 + (b * pi4) / 5 + (b ** 2 * pi8) / 18 + 0.5;
  const v1 = (1 + (b * pi4) / 5) ** 2 / 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi8) / 225;
  return {
    s1: [v1 / v, v2 / v, 0],
    st: [(v1 + v13) / v, v2 / v, v13 / v],
    s2: { '0,1': 0, '0,2': v13 / v, '1,2': 0 } as Record<string, number>,
  };
}
