import { describe, it, expect } from 'vitest';
import { governance } from '../../src/model/governance.js';
import { checkLedger } from '../../src/model/step.js';
import { makeMember, setCoopCash, smallWorld, testRng } from '../support/world.js';

/** A cooperative with members 0..49 at trust 0.8 and Rp10 million cash. */
function withMembers(sets: string[]) {
  const { world } = smallWorld(sets);
  const h = world.households;
  for (let i = 0; i < 50; i++) makeMember(world, i, { pokok: 50_000 });
  h.trust.fill(0.8);
  setCoopCash(world, 0, 10_000_000);
  return world;
}

describe('process 10: governance', () => {
  it("mismanagement lowers every member's trust by mismanagementTrustShock and loses mismanagementLoss of the cash", () => {
    // Forced: governance 0 with no adjustment, base probability 1: the monthly probability
    // mismanagementBase * (1 - g)^mismanagementExponent is 1.
    const world = withMembers([
      'governance.adjustRate=0',
      'governance.mismanagementBase=1',
      'governance.mismanagementTrustShock=0.15',
      'governance.mismanagementLoss=0.2',
    ]);
    const coop = world.regions[0].coop!;
    coop.governance = 0;
    governance(world, testRng());
    const h = world.households;
    for (let i = 0; i < 50; i++) expect(h.trust[i]).toBeCloseTo(0.65, 6);
    for (let i = 50; i < h.count; i++) expect(h.trust[i]).toBeCloseTo(0.8, 6); // non-members are not hurt
    expect(coop.cash).toBeCloseTo(8_000_000, 4);
    expect(coop.yearOtherIncome).toBeCloseTo(-2_000_000, 4); // charged against this year's SHU
    expect(world.events.some((e) => e.kind === 'mismanagement')).toBe(true);
    checkLedger(world);
  });

  it('mismanagement risk is mismanagementBase x (1 - governance)^mismanagementExponent', () => {
    // Over 400 months at governance 0.5 and base 1: about 0.25 x 400 = 100 events with the
    // default exponent 2, about 200 with exponent 1, every month with exponent 0.
    const events = (sets: string[]) => {
      const world = withMembers(['governance.adjustRate=0', 'governance.mismanagementBase=1', ...sets]);
      world.regions[0].coop!.governance = 0.5;
      const rng = testRng();
      for (let m = 0; m < 400; m++) governance(world, rng);
      return world.events.filter((e) => e.kind === 'mismanagement').length;
    };
    const squared = events([]);
    const linear = events(['governance.mismanagementExponent=1']);
    expect(squared).toBeGreaterThan(70);
    expect(squared).toBeLessThan(130);
    expect(linear).toBeGreaterThan(170);
    expect(linear).toBeLessThan(230);
    expect(events(['governance.mismanagementExponent=0'])).toBe(400);
  });

  it('never floors trust below zero', () => {
    const world = withMembers([
      'governance.adjustRate=0',
      'governance.mismanagementBase=1',
      'governance.mismanagementTrustShock=1',
    ]);
    world.regions[0].coop!.governance = 0;
    governance(world, testRng());
    expect(world.households.trust[0]).toBe(0);
  });

  it('a well-governed cooperative is not mismanaged (probability base * (1 - 1)^2 = 0)', () => {
    const world = withMembers(['governance.adjustRate=0', 'governance.mismanagementBase=1']);
    world.regions[0].coop!.governance = 1;
    for (let t = 0; t < 24; t++) governance(world, testRng(t));
    expect(world.households.trust[0]).toBeCloseTo(0.8, 6);
    expect(world.regions[0].coop!.cash).toBe(10_000_000);
  });

  it('mismanagement is more frequent at low governance: 240 draws at g = 0.1 against g = 0.9', () => {
    const count = (g: number) => {
      const world = withMembers(['governance.adjustRate=0', 'governance.mismanagementBase=0.2']);
      world.regions[0].coop!.governance = g;
      const rng = testRng(42);
      let events = 0;
      for (let t = 0; t < 240; t++) {
        world.events.length = 0;
        governance(world, rng);
        events += world.events.filter((e) => e.kind === 'mismanagement').length;
      }
      return events;
    };
    // Expected 240 * 0.2 * 0.81 = 39 against 240 * 0.2 * 0.01 = 0.5.
    expect(count(0.1)).toBeGreaterThan(20);
    expect(count(0.9)).toBeLessThan(5);
  });

  it('moves quality toward 0.3 awareness + 0.2 RAT participation + 0.3 management + 0.2 supervision at adjustRate', () => {
    const world = withMembers([
      'governance.adjustRate=0.5',
      'governance.supervision=0.5',
      'governance.mismanagementBase=0',
    ]);
    const coop = world.regions[0].coop!;
    const h = world.households;
    for (let i = 0; i < 50; i++) h.awareness[i] = 0.6;
    coop.governance = 0.2;
    coop.managementSkill = 0.4;
    coop.ratHeldLastYear = true;
    governance(world, testRng());
    const target = 0.3 * 0.6 + 0.2 * 0.6 + 0.3 * 0.4 + 0.2 * 0.5;
    expect(coop.governance).toBeCloseTo(0.2 + 0.5 * (target - 0.2), 6);
  });

  it('a top-down cooperative starts with lower governance than a bottom-up one (docs/ODD.md: the KUD history)', () => {
    const bottomUp = smallWorld(['strategy.founding=bottom-up']).world.regions[0].coop!;
    const topDown = smallWorld(['strategy.founding=top-down']).world.regions[0].coop!;
    expect(bottomUp.governance).toBe(0.6);
    expect(topDown.governance).toBe(0.3);
  });
});
