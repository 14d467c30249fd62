import { describe, it, expect } from 'vitest';
import { conversion } from '../../src/model/conversion.js';
import { enterpriseGrowth } from '../../src/model/enterpriseGrowth.js';
import { enterpriseOperations } from '../../src/model/enterpriseOperations.js';
import { OCC } from '../../src/model/households.js';
import { integrationIndex } from '../../src/model/regionMeasures.js';
import { checkLedger } from '../../src/model/step.js';
import { addEnterprise, bookOpening, makeMember, setCoopCash, smallWorld, testRng } from '../support/world.js';

/** A region whose cooperative is in stage 2 (enterprises), with `cash`, at month 1. */
function stage2(cash: number, sets: string[] = []) {
  const { world } = smallWorld(sets);
  world.regions[0].stageStart[2] = 0;
  world.regions[0].stage = 2;
  world.month = 1;
  setCoopCash(world, 0, cash);
  return { world, region: world.regions[0], coop: world.regions[0].coop! };
}

describe("process 6b: founding enterprises from members' needs", () => {
  it('founds a primary store once unmet member demand for food reaches storeMinDemand (Rp15 million a month)', () => {
    const { world, region, coop } = stage2(100_000_000);
    region.unmetDemand[0] = 15_000_000;
    enterpriseGrowth(world, testRng());
    expect(coop.enterprises.map((e) => e.kind)).toEqual(['primaryStore']);
    const store = coop.enterprises[0];
    // Setup 40M: 60% fixed assets, 40% working capital; capacity 4 per rupiah at management 0.3.
    expect(coop.cash).toBe(60_000_000);
    expect(store.workingCapital).toBeCloseTo(16_000_000, 4);
    expect(store.fixedAssets).toBeCloseTo(24_000_000, 4);
    expect(store.capacity).toBeCloseTo(40_000_000 * 4 * (0.75 + 0.5 * 0.3), 2);
    expect(world.events.some((e) => e.kind === 'enterprise-founded')).toBe(true);
    checkLedger(world);
  });

  it('founds nothing below the demand threshold, or before stage 2', () => {
    const below = stage2(100_000_000);
    below.region.unmetDemand[0] = 14_999_999;
    enterpriseGrowth(below.world, testRng());
    expect(below.coop.enterprises).toHaveLength(0);
    const early = stage2(100_000_000);
    early.region.stageStart[2] = -1;
    early.region.unmetDemand[0] = 50_000_000;
    enterpriseGrowth(early.world, testRng());
    expect(early.coop.enterprises).toHaveLength(0);
  });

  it('serves primary needs first: waits for the capital of the food store rather than open a secondary one', () => {
    const { world, region, coop } = stage2(30_000_000); // less than the 40M store setup
    region.unmetDemand[0] = 20_000_000;
    region.unmetDemand[1] = 20_000_000;
    enterpriseGrowth(world, testRng());
    expect(coop.enterprises).toHaveLength(0);
    expect(coop.cash).toBe(30_000_000);
  });

  it("founds the marketing arm once members' output reaches marketingMinSupply", () => {
    const { world, region, coop } = stage2(100_000_000);
    region.memberOutputOffered = 30_000_000;
    enterpriseGrowth(world, testRng());
    expect(coop.enterprises.map((e) => e.kind)).toEqual(['marketing']);
  });

  it('founds at most foundingsPerMonth enterprises a month (one by default), in the order of needs', () => {
    const wanting = (sets: string[]) => {
      const { world, region, coop } = stage2(200_000_000, sets);
      region.unmetDemand[0] = 20_000_000;
      region.memberOutputOffered = 40_000_000;
      region.unmetDemand[1] = 20_000_000;
      enterpriseGrowth(world, testRng());
      return coop.enterprises.map((e) => e.kind);
    };
    expect(wanting([])).toEqual(['primaryStore']);
    expect(wanting(['enterprises.foundingsPerMonth=2'])).toEqual(['primaryStore', 'marketing']);
    expect(wanting(['enterprises.foundingsPerMonth=5'])).toEqual(['primaryStore', 'marketing', 'secondaryStore']);
  });
});

describe('value-chain integration', () => {
  it('builds at most linksPerMonth missing links a month (one by default; 0: none)', () => {
    const links = (sets: string[]) => {
      const { world, coop } = stage2(100_000_000, sets);
      addEnterprise(world, 0, 'primaryStore', { tier: 0, capacity: 1e9, workingCapital: 1e8 });
      addEnterprise(world, 0, 'secondaryStore', { tier: 1, capacity: 1e9, workingCapital: 1e8 });
      addEnterprise(world, 0, 'procurement', { capacity: 1e9, workingCapital: 1e8 });
      enterpriseGrowth(world, testRng());
      return coop.links.length;
    };
    expect(links([])).toBe(1);
    expect(links(['enterprises.linksPerMonth=2'])).toBe(2);
    expect(links(['enterprises.linksPerMonth=0'])).toBe(0);
  });

  /** A store with 100M of sales this month and a procurement enterprise; linked or not. */
  function chain(linked: boolean) {
    const { world, coop } = stage2(100_000_000, [
      'enterprises.integrationLinkCost=15000000',
      'enterprises.integrationCostReduction=0.04',
      'enterprises.priceAdjust=0', // the store's price stays where it started
    ]);
    const store = addEnterprise(world, 0, 'primaryStore', { tier: 0, capacity: 1e9, workingCapital: 1e8 });
    const procurement = addEnterprise(world, 0, 'procurement', { capacity: 1e9, workingCapital: 1e8 });
    if (linked) {
      enterpriseGrowth(world, testRng());
      expect(coop.links).toEqual([{ supplier: procurement.id, buyer: store.id, month: 1 }]);
      expect(coop.cash).toBe(85_000_000); // the link cost 15M
    }
    store.sales = 100_000_000;
    store.workingCapital += 100_000_000;
    bookOpening(world, 0, 'enterpriseCapital', 100_000_000);
    world.ledger.flows.clear();
    enterpriseOperations(world);
    checkLedger(world);
    return { world, coop, store, procurement };
  }

  it('builds a link when both ends exist and the cooperative can pay for it', () => {
    const { coop, world } = chain(true);
    expect(coop.links).toHaveLength(1);
    expect(world.events.some((e) => e.kind === 'integration-link')).toBe(true);
  });

  it("lowers the buyer's input cost by r, and keeps 2r of the margin inside the cooperative", () => {
    // enterpriseOperations.ts: the buyer pays (1 - r) of the outside price to the supplier,
    // which pays (1 - 2r) outside. 100M of store sales at the store's price are goods worth
    // 100M / price at market prices, bought at wholesale: (1 - warungMargin 0.17) of that.
    const linked = chain(true);
    const plain = chain(false);
    const goods = (100_000_000 / plain.store.price) * 0.83;
    expect(plain.store.inputs).toBeCloseTo(goods, 2);
    expect(linked.store.inputs).toBeCloseTo(goods * 0.96, 2);
    expect(linked.store.internalInputs).toBeCloseTo(goods * 0.96, 2);
    expect(linked.procurement.sales).toBeCloseTo(goods * 0.96, 2);
    expect(plain.world.ledger.flows.get('enterprise purchases outside')).toBeCloseTo(goods, 2);
    expect(linked.world.ledger.flows.get('enterprise purchases outside')).toBeCloseTo(goods * 0.92, 2);
    expect(integrationIndex(linked.coop)).toBeCloseTo(1, 10);
    expect(integrationIndex(plain.coop)).toBe(0);
  });
});

describe('process 6c: local businesses join', () => {
  /** Half the households members (member share 0.5), governance 1, conversionProbability 1: probability = awareness. */
  function market(awareness: number) {
    const { world, coop } = stage2(0, ['enterprises.conversionProbability=1']);
    const h = world.households;
    for (let i = 0; i < h.count; i += 2) makeMember(world, i);
    coop.governance = 1;
    h.awareness.fill(awareness);
    return { world, coop, h };
  }
  const owners = (h: ReturnType<typeof market>['h'], occupation: number) =>
    [...h.businessCapital.keys()].filter((i) => h.businessCapital[i] > 0 && h.occupation[i] === occupation);

  it('every fully aware warung owner brings its business in: capital to savings and to the store, owner a member working there', () => {
    const { world, coop, h } = market(1);
    const warungs = owners(h, OCC.shopkeeper);
    const traders = owners(h, OCC.trader);
    const capital = warungs.reduce((a, i) => a + h.businessCapital[i], 0);
    expect(warungs.length).toBeGreaterThan(5);
    conversion(world, testRng());
    expect(owners(h, OCC.shopkeeper)).toEqual([]);
    // Produce traders wait for a marketing arm to join; they do not found one.
    expect(owners(h, OCC.trader)).toEqual(traders);
    expect(coop.enterprises).toHaveLength(1);
    const store = coop.enterprises[0];
    expect(store.kind).toBe('primaryStore');
    expect(store.origin).toBe('converted');
    expect(store.workingCapital).toBeCloseTo(capital, 2);
    for (const i of warungs) {
      expect(h.member[i]).toBe(1);
      expect(h.employer[i]).toBe(store.id);
    }
    // The owner's simpanan pokok comes out of the capital; the rest is sukarela (conversion.ts).
    expect(warungs.reduce((a, i) => a + h.pokok[i] + h.sukarela[i], 0)).toBeCloseTo(capital, 2);
    expect(coop.memberCount).toBe(h.member.reduce((a, m) => a + m, 0));
    checkLedger(world);
  });

  it("a produce trader's business joins the marketing arm, adding capacity only where demand outruns it", () => {
    const { world, h } = market(1);
    const arm = addEnterprise(world, 0, 'marketing', { capacity: 1_000, workingCapital: 0 });
    arm.demand = 1_000 + 5_000; // 5,000 of produce on offer the arm could not take
    const traders = owners(h, OCC.trader);
    const capital = traders.reduce((a, i) => a + h.businessCapital[i], 0);
    expect(traders.length).toBeGreaterThan(0);
    conversion(world, testRng());
    expect(owners(h, OCC.trader)).toEqual([]);
    expect(arm.workingCapital).toBeCloseTo(capital, 2);
    expect(arm.capacity).toBe(6_000);
    checkLedger(world);
  });

  it('no owner without awareness brings a business in', () => {
    const { world, coop, h } = market(0);
    const before = owners(h, OCC.shopkeeper).length;
    conversion(world, testRng());
    expect(owners(h, OCC.shopkeeper)).toHaveLength(before);
    expect(coop.enterprises).toHaveLength(0);
  });
});
