import { describe, it, expect } from 'vitest';
import { awareness } from '../../src/model/awareness.js';
import { step } from '../../src/model/step.js';
import { createWorld } from '../../src/model/initialise.js';
import { neighbourAt } from '../../src/model/network.js';
import { meanOf, smallScenario, smallWorld } from '../support/world.js';

/** Runs only process 2 for `months` months. */
function runAwareness(
  sets: string[],
  months: number,
  prepare?: (w: ReturnType<typeof smallWorld>['world']) => void,
  seed = 1,
  households = 200,
) {
  const { world, rng } = smallWorld(sets, seed, households);
  prepare?.(world);
  for (let t = 0; t < months; t++) awareness(world, rng);
  return world;
}

describe('process 2: awareness', () => {
  it('rises with campaign reach: a larger budget gives a higher mean awareness after 24 months of the full model (same seed)', () => {
    const means = [0, 1_000_000, 2_500_000, 10_000_000].map((budget) => {
      const scenario = smallScenario([`awareness.campaignBudget=${budget}`], 200, 24);
      const { world, rng } = createWorld(scenario, 5);
      for (let t = 0; t < 24; t++) step(world, rng);
      return meanOf(world.households.awareness);
    });
    for (let k = 1; k < means.length; k++) expect(means[k]).toBeGreaterThan(means[k - 1]);
  });

  it('follows the expected campaign dynamics: mean(1 - a) shrinks by (1 - uptake * fit / n) per contact', () => {
    // Derived from awareness.ts: each of c = budget / cost contacts picks a household at
    // random (with replacement) and closes uptake * culturalFit of its gap to 1; so
    // E[1 - a_i] falls by the factor (1 - g/n) per contact. No members: no peer effect.
    const n = 200;
    const sets = [
      'awareness.decay=0',
      'awareness.campaignBudget=1000000',
      'awareness.costPerHousehold=50000',
      'awareness.uptake=0.3',
      'awareness.culturalFit=0.5',
    ];
    const world = runAwareness(sets, 36, (w) => w.households.member.fill(0));
    const initial = smallWorld(sets).world.households.awareness;
    const gap0 = 1 - meanOf(initial);
    const expected = gap0 * (1 - 0.15 / n) ** (20 * 36);
    const got = 1 - meanOf(world.households.awareness);
    // 720 contacts: the realised mean deviates from its expectation by about 1%.
    expect(Math.abs(got - expected) / expected).toBeLessThan(0.04);
  });

  it('decays geometrically without campaign or members: a_t = a_0 (1 - decay)^t', () => {
    const sets = ['awareness.campaignBudget=0', 'awareness.decay=0.05', 'awareness.initialMean=0.4'];
    const a0 = Float64Array.from(smallWorld(sets).world.households.awareness);
    const world = runAwareness(sets, 24, (w) => w.households.member.fill(0));
    const factor = 0.95 ** 24;
    for (let i = 0; i < a0.length; i += 7) expect(world.households.awareness[i]).toBeCloseTo(a0[i] * factor, 5);
    expect(meanOf(world.households.awareness)).toBeLessThan(meanOf(a0));
  });

  it('falls with decay: the same campaign leaves lower awareness with more decay', () => {
    const mean = (decay: number) =>
      meanOf(runAwareness([`awareness.decay=${decay}`], 24, (w) => w.households.member.fill(0)).households.awareness);
    expect(mean(0)).toBeGreaterThan(mean(0.01));
    expect(mean(0.01)).toBeGreaterThan(mean(0.05));
  });

  it('spreads through member neighbours as a complex contagion: gain peerWeight * s^exponent * (1 - a)', () => {
    const sets = ['awareness.campaignBudget=0', 'awareness.decay=0', 'awareness.peerWeight=0.2'];
    for (const exponent of [1, 2, 3]) {
      const { world, rng } = smallWorld([...sets, `awareness.peerExponent=${exponent}`]);
      const h = world.households;
      h.awareness.fill(0.1);
      h.member.fill(0);
      // Make every other household a member.
      for (let i = 0; i < h.count; i += 2) h.member[i] = 1;
      awareness(world, rng);
      const { offsets } = world.network;
      for (let i = 1; i < 40; i++) {
        let m = 0;
        for (let k = offsets[i]; k < offsets[i + 1]; k++) m += h.member[neighbourAt(world.network, k)];
        const s = m / (offsets[i + 1] - offsets[i]);
        expect(h.awareness[i]).toBeCloseTo(0.1 + 0.2 * s ** exponent * 0.9, 6);
      }
    }
  });

  it('passes on nothing from aware non-members: only members spread awareness (Banerjee et al. 2013)', () => {
    const world = runAwareness(['awareness.campaignBudget=0', 'awareness.decay=0'], 12, (w) => {
      w.households.awareness.fill(0.9);
      w.households.member.fill(0);
    });
    expect(meanOf(world.households.awareness)).toBeCloseTo(0.9, 6);
  });

  it('costs trust when the campaign fits local culture badly (culturalFit < resistanceFit), and not otherwise', () => {
    const sets = [
      'awareness.campaignBudget=5000000',
      'awareness.costPerHousehold=50000',
      'awareness.resistanceFit=0.4',
      'awareness.resistanceTrustLoss=0.05',
    ];
    const trust0 = meanOf(smallWorld(sets).world.households.trust);
    const poor = runAwareness([...sets, 'awareness.culturalFit=0.1'], 6);
    const good = runAwareness([...sets, 'awareness.culturalFit=0.8'], 6);
    // 100 contacts a month for 6 months, each costing 0.05 * (1 - 0.1/0.4) = 0.0375 of trust
    // (floored at 0): the mean falls by up to 600 * 0.0375 / 200 = 0.11.
    expect(meanOf(poor.households.trust)).toBeLessThan(trust0 - 0.05);
    expect(meanOf(good.households.trust)).toBeCloseTo(trust0, 10);
  });

  it('targets the poorest first under targeting=poorest: the first contacts go to the lowest productivity', () => {
    const sets = [
      'awareness.targeting=poorest',
      'awareness.campaignBudget=1000000',
      'awareness.costPerHousehold=50000',
      'awareness.decay=0',
    ];
    const { world, rng } = smallWorld(sets);
    const h = world.households;
    h.awareness.fill(0);
    h.member.fill(0);
    awareness(world, rng);
    const reached = [...h.awareness.keys()].filter((i) => h.awareness[i] > 0);
    const poorest = [...h.productivity.keys()].sort((a, b) => h.productivity[a] - h.productivity[b]).slice(0, 20);
    expect(new Set(reached)).toEqual(new Set(poorest));
  });

  it('runs no campaign and no peer effect without a cooperative (strategy founding none): awareness only decays', () => {
    const sets = ['strategy.founding=none', 'awareness.decay=0.01'];
    const { world, rng } = smallWorld(sets);
    const a0 = meanOf(world.households.awareness);
    world.households.member.fill(1); // even with (impossible) members, no peer effect without a cooperative
    for (let t = 0; t < 12; t++) awareness(world, rng);
    expect(meanOf(world.households.awareness)).toBeCloseTo(a0 * 0.99 ** 12, 5);
  });

  it('books the campaign as government money spent outside the scenario: contacts * costPerHousehold', () => {
    const { world, rng } = smallWorld(['awareness.campaignBudget=2500000', 'awareness.costPerHousehold=50000']);
    awareness(world, rng);
    expect(world.ledger.flows.get('education campaign')).toBe(50 * 50_000);
    expect(world.regions[0].flows.campaignContacts).toBe(50);
  });
});

describe('zero awareness and no campaign', () => {
  it('mean no member ever: 60 months of the full model with awareness 0 and campaignBudget 0', () => {
    const scenario = smallScenario(['awareness.campaignBudget=0', 'awareness.initialMean=0'], 200, 60);
    const { world, rng } = createWorld(scenario, 2);
    expect(meanOf(world.households.awareness)).toBe(0);
    for (let t = 0; t < 60; t++) {
      step(world, rng);
      expect(world.households.member.every((m) => m === 0)).toBe(true);
      expect(world.regions[0].coop!.memberCount).toBe(0);
    }
    expect(meanOf(world.households.awareness)).toBe(0);
    expect(world.regions[0].stage).toBe(1); // the stage-2 gate (awareness, member share) never holds
  });
});
