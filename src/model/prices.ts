import type { Enterprise, EnterpriseKind } from './enterprise.js';
import type { EnterpriseParams, MarketParams } from './params.js';

/*
 * Cooperative prices as cost plus surplus. A private shop (warung) buys at wholesale and
 * sells at the market price; its gross margin `warungMargin` pays its handling, its owner's
 * work and a rent. The cooperative store buys the same goods at the same wholesale price
 * (less where integration or the federation lowers it), pays handling and spoilage, its
 * own overhead, wages and depreciation, and prices in a small surplus: what is left of the
 * warung's margin is the members' discount. The marketing arm pays the middleman's handling
 * costs (transport, storage, risk, credit) and its own costs, prices in a surplus, and pays
 * members the rest: what is left of the middleman's margin is the producer's premium. No
 * discount or premium is assumed; both come out of these costs.
 */

/** Workers per rupiah of activity, relative to a store. */
export function labourIntensity(kind: EnterpriseKind, p: EnterpriseParams): number {
  if (kind === 'procurement' || kind === 'distribution') return p.wholesaleLabourIntensity;
  if (kind === 'marketing') return p.marketingLabourIntensity;
  if (kind === 'potential') return p.potentialLabourIntensity;
  return 1;
}

/**
 * An enterprise's own costs per rupiah of goods when it runs at full capacity: overhead,
 * wages and depreciation of its setup. The estimate a new enterprise prices on.
 */
export function fullUseUnitCost(kind: EnterpriseKind, p: EnterpriseParams): number {
  const wages = (labourIntensity(kind, p) * p.wage) / p.salesPerWorker;
  const depreciation = (p.depreciationRate * p.fixedAssetShare) / p.capacityPerSetup;
  return p.overheadRate + wages + depreciation;
}

/** What a store pays for goods worth one rupiah at the market price, handling and spoilage included. */
export function storeLandedCost(mk: MarketParams, p: EnterpriseParams): number {
  return (1 - mk.warungMargin) * (1 + p.storeHandlingCost);
}

/** A store's cost-plus price relative to the market price, never above it. */
export function storeTargetPrice(unitCost: number, mk: MarketParams, p: EnterpriseParams): number {
  return Math.min(1, storeLandedCost(mk, p) + unitCost + mk.coopSurplusMargin);
}

/**
 * What the marketing arm pays members per rupiah of their produce's value: the outside
 * price (raised by quality), less the handling costs every intermediary pays, its own unit
 * costs and its surplus. Never below zero.
 */
export function marketingTargetPrice(unitCost: number, quality: number, mk: MarketParams): number {
  const outside = 1 + mk.qualityPricePremium * (quality - 0.5);
  return Math.max(0, outside - mk.middlemanHandlingCost - unitCost - mk.coopSurplusMargin);
}

/** The cost-plus price an enterprise moves toward (stores and marketing; others pass goods on at cost). */
export function targetPrice(e: Enterprise, mk: MarketParams, p: EnterpriseParams): number {
  if (e.kind === 'marketing') return marketingTargetPrice(e.unitCost, e.quality, mk);
  if (e.tier >= 0) return storeTargetPrice(e.unitCost, mk, p);
  return 1;
}
