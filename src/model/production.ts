import type { Rng } from '../core/rng.js';
import { earners, earningPotential } from './earnings.js';
import { isProducer } from './households.js';
import { book } from './ledger.js';
import { shockFactor } from './shocks.js';
import type { Enterprise } from './enterprise.js';
import type { World } from './world.js';

/**
 * Process 4: production and income.
 *
 * Every household earns its earning potential times a lognormal income shock (mean 1).
 * Producers (farmers, fishers, artisans) sell their output: members through the
 * cooperative's marketing enterprise, at its smaller margin and up to its capacity (it
 * buys the share it could take last month), the rest to middlemen (tengkulak) at the
 * middleman's margin. Productivity is calibrated net of the middleman's margin, so a
 * producer who sells to middlemen earns exactly its earning potential. Laborers and
 * traders earn from the local economy outside the cooperative. A household with a
 * cooperative job gives up one earner's share of its own work and earns the wage.
 */
export function production(world: World, rng: Rng): void {
  const { params } = world;
  const hp = params.households;
  const mk = params.market;
  const h = world.households;
  const sd = params.shocks.incomeNoiseSd;
  const meanCorrection = -0.5 * sd * sd;
  const toMiddleman = 1 - mk.middlemanMargin;
  const toCoop = 1 - mk.coopMarketingMargin;
  const wage = params.enterprises.wage;
  for (const region of world.regions) {
    const coop = region.coop;
    let marketing: Enterprise | null = null;
    if (coop && coop.active)
      for (const e of coop.enterprises) if (e.kind === 'marketing' && e.status === 'active') marketing = e;
    const fill = marketing ? region.marketingFill : 0;
    const shock = shockFactor(world, region.index);
    let own = 0;
    let middlemen = 0;
    let coopPurchases = 0;
    let coopGoods = 0;
    let offered = 0;
    let wages = 0;
    for (let i = region.start; i < region.end; i++) {
      let earned = earningPotential(h, i, hp) * Math.exp(sd * rng.normal() + meanCorrection);
      let income = 0;
      const job = h.employer[i];
      if (job >= 0) {
        earned *= 1 - 1 / earners(h.size[i]);
        const e = coop!.enterprises[job];
        e.workingCapital -= wage;
        e.costs += wage;
        wages += wage;
        income += wage;
      }
      if (isProducer(h.occupation[i])) {
        const gross = (earned * shock) / toMiddleman;
        if (h.member[i]) offered += gross;
        if (marketing && h.member[i]) {
          const sold = gross * fill;
          const paid = sold * toCoop;
          coopPurchases += paid;
          coopGoods += sold;
          h.patronage[i] += paid;
          const rest = (gross - sold) * toMiddleman;
          middlemen += rest;
          income += paid + rest;
        } else {
          const rest = gross * toMiddleman;
          middlemen += rest;
          income += rest;
        }
      } else {
        own += earned;
        income += earned;
      }
      h.income[i] = income;
      h.cash[i] += income;
      h.expectedIncome[i] = 0.9 * h.expectedIncome[i] + 0.1 * income;
    }
    if (marketing) {
      marketing.workingCapital -= coopPurchases;
      marketing.costs += coopPurchases;
      marketing.goodsValue += coopGoods;
      marketing.demand += offered;
      region.marketingFill = offered > 0 ? Math.min(1, marketing.capacity / offered) : 1;
    }
    region.memberOutputOffered = offered;
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
