import { LedgerError } from '../core/errors.js';

/*
 * Stock-flow consistent books. Every rupiah that moves is booked as a transfer between two
 * named accounts. Accounts are either inside the scenario (one set per region) or on its
 * border (the rest of the economy, the government, the federation, and the opening balances).
 * The step never changes a money stock without booking the same flow here, and
 * `reconcile` checks the books against the stocks every month.
 */

/** Money accounts each region has. */
export const REGION_ACCOUNTS = [
  'householdCash',
  'householdBusiness',
  'coopCash',
  'enterpriseCapital',
  'educationFund',
  'socialFund',
  'institution',
] as const;
export type RegionAccount = (typeof REGION_ACCOUNTS)[number];

/** Accounts on the scenario's border: money enters or leaves the model through these. */
export const BORDER_ACCOUNTS = ['opening', 'outsideEconomy', 'government', 'federation'] as const;
export type BorderAccount = (typeof BORDER_ACCOUNTS)[number];

/** An account: a region's account, or a border account. */
export type AccountRef = { readonly region: number; readonly account: RegionAccount } | BorderAccount;

export interface Ledger {
  readonly regionCount: number;
  /** Balances, region-major: `balances[region * REGION_ACCOUNTS.length + accountIndex]`. */
  readonly balances: Float64Array;
  /** Border balances, in BORDER_ACCOUNTS order (negative: net money sent into the scenario). */
  readonly border: Float64Array;
  /** This month's flows by name (e.g. 'wages'), summed over regions, rupiah. Cleared each month. */
  readonly flows: Map<string, number>;
  /** Everything that crossed the border this month, inflows positive, rupiah. */
  netInflow: number;
}

const ACCOUNT_INDEX = Object.fromEntries(REGION_ACCOUNTS.map((a, i) => [a, i])) as Record<RegionAccount, number>;
const BORDER_INDEX = Object.fromEntries(BORDER_ACCOUNTS.map((a, i) => [a, i])) as Record<BorderAccount, number>;

export function createLedger(regionCount: number): Ledger {
  return {
    regionCount,
    balances: new Float64Array(regionCount * REGION_ACCOUNTS.length),
    border: new Float64Array(BORDER_ACCOUNTS.length),
    flows: new Map(),
    netInflow: 0,
  };
}

/** Balance of one account. */
export function balanceOf(ledger: Ledger, ref: AccountRef): number {
  return typeof ref === 'string'
    ? ledger.border[BORDER_INDEX[ref]]
    : ledger.balances[ref.region * REGION_ACCOUNTS.length + ACCOUNT_INDEX[ref.account]];
}

function add(ledger: Ledger, ref: AccountRef, amount: number): void {
  if (typeof ref === 'string') {
    ledger.border[BORDER_INDEX[ref]] += amount;
  } else {
    ledger.balances[ref.region * REGION_ACCOUNTS.length + ACCOUNT_INDEX[ref.account]] += amount;
  }
}

/**
 * Books `amount` rupiah from one account to another under a flow name. Processes sum a
 * flow over a region's households first and book it once, so booking stays off the
 * per-household hot path. Amounts under a millionth of a rupiah are ignored; negative or non-finite ones are a bug.
 */
export function book(ledger: Ledger, flow: string, from: AccountRef, to: AccountRef, amount: number): void {
  // Sums of per-household flows can round to a hair below zero; that dust is not a flow.
  if (Math.abs(amount) < 1e-6) return;
  if (!(amount > 0) || !Number.isFinite(amount)) {
    throw new LedgerError(`flow '${flow}' booked a ${amount} rupiah transfer; transfers must be positive and finite`);
  }
  add(ledger, from, -amount);
  add(ledger, to, amount);
  ledger.flows.set(flow, (ledger.flows.get(flow) ?? 0) + amount);
  const fromBorder = typeof from === 'string';
  const toBorder = typeof to === 'string';
  if (fromBorder && !toBorder) ledger.netInflow += amount;
  else if (!fromBorder && toBorder) ledger.netInflow -= amount;
}

/** Starts a new month of flow totals. */
export function startMonth(ledger: Ledger): void {
  ledger.flows.clear();
  ledger.netInflow = 0;
}

/** The stock each region account should hold, measured from the world's state. */
export type MeasuredStocks = (region: number, account: RegionAccount) => number;

/**
 * Checks the books: each region account's balance equals the stock measured in the world,
 * and the books as a whole sum to zero. Throws a {@link LedgerError} naming every account
 * that does not close. The tolerance is relative (1e-9 of the largest stock) plus 1 rupiah,
 * to allow floating-point rounding and nothing else.
 */
export function reconcile(ledger: Ledger, measured: MeasuredStocks, month: number): void {
  const problems: string[] = [];
  let scale = 1;
  for (let i = 0; i < ledger.balances.length; i++) scale = Math.max(scale, Math.abs(ledger.balances[i]));
  const tolerance = 1 + scale * 1e-9;
  for (let r = 0; r < ledger.regionCount; r++) {
    for (const account of REGION_ACCOUNTS) {
      const booked = ledger.balances[r * REGION_ACCOUNTS.length + ACCOUNT_INDEX[account]];
      const actual = measured(r, account);
      if (!(Math.abs(booked - actual) <= tolerance)) {
        problems.push(`region ${r} ${account}: books say ${booked.toFixed(2)}, state holds ${actual.toFixed(2)}`);
      }
    }
  }
  let total = 0;
  for (let i = 0; i < ledger.balances.length; i++) total += ledger.balances[i];
  for (let i = 0; i < ledger.border.length; i++) total += ledger.border[i];
  if (!(Math.abs(total) <= tolerance)) problems.push(`all accounts sum to ${total.toFixed(2)}, not 0`);
  if (problems.length > 0) {
    throw new LedgerError(`the ledger does not close in month ${month}:\n  ${problems.join('\n  ')}`);
  }
}
