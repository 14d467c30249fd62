import { describe, it, expect } from 'vitest';
import { consumption } from '../../src/model/consumption.js';
import { foodShare } from '../../src/model/engel.js';
import { checkLedger } from '../../src/model/step.js';
import { addEnterprise, makeMember, setCash, setCoopCash, memberTwins, smallWorld, testRng } from '../support/world.js';

describe('Engel food share (engel.ts)', () => {
  it('is the share at the line at consumption equal to the line, and falls with consumption (Working 1943)', () => {
    expect(foodShare(580_349, 580_349, 0.63, 0.1, 0.25, 0.8)).toBeCloseTo(0.63, 12);
    expect(foodShare(2 * 580_349, 580_349, 0.63, 0.1, 0.25, 0.8)).toBeCloseTo(0.63 - 0.1 * Math.log(2), 12);
    expect(foodShare(400_000, 580_349, 0.63, 0.1, 0.25, 0.8)).toBeGreaterThan(0.63);
  });

  it('stays within foodShareMin..foodShareMax (0.25..0.8), and is the max at zero consumption', () => {
    expect(foodShare(1e12, 580_349, 0.63, 0.1, 0.25, 0.8)).toBe(0.25);
    expect(foodShare(1, 580_349, 0.63, 0.1, 0.25, 0.8)).toBe(0.8);
    expect(foodShare(0, 580_349, 0.63, 0.1, 0.25, 0.8)).toBe(0.8);
  });
});

describe('process 5: consumption', () => {
  it("a cooperative store lowers members' prices: same spending, more real consumption", () => {
    // consumption.ts: a member buys coopPurchaseShare (0.5) of the food tier at the store,
    // at its cost-plus price (prices.ts), by hand from the defaults: wholesale 1 - 0.17 times
    // handling 1.02 = 0.8466, plus unit costs at full use 0.02 + 2M / 25M + 0.01 x 0.6 / 4 =
    // 0.1015, plus surplus 0.02: 0.9681 of the market price. Real consumption per capita
    // rises by the factor 1 + f * 0.5 * (1 / 0.9681 - 1), f the household's food share.
    const [withStore, without] = memberTwins([], 6);
    const store = addEnterprise(withStore, 0, 'primaryStore', { tier: 0, capacity: 1e12, workingCapital: 1e8 });
    withStore.regions[0].storeFill[0] = 1;
    expect(store.price).toBeCloseTo(0.9681, 10);
    consumption(withStore, testRng());
    consumption(without, testRng());
    const h = withStore.households;
    const line = withStore.params.market.povertyLine;
    for (let i = 0; i < h.count; i++) {
      expect(h.consumption[i]).toBe(without.households.consumption[i]); // same nominal spending
      const ratio = h.realConsumptionPc[i] / without.households.realConsumptionPc[i];
      if (h.member[i]) {
        const f = foodShare(h.consumption[i] / h.size[i], line, 0.63, 0.1, 0.25, 0.8);
        expect(ratio).toBeCloseTo(1 + f * 0.5 * (1 / 0.9681 - 1), 6);
        expect(ratio).toBeGreaterThan(1);
      } else expect(ratio).toBeCloseTo(1, 6); // no yardstick effect before stage 6
    }
    checkLedger(withStore);
  });

  it('lowers private prices for non-members too once stage 6 is active (the yardstick effect)', () => {
    const [withStore, without] = memberTwins([], 6);
    addEnterprise(withStore, 0, 'primaryStore', { tier: 0, capacity: 1e12, workingCapital: 1e8 });
    withStore.regions[0].storeFill[0] = 1;
    withStore.regions[0].stageStart[6] = 0;
    consumption(withStore, testRng());
    consumption(without, testRng());
    const h = withStore.households;
    const line = withStore.params.market.povertyLine;
    const price = 1 - 0.4 * (1 - 0.9681); // yardstickEffect x the store's discount
    expect(withStore.regions[0].privatePrice[0]).toBeCloseTo(price, 12);
    for (let i = 1; i < h.count; i += 2) {
      const f = foodShare(h.consumption[i] / h.size[i], line, 0.63, 0.1, 0.25, 0.8);
      expect(h.realConsumptionPc[i] / without.households.realConsumptionPc[i]).toBeCloseTo(1 + f * (1 / price - 1), 6);
    }
  });

  it('records demand a store cannot serve as unmet demand (what founds the next store)', () => {
    const [world] = memberTwins([], 6);
    consumption(world, testRng());
    const unmet = world.regions[0].unmetDemand;
    // No store: members would buy 0.5 of every tier at the cooperative; all of it is unmet.
    let expected = 0;
    const h = world.households;
    for (let i = 0; i < h.count; i++) if (h.member[i]) expected += 0.5 * h.consumption[i];
    expect(unmet.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 2);
  });

  it('spends expected income plus a tenth of the gap to a two-month cash buffer, never more than cash (buffer-stock rule)', () => {
    const { world } = smallWorld([], 6);
    const h = world.households;
    const before = Float64Array.from(h.cash);
    const y = Float64Array.from(h.expectedIncome);
    consumption(world, testRng());
    for (let i = 0; i < h.count; i++) {
      const rule = Math.min(before[i], Math.max(0, y[i] + 0.1 * (before[i] - 2 * y[i])));
      expect(h.consumption[i]).toBeCloseTo(rule, 4);
      expect(h.cash[i]).toBeGreaterThanOrEqual(0);
    }
    checkLedger(world);
  });

  it('lends a member short of a subsistence floor up to loanMultiple times its savings', () => {
    const { world } = smallWorld([], 6);
    const h = world.households;
    const coop = world.regions[0].coop!;
    const i = 3;
    makeMember(world, i, { wajib: 10_000 }); // savings 10,000: may borrow 20,000
    setCoopCash(world, 0, 10_000_000);
    setCash(world, i, 0);
    consumption(world, testRng());
    expect(h.debt[i]).toBe(20_000);
    expect(coop.memberLoans).toBe(20_000);
    expect(h.consumption[i]).toBeLessThanOrEqual(20_000);
    checkLedger(world);
  });
});
