import { describe, it, expect } from 'vitest';
import { federationServices } from '../../src/model/federationServices.js';
import { checkLedger } from '../../src/model/step.js';
import type { Loan } from '../../src/model/cooperative.js';
import { setCoopCash, smallWorld, testRng } from '../support/world.js';

/*
 * Loan service (process 8, federationServices.ts): interest accrues monthly; after the
 * grace period the loan is repaid as an annuity over the rest of its term; what the
 * cooperative cannot pay becomes arrears. Terms of the 2025 village-cooperative programme
 * (docs/ODD.md): 6% a year, 72 months, 6 months' grace.
 */
function withLoan(terms: Partial<Loan>, cash = 1e12) {
  const { world } = smallWorld();
  setCoopCash(world, 0, cash);
  const loan: Loan = {
    principal: 72_000_000,
    annualRate: 0.06,
    startMonth: 0,
    graceMonths: 6,
    termMonths: 72,
    arrears: 0,
    ...terms,
  };
  world.regions[0].coop!.loans.push(loan);
  const serve = (month: number) => {
    world.month = month;
    const before = world.regions[0].coop!.cash;
    federationServices(world, testRng());
    checkLedger(world);
    return before - world.regions[0].coop!.cash;
  };
  return { world, loan, serve };
}

/** The annuity payment of principal P at monthly rate r over n months: P r / (1 - (1 + r)^-n). */
const annuity = (p: number, r: number, n: number) => (p * r) / (1 - (1 + r) ** -n);

describe('loan service', () => {
  it('charges only interest during the grace period, then the annuity over the remaining 66 months', () => {
    const { loan, serve } = withLoan({});
    for (let t = 1; t <= 6; t++) expect(serve(t)).toBeCloseTo(72_000_000 * 0.005, 4);
    expect(loan.principal).toBe(72_000_000);
    expect(serve(7)).toBeCloseTo(annuity(72_000_000, 0.005, 66), 4);
    for (let t = 8; t <= 72; t++) expect(serve(t)).toBeCloseTo(annuity(72_000_000, 0.005, 66), 2);
    expect(loan.principal).toBeLessThan(1);
  });

  it('repays an interest-free loan in equal parts over the remaining term', () => {
    const { loan, serve } = withLoan({ annualRate: 0 });
    for (let t = 1; t <= 6; t++) expect(serve(t)).toBe(0);
    for (let t = 7; t <= 72; t++) expect(serve(t)).toBeCloseTo(72_000_000 / 66, 4);
    expect(loan.principal).toBeCloseTo(0, 4);
  });

  it('turns what the cooperative cannot pay into arrears, which stay owed (the KUT history)', () => {
    const { world, loan, serve } = withLoan({ graceMonths: 0 }, 100_000);
    serve(1);
    expect(world.regions[0].coop!.cash).toBe(0);
    expect(loan.arrears).toBeCloseTo(annuity(72_000_000, 0.005, 72) - 100_000, 4);
    serve(2);
    expect(loan.arrears).toBeGreaterThan(annuity(72_000_000, 0.005, 72));
  });

  // Regression (fixed in 6618162): for a positive rate so small that 1 + r rounds to 1
  // (annualRate below about 1e-15, valid for the schema's 0..1 share), (1 + r)^-n was
  // exactly 1 and the annuity formula divided by zero: the payment was Infinity and the
  // whole principal fell due in the first month after the grace period, instead of
  // principal / 66 as for an interest-free loan. When P * r also underflowed to 0 (e.g. a
  // credit.amount of 1e-281 at annualRate 6e-323, found by the property test with extreme
  // doubles) the payment was 0 / 0 = NaN and the step threw "flow 'loan service' booked a
  // NaN rupiah transfer".
  it('repays a loan at a negligible rate (annualRate 1e-17) like an interest-free one', () => {
    const { serve } = withLoan({ annualRate: 1e-17 });
    for (let t = 1; t <= 6; t++) serve(t);
    expect(serve(7)).toBeCloseTo(72_000_000 / 66, 2);
  });
});
