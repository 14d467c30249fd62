import { doubleFields } from './doubleFields.js';
import type { Enterprise, IntegrationLink } from './enterprise.js';

/** A loan the cooperative owes (e.g. government credit), amortised monthly. */
export interface Loan {
  /** Amount lent, rupiah. */
  readonly amount: number;
  principal: number;
  readonly annualRate: number;
  readonly startMonth: number;
  readonly graceMonths: number;
  readonly termMonths: number;
  arrears: number;
  /** Whether the term has ended (what was still owed then was settled or defaulted). */
  matured: boolean;
}

/** A region's primary cooperative. Money balances here are ledger accounts of its region. */
export interface Cooperative {
  readonly foundedMonth: number;
  readonly founding: 'bottom-up' | 'top-down';
  active: boolean;
  /** Cash, rupiah (ledger account coopCash). */
  cash: number;
  /** Reserves (cadangan), rupiah: equity, built from the reserve part of SHU. */
  reserves: number;
  /** Grants received, rupiah: equity. */
  grants: number;
  /** Members' savings owed back to them (pokok + wajib + sukarela), rupiah. */
  savingsOwed: number;
  /** Loans to members outstanding, rupiah (a claim, not cash). */
  memberLoans: number;
  loans: Loan[];
  /** Education fund, rupiah (ledger account educationFund). */
  educationFund: number;
  /** Social fund, rupiah (ledger account socialFund). */
  socialFund: number;
  /** Governance quality, 0..1. */
  governance: number;
  /** Management skill, 0..1. */
  managementSkill: number;
  /** R&D level, 0..1. */
  rd: number;
  enterprises: Enterprise[];
  links: IntegrationLink[];
  memberCount: number;
  // Annual accounting
  /** Interest paid on loans this year, rupiah. */
  yearInterest: number;
  /** Other income this year (member-loan interest, less bad debts and losses), rupiah. */
  yearOtherIncome: number;
  yearDepreciation: number;
  /** Consecutive years without an RAT. */
  ratSkipped: number;
  ratHeldLastYear: boolean;
  /** SHU paid at the last annual close, rupiah. */
  shuPaid: number;
  /** SHU per member expected at the next close (last year's), rupiah per year. */
  expectedShuPerMember: number;
  /** Month the education institution was founded, or -1. */
  institutionMonth: number;
  /** Cash of the institution, rupiah (ledger account institution). */
  institutionCash: number;
  /** What the cooperative could not pay this year of what it owed (loan service, exit refunds), rupiah. */
  yearUnpaid: number;
  /** Members at the last annual close (or founding). */
  membersAtLastClose: number;
  /** Barred from new programme credit after defaulting on a loan. */
  creditBanned: boolean;
  /** Sum of the amounts of its loans that have reached maturity, rupiah. */
  maturedCredit: number;
  /** Sum of the arrears outstanding on those loans at maturity, rupiah. */
  defaultedArrears: number;
  /** Month it last went dormant, or -1. */
  dormantSince: number;
}

export function createCooperative(
  month: number,
  founding: 'bottom-up' | 'top-down',
  governance: number,
  managementSkill: number,
): Cooperative {
  return doubleFields({
    foundedMonth: month,
    founding,
    active: true,
    cash: -0,
    reserves: -0,
    grants: -0,
    savingsOwed: -0,
    memberLoans: -0,
    loans: [],
    educationFund: -0,
    socialFund: -0,
    governance,
    managementSkill,
    rd: -0,
    enterprises: [],
    links: [],
    memberCount: 0,
    yearInterest: -0,
    yearOtherIncome: -0,
    yearDepreciation: -0,
    ratSkipped: 0,
    ratHeldLastYear: false,
    shuPaid: -0,
    expectedShuPerMember: -0,
    institutionMonth: -1,
    institutionCash: -0,
    yearUnpaid: -0,
    membersAtLastClose: 0,
    creditBanned: false,
    maturedCredit: -0,
    defaultedArrears: -0,
    dormantSince: -1,
  });
}

/**
 * Cash the cooperative can invest: what it holds above the liquidity it keeps to pay back
 * members' savings (`enterprises.liquidityReserve` of them), rupiah.
 */
export function investableCash(c: Cooperative, liquidityReserve: number): number {
  return c.cash - liquidityReserve * c.savingsOwed;
}

/** Capital of the cooperative: members' savings plus reserves plus grants, rupiah. */
export function coopCapital(c: Cooperative): number {
  return c.savingsOwed + c.reserves + c.grants;
}

/** Debt of the cooperative: outstanding loan principal and arrears, rupiah. */
export function coopDebt(c: Cooperative): number {
  let d = 0;
  for (const l of c.loans) d += l.principal + l.arrears;
  return d;
}

export function activeEnterprises(c: Cooperative): number {
  let n = 0;
  for (const e of c.enterprises) if (e.status === 'active') n++;
  return n;
}
