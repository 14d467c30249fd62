/** What an enterprise does: a need tier it serves, or a role in the value chain. */
export const ENTERPRISE_KINDS = [
  'primaryStore',
  'secondaryStore',
  'supportingServices',
  'complementaryStore',
  'marketing',
  'procurement',
  'distribution',
  'potential',
] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/** Store kinds by need tier: 0 primary (food), 1 secondary, 2 supporting, 3 complementary. */
export const STORE_BY_TIER: readonly EnterpriseKind[] = [
  'primaryStore',
  'secondaryStore',
  'supportingServices',
  'complementaryStore',
];

/** A cooperative enterprise (usaha). A small record: a region holds tens, not thousands. */
export interface Enterprise {
  readonly id: number;
  readonly kind: EnterpriseKind;
  /** Need tier served (stores), else -1. */
  readonly tier: number;
  /** Index into POTENTIAL_KINDS (potential enterprises), else -1. */
  readonly potential: number;
  readonly origin: 'new' | 'converted';
  readonly foundedMonth: number;
  /** Monthly sales (or purchase) capacity, rupiah. */
  capacity: number;
  /** Cash of the enterprise, rupiah (ledger account enterpriseCapital). */
  workingCapital: number;
  /** Book value of fixed assets, rupiah (not money; depreciates). */
  fixedAssets: number;
  /** Product quality, 0..1 (R&D raises it). */
  quality: number;
  /** Market reach: multiplier on external demand for its products. */
  marketReach: number;
  status: 'active' | 'closed';
  closedMonth: number;
  /** Consecutive months with a loss. */
  lossStreak: number;
  /** Months in a row with demand above capacity. */
  overDemandStreak: number;
  workers: number;
  // this month
  sales: number;
  costs: number;
  demand: number;
  inputs: number;
  internalInputs: number;
  /** Market value of the goods it bought this month to resell (marketing: members' produce), rupiah. */
  goodsValue: number;
  // this year (for SHU)
  yearProfit: number;
}

/** An integration link: the buyer sources inputs from the supplier inside the cooperative. */
export interface IntegrationLink {
  readonly supplier: number;
  readonly buyer: number;
  readonly month: number;
}

export function isStore(kind: EnterpriseKind): boolean {
  return (
    kind === 'primaryStore' ||
    kind === 'secondaryStore' ||
    kind === 'supportingServices' ||
    kind === 'complementaryStore'
  );
}
