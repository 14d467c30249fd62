import { POTENTIAL_KINDS } from '../model/params.js';
import { getPath } from './overrides.js';
import { scenarioSchema } from './schema.js';

/**
 * The scenario fields that are amounts per cooperative (or per region), not per household:
 * a region of `scale` times the village default of 500 households needs each of them
 * multiplied by `scale` for its households to meet the same intensity of programs. The
 * national scenario is built with this rule, and the scale-invariance check of
 * docs/validation.md uses it. In the order the national scenario file lists them.
 */
export const PER_COOPERATIVE_AMOUNTS = [
  'awareness.campaignBudget',
  'enterprises.storeSetupCost',
  'enterprises.storeMinDemand',
  'enterprises.marketingSetupCost',
  'enterprises.marketingMinSupply',
  'enterprises.procurementSetupCost',
  'enterprises.distributionSetupCost',
  'enterprises.integrationLinkCost',
  'enterprises.managedCapacity',
  'institution.setupCost',
  'institution.monthlyCost',
  'institution.grantPerMonth',
  'institution.trainedPerMonth',
  'federation.overhead',
  'social.governmentBudget',
] as const;

/** Households of the village the schema's defaults describe. */
export const VILLAGE_HOUSEHOLDS = 500;

/** The schema's defaults for one village. */
function villageDefaults() {
  return scenarioSchema.parse({ regions: [{ name: 'village', households: VILLAGE_HOUSEHOLDS }] });
}

/** Each per-cooperative amount's default times `scale`, by path. */
export function scaledAmounts(scale: number): { path: string; value: number }[] {
  const d = villageDefaults();
  return PER_COOPERATIVE_AMOUNTS.map((path) => ({ path, value: (getPath(d, path.split('.')) as number) * scale }));
}

/** The default potentials of a village with capacity and setup capital times `scale`. */
export function scaledPotentials(scale: number): Record<string, Record<string, number>> {
  const base = villageDefaults().regions[0].potentials;
  const out: Record<string, Record<string, number>> = {};
  for (const k of POTENTIAL_KINDS)
    out[k] = { ...base[k], capacity: base[k].capacity * scale, setupCapital: base[k].setupCapital * scale };
  return out;
}
