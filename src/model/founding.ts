import { book } from './ledger.js';
import { createCooperative, type Cooperative } from './cooperative.js';
import type { Enterprise, EnterpriseKind } from './enterprise.js';
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
    h.joinedMonth[i] = world.month;
    h.pokok[i] = pokok;
    enrolled++;
  }
  coop.memberCount = enrolled;
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
  if (!coop || coop.cash < setupCost) return null;
  const e = world.params.enterprises;
  const fixed = setupCost * FIXED_SHARE;
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
    coop.enterprises.length,
    kind,
    tier,
    potential,
    'new',
    world.month,
    setupCost * e.capacityPerSetup * (0.75 + 0.5 * coop.managementSkill),
    working,
    fixed,
  );
  if (programmeActive(world, region, 5, world.month))
    enterprise.marketReach *= world.params.federation.marketReachMultiplier;
  coop.enterprises.push(enterprise);
  emit(world, region.index, 'enterprise-founded', `${region.name}: ${kind} founded`);
  return enterprise;
}

/** Share of an enterprise's setup capital spent on fixed assets (buildings, equipment). */
export const FIXED_SHARE = 0.6;

export function newEnterprise(
  id: number,
  kind: EnterpriseKind,
  tier: number,
  potential: number,
  origin: 'new' | 'converted',
  month: number,
  capacity: number,
  workingCapital: number,
  fixedAssets: number,
): Enterprise {
  return {
    id,
    kind,
    tier,
    potential,
    origin,
    foundedMonth: month,
    capacity,
    workingCapital,
    fixedAssets,
    quality: 0.5,
    marketReach: 1,
    status: 'active',
    closedMonth: -1,
    lossStreak: 0,
    overDemandStreak: 0,
    workers: 0,
    sales: 0,
    costs: 0,
    demand: 0,
    inputs: 0,
    internalInputs: 0,
    goodsValue: 0,
    yearProfit: 0,
  };
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
  const owing = coop?.loans.some((l) => l.principal > 0 || l.arrears > 0) ?? false;
  if (!coop || c.amount <= 0 || coop.governance < c.minGovernance || owing) return false;
  book(world.ledger, 'government credit', 'government', { region: region.index, account: 'coopCash' }, c.amount);
  coop.cash += c.amount;
  coop.loans.push({
    principal: c.amount,
    annualRate: c.annualRate,
    startMonth: world.month,
    graceMonths: c.graceMonths,
    termMonths: c.termMonths,
    arrears: 0,
  });
  emit(
    world,
    region.index,
    'credit-received',
    `${region.name}: government credit of Rp${Math.round(c.amount).toLocaleString('en')}`,
  );
  return true;
}
