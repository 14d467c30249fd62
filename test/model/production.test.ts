import { describe, it, expect } from 'vitest';
import { isProducer, OCC } from '../../src/model/households.js';
import { earners as earnersOf } from '../../src/model/earnings.js';
import { production } from '../../src/model/production.js';
import { shocks } from '../../src/model/shocks.js';
import { checkLedger } from '../../src/model/step.js';
import { addEnterprise, memberTwins, smallWorld, testRng } from '../support/world.js';

describe('process 4: production and income', () => {
  it("marketing gives member producers the arm's price / (1 - middlemanMargin) of what middlemen pay", () => {
    // production.ts: output is worth earned / (1 - middlemanMargin); the middleman pays
    // (1 - 0.30) of it, the marketing arm its cost-plus price (prices.ts).
    const [withMarketing, without] = memberTwins([], 4);
    const arm = addEnterprise(withMarketing, 0, 'marketing', { capacity: 1e12, workingCapital: 1e9 });
    withMarketing.regions[0].marketingFill = 1;
    // By hand from the defaults: 1 - handling 0.18 - unit cost at full use (overhead 0.02 +
    // 0.4 x 2M / 25M + 0.01 x 0.6 / 4 = 0.0535) - surplus 0.02 = 0.7465.
    expect(arm.price).toBeCloseTo(0.7465, 10);
    production(withMarketing, testRng(3));
    production(without, testRng(3));
    const h = withMarketing.households;
    let producers = 0;
    for (let i = 0; i < h.count; i++) {
      const ratio = h.income[i] / without.households.income[i];
      if (h.member[i] && isProducer(h.occupation[i])) {
        expect(ratio).toBeCloseTo(0.7465 / 0.7, 10);
        producers++;
      } else expect(ratio).toBeCloseTo(1, 12); // non-members and non-producers: unchanged
    }
    expect(producers).toBeGreaterThan(20);
    checkLedger(withMarketing);
  });

  it('a marketing arm short of capacity buys only its fill share; the rest goes to middlemen', () => {
    const [withMarketing, without] = memberTwins([], 4);
    const arm = addEnterprise(withMarketing, 0, 'marketing', { capacity: 1, workingCapital: 1e9 });
    withMarketing.regions[0].marketingFill = 0.5;
    production(withMarketing, testRng(3));
    production(without, testRng(3));
    const h = withMarketing.households;
    const i = [...h.member.keys()].find((k) => h.member[k] && isProducer(h.occupation[k]))!;
    expect(h.income[i] / without.households.income[i]).toBeCloseTo((0.5 * arm.price + 0.5 * 0.7) / 0.7, 10);
    // Next month's fill is capacity over what members offered.
    expect(withMarketing.regions[0].marketingFill).toBeLessThan(1e-6);
    checkLedger(withMarketing);
  });

  it("counts marketed produce as the member's patronage", () => {
    const [world] = memberTwins([], 4);
    addEnterprise(world, 0, 'marketing', { capacity: 1e12, workingCapital: 1e9 });
    world.regions[0].marketingFill = 1;
    production(world, testRng(3));
    const h = world.households;
    for (let i = 0; i < h.count; i++) {
      // patronage is a Float32 column: equal to 7 significant digits.
      if (h.member[i] && isProducer(h.occupation[i]))
        expect(Math.abs(h.patronage[i] / h.income[i] - 1)).toBeLessThan(1e-6);
      else expect(h.patronage[i]).toBe(0);
    }
  });

  it("members sell to middlemen when the arm's costs leave it a price below theirs", () => {
    // Handling 0.3 of the value leaves the arm at most 1 - 0.3 - 0.0535 - 0.02 < 0.7.
    const [withMarketing, without] = memberTwins(['market.middlemanHandlingCost=0.3'], 4);
    addEnterprise(withMarketing, 0, 'marketing', { capacity: 1e12, workingCapital: 1e9 });
    withMarketing.regions[0].marketingFill = 1;
    production(withMarketing, testRng(3));
    production(without, testRng(3));
    const h = withMarketing.households;
    for (let i = 0; i < h.count; i++) expect(h.income[i]).toBe(without.households.income[i]);
  });

  it("produce traders and warung owners earn less when less of the village's trade passes through them", () => {
    // traderLocalShare 0.5: with half the produce gone from middlemen, a trader earns
    // 1 - 0.5 + 0.5 x 0.5 = 0.75 of its earning potential; warung owners (local share 0.8)
    // with retail down by a quarter earn 1 - 0.8 + 0.8 x 0.75 = 0.8. Others: unchanged.
    const [hit, calm] = memberTwins([], 4);
    const region = hit.regions[0];
    region.middlemenVolume = 0.5 * region.middlemenBaseline;
    region.retailVolume = 0.75 * region.retailBaseline;
    production(hit, testRng(5));
    production(calm, testRng(5));
    const h = hit.households;
    const seen = new Set<number>();
    for (let i = 0; i < h.count; i++) {
      const ratio = h.income[i] / calm.households.income[i];
      const expected = h.occupation[i] === OCC.trader ? 0.75 : h.occupation[i] === OCC.shopkeeper ? 0.8 : 1;
      expect(ratio).toBeCloseTo(expected, 10);
      seen.add(h.occupation[i]);
    }
    expect(seen.has(OCC.trader) && seen.has(OCC.shopkeeper)).toBe(true);
  });

  it('a household whose earner trained last month forgoes those working days, once', () => {
    // trainingDays 5 of 22 working days, one earner of a household of earners(size):
    // earnings x (1 - (1 / earners) x 5 / 22), and only in the month after training.
    const [trained, control] = memberTwins([], 4);
    const i = 10;
    trained.households.trainingDays[i] = 5;
    production(trained, testRng(5));
    production(control, testRng(5));
    const earners = earnersOf(trained.households.size[i], trained.params.households.earnerShare);
    const expected = 1 - (1 / earners) * (5 / 22);
    const ratio = trained.households.income[i] / control.households.income[i];
    expect(ratio).toBeCloseTo(expected, 10);
    expect(trained.households.trainingDays[i]).toBe(0);
  });

  it('skill above its starting level fades by skillDepreciation a month; skill at it stays', () => {
    const { world } = smallWorld(['households.skillDepreciation=0.1']);
    const h = world.households;
    h.skill[0] = h.baseSkill[0] + 0.2;
    const untouched = h.skill[1];
    production(world, testRng());
    // 0.9 of the 0.2 gap is left (Float32 columns: 6 digits).
    expect(h.skill[0] - h.baseSkill[0]).toBeCloseTo(0.18, 6);
    expect(h.skill[1]).toBe(untouched);
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
