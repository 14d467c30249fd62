import { describe, it, expect } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { buildSmallWorld, degreeOf, neighbourAt, type Network } from '../../src/model/network.js';
import { neighbourSlots, regionOf, smallWorld } from '../support/world.js';

/** Checks the CSR invariants: offsets start at 0, never fall, end at the neighbour count; ties are in range. */
function expectWellFormed(net: Network, n: number): void {
  expect(net.offsets.length).toBe(n + 1);
  expect(net.offsets[0]).toBe(0);
  for (let i = 0; i < n; i++) expect(net.offsets[i + 1]).toBeGreaterThanOrEqual(net.offsets[i]);
  expect(net.offsets[n]).toBe(net.neighbourLow.length);
  expect(net.neighbourHigh.length).toBe(net.neighbourLow.length);
  for (const j of neighbourSlots(net)) expect(j >= 0 && j < n).toBe(true);
}

/** Every tie i-j appears as often in i's list as j-i in j's (an undirected multigraph), and none is a self-loop. */
function expectSymmetricNoSelfLoops(net: Network, n: number): void {
  const count = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    for (let k = net.offsets[i]; k < net.offsets[i + 1]; k++) {
      const j = neighbourAt(net, k);
      expect(j).not.toBe(i);
      const key = `${i},${j}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  for (const [key, c] of count) {
    const [i, j] = key.split(',');
    expect(count.get(`${j},${i}`), `tie ${key}`).toBe(c);
  }
}

/** Mean local clustering coefficient (share of a node's neighbour pairs that are tied), over simple ties. */
function clustering(net: Network, n: number): number {
  let total = 0;
  const slots = neighbourSlots(net);
  const sets = Array.from({ length: n }, (_, i) => new Set(slots.subarray(net.offsets[i], net.offsets[i + 1])));
  for (let i = 0; i < n; i++) {
    const nb = [...sets[i]];
    if (nb.length < 2) continue;
    let links = 0;
    for (let a = 0; a < nb.length; a++) for (let b = a + 1; b < nb.length; b++) if (sets[nb[a]].has(nb[b])) links++;
    total += links / ((nb.length * (nb.length - 1)) / 2);
  }
  return total / n;
}

function crossShare(net: Network, regionOf: (i: number) => number, n: number): number {
  let cross = 0;
  for (let i = 0; i < n; i++)
    for (let k = net.offsets[i]; k < net.offsets[i + 1]; k++)
      if (regionOf(i) !== regionOf(neighbourAt(net, k))) cross++;
  return cross / net.neighbourLow.length;
}

describe('the small-world network (CSR)', () => {
  it('is well formed, symmetric and free of self-loops in a two-region world', () => {
    const { world } = smallWorld([
      'regions=[{"name":"a","households":300},{"name":"b","households":250}]',
      'crossRegionTies=0.05',
    ]);
    const n = world.households.count;
    expectWellFormed(world.network, n);
    expectSymmetricNoSelfLoops(world.network, n);
  });

  it('has mean degree networkDegree (docs/ODD.md: ~8): each household proposes degree/2 ties', () => {
    for (const degree of [4, 8, 12]) {
      const { world } = smallWorld([`networkDegree=${degree}`], 1, 300);
      const n = world.households.count;
      expect(world.network.neighbourLow.length / n).toBeCloseTo(degree, 6);
      let min = Infinity;
      for (let i = 0; i < n; i++) min = Math.min(min, degreeOf(world.network, i));
      expect(min).toBeGreaterThanOrEqual(1);
    }
  });

  // Regression (fixed in 6618162): the schema accepts any integer networkDegree from 2 to
  // 40 as "mean degree of the small-world network", but buildSmallWorld proposed
  // floor(degree/2) ties per household, so an odd degree gave degree - 1 (7 gave 6, 3 gave
  // 2: a third fewer ties than asked).
  it('has mean degree networkDegree for an odd degree too', () => {
    const { world } = smallWorld(['networkDegree=7'], 1, 300);
    expect(Math.abs(world.network.neighbourLow.length / world.households.count - 7)).toBeLessThan(0.5);
  });

  it('keeps the clustering of a village lattice (Watts & Strogatz 1998: C(p) ~ C(0)(1-p)^3, C(0) = 3(k-2)/(4(k-1)) = 0.64 for k = 8)', () => {
    const { world } = smallWorld(['networkRewiring=0.1', 'crossRegionTies=0'], 1, 300);
    const c = clustering(world.network, world.households.count);
    const expected = ((3 * (8 - 2)) / (4 * (8 - 1))) * 0.9 ** 3; // 0.47
    expect(Math.abs(c - expected)).toBeLessThan(0.06);
    // Without rewiring, the ring lattice's own clustering, exactly.
    const { world: lattice } = smallWorld(['networkRewiring=0', 'crossRegionTies=0'], 1, 300);
    expect(clustering(lattice.network, 300)).toBeCloseTo((3 * 6) / (4 * 7), 10);
  });

  it('has few cross-region ties: about crossRegionTies of them (default 0.002)', () => {
    const regions = 'regions=[{"name":"a","households":300},{"name":"b","households":300}]';
    const few = smallWorld([regions]).world;
    expect(crossShare(few.network, (i) => regionOf(few, i), 600)).toBeLessThan(0.01);
    // With crossRegionTies = 0.1, about 10% of the 2,400 proposed ties cross (binomial SE 0.6%).
    const many = smallWorld([regions, 'crossRegionTies=0.1']).world;
    expect(Math.abs(crossShare(many.network, (i) => regionOf(many, i), 600) - 0.1)).toBeLessThan(0.025);
    const none = smallWorld([regions, 'crossRegionTies=0']).world;
    expect(crossShare(none.network, (i) => regionOf(none, i), 600)).toBe(0);
  });

  it('handles tiny regions: one household has no ties, two have one', () => {
    const net = buildSmallWorld(
      [
        { start: 0, end: 1 },
        { start: 1, end: 3 },
      ],
      8,
      0.1,
      0,
      createRng(1),
    );
    expectWellFormed(net, 3);
    expectSymmetricNoSelfLoops(net, 3);
    expect(degreeOf(net, 0)).toBe(0);
    expect(degreeOf(net, 1)).toBeGreaterThanOrEqual(1);
  });

  it('stores slots above 16 bits exactly (low 16 bits plus a high byte)', () => {
    const net = buildSmallWorld([{ start: 70_000, end: 70_040 }], 6, 0.3, 0, createRng(2));
    const slots = neighbourSlots(net);
    expect(net.neighbourHigh).toBeInstanceOf(Uint8Array);
    expect(slots.length).toBe(40 * 6);
    for (const j of slots) expect(j >= 70_000 && j < 70_040).toBe(true);
    expectSymmetricNoSelfLoops(net, 70_040);
  });

  it('is the same for the same seed, whatever the step does (its own random stream)', () => {
    const a = smallWorld([], 3).world.network;
    const b = smallWorld(['awareness.uptake=0.9', 'months=12'], 3).world.network;
    expect(b.offsets).toEqual(a.offsets);
    expect(neighbourSlots(b)).toEqual(neighbourSlots(a));
    expect(neighbourSlots(smallWorld([], 4).world.network)).not.toEqual(neighbourSlots(a));
  });
});
