import { englishInteger } from '../core/groupedInteger.js';
import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { meanOverMembers } from './regionMeasures.js';
import { emit, type World } from './world.js';

/**
 * Process 10: governance. Quality moves each month toward a target set by members'
 * awareness, RAT participation (the share of aware members if last year's RAT was held,
 * else 0), management skill and external supervision, with the `*Weight` parameters.
 * Management skill grows slowly with experience of running enterprises.
 *
 * Mismanagement happens with monthly probability `mismanagementBase * (1 - g)^mismanagementExponent`: the
 * cooperative loses `mismanagementLoss` of its cash (it leaves the scenario) and every
 * member loses `mismanagementTrustShock` of trust. Elite capture is drawn at the annual
 * SHU split (see shu.ts).
 */
export function governance(world: World, rng: Rng): void {
  const g = world.params.governance;
  const h = world.households;
  for (const region of world.regions) {
    const coop = region.coop;
    if (coop && !coop.active) {
      // A dormant cooperative may revive: a new board is elected, or an outside programme arrives.
      if (rng.uniform() < world.params.dormancy.revivalProbability) revive(world, region.index);
      continue;
    }
    if (!coop || coop.memberCount === 0) continue;
    const awareness = meanOverMembers(world, region, h.awareness);
    const rat = coop.ratHeldLastYear ? awareness : 0;
    const target =
      g.awarenessWeight * awareness +
      g.ratWeight * rat +
      g.managementWeight * coop.managementSkill +
      g.supervisionWeight * g.supervision;
    coop.governance += g.adjustRate * (target - coop.governance);
    if (coop.enterprises.length > 0) coop.managementSkill += g.experienceGain * (1 - coop.managementSkill);
    const bad = 1 - coop.governance;
    if (rng.uniform() < g.mismanagementBase * bad ** g.mismanagementExponent) {
      const loss = g.mismanagementLoss * Math.max(0, coop.cash);
      coop.cash -= loss;
      coop.yearOtherIncome -= loss;
      book(
        world.ledger,
        'lost to mismanagement',
        { region: region.index, account: 'coopCash' },
        'outsideEconomy',
        loss,
      );
      for (let i = region.start; i < region.end; i++) {
        if (h.member[i]) h.trust[i] = Math.max(0, h.trust[i] - g.mismanagementTrustShock);
      }
      emit(
        world,
        region.index,
        'mismanagement',
        `${region.name}: mismanagement lost Rp${englishInteger(Math.round(loss))}`,
      );
    }
  }
}

/** A dormant cooperative becomes active again, with a new board: governance at least `dormancy.revivalGovernance`. */
function revive(world: World, r: number): void {
  const region = world.regions[r];
  const coop = region.coop!;
  coop.active = true;
  coop.governance = Math.max(coop.governance, world.params.dormancy.revivalGovernance);
  coop.ratSkipped = 0;
  coop.membersAtLastClose = coop.memberCount;
  emit(
    world,
    r,
    'cooperative-revived',
    `${region.name}: cooperative revived after ${world.month - coop.dormantSince} months dormant`,
  );
  coop.dormantSince = -1;
}
