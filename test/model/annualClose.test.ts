import { describe, it, expect } from 'vitest';
import { annualClose, dormancyHazard, ratProbability } from '../../src/model/annualClose.js';
import { createWorld } from '../../src/model/initialise.js';
import { checkLedger, step } from '../../src/model/step.js';
import {
  addEnterprise,
  makeMember,
  setCash,
  setCoopCash,
  smallScenario,
  smallWorld,
  testRng,
} from '../support/world.js';

/**
 * A cooperative at its first annual close (month 12): members 0..49 with Rp50,000 pokok
 * each; members 0 and 1 poor, with patronage 100,000 and 300,000; members 45..49 the
 * richest (the board); an enterprise with `profit` for the year; `cash` in the till.
 */
function yearEnd(sets: string[], profit: number, cash: number, governance = 1) {
  const { world } = smallWorld(sets);
  const h = world.households;
  for (let i = 0; i < 50; i++) {
    makeMember(world, i, { pokok: 50_000 });
    setCash(world, i, i >= 45 ? 100_000_000 + i : 10_000);
  }
  h.patronage[0] = 100_000;
  h.patronage[1] = 300_000;
  h.trust.fill(0.8);
  const coop = world.regions[0].coop!;
  setCoopCash(world, 0, cash);
  addEnterprise(world, 0, 'primaryStore', { tier: 0 }).yearProfit = profit;
  coop.governance = governance;
  world.month = 12;
  return { world, h, coop };
}

describe('process 11: the annual close', () => {
  it('splits a Rp10 million SHU by the bylaws: patronage by transactions, capital by savings, board, funds, reserve', () => {
    const { world, h, coop } = yearEnd([], 10_000_000, 20_000_000);
    annualClose(world, testRng());
    // Patronage part 2.5M shared 1:3 by members 0 and 1; capital part 1.5M shared equally by
    // 50 equal savers (30,000 each); the board part 0.5M by members 45..49 (100,000 each).
    expect(h.cash[0] - 10_000).toBeCloseTo(625_000 + 30_000, 4);
    expect(h.cash[1] - 10_000).toBeCloseTo(1_875_000 + 30_000, 4);
    expect(h.cash[2] - 10_000).toBeCloseTo(30_000, 4);
    expect(h.cash[49] - 100_000_049).toBeCloseTo(30_000 + 100_000, 4);
    expect(coop.educationFund).toBeCloseTo(500_000, 4);
    expect(coop.socialFund).toBeCloseTo(500_000, 4);
    // No staff: the staff part stays in the reserve with the reserve part: 4M + 0.5M.
    expect(coop.reserves).toBeCloseTo(4_500_000, 4);
    expect(coop.cash).toBeCloseTo(20_000_000 - 4_500_000 - 1_000_000, 4);
    expect(coop.shuPaid).toBeCloseTo(4_500_000, 4);
    expect(coop.expectedShuPerMember).toBeCloseTo(4_500_000 / 50, 4);
    expect(world.regions[0].flows.shuPaid).toBeCloseTo(4_500_000, 4);
    expect(h.patronage.every((p) => p === 0)).toBe(true); // a new year of transactions
    checkLedger(world);
  });

  it('pays no more than the cash it has, keeping the rest as reserve; nothing is lost', () => {
    const { world, h, coop } = yearEnd(['enterprises.liquidityReserve=0'], 10_000_000, 1_200_000);
    const before = h.cash.reduce((a, b) => a + b, 0);
    annualClose(world, testRng());
    const paid = h.cash.reduce((a, b) => a + b, 0) - before;
    // Payouts (everything but the reserve: 6M) scaled by 1.2M / 6M.
    expect(paid + coop.educationFund + coop.socialFund).toBeCloseTo(
      1_200_000 - (0.05 * 10_000_000 * 1_200_000) / 6_000_000,
      2,
    );
    expect(paid + coop.educationFund + coop.socialFund + coop.reserves).toBeCloseTo(10_000_000, 2);
    expect(coop.cash).toBeGreaterThanOrEqual(-1e-6);
    checkLedger(world);
  });

  it("pays out only what it holds above the liquidity it keeps for members' savings", () => {
    // Savings 50 x 50,000 = 2.5M; liquidityReserve 0.2 keeps 0.5M: payouts (6M, of which the
    // 0.5M staff part has nobody to go to) scaled by 0.7M / 6M.
    const { world, coop } = yearEnd([], 10_000_000, 1_200_000);
    annualClose(world, testRng());
    expect(coop.cash).toBeCloseTo(1_200_000 - (700_000 / 6_000_000) * 5_500_000, 2);
    expect(coop.cash).toBeGreaterThanOrEqual(500_000);
    checkLedger(world);
  });

  it('elite capture sends the patronage and capital parts to the board', () => {
    // Probability eliteCaptureBase * (1 - governance) = 1.
    const { world, h } = yearEnd(['governance.eliteCaptureBase=1'], 10_000_000, 20_000_000, 0);
    annualClose(world, testRng());
    expect(h.cash[0]).toBe(10_000);
    expect(h.cash[1]).toBe(10_000);
    // Board part 0.5M + patronage 2.5M + capital 1.5M among five.
    expect(h.cash[49] - 100_000_049).toBeCloseTo(4_500_000 / 5, 4);
    expect(world.events.some((e) => e.kind === 'elite-capture')).toBe(true);
    checkLedger(world);
  });

  it('charges a loss to the reserves and pays nothing', () => {
    const { world, h, coop } = yearEnd([], -2_000_000, 5_000_000);
    annualClose(world, testRng());
    expect(coop.reserves).toBe(-2_000_000);
    expect(coop.cash).toBe(5_000_000);
    expect(h.cash[0]).toBe(10_000);
    expect(coop.shuPaid).toBe(0);
  });

  it('moves trust with SHU received against SHU expected: nothing received when 100,000 was expected costs trustAdjust', () => {
    const { world, h, coop } = yearEnd(['governance.trustAdjust=0.06'], 0, 5_000_000, 1);
    coop.expectedShuPerMember = 100_000;
    annualClose(world, testRng());
    // 0.06 x (0 / 100,000 - 1) for the shortfall, +0.02 for the RAT (held at governance 1).
    expect(h.trust[3]).toBeCloseTo(0.8 - 0.06 + 0.02, 6);
    expect(h.trust[100]).toBeCloseTo(0.8, 6); // a non-member
  });

  it('does nothing outside months 12, 24, ...', () => {
    const { world, coop } = yearEnd([], 10_000_000, 20_000_000);
    world.month = 13;
    annualClose(world, testRng());
    expect(coop.reserves).toBe(0);
    expect(coop.ratSkipped).toBe(0);
  });
});

describe('the RAT', () => {
  it('is held with probability logistic in governance, 0.5 at ratMidpoint', () => {
    expect(ratProbability(0.35, 0.35, 12)).toBe(0.5);
    expect(ratProbability(0.9, 0.35, 12)).toBeGreaterThan(0.99);
    expect(ratProbability(0, 0.35, 12)).toBeLessThan(0.02);
  });

  it('held: the skip count resets, the RAT is recorded and members gain trust', () => {
    const { world, h, coop } = yearEnd([], 0, 1_000_000, 1);
    coop.ratSkipped = 1;
    annualClose(world, testRng());
    expect(coop.ratHeldLastYear).toBe(true);
    expect(coop.ratSkipped).toBe(0);
    expect(world.regions[0].flows.ratHeld).toBe(1);
    expect(h.trust[0]).toBeCloseTo(0.82, 6);
  });

  it('skipping the RAT adds ratSkippedWeight to the yearly dormancy hazard; a large one makes the cooperative dormant', () => {
    // Governance 0 with steepness 100: P(held) = 1 / (1 + e^35), never in practice.
    const sure = ['governance.ratSteepness=100', 'dormancy.ratSkippedWeight=10'];
    const { world, coop } = yearEnd(sure, 0, 1_000_000, 0);
    annualClose(world, testRng(1));
    expect(coop.ratSkipped).toBe(1);
    expect(coop.active).toBe(false); // hazard >= 10: P(dormant) = 1 - e^-10
    expect(world.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['rat-skipped', 'cooperative-inactive']));
  });

  it('a sound cooperative with every hazard weight at zero never goes dormant, RAT or not', () => {
    const zero = [
      'governance.ratSteepness=100',
      'dormancy.baseHazard=0',
      'dormancy.ratSkippedWeight=0',
      'dormancy.governanceWeight=0',
    ];
    const { world, coop } = yearEnd(zero, 0, 1_000_000, 0);
    for (const month of [12, 24, 36]) {
      world.month = month;
      annualClose(world, testRng(month));
    }
    expect(coop.ratSkipped).toBe(3);
    expect(coop.active).toBe(true);
  });

  it('the dormancy hazard adds up its causes, by hand', () => {
    // base 0.005 + loss 0.5 x (1M / 2.5M capital) + unpaid 0.3 x (0.25M / 2.5M) + members
    // lost 0.5 x (10 / 60) + governance 0.03 x (1 - 0.4) + RAT skipped 0.1.
    const { world, coop } = yearEnd([], 0, 1_000_000, 0.4);
    coop.membersAtLastClose = 60;
    coop.memberCount = 50;
    coop.yearUnpaid = 250_000;
    const hazard = dormancyHazard(world, coop, -1_000_000, false);
    expect(hazard).toBeCloseTo(0.005 + 0.2 + 0.03 + (0.5 * 10) / 60 + 0.018 + 0.1, 10);
  });

  it('a registered cooperative that falls below minMembers goes dormant at the close', () => {
    const { world, coop } = yearEnd(['dormancy.minMembers=60'], 0, 1_000_000, 1);
    coop.membersAtLastClose = 60; // it had the members to register
    annualClose(world, testRng());
    expect(coop.active).toBe(false);
    expect(world.events.find((e) => e.kind === 'cooperative-inactive')?.message).toMatch(/fewer than 60 members/);
  });

  it('in the full model, a failing cooperative goes dormant at its first close and then takes no members', () => {
    const scenario = smallScenario(
      [
        'governance.initialBottomUp=0',
        'governance.adjustRate=0',
        'governance.ratSteepness=100',
        'governance.ratMidpoint=0.9',
        'dormancy.ratSkippedWeight=10',
        'dormancy.revivalProbability=0',
        'awareness.initialMean=0.6',
        'membership.thresholdMean=0.2',
      ],
      200,
      36,
    );
    const { world, rng } = createWorld(scenario, 3);
    const coop = world.regions[0].coop!;
    const membersAt: number[] = [];
    for (let t = 1; t <= 36; t++) {
      step(world, rng);
      membersAt[t] = coop.memberCount;
      if (t < 12) expect(coop.active).toBe(true);
    }
    expect(membersAt[11]).toBeGreaterThan(0);
    expect(coop.active).toBe(false);
    expect(coop.dormantSince).toBe(12);
    // Dormant: nobody joins, members drift out.
    for (let t = 13; t <= 36; t++) expect(membersAt[t]).toBeLessThanOrEqual(membersAt[t - 1]);
  });
});
