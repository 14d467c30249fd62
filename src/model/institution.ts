import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { programmeActive, type RegionState } from './region.js';
import { emit, type World } from './world.js';

/**
 * Process 7: the cooperative education institution (stage 4).
 *
 * Founded once stage 4 starts and the cooperative can pay `setupCost` (from its
 * education fund first, then cash). It runs on the education fund plus a government
 * grant; its `monthlyCost` buys full operation, and with less money it runs at the
 * share it can pay. Each month it trains `trainedPerMonth` households (two in three
 * members, one in three from the community), raising their skill and awareness; it
 * raises the cooperative's management skill and governance; and its R&D raises every
 * active enterprise's quality, market reach and capacity.
 */
export function institution(world: World, rng: Rng): void {
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, 4, world.month)) continue;
    if (coop.institutionMonth < 0 && !found(world, region)) continue;
    operate(world, region, rng);
  }
}

function found(world: World, region: RegionState): boolean {
  const coop = region.coop!;
  const cost = world.params.institution.setupCost;
  if (coop.educationFund + coop.cash < cost) return false;
  const fromFund = Math.min(coop.educationFund, cost);
  const fromCash = cost - fromFund;
  coop.educationFund -= fromFund;
  coop.cash -= fromCash;
  const r = region.index;
  book(world.ledger, 'institution setup', { region: r, account: 'educationFund' }, 'outsideEconomy', fromFund);
  book(world.ledger, 'institution setup', { region: r, account: 'coopCash' }, 'outsideEconomy', fromCash);
  coop.institutionMonth = world.month;
  emit(world, r, 'institution-founded', `${region.name}: cooperative education institution founded`);
  return true;
}

function operate(world: World, region: RegionState, rng: Rng): void {
  const coop = region.coop!;
  const p = world.params.institution;
  const r = region.index;
  const h = world.households;
  book(world.ledger, 'institution grant', 'government', { region: r, account: 'institution' }, p.grantPerMonth);
  coop.institutionCash += p.grantPerMonth;
  const fromFund = Math.min(coop.educationFund, Math.max(0, p.monthlyCost - coop.institutionCash));
  coop.educationFund -= fromFund;
  coop.institutionCash += fromFund;
  book(
    world.ledger,
    'education fund to institution',
    { region: r, account: 'educationFund' },
    { region: r, account: 'institution' },
    fromFund,
  );
  const spent = Math.min(coop.institutionCash, p.monthlyCost);
  coop.institutionCash -= spent;
  book(world.ledger, 'institution running costs', { region: r, account: 'institution' }, 'outsideEconomy', spent);
  const level = p.monthlyCost > 0 ? spent / p.monthlyCost : 1;
  if (level <= 0) return;

  const n = region.end - region.start;
  const trained = Math.round(p.trainedPerMonth * level);
  for (let t = 0; t < trained; t++) {
    // Two in three trainees are members: draw until one is found, a few tries at most.
    let i = region.start + rng.int(n);
    if (t % 3 !== 2) for (let k = 0; k < 8 && !h.member[i]; k++) i = region.start + rng.int(n);
    h.skill[i] += p.skillGain * (1 - h.skill[i]);
    h.awareness[i] += p.awarenessGain * (1 - h.awareness[i]);
  }
  region.flows.trainedHouseholds += trained;
  coop.managementSkill += p.managementGain * level * (1 - coop.managementSkill);
  coop.governance += p.governanceGain * level * (1 - coop.governance);
  const rd = p.rdQualityGain * level;
  coop.rd += rd * (1 - coop.rd);
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    e.quality += rd * (1 - e.quality);
    e.marketReach *= 1 + rd;
    e.capacity *= 1 + rd / 2;
  }
}
