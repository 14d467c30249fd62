import { createRng, type Rng } from '../../src/core/rng.js';
import { book, type RegionAccount } from '../../src/model/ledger.js';
import { createWorld } from '../../src/model/initialise.js';
import { newEnterprise } from '../../src/model/founding.js';
import type { Enterprise, EnterpriseKind } from '../../src/model/enterprise.js';
import { neighbourAt, type Network } from '../../src/model/network.js';
import type { World } from '../../src/model/world.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

/*
 * Helpers for model tests: small worlds built from the bundled default scenario with
 * `--set` overrides, and state changes that keep the books closed (every rupiah a test
 * puts somewhere is booked from the border account 'opening', as the initial balances are).
 */

/** The default scenario with one region of `households` households, `months` months, plus overrides. */
export function smallScenario(sets: readonly string[] = [], households = 200, months = 24): Scenario {
  return loadScenario('default', [`regions=[{"name":"a","households":${households}}]`, `months=${months}`, ...sets])
    .scenario;
}

/** A small world at month 0 and its step stream. */
export function smallWorld(
  sets: readonly string[] = [],
  seed = 1,
  households = 200,
): { world: World; rng: Rng; scenario: Scenario } {
  const scenario = smallScenario(sets, households);
  const { world, rng } = createWorld(scenario, seed);
  return { world, rng, scenario };
}

/**
 * Two identical worlds (same scenario, same seed) with the same households, every other
 * one, made members of region 0's cooperative: one gets a change, the other is the control.
 */
export function memberTwins(sets: readonly string[] = [], seed = 1): readonly [World, World] {
  const make = () => {
    const { world } = smallWorld(sets, seed);
    const h = world.households;
    let count = 0;
    for (let i = 0; i < h.count; i += 2) {
      h.member[i] = 1;
      count++;
    }
    world.regions[0].coop!.memberCount = count;
    return world;
  };
  return [make(), make()] as const;
}

/** A fresh random stream for calling one process with known draws. */
export function testRng(seed = 7): Rng {
  return createRng(seed);
}

/** Moves `amount` (either sign) between the border account 'opening' and a region account. */
export function bookOpening(world: World, region: number, account: RegionAccount, amount: number): void {
  if (amount > 0) book(world.ledger, 'test setup', 'opening', { region, account }, amount);
  else if (amount < 0) book(world.ledger, 'test setup', { region, account }, 'opening', -amount);
}

/** Sets a household's cash, booking the change so the ledger still closes. */
export function setCash(world: World, i: number, value: number): void {
  bookOpening(world, regionOf(world, i), 'householdCash', value - world.households.cash[i]);
  world.households.cash[i] = value;
}

/** Sets the cooperative's cash in a region, booking the change. */
export function setCoopCash(world: World, region: number, value: number): void {
  const coop = world.regions[region].coop!;
  bookOpening(world, region, 'coopCash', value - coop.cash);
  coop.cash = value;
}

/**
 * Makes household i a member holding the given savings (as if paid in earlier: the
 * cooperative holds them as cash and owes them back), with the given debt (lent earlier
 * out of that cash). Everything booked.
 */
export function makeMember(
  world: World,
  i: number,
  savings: { pokok?: number; wajib?: number; sukarela?: number; debt?: number } = {},
): void {
  const h = world.households;
  const r = regionOf(world, i);
  const coop = world.regions[r].coop!;
  const pokok = savings.pokok ?? 0;
  const wajib = savings.wajib ?? 0;
  const sukarela = savings.sukarela ?? 0;
  const debt = savings.debt ?? 0;
  h.member[i] = 1;
  h.pokok[i] = pokok;
  h.wajib[i] = wajib;
  h.sukarela[i] = sukarela;
  h.debt[i] = debt;
  coop.memberCount++;
  coop.savingsOwed += pokok + wajib + sukarela;
  coop.memberLoans += debt;
  setCoopCash(world, r, coop.cash + pokok + wajib + sukarela - debt);
}

/** Adds an active enterprise with the given working capital (booked), returning it. */
export function addEnterprise(
  world: World,
  region: number,
  kind: EnterpriseKind,
  opts: { tier?: number; capacity?: number; workingCapital?: number; potential?: number } = {},
): Enterprise {
  const coop = world.regions[region].coop!;
  const working = opts.workingCapital ?? 0;
  const e = newEnterprise(
    world,
    coop.enterprises.length,
    kind,
    opts.tier ?? -1,
    opts.potential ?? -1,
    'new',
    opts.capacity ?? 100_000_000,
    working,
    0,
  );
  coop.enterprises.push(e);
  bookOpening(world, region, 'enterpriseCapital', working);
  return e;
}

/** A complete graph on n households in CSR form: everyone is everyone else's neighbour. */
export function completeGraph(n: number): Network {
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(n * (n - 1));
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    for (let j = 0; j < n; j++) if (j !== i) neighbours[k++] = j;
  }
  offsets[n] = k;
  return networkOf(offsets, neighbours);
}

/** A network from CSR offsets and neighbour slots, stored as the model stores them. */
export function networkOf(offsets: Int32Array, neighbours: Int32Array): Network {
  const neighbourLow = Uint16Array.from(neighbours, (j) => j & 0xffff);
  const neighbourHigh = Uint16Array.from(neighbours, (j) => j >>> 16);
  return { offsets, neighbourLow, neighbourHigh };
}

/** Every entry of a network's neighbour lists, as slots. */
export function neighbourSlots(net: Network): Int32Array {
  return Int32Array.from(net.neighbourLow, (_, k) => neighbourAt(net, k));
}

/** The region whose slot range holds household i. */
export function regionOf(world: World, i: number): number {
  return world.regions.findIndex((r) => i >= r.start && i < r.end);
}

/** Mean of a typed array over [from, to). */
export function meanOf(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return to > from ? s / (to - from) : 0;
}
