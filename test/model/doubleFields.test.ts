import { describe, it, expect } from 'vitest';
import { doubleFields } from '../../src/model/doubleFields.js';
import { createCooperative } from '../../src/model/cooperative.js';
import { emptyFlows, resetFlows } from '../../src/model/region.js';
import { emptyStats } from '../../src/indicators/scopeStats.js';
import { createMonthlyStats } from '../../src/indicators/monthlyStats.js';
import { addEnterprise, smallWorld } from '../support/world.js';

/** Names of the fields of `record` (one level, and its arrays' elements) that hold -0. */
function negativeZeros(record: object, prefix = ''): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (Object.is(value, -0)) found.push(prefix + key);
    else if (Array.isArray(value))
      value.forEach((v, i) => {
        if (v && typeof v === 'object') found.push(...negativeZeros(v, `${prefix}${key}[${i}].`));
      });
  }
  return found;
}

/*
 * doubleFields (src/model/doubleFields.ts): records are written with -0 so that V8 makes
 * their fields doubles, and must hold +0, never -0, once created (1 / -0 is -Infinity).
 */
describe('doubleFields', () => {
  it('turns -0 into +0 and leaves every other value alone', () => {
    const r = doubleFields({ a: -0, b: 0, c: 1.5, d: -2, e: 'x', f: null });
    expect(Object.is(r.a, 0)).toBe(true);
    expect(r).toEqual({ a: 0, b: 0, c: 1.5, d: -2, e: 'x', f: null });
  });

  it('leaves no -0 in the records the model and the indicators create', () => {
    const { world } = smallWorld();
    const e = addEnterprise(world, 0, 'primaryStore');
    expect(e.price).toBeGreaterThan(0);
    expect(e.marketReach).toBe(1);
    const flows = emptyFlows();
    resetFlows(flows);
    const stats = createMonthlyStats(world).scopes[0];
    for (const [name, record] of Object.entries({
      cooperative: createCooperative(0, 'bottom-up', 0.5, 0.5),
      region: world.regions[0],
      enterprise: e,
      flows,
      emptyStats: emptyStats(),
      scopeStats: stats,
    })) {
      expect(negativeZeros(record), name).toEqual([]);
    }
    expect(world.regions[0].potentials.every((p) => p.stock === 1 && Object.is(p.used, 0))).toBe(true);
  });
});
