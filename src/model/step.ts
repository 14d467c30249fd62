import type { Rng } from '../core/rng.js';
import { reconcile, startMonth, type RegionAccount } from './ledger.js';
import { resetFlows } from './region.js';
import { shocks } from './shocks.js';
import { awareness } from './awareness.js';
import { membership } from './membership.js';
import { production } from './production.js';
import { consumption } from './consumption.js';
import { enterpriseOperations, resetEnterpriseMonth } from './enterpriseOperations.js';
import { enterpriseGrowth } from './enterpriseGrowth.js';
import { conversion } from './conversion.js';
import { potentials } from './potentials.js';
import { institution } from './institution.js';
import { federationServices } from './federationServices.js';
import { social } from './social.js';
import { governance } from './governance.js';
import { annualClose } from './annualClose.js';
import { updateStages } from './stages.js';
import type { World } from './world.js';

/** A monthly process: a plain function over the world it is given. */
export type Process = (world: World, rng: Rng) => void;

/**
 * The processes of one month, in the ODD's order (docs/ODD.md, section 3). Exported so that benchmarks can time
 * each one and tests can run one alone.
 */
export const PROCESSES: ReadonlyArray<readonly [name: string, process: Process]> = [
  ['shocks', shocks],
  ['awareness', awareness],
  ['membership', membership],
  ['production', production],
  ['consumption', consumption],
  ['enterprises', (w) => enterpriseOperations(w)],
  ['potentials', potentials],
  ['enterpriseGrowth', enterpriseGrowth],
  ['conversion', conversion],
  ['institution', institution],
  ['federation', federationServices],
  ['social', social],
  ['governance', governance],
  ['annual', annualClose],
  ['stages', updateStages],
];

/** Clears last month's monthly figures; the first thing a step does. */
export function beginMonth(world: World): void {
  world.month++;
  world.events.length = 0;
  startMonth(world.ledger);
  resetEnterpriseMonth(world);
  for (const region of world.regions) resetFlows(region.flows);
  world.households.transfers.fill(0);
}

/**
 * Advances the world by one month: runs every process in order, then checks that the
 * books close (throws a LedgerError if any account does not match the state).
 */
export function step(world: World, rng: Rng): void {
  beginMonth(world);
  for (const [, process] of PROCESSES) process(world, rng);
  checkLedger(world);
}

/** Reconciles every ledger account with the stocks held in the world. */
export function checkLedger(world: World): void {
  const h = world.households;
  reconcile(
    world.ledger,
    (r: number, account: RegionAccount) => {
      const region = world.regions[r];
      const coop = region.coop;
      switch (account) {
        case 'householdCash':
          return sum(h.cash, region.start, region.end);
        case 'householdBusiness':
          return sum(h.businessCapital, region.start, region.end);
        case 'coopCash':
          return coop ? coop.cash : 0;
        case 'enterpriseCapital':
          return coop ? coop.enterprises.reduce((a, e) => a + e.workingCapital, 0) : 0;
        case 'educationFund':
          return coop ? coop.educationFund : 0;
        case 'socialFund':
          return coop ? coop.socialFund : 0;
        case 'institution':
          return coop ? coop.institutionCash : 0;
      }
    },
    world.month,
  );
}

function sum(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}
