import { describe, it, expect } from 'vitest';
import { LedgerError } from '../../src/core/errors.js';
import { balanceOf, book, createLedger, reconcile, startMonth } from '../../src/model/ledger.js';
import { checkLedger, step } from '../../src/model/step.js';
import { smallWorld } from '../support/world.js';

describe('the ledger', () => {
  it('books a transfer from one account to another, by flow name, and counts what crosses the border', () => {
    const ledger = createLedger(2);
    book(ledger, 'wages', 'outsideEconomy', { region: 0, account: 'householdCash' }, 100);
    book(ledger, 'dues', { region: 0, account: 'householdCash' }, { region: 0, account: 'coopCash' }, 30);
    book(ledger, 'dues', { region: 1, account: 'householdCash' }, { region: 1, account: 'coopCash' }, 5);
    expect(balanceOf(ledger, { region: 0, account: 'householdCash' })).toBe(70);
    expect(balanceOf(ledger, { region: 0, account: 'coopCash' })).toBe(30);
    expect(balanceOf(ledger, 'outsideEconomy')).toBe(-100);
    expect(ledger.flows.get('dues')).toBe(35);
    expect(ledger.netInflow).toBe(100);
    startMonth(ledger);
    expect(ledger.flows.size).toBe(0);
    expect(ledger.netInflow).toBe(0);
  });

  it('ignores dust below a millionth of a rupiah, and rejects negative or non-finite transfers as bugs', () => {
    const ledger = createLedger(1);
    book(ledger, 'dust', 'government', 'outsideEconomy', -1e-9);
    expect(ledger.flows.size).toBe(0);
    expect(() => book(ledger, 'bad', 'government', 'outsideEconomy', -5)).toThrow(LedgerError);
    expect(() => book(ledger, 'bad', 'government', 'outsideEconomy', Number.NaN)).toThrow(/'bad'/);
    expect(() => book(ledger, 'bad', 'government', 'outsideEconomy', Infinity)).toThrow(LedgerError);
  });

  it('reconcile names every account whose books differ from the state', () => {
    const ledger = createLedger(2);
    book(ledger, 'opening', 'opening', { region: 1, account: 'coopCash' }, 1000);
    expect(() => reconcile(ledger, (r, a) => (r === 1 && a === 'coopCash' ? 1000 : 0), 3)).not.toThrow();
    let error: unknown;
    try {
      reconcile(ledger, (r, a) => (r === 1 && a === 'coopCash' ? 900 : a === 'socialFund' ? 5 : 0), 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LedgerError);
    const message = (error as Error).message;
    expect(message).toContain('month 3');
    expect(message).toContain('region 1 coopCash: books say 1000.00, state holds 900.00');
    expect(message).toContain('region 0 socialFund');
    expect(message).toContain('region 1 socialFund');
  });

  it('checkLedger throws when a household gets cash nobody booked', () => {
    const { world, rng } = smallWorld();
    step(world, rng);
    checkLedger(world);
    world.households.cash[17] += 1_000;
    expect(() => checkLedger(world)).toThrow(LedgerError);
    expect(() => checkLedger(world)).toThrow(/region 0 householdCash/);
  });

  it('the monthly step throws a LedgerError when a change goes unbooked, e.g. cooperative cash created from nothing', () => {
    const { world, rng } = smallWorld();
    step(world, rng);
    world.regions[0].coop!.cash += 50_000;
    expect(() => step(world, rng)).toThrow(/coopCash/);
  });

  it('tolerates rounding only (1 rupiah + 1e-9 of the largest stock): ten rupiah off is caught, a millionth is not', () => {
    const { world, rng } = smallWorld();
    step(world, rng);
    world.households.cash[3] += 1e-6;
    expect(() => checkLedger(world)).not.toThrow();
    world.households.cash[3] += 10;
    expect(() => checkLedger(world)).toThrow(LedgerError);
  });
});
