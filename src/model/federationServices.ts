import { englishInteger } from '../core/groupedInteger.js';
import { STAGE } from './params.js';
import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { programmeActive, type RegionState } from './region.js';
import { emit, type World } from './world.js';
import type { Loan } from './cooperative.js';

/**
 * Process 8: the federation's running costs and the service of cooperatives' loans.
 * (Its trade links and shared distribution act inside enterprise operations; its
 * market-reach multiplier is applied when a region joins; formation is in stages.ts.)
 *
 * Each member cooperative pays `overhead` a month. Loans accrue interest monthly; after
 * the grace period each is repaid as an annuity over the remaining term. What the
 * cooperative cannot pay becomes arrears, which stay owed (the KUT history) until the
 * term ends. What is still owed then is a default: the lender takes it out of members'
 * savings in the cooperative (as far as they go; the government writes off the rest), the
 * cooperative is barred from programme credit, and every member loses
 * `dormancy.arrearsTrustShock` of trust.
 */
export function federationServices(world: World, rng: Rng): void {
  void rng;
  const overhead = world.params.federation.overhead;
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop) continue;
    const r = region.index;
    if (programmeActive(world, region, STAGE.federation, world.month) && coop.active) {
      const paid = Math.min(overhead, Math.max(0, coop.cash));
      coop.cash -= paid;
      coop.yearOtherIncome -= paid;
      book(world.ledger, 'federation overhead', { region: r, account: 'coopCash' }, 'federation', paid);
    }
    for (const loan of coop.loans) {
      if (loan.matured) continue;
      const rate = loan.annualRate / 12;
      // Arrears keep accruing interest at the loan's rate.
      const interest = (loan.principal + loan.arrears) * rate;
      coop.yearInterest += interest;
      const age = world.month - loan.startMonth;
      const arrearsBefore = loan.arrears;
      let due = arrearsBefore + interest;
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
      // What fell due this month and went unpaid (arrears carried over were counted before).
      coop.yearUnpaid += Math.max(0, due - paid - arrearsBefore);
      book(world.ledger, 'loan service', { region: r, account: 'coopCash' }, 'government', paid);
      if (age >= loan.termMonths) mature(world, region, loan);
    }
  }
}

/** The loan's term has ended: what is still owed is a default, with its consequences. */
function mature(world: World, region: RegionState, loan: Loan): void {
  const coop = region.coop!;
  const owed = loan.principal + loan.arrears;
  loan.matured = true;
  coop.maturedCredit += loan.amount;
  loan.principal = 0;
  loan.arrears = 0;
  if (owed <= 0) return;
  // Recorded as a share of what was lent: at most the whole amount (unpaid interest aside).
  coop.defaultedArrears += Math.min(owed, loan.amount);
  coop.creditBanned = true;
  // Members' savings are claims on the cooperative, not money: writing them down moves no rupiah.
  const h = world.households;
  const taken = Math.min(owed, coop.savingsOwed);
  const keep = coop.savingsOwed > 0 ? 1 - taken / coop.savingsOwed : 1;
  coop.savingsOwed -= taken;
  const shock = world.params.dormancy.arrearsTrustShock;
  for (let i = region.start; i < region.end; i++) {
    if (!h.member[i]) continue;
    h.pokok[i] *= keep;
    h.wajib[i] *= keep;
    h.sukarela[i] *= keep;
    h.trust[i] = Math.max(0, h.trust[i] - shock);
  }
  emit(
    world,
    region.index,
    'credit-default',
    `${region.name}: loan matured with Rp${englishInteger(Math.round(owed))} unpaid; members' savings cut by Rp${englishInteger(Math.round(taken))}, no more programme credit`,
  );
}
