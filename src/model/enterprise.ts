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
  /**
   * The enterprise's price, relative to the market: for a store, what members pay per
   * rupiah of goods at the private (warung) price; for the marketing arm, what it pays
   * members per rupiah of their produce's value. Set at cost plus a surplus, moving
   * toward it month by month.
   */
  price: number;
  /** Its own costs (overhead, wages, depreciation) per rupiah of goods, smoothed. */
  unitCost: number;
  /** Product quality, 0..1 (R&D raises it). */
  quality: number;
  /** Market reach before R&D: multiplier on external demand (the federation raises it). */
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
  /** Its own costs this month (wages, overhead), rupiah. */
  operatingCosts: number;
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
