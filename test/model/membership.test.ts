import { describe, it, expect } from 'vitest';
import { membership } from '../../src/model/membership.js';
import { checkLedger } from '../../src/model/step.js';
import { makeMember, setCash, setCoopCash, smallWorld, testRng } from '../support/world.js';

/** A world in which nobody joins on their own (awareness 0), to watch one member. */
function quietWorld(sets: string[] = []) {
  const { world } = smallWorld(sets);
  world.households.awareness.fill(0);
  return world;
}

describe('process 3: membership, exit', () => {
  it('a member who cannot pay simpanan wajib exits and gets pokok + wajib + sukarela - debt back', () => {
    const world = quietWorld();
    const h = world.households;
    const coop = world.regions[0].coop!;
    const i = 10;
    makeMember(world, i, { pokok: 50_000, wajib: 120_000, sukarela: 30_000, debt: 20_000 });
    setCoopCash(world, 0, 1_000_000);
    setCash(world, i, 5_000); // less than the 10,000 wajib due
    h.trust[i] = 1; // trust is not why it leaves
    const savingsOwed = coop.savingsOwed;
    membership(world, testRng());
    expect(h.member[i]).toBe(0);
    expect(h.cash[i]).toBeCloseTo(5_000 + 50_000 + 120_000 + 30_000 - 20_000, 6);
    expect(coop.savingsOwed).toBeCloseTo(savingsOwed - 200_000, 6);
    expect(coop.cash).toBeCloseTo(1_000_000 - 180_000, 6);
    expect(coop.memberLoans).toBeCloseTo(0, 6);
    expect(coop.memberCount).toBe(0);
    expect([h.pokok[i], h.wajib[i], h.sukarela[i], h.debt[i]]).toEqual([0, 0, 0, 0]);
    expect(world.ledger.flows.get('savings refunded on exit')).toBeCloseTo(180_000, 6);
    checkLedger(world); // the refund is booked
  });

  it('a member who can pay stays and saves its wajib', () => {
    const world = quietWorld();
    const h = world.households;
    const coop = world.regions[0].coop!;
    const i = 11;
    makeMember(world, i, { pokok: 50_000 });
    setCash(world, i, 500_000);
    h.trust[i] = 1;
    membership(world, testRng());
    expect(h.member[i]).toBe(1);
    expect(h.cash[i]).toBe(490_000);
    expect(h.wajib[i]).toBe(10_000);
    expect(coop.savingsOwed).toBe(60_000);
    checkLedger(world);
  });

  it('a cooperative short of cash refunds what it has; the member loses the rest', () => {
    const world = quietWorld();
    const h = world.households;
    const coop = world.regions[0].coop!;
    const i = 12;
    makeMember(world, i, { pokok: 50_000, wajib: 100_000 });
    setCoopCash(world, 0, 40_000);
    setCash(world, i, 0);
    membership(world, testRng());
    expect(h.member[i]).toBe(0);
    expect(h.cash[i]).toBe(40_000);
    expect(coop.cash).toBe(0);
    checkLedger(world);
  });

  it('a member whose debt exceeds its savings gets nothing, and the shortfall is a bad debt of the cooperative', () => {
    const world = quietWorld();
    const h = world.households;
    const coop = world.regions[0].coop!;
    const i = 13;
    makeMember(world, i, { pokok: 50_000, debt: 80_000 });
    setCoopCash(world, 0, 1_000_000);
    setCash(world, i, 0);
    membership(world, testRng());
    expect(h.member[i]).toBe(0);
    expect(h.cash[i]).toBe(0);
    expect(h.debt[i]).toBe(0);
    expect(coop.yearOtherIncome).toBeCloseTo(-30_000, 6);
    checkLedger(world);
  });

  it('a member whose trust falls below its exit threshold leaves even when it can pay', () => {
    const world = quietWorld();
    const h = world.households;
    const i = 14;
    makeMember(world, i, { pokok: 50_000 });
    setCash(world, i, 1_000_000);
    h.exitTrust[i] = 0.3;
    h.trust[i] = 0.29;
    membership(world, testRng());
    expect(h.member[i]).toBe(0);
    expect(h.cash[i]).toBe(1_050_000);
  });
});

describe('process 3: membership, joining and affordability', () => {
  /**
   * Everyone aware enough and holding `cash`, next door to the cooperative, with no time
   * lost to meetings and a value of membership far above the dues: only the fee decides.
   */
  function eager(sets: string[], cash: number) {
    const { world } = smallWorld([
      'membership.affordabilityBufferMonths=0',
      'membership.distanceMean=0',
      'membership.meetingDaysPerMonth=0',
      'membership.valueOfMembership=1000000',
      ...sets,
    ]);
    const h = world.households;
    h.awareness.fill(1); // at or above every threshold
    for (let i = 0; i < h.count; i++) setCash(world, i, cash);
    return world;
  }
  const members = (world: ReturnType<typeof eager>) => world.households.member.reduce((a, m) => a + m, 0);

  it('nobody joins who cannot afford the Rp50,000 simpanan pokok', () => {
    const world = eager([], 30_000);
    membership(world, testRng());
    expect(members(world)).toBe(0);
  });

  it('everyone who can afford it joins, paying the pokok into the cooperative', () => {
    const world = eager([], 60_000);
    membership(world, testRng());
    const h = world.households;
    expect(members(world)).toBe(h.count);
    expect(h.cash[0]).toBe(10_000);
    expect(h.pokok[0]).toBe(50_000);
    expect(world.regions[0].coop!.cash).toBe(50_000 * h.count);
    checkLedger(world);
  });

  it('a 50% fee subsidy lets the poorer households join: they pay 25,000, the government the rest', () => {
    const world = eager(['membership.feeSubsidy=0.5'], 30_000);
    membership(world, testRng());
    const h = world.households;
    expect(members(world)).toBe(h.count);
    expect(h.cash[0]).toBe(5_000);
    expect(h.pokok[0]).toBe(50_000); // fully paid in, half by the subsidy
    expect(h.pokokDue[0]).toBe(0);
    expect(world.ledger.flows.get('simpanan pokok subsidy')).toBe(25_000 * h.count);
    checkLedger(world);
  });

  it("instalments let the poorer households join: half now, half with next month's wajib", () => {
    const world = eager(['membership.pokokInstalments=2'], 30_000);
    const h = world.households;
    membership(world, testRng());
    expect(members(world)).toBe(h.count);
    expect(h.pokok[0]).toBe(25_000);
    expect(h.pokokDue[0]).toBe(25_000);
    setCash(world, 0, 100_000);
    world.month++;
    membership(world, testRng());
    expect(h.member[0]).toBe(1);
    expect(h.pokok[0]).toBe(50_000);
    expect(h.pokokDue[0]).toBe(0);
    expect(h.cash[0]).toBe(100_000 - 10_000 - 25_000);
    // Those left with 5,000 cannot pay 10,000 wajib + 25,000 instalment, and leave.
    expect(h.member[1]).toBe(0);
    checkLedger(world);
  });

  it('nobody joins below its awareness threshold, however rich', () => {
    const world = eager([], 10_000_000);
    world.households.awareness.fill(0.01); // thresholds are at least 0.02 (initialise.ts)
    membership(world, testRng());
    expect(members(world)).toBe(0);
  });

  it('nobody joins whose expected benefit is below the monthly cost', () => {
    // valueOfMembership 0 and dues of Rp1 billion a month: no promise of the campaign beats that.
    const world = eager(['membership.valueOfMembership=0', 'membership.simpananWajib=1000000000'], 10_000_000);
    membership(world, testRng());
    expect(members(world)).toBe(0);
  });

  it('a household far from the cooperative stays out where a near one joins', () => {
    // No material gain (no store share, a marketing price below the middleman's): the
    // benefit is the value of membership at awareness 1, Rp20,000. The cost is wajib 10,000
    // + pokok 50,000 / 24 + 5,000 per km: a household at 0 km pays 12,083 and joins, one at
    // 2 km pays 22,083 and does not.
    const world = eager(
      ['membership.valueOfMembership=20000', 'market.coopPurchaseShare=0', 'market.middlemanHandlingCost=0.3'],
      10_000_000,
    );
    const h = world.households;
    h.distance.fill(0);
    for (let i = 1; i < h.count; i += 2) h.distance[i] = 2;
    membership(world, testRng());
    for (let i = 0; i < h.count; i++) expect(h.member[i]).toBe(i % 2 === 0 ? 1 : 0);
  });

  it('the poorest join least: what membership offers grows with income, dues and trips do not', () => {
    // Default costs and the campaign's promise; everyone aware, trusting and rich in cash.
    const { world } = smallWorld(['membership.affordabilityBufferMonths=0'], 3, 2000);
    const h = world.households;
    h.awareness.fill(1);
    h.trust.fill(1);
    for (let i = 0; i < h.count; i++) setCash(world, i, 10_000_000);
    membership(world, testRng());
    const byIncome = [...h.expectedIncome.keys()].sort((a, b) => h.expectedIncome[a] - h.expectedIncome[b]);
    const fifth = Math.floor(h.count / 5);
    const rate = (ids: number[]) => ids.reduce((a, i) => a + h.member[i], 0) / ids.length;
    const poorest = rate(byIncome.slice(0, fifth));
    const richest = rate(byIncome.slice(-fifth));
    expect(poorest).toBeLessThan(richest);
    expect(richest).toBeGreaterThan(0.5);
  });
});
