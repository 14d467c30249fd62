import type { Rng } from '../core/rng.js';
import { earners, earningPotential, skillNormaliser } from './earnings.js';
import type { Enterprise } from './enterprise.js';
import { isProducer, OCC } from './households.js';
import { book } from './ledger.js';
import { shockFactor } from './shocks.js';
import type { World } from './world.js';

/**
 * Process 4: production and income.
 *
 * Every household earns its earning potential times a lognormal income shock (mean 1).
 * Producers (farmers, fishers, artisans) sell their output. Middlemen (tengkulak) pay
 * `1 - middlemanMargin` of its value; productivity is calibrated net of that margin, so a
 * producer selling to middlemen earns exactly its earning potential. A member with an
 * active marketing arm sells it the share the arm could take last month, at the arm's
 * cost-plus price (prices.ts), when that price beats the middleman's.
 *
 * Produce traders and warung owners live off the village's trade: the share
 * `traderLocalShare` (`shopkeeperLocalShare`) of their earnings moves with the value of
 * produce still sold to middlemen (of villagers' purchases at private shops) last month,
 * relative to before the cooperative. What the cooperative takes over, they lose.
 * Laborers and the rest of traders' earnings come from the economy outside.
 *
 * A household with a cooperative job gives up one earner's share of its own work and earns
 * the wage; a household whose earner was in training last month forgoes those days.
 *
 * Skill not practised fades: each month a household loses `skillDepreciation` of its skill
 * above the level it started with (training and scholarships raise it, section 7.10).
 */
export function production(world: World, rng: Rng): void {
  const { params } = world;
  const hp = params.households;
  const mk = params.market;
  const h = world.households;
  const sd = params.shocks.incomeNoiseSd;
  const meanCorrection = -0.5 * sd * sd;
  const toMiddleman = 1 - mk.middlemanMargin;
  const wage = params.enterprises.wage;
  const smoothing = hp.incomeSmoothing;
  const workDays = params.institution.workingDaysPerMonth;
  const keepSkill = 1 - hp.skillDepreciation;
  const { skill, baseSkill } = h;
  const normaliser = skillNormaliser(hp);
  for (const region of world.regions) {
    const coop = region.coop;
    let marketing: Enterprise | null = null;
    if (coop && coop.active)
      for (const e of coop.enterprises) if (e.kind === 'marketing' && e.status === 'active') marketing = e;
    // Members sell to the arm only when its price beats the middleman's.
    const toCoop = marketing ? marketing.price : 0;
    const fill = marketing && toCoop > toMiddleman ? region.marketingFill : 0;
    const shock = shockFactor(world, region.index);
    const traderFactor = localBusinessFactor(hp.traderLocalShare, region.middlemenVolume, region.middlemenBaseline);
    const shopFactor = localBusinessFactor(hp.shopkeeperLocalShare, region.retailVolume, region.retailBaseline);
    let own = 0;
    let middlemen = 0;
    let middlemenValue = 0;
    let coopPurchases = 0;
    let coopGoods = 0;
    let offered = 0;
    let wages = 0;
    for (let i = region.start; i < region.end; i++) {
      const base = baseSkill[i];
      if (skill[i] > base) skill[i] = base + keepSkill * (skill[i] - base);
      let earned = earningPotential(h, i, hp, normaliser) * Math.exp(sd * rng.normal() + meanCorrection);
      const occupation = h.occupation[i];
      if (occupation === OCC.trader) earned *= traderFactor;
      else if (occupation === OCC.shopkeeper) earned *= shopFactor;
      const perEarner = 1 / earners(h.size[i], hp.earnerShare);
      const training = h.trainingDays[i];
      if (training > 0) {
        earned *= 1 - (perEarner * Math.min(training, workDays)) / workDays;
        h.trainingDays[i] = 0;
      }
      let income = 0;
      const job = h.employer[i];
      if (job >= 0) {
        earned *= 1 - perEarner;
        const e = coop!.enterprises[job];
        e.workingCapital -= wage;
        e.costs += wage;
        e.operatingCosts += wage;
        wages += wage;
        income += wage;
      }
      if (isProducer(occupation)) {
        const gross = (earned * shock) / toMiddleman;
        if (h.member[i]) offered += gross;
        if (fill > 0 && h.member[i]) {
          const sold = gross * fill;
          const paid = sold * toCoop;
          coopPurchases += paid;
          coopGoods += sold;
          h.patronage[i] += paid;
          const rest = gross - sold;
          middlemenValue += rest;
          middlemen += rest * toMiddleman;
          income += paid + rest * toMiddleman;
        } else {
          middlemenValue += gross;
          middlemen += gross * toMiddleman;
          income += gross * toMiddleman;
        }
      } else {
        own += earned;
        income += earned;
      }
      h.income[i] = income;
      h.cash[i] += income;
      h.expectedIncome[i] = smoothing * h.expectedIncome[i] + (1 - smoothing) * income;
    }
    if (marketing) {
      marketing.workingCapital -= coopPurchases;
      marketing.costs += coopPurchases;
      marketing.goodsValue += coopGoods;
      marketing.demand += offered;
      // What the arm can take next month; nothing is known to be on offer before members produce.
      region.marketingFill = offered > 0 ? Math.min(1, marketing.capacity / offered) : 0;
    }
    region.memberOutputOffered = offered;
    region.middlemenVolume = middlemenValue;
    const r = region.index;
    const hhCash = { region: r, account: 'householdCash' } as const;
    book(world.ledger, 'own earnings', 'outsideEconomy', hhCash, own);
    book(world.ledger, 'sales to middlemen', 'outsideEconomy', hhCash, middlemen);
    book(
      world.ledger,
      'produce bought by the cooperative',
      { region: r, account: 'enterpriseCapital' },
      hhCash,
      coopPurchases,
    );
    book(
      world.ledger,
      'wages from cooperative enterprises',
      { region: r, account: 'enterpriseCapital' },
      hhCash,
      wages,
    );
  }
}

/**
 * Earnings multiplier of a local business: the local share moves with the business's
 * volume relative to its baseline, the rest does not.
 */
export function localBusinessFactor(localShare: number, volume: number, baseline: number): number {
  return baseline > 0 ? 1 - localShare + (localShare * volume) / baseline : 1;
}
