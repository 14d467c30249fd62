import { describe, it, expect } from 'vitest';
import { enterpriseOperations } from '../../src/model/enterpriseOperations.js';
import { beginMonth, checkLedger } from '../../src/model/step.js';
import type { Enterprise } from '../../src/model/enterprise.js';
import type { World } from '../../src/model/world.js';
import { addEnterprise, bookOpening, setCoopCash, smallWorld } from '../support/world.js';

/** Runs process 6a month by month until the enterprise closes (or `limit` months), checking the books each month. */
function operateUntilClosed(world: World, e: Enterprise, limit = 24, beforeEach?: () => void): number {
  for (let t = 0; t < limit && e.status === 'active'; t++) {
    beginMonth(world);
    beforeEach?.();
    enterpriseOperations(world);
    checkLedger(world);
  }
  return world.month;
}

describe('process 6a: enterprise operations', () => {
  it('an enterprise that loses money until its capital is gone closes, in the month its capital runs out', () => {
    // Capacity 100M: overhead 2% = 2M a month (enterprises.overheadRate), no sales. Working
    // capital 6M lasts three months; in the fourth it is overdrawn and the cooperative has
    // no cash to cover it, well before the six-month loss streak (closureLossMonths).
    const { world } = smallWorld();
    const e = addEnterprise(world, 0, 'primaryStore', { tier: 0, capacity: 100_000_000, workingCapital: 6_000_000 });
    const worker = 5;
    world.households.employer[worker] = e.id;
    e.workers = 1;
    world.regions[0].storeFill[0] = 0.3;
    const month = operateUntilClosed(world, e);
    expect(e.status).toBe('closed');
    expect(e.closedMonth).toBe(4);
    expect(month).toBe(4);
    expect(e.workingCapital).toBe(0);
    expect(e.fixedAssets).toBe(0);
    expect(e.workers).toBe(0);
    expect(world.households.employer[worker]).toBe(-1); // its workers lose their jobs
    expect(world.regions[0].storeFill[0]).toBe(0); // no store serves the tier any more
    expect(world.events.some((ev) => ev.kind === 'enterprise-closed')).toBe(true);
    // The 2M overdraft nobody could pay is written off by the suppliers, across the border.
    expect(world.ledger.flows.get('unpaid bills written off at closure')).toBeCloseTo(2_000_000, 6);
  });

  it('the cooperative covers a losing enterprise from its cash until the losses persist for closureLossMonths', () => {
    const { world } = smallWorld(['enterprises.closureLossMonths=6']);
    setCoopCash(world, 0, 100_000_000);
    const e = addEnterprise(world, 0, 'primaryStore', { tier: 0, capacity: 100_000_000, workingCapital: 0 });
    operateUntilClosed(world, e);
    expect(e.status).toBe('closed');
    expect(e.closedMonth).toBe(6);
    expect(e.lossStreak).toBe(6);
    // Six months of 2M overhead, all paid out of the cooperative's cash.
    expect(world.regions[0].coop!.cash).toBeCloseTo(100_000_000 - 6 * 2_000_000, 4);
  });

  it('a profitable enterprise stays open, and sweeps working capital above 1.5 times its target to the cooperative', () => {
    // Capacity 10M: overhead 0.2M. Sales 10M a month at the store's price 0.9681 (frozen:
    // priceAdjust 0) are goods worth 10M / 0.9681 at market prices, bought at wholesale
    // (1 - 0.17) plus 2% handling and spoilage: 0.8466 of that.
    const { world } = smallWorld(['enterprises.priceAdjust=0']);
    const e = addEnterprise(world, 0, 'primaryStore', { tier: 0, capacity: 10_000_000, workingCapital: 20_000_000 });
    const coop = world.regions[0].coop!;
    const sell = () => {
      e.sales += 10_000_000;
      e.workingCapital += 10_000_000;
      bookOpening(world, 0, 'enterpriseCapital', 10_000_000);
    };
    operateUntilClosed(world, e, 12, sell);
    expect(e.status).toBe('active');
    expect(e.lossStreak).toBe(0);
    expect(e.price).toBeCloseTo(0.9681, 10);
    expect(e.yearProfit).toBeCloseTo(12 * (10_000_000 - (10_000_000 / 0.9681) * 0.8466 - 0.02 * 10_000_000), 2);
    expect(e.workingCapital).toBeLessThanOrEqual(1.5 * 0.5 * 10_000_000); // workingCapitalMonths 0.5
    expect(coop.cash).toBeGreaterThan(0);
  });

  it('leaves a closed enterprise closed: no more costs, sales or bookings', () => {
    const { world } = smallWorld();
    const e = addEnterprise(world, 0, 'primaryStore', { tier: 0, capacity: 100_000_000, workingCapital: 1_000_000 });
    operateUntilClosed(world, e);
    const closedAt = e.closedMonth;
    beginMonth(world);
    enterpriseOperations(world);
    checkLedger(world);
    expect(e.closedMonth).toBe(closedAt);
    expect(e.costs).toBe(0);
  });
});
