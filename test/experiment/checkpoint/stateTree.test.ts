import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStateFile, encodeStateFile } from '../../../src/experiment/checkpoint/stateFile.js';
import { encodeTree, shapeOf, StateShapeError } from '../../../src/experiment/checkpoint/stateTree.js';

/** Random state trees: records, arrays, Maps, every typed-array kind, odd numbers (NaN, -0, infinities), undefined. */
const typed = fc.oneof(
  fc.array(fc.double(), { maxLength: 20 }).map((a) => Float64Array.from(a)),
  fc.array(fc.float({ noNaN: false }), { maxLength: 20 }).map((a) => Float32Array.from(a)),
  fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 20 }).map((a) => Int32Array.from(a)),
  fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 20 }).map((a) => Uint16Array.from(a)),
  fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 20 }).map((a) => Int16Array.from(a)),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }).map((a) => Uint8Array.from(a)),
);
const leaf = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, Number.NaN, Infinity, -Infinity),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  typed,
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('record'), tie('map')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  record: fc.dictionary(
    fc.string().filter((k) => k !== '__proto__'),
    tie('tree'),
    { maxKeys: 5, noNullPrototype: true },
  ),
  map: fc.array(fc.tuple(fc.string(), tie('tree')), { maxLength: 3 }).map((entries) => new Map(entries)),
}));

describe('state file codec', () => {
  it('round-trips any state tree, typed arrays bit for bit', () => {
    fc.assert(
      fc.property(fc.record({ root: tree }, { noNullPrototype: true }), (state) => {
        const bytes = encodeStateFile(state, '9.9.9');
        expect(decodeStateFile(bytes, 'x', '9.9.9').state).toStrictEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps shared objects and cycles shared', () => {
    const shared = { a: 1, col: new Int32Array([1, 2]) };
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    const state = { x: shared, y: [shared, shared.col], c: cyclic, m: new Map([['k', shared]]) };
    const back = decodeStateFile(encodeStateFile(state, '1'), 'x', '1').state as typeof state;
    expect(back).toStrictEqual(state);
    expect(back.y[0]).toBe(back.x);
    expect(back.y[1]).toBe(back.x.col);
    expect(back.m.get('k')).toBe(back.x);
    expect(back.c.self).toBe(back.c);
  });

  it('refuses views into larger buffers, functions and class instances, with their path', () => {
    expect(() => encodeTree({ col: new Float64Array(8).subarray(2) }, [])).toThrow(StateShapeError);
    expect(() => encodeTree({ d: new Date() }, [])).toThrow(/state\.d: cannot save an instance of Date/);
  });

  it('describes a shape by its columns and record fields', () => {
    const shape = shapeOf({
      households: { count: 2, cash: new Float64Array(2) },
      regions: [{ b: 1, a: new Int32Array(1) }],
    });
    expect(Object.fromEntries(shape)).toEqual({
      '': '{households,regions}',
      households: '{cash,count}',
      'households.cash': 'Float64Array',
      'regions[]': '{a,b}',
      'regions[].a': 'Int32Array',
    });
  });
});
