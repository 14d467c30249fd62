import { describe, it, expect } from 'vitest';
import { awareness } from '../../src/model/awareness.js';
import { completeGraph, meanOf, smallWorld } from '../support/world.js';

/*
 * docs/ODD.md, awareness: "with a complete graph, no decay and no campaign threshold, the
 * aware share follows a Bass curve (innovation p from campaigns, imitation q from peers;
 * literature means p ~ 0.03, q ~ 0.38 per year) within a stated tolerance."
 *
 * The recursion, derived from awareness.ts. Read a household's awareness a_i as the
 * probability that it has adopted; F_t = mean awareness is the adopted share.
 * - Campaign: c = campaignBudget / costPerHousehold contacts a month, each to a random
 *   household (with replacement), closing g = uptake * culturalFit of its gap 1 - a_i.
 *   So E[1 - a_i] falls by the factor (1 - g/n)^c: p = 1 - (1 - g/n)^c ~ c g / n.
 * - Peers: with exponent 1 each household closes peerWeight * s_i of its gap, s_i being
 *   the member share of its neighbours. On a complete graph s_i = M / (n - 1) (less the
 *   household itself if a member). The test makes the M = round(n F_t) most aware
 *   households members before each month, so s ~ F_t and q = peerWeight.
 * - No decay.
 * Hence 1 - F_{t+1} = (1 - F_t)(1 - p)(1 - q F_t), i.e.
 *   F_{t+1} = F_t + (p + q F_t)(1 - F_t) - p q F_t (1 - F_t),
 * the discrete Bass model (Bass 1969) plus a cross term of order p q.
 *
 * Parameters: the literature means per year, per month: p = 0.03 / 12 = 0.0025 from a
 * campaign of 3 contacts a month among 300 households at uptake 0.25 (p = 0.0024979),
 * q = 0.38 / 12 = 0.0317 (peerWeight).
 */
const n = 300;
const uptake = 0.25;
const contacts = 3;
const cost = 50_000;
const pMonthly = 1 - (1 - uptake / n) ** contacts;
const qMonthly = 0.38 / 12;
const months = 240;

function simulate(seed: number): number[] {
  const { world, rng } = smallWorld(
    [
      'awareness.decay=0',
      'awareness.peerExponent=1',
      `awareness.peerWeight=${qMonthly}`,
      `awareness.uptake=${uptake}`,
      'awareness.culturalFit=1',
      'awareness.resistanceFit=0',
      `awareness.costPerHousehold=${cost}`,
      `awareness.campaignBudget=${contacts * cost}`,
    ],
    seed,
    n,
  );
  const complete = { ...world, network: completeGraph(n) };
  const h = complete.households;
  h.awareness.fill(0);
  h.member.fill(0);
  const order = Array.from({ length: n }, (_, i) => i);
  const path: number[] = [];
  for (let t = 0; t < months; t++) {
    const members = Math.round(n * meanOf(h.awareness));
    order.sort((a, b) => h.awareness[b] - h.awareness[a] || a - b);
    h.member.fill(0);
    for (let k = 0; k < members; k++) h.member[order[k]] = 1;
    awareness(complete, rng);
    path.push(meanOf(h.awareness));
  }
  return path;
}

/** The recursion derived above. */
function recursion(p: number, q: number): number[] {
  const path: number[] = [];
  let f = 0;
  for (let t = 0; t < months; t++) {
    f = 1 - (1 - f) * (1 - p) * (1 - q * f);
    path.push(f);
  }
  return path;
}

/** The textbook discrete Bass model F' = F + (p + qF)(1 - F). */
function discreteBass(p: number, q: number): number[] {
  const path: number[] = [];
  let f = 0;
  for (let t = 0; t < months; t++) {
    f += (p + q * f) * (1 - f);
    path.push(f);
  }
  return path;
}

/** The continuous Bass curve F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}), t in years. */
function bassCurve(pYear: number, qYear: number, t: number): number {
  const e = Math.exp(-(pYear + qYear) * t);
  return (1 - e) / (1 + (qYear / pYear) * e);
}

const maxGap = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((x, k) => Math.abs(x - b[k])));

describe('Bass diffusion (docs/ODD.md pattern check)', () => {
  it('the campaign gives p ~ 0.03 a year and peers q = 0.38 a year, the literature means (Sultan, Farley & Lehmann 1990)', () => {
    expect(pMonthly * 12).toBeCloseTo(0.03, 3);
    expect(qMonthly * 12).toBeCloseTo(0.38, 10);
  });

  it.each([1, 2, 3])('mean awareness follows the derived recursion within 0.01 over 20 years (seed %i)', (seed) => {
    const simulated = simulate(seed);
    expect(maxGap(simulated, recursion(pMonthly, qMonthly))).toBeLessThan(0.01);
    // The S-curve: slow start, take-off, saturation.
    expect(simulated[23]).toBeLessThan(0.12);
    expect(simulated[119]).toBeGreaterThan(0.7);
    expect(simulated[months - 1]).toBeGreaterThan(0.98);
  });

  it('the recursion is the discrete Bass model up to its p q cross term (within 0.005), and the continuous Bass curve (within 0.01)', () => {
    const r = recursion(pMonthly, qMonthly);
    expect(maxGap(r, discreteBass(pMonthly, qMonthly))).toBeLessThan(0.005);
    const continuous = r.map((_, k) => bassCurve(0.03, 0.38, (k + 1) / 12));
    expect(maxGap(r, continuous)).toBeLessThan(0.01);
  });
});
