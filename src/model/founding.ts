import { englishInteger } from '../core/groupedInteger.js';
import type { EnterpriseParams } from './params.js';
import { STAGE } from './params.js';
import { book } from './ledger.js';
import { doubleFields } from './doubleFields.js';
import { MAX_ENTERPRISE_ID } from './households.js';
import { createCooperative, investableCash, type Cooperative } from './cooperative.js';
import type { Enterprise, EnterpriseKind } from './enterprise.js';
import { fullUseUnitCost, targetPrice } from './prices.js';
import { programmeActive, type RegionState } from './region.js';
import { emit, type World } from './world.js';
import type { Rng } from '../core/rng.js';

/**
 * Founds a region's primary cooperative.
 *
 * Bottom-up: a pre-cooperative of aware households; it starts empty and grows from
 * members' savings. Top-down: the government founds it with a capital grant, enrols a
 * share of households by decree (paying their simpanan pokok), opens a store and a
 * marketing arm at once, and (optionally) lends under the federation's credit terms.
 * Top-down cooperatives start with low governance (the KUD history, docs/ODD.md).
 */
export function foundCooperative(world: World, region: RegionState, rng: Rng): Cooperative {
  const { params } = world;
  const g = params.governance;
  const topDown = params.strategy.founding === 'top-down';
  const coop = createCooperative(
    world.month,
    topDown ? 'top-down' : 'bottom-up',
    topDown ? g.initialTopDown : g.initialBottomUp,
    g.initialManagementSkill,
  );
  region.coop = coop;
  emit(world, region.index, 'cooperative-founded', `${region.name}: cooperative founded ${coop.founding}`);
  if (!topDown) return coop;

  const grant = params.strategy.topDownGrant;
  book(world.ledger, 'government grants', 'government', { region: region.index, account: 'coopCash' }, grant);
  coop.cash += grant;
  coop.grants += grant;

  const h = world.households;
  const pokok = params.membership.simpananPokok;
  let enrolled = 0;
  for (let i = region.start; i < region.end; i++) {
    if (rng.uniform() >= params.membership.topDownEnrolledShare) continue;
    h.member[i] = 1;
    h.pokok[i] = pokok;
    enrolled++;
  }
  coop.memberCount = enrolled;
  coop.membersAtLastClose = enrolled;
  coop.savingsOwed += enrolled * pokok;
  coop.cash += enrolled * pokok;
  book(
    world.ledger,
    'simpanan pokok paid by government',
    'government',
    { region: region.index, account: 'coopCash' },
    enrolled * pokok,
  );

  const e = params.enterprises;
  openEnterprise(world, region, 'primaryStore', 0, -1, e.storeSetupCost);
  openEnterprise(world, region, 'marketing', -1, -1, e.marketingSetupCost);
  if (params.strategy.topDownCredit) grantCredit(world, region);
  return coop;
}

/**
 * Opens an enterprise with the given setup capital: a share becomes fixed assets (bought
 * from outside the scenario), the rest its working capital. Returns it, or null if the
 * cooperative cannot pay.
 */
export function openEnterprise(
  world: World,
  region: RegionState,
  kind: EnterpriseKind,
  tier: number,
  potential: number,
  setupCost: number,
): Enterprise | null {
  const coop = region.coop;
  if (!coop || investableCash(coop, world.params.enterprises.liquidityReserve) < setupCost) return null;
  const e = world.params.enterprises;
  const fixed = setupCost * e.fixedAssetShare;
  const working = setupCost - fixed;
  book(world.ledger, 'enterprise fixed assets', { region: region.index, account: 'coopCash' }, 'outsideEconomy', fixed);
  book(
    world.ledger,
    'enterprise working capital',
    { region: region.index, account: 'coopCash' },
    { region: region.index, account: 'enterpriseCapital' },
    working,
  );
  coop.cash -= setupCost;
  const enterprise = newEnterprise(
    world,
    coop.enterprises.length,
    kind,
    tier,
    potential,
    'new',
    setupCost * e.capacityPerSetup * managementCapacityFactor(coop.managementSkill, e),
    working,
    fixed,
  );
  if (programmeActive(world, region, STAGE.federation, world.month))
    enterprise.marketReach *= world.params.federation.marketReachMultiplier;
  coop.enterprises.push(enterprise);
  startFill(region, enterprise);
  emit(world, region.index, 'enterprise-founded', `${region.name}: ${kind} founded`);
  return enterprise;
}

/**
 * Capacity per rupiah of setup relative to `capacityPerSetup`: a cooperative with better
 * management gets more out of the same investment (`capacityAtZeroManagement` at management
 * skill 0, plus `capacityManagementGain` per unit of it).
 */
export function managementCapacityFactor(managementSkill: number, p: EnterpriseParams): number {
  return p.capacityAtZeroManagement + p.capacityManagementGain * managementSkill;
}

/**
 * A new store or marketing arm serves, in its first month, what its capacity allows of
 * last month's member demand or produce (not all of it, whatever its size).
 */
export function startFill(region: RegionState, e: Enterprise): void {
  if (e.tier >= 0) {
    const demand = region.unmetDemand[e.tier];
    region.storeFill[e.tier] = demand > 0 ? Math.min(1, e.capacity / demand) : 1;
  } else if (e.kind === 'marketing') {
    const offered = region.memberOutputOffered;
    region.marketingFill = offered > 0 ? Math.min(1, e.capacity / offered) : 1;
  }
}

export function newEnterprise(
  world: World,
  id: number,
  kind: EnterpriseKind,
  tier: number,
  potential: number,
  origin: 'new' | 'converted',
  capacity: number,
  workingCapital: number,
  fixedAssets: number,
): Enterprise {
  // Households.employer stores the index in 16 bits; the model cannot reach the limit (see there).
  if (id > MAX_ENTERPRISE_ID) throw new RangeError(`enterprise index ${id} exceeds ${MAX_ENTERPRISE_ID}`);
  const p = world.params.enterprises;
  const month = world.month;
  // The numbers written -0 become double fields (see doubleFields.ts), then get their values.
  const e: Enterprise = doubleFields({
    id,
    kind,
    tier,
    potential,
    origin,
    foundedMonth: month,
    capacity: -0,
    workingCapital: -0,
    fixedAssets: -0,
    price: -0,
    unitCost: -0,
    quality: -0,
    marketReach: -0,
    status: 'active' as const,
    closedMonth: -1,
    lossStreak: 0,
    overDemandStreak: 0,
    workers: 0,
    sales: -0,
    operatingCosts: -0,
    costs: -0,
    demand: -0,
    inputs: -0,
    internalInputs: -0,
    goodsValue: -0,
    yearProfit: -0,
  });
  e.capacity = capacity;
  e.workingCapital = workingCapital;
  e.fixedAssets = fixedAssets;
  e.price = 1;
  e.unitCost = fullUseUnitCost(kind, p);
  e.quality = p.initialQuality;
  e.marketReach = 1;
  e.price = targetPrice(e, world.params.market, p);
  return e;
}

/**
 * Government credit on the federation's terms (e.g. the 2025 village-cooperative
 * programme: up to Rp3 billion at 6% a year over 72 months with a 6-month grace period),
 * granted only when governance meets the condition and no earlier loan is outstanding.
 */
export function grantCredit(world: World, region: RegionState): boolean {
  const coop = region.coop;
  const c = world.params.federation.credit;
  // One programme loan per cooperative: a cooperative still repaying one gets no second.
  const owing = coop?.loans.some((l) => !l.matured) ?? false;
  if (!coop || c.amount <= 0 || coop.governance < c.minGovernance || owing || coop.creditBanned) return false;
  const r = region.index;
  book(world.ledger, 'government credit', 'government', { region: r, account: 'coopCash' }, c.amount);
  coop.cash += c.amount;
  investCredit(world, region, c.amount * c.assetShare);
  const loan = doubleFields({
    amount: c.amount,
    matured: false,
    principal: -0,
    annualRate: c.annualRate,
    startMonth: world.month,
    graceMonths: c.graceMonths,
    termMonths: c.termMonths,
    arrears: -0,
  });
  loan.principal = c.amount;
  coop.loans.push(loan);
  emit(
    world,
    region.index,
    'credit-received',
    `${region.name}: government credit of Rp${englishInteger(Math.round(c.amount))}`,
  );
  return true;
}

/**
 * Programme credit buys fixed assets for the cooperative's enterprises (warehouses,
 * outlets, vehicles) at once, in proportion to their capacity: the loan must then be repaid
 * from what those assets earn, not from itself. Capacity grows with the assets as at
 * founding, but no enterprise is run beyond what its management can handle
 * (`managedCapacity` x management skill); assets bought beyond that stand idle and only
 * depreciate.
 */
function investCredit(world: World, region: RegionState, amount: number): void {
  const coop = region.coop!;
  const p = world.params.enterprises;
  const active = coop.enterprises.filter((e) => e.status === 'active');
  const total = active.reduce((a, e) => a + e.capacity, 0);
  if (amount <= 0 || total <= 0) return;
  const limit = p.managedCapacity * coop.managementSkill;
  for (const e of active) {
    const assets = (amount * e.capacity) / total;
    e.fixedAssets += assets;
    const added = assets * p.capacityPerSetup * managementCapacityFactor(coop.managementSkill, p);
    e.capacity = Math.max(e.capacity, Math.min(limit, e.capacity + added));
  }
  coop.cash -= amount;
  book(
    world.ledger,
    'enterprise fixed assets',
    { region: region.index, account: 'coopCash' },
    'outsideEconomy',
    amount,
  );
}
