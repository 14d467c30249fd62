import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../src/indicators/registry.js';
import { createCooperative } from '../../src/model/cooperative.js';
import { createStatsBuffers, referenceScopeStats } from '../support/referenceScopeStats.js';
import { smallWorld } from '../support/world.js';

/*
 * The indicators the calibration targets are measured on (docs/calibration.md), by hand on
 * a small world whose columns the test sets: the impact indicators are differences in
 * differences on the same households, the registry's figures plain counts and sums.
 */

function value(id: string, world: ReturnType<typeof smallWorld>['world']): number {
  const s = referenceScopeStats(world, world.regions, createStatsBuffers(world.households.count));
  return indicatorById(id)!.compute(s, world.params);
}

/** Four households of one person each; the rest of the world's households made empty-handed copies of household 3. */
function fourHouseholds() {
  const { world } = smallWorld([], 1, 4);
  const h = world.households;
  h.size.fill(1);
  h.member.set([1, 1, 0, 0]);
  h.consumption0.set([100, 200, 100, 300]);
  // Members: 300 -> 360 (+20%); non-members: 400 -> 440 (+10%); gain 1.2 / 1.1 - 1.
  h.realConsumptionPc.set([150, 210, 100, 340]);
  return world;
}

describe('evidence indicators', () => {
  it("members' consumption gain is members' growth over non-members', minus 1 (by hand)", () => {
    expect(value('member_consumption_gain', fourHouseholds())).toBeCloseTo(1.2 / 1.1 - 1, 6);
  });

  it("members' consumption gain is 0 while there are no members (no contrast)", () => {
    const world = fourHouseholds();
    world.households.member.fill(0);
    expect(value('member_consumption_gain', world)).toBe(0);
  });

  it("the training effect compares trained with untrained members' income growth, non-members left out (by hand)", () => {
    const world = fourHouseholds();
    const h = world.households;
    h.member.set([1, 1, 1, 0]);
    h.baseSkill.set([0.3, 0.3, 0.3, 0.3]);
    h.skill.set([0.5, 0.3, 0.3, 0.9]); // household 0 trained; household 3 is not a member
    h.income0.set([1000, 1000, 1000, 1000]);
    h.income.set([1100, 1000, 1040, 5000]);
    // trained: 1.10; untrained members: (1000 + 1040) / 2000 = 1.02.
    expect(value('trained_income_gain', world)).toBeCloseTo(1.1 / 1.02 - 1, 6);
  });

  it('member share where a cooperative is active counts only regions whose cooperative is active', () => {
    const world = fourHouseholds();
    world.regions[0].coop = null;
    expect(value('member_share_active', world)).toBe(0); // no cooperative
    world.regions[0].coop = createCooperative(0, 'bottom-up', 0.6, 0.5);
    world.regions[0].coop.active = true;
    expect(value('member_share_active', world)).toBeCloseTo(0.5, 12);
    world.regions[0].coop.active = false;
    expect(value('member_share_active', world)).toBe(0);
    expect(value('cooperatives_founded', world)).toBe(1);
  });

  it("RATs due and the year's surplus are the month's flows", () => {
    const world = fourHouseholds();
    world.regions[0].flows.ratDue = 1;
    world.regions[0].flows.ratHeld = 1;
    world.regions[0].flows.surplus = -2500;
    expect(value('rat_due', world)).toBe(1);
    expect(value('coop_surplus', world)).toBe(-2500);
  });
});
