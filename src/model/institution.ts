import { STAGE } from './params.js';
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
 * share it can pay. Each month it trains `trainedPerMonth` households (the share
 * `memberTraineeShare` members, the rest from the community), raising their skill and
 * awareness; a trainee's earner spends `trainingDays` away from work (earnings forgone
 * next month). It raises the cooperative's management skill and governance, and its R&D
 * level, which raises every active enterprise's quality and (bounded by the R&D level,
 * see effectiveReach) its market reach.
 */
export function institution(world: World, rng: Rng): void {
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, STAGE.institution, world.month)) continue;
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
  const members = coop.memberCount;
  for (let t = 0; t < trained; t++) {
    // Members are drawn from the members (when there are any), the others from everyone.
    const i =
      rng.uniform() < p.memberTraineeShare && members > 0
        ? randomMember(world, region, rng)
        : region.start + rng.int(n);
    h.skill[i] += p.skillGain * (1 - h.skill[i]);
    h.awareness[i] += p.awarenessGain * (1 - h.awareness[i]);
    h.trainingDays[i] += p.trainingDays;
  }
  region.flows.trainedHouseholds += trained;
  coop.managementSkill += p.managementGain * level * (1 - coop.managementSkill);
  coop.governance += p.governanceGain * level * (1 - coop.governance);
  const rd = p.rdQualityGain * level;
  coop.rd += rd * (1 - coop.rd);
  for (const e of coop.enterprises) if (e.status === 'active') e.quality += rd * (1 - e.quality);
}

/**
 * A member drawn at random, by rejection (members are usually a large share of the
 * region); falls back to a scan from a random slot when draws keep missing.
 */
function randomMember(world: World, region: RegionState, rng: Rng): number {
  const h = world.households;
  const n = region.end - region.start;
  // About n / members draws find one; after four times that, scan from a random slot.
  const limit = Math.ceil((4 * n) / Math.max(1, region.coop!.memberCount));
  for (let tries = 0; tries < limit; tries++) {
    const i = region.start + rng.int(n);
    if (h.member[i]) return i;
  }
  const from = rng.int(n);
  for (let k = 0; k < n; k++) {
    const i = region.start + ((from + k) % n);
    if (h.member[i]) return i;
  }
  return region.start + from;
}
