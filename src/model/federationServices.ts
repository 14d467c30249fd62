import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { programmeActive } from './region.js';
import type { World } from './world.js';

/**
 * Process 8: the federation's running costs and the service of cooperatives' loans.
 * (Its trade links and shared distribution act inside enterprise operations; its
 * market-reach multiplier is applied when a region joins; formation is in stages.ts.)
 *
 * Each member cooperative pays `overhead` a month. Loans accrue interest monthly; after
 * the grace period each is repaid as an annuity over the remaining term. What the
 * cooperative cannot pay becomes arrears, which stay owed (the KUT history).
 */
export function federationServices(world: World, rng: Rng): void {
  void rng;
  const overhead = world.params.federation.overhead;
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop) continue;
    const r = region.index;
    if (programmeActive(world, region, 5, world.month) && coop.active) {
      const paid = Math.min(overhead, Math.max(0, coop.cash));
      coop.cash -= paid;
      coop.yearOtherIncome -= paid;
      book(world.ledger, 'federation overhead', { region: r, account: 'coopCash' }, 'federation', paid);
    }
    for (const loan of coop.loans) {
      if (loan.principal <= 0 && loan.arrears <= 0) continue;
      const rate = loan.annualRate / 12;
      // Arrears keep accruing interest at the loan's rate.
      const interest = (loan.principal + loan.arrears) * rate;
      coop.yearInterest += interest;
      const age = world.month - loan.startMonth;
      let due = loan.arrears + interest;
      let principalDue = 0;
      if (age > loan.graceMonths) {
        const remaining = Math.max(1, loan.termMonths - (age - 1));
        // 1 - (1 + r)^-n, computed without cancellation so tiny rates stay finite.
        const discount = -Math.expm1(-remaining * Math.log1p(rate));
        const annuity = discount > 0 && rate > 0 ? (loan.principal * rate) / discount : loan.principal / remaining;
        principalDue = Math.min(loan.principal, annuity - interest);
        due += principalDue;
      }
      const paid = Math.min(due, Math.max(0, coop.cash));
      coop.cash -= paid;
      loan.principal -= principalDue;
      loan.arrears = due - paid;
      book(world.ledger, 'loan service', { region: r, account: 'coopCash' }, 'government', paid);
    }
  }
}
