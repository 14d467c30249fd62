import { describe, it, expect } from 'vitest';
import { isProducer } from '../../src/model/households.js';
import { production } from '../../src/model/production.js';
import { shocks } from '../../src/model/shocks.js';
import { checkLedger } from '../../src/model/step.js';
import { addEnterprise, memberTwins, smallWorld, testRng } from '../support/world.js';

describe('process 4: production and income', () => {
  it('marketing gives member producers (1 - coopMargin) / (1 - middlemanMargin) = 0.88 / 0.70 of what middlemen pay', () => {
    // production.ts: output is worth earned / (1 - middlemanMargin); the middleman pays
    // (1 - 0.30) of it, the marketing enterprise (1 - 0.12) (docs/ODD.md: tengkulak margin 20-40%).
    const [withMarketing, without] = memberTwins([], 4);
    addEnterprise(withMarketing, 0, 'marketing', { capacity: 1e12, workingCapital: 1e9 });
    production(withMarketing, testRng(3));
    production(without, testRng(3));
    const h = withMarketing.households;
    let producers = 0;
    for (let i = 0; i < h.count; i++) {
      const ratio = h.income[i] / without.households.income[i];
      if (h.member[i] && isProducer(h.occupation[i])) {
        expect(ratio).toBeCloseTo(0.88 / 0.7, 10);
        producers++;
      } else expect(ratio).toBeCloseTo(1, 12); // non-members and non-producers: unchanged
    }
    expect(producers).toBeGreaterThan(20);
    checkLedger(withMarketing);
  });

  it('a marketing arm short of capacity buys only its fill share; the rest goes to middlemen', () => {
    const [withMarketing, without] = memberTwins([], 4);
    addEnterprise(withMarketing, 0, 'marketing', { capacity: 1, workingCapital: 1e9 });
    withMarketing.regions[0].marketingFill = 0.5;
    production(withMarketing, testRng(3));
    production(without, testRng(3));
    const h = withMarketing.households;
    const i = [...h.member.keys()].find((k) => h.member[k] && isProducer(h.occupation[k]))!;
    expect(h.income[i] / without.households.income[i]).toBeCloseTo((0.5 * 0.88 + 0.5 * 0.7) / 0.7, 10);
    // Next month's fill is capacity over what members offered.
    expect(withMarketing.regions[0].marketingFill).toBeLessThan(1e-6);
    checkLedger(withMarketing);
  });

  it("counts marketed produce as the member's patronage", () => {
    const [world] = memberTwins([], 4);
    addEnterprise(world, 0, 'marketing', { capacity: 1e12, workingCapital: 1e9 });
    production(world, testRng(3));
    const h = world.households;
    for (let i = 0; i < h.count; i++) {
      // patronage is a Float32 column: equal to 7 significant digits.
      if (h.member[i] && isProducer(h.occupation[i]))
        expect(Math.abs(h.patronage[i] / h.income[i] - 1)).toBeLessThan(1e-6);
      else expect(h.patronage[i]).toBe(0);
    }
  });

  it('has a mean-one income shock: mean income over many households is the earning potential', () => {
    const { world } = smallWorld(['shocks.incomeNoiseSd=0.3'], 1, 2000);
    const h = world.households;
    const expected = Float64Array.from(h.expectedIncome); // month 0: expected income = earning potential
    production(world, testRng(9));
    let ratio = 0;
    for (let i = 0; i < h.count; i++) ratio += h.income[i] / expected[i];
    // lognormal with sd 0.3 and mean 1: the mean of 2,000 draws has SE 0.3 / sqrt(2000) = 0.007.
    expect(Math.abs(ratio / h.count - 1)).toBeLessThan(0.03);
  });

  it("a regional shock cuts producers' income by regionalShockSize and leaves others alone", () => {
    const [shocked, calm] = memberTwins(['shocks.regionalShockSize=0.3'], 4);
    shocked.regions[0].shockMonthsLeft = 2;
    production(shocked, testRng(5));
    production(calm, testRng(5));
    const h = shocked.households;
    for (let i = 0; i < h.count; i++) {
      expect(h.income[i] / calm.households.income[i]).toBeCloseTo(isProducer(h.occupation[i]) ? 0.7 : 1, 10);
    }
  });
});

describe('process 1: shocks', () => {
  it('starts a regional shock with its probability and lets it last regionalShockMonths', () => {
    const { world } = smallWorld([
      'shocks.regionalShockProbability=1',
      'shocks.regionalShockMonths=3',
      'shocks.healthShockProbability=0',
    ]);
    const rng = testRng();
    shocks(world, rng);
    expect(world.regions[0].shockMonthsLeft).toBe(3);
    expect(world.events.some((e) => e.kind === 'regional-shock')).toBe(true);
    for (const left of [2, 1, 0]) {
      shocks(world, rng);
      expect(world.regions[0].shockMonthsLeft).toBe(left);
    }
  });

  it('never starts one at probability 0; health expenses come out of cash, never below zero, and are booked', () => {
    const { world } = smallWorld([
      'shocks.regionalShockProbability=0',
      'shocks.healthShockProbability=1',
      'shocks.healthShockMonths=100',
    ]);
    const h = world.households;
    shocks(world, testRng());
    expect(world.regions[0].shockMonthsLeft).toBe(0);
    for (let i = 0; i < h.count; i++) expect(h.cash[i]).toBe(0); // each paid everything it had
    checkLedger(world);
  });
});
