import { describe, it, expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { formatPath, getPath, parseOverrides, parsePath, setPath } from '../../src/scenario/overrides.js';
import { catchInput } from '../support/catchInput.js';

describe('parsePath', () => {
  it.each([
    ['months', ['months']],
    ['awareness.peerWeight', ['awareness', 'peerWeight']],
    ['regions[2].households', ['regions', 2, 'households']],
    ['regions[0].potentials.fisheries.capacity', ['regions', 0, 'potentials', 'fisheries', 'capacity']],
    ['market.tierSharesNonFood[1]', ['market', 'tierSharesNonFood', 1]],
    ['a[1][2]', ['a', 1, 2]],
    ['$schema', ['$schema']],
  ])('splits %s', (text, parts) => {
    expect(parsePath(text)).toEqual(parts);
  });

  it.each(['', '.', 'a.', '.a', 'a..b', '[2]', 'a[x]', 'a[2]b', 'a[-1]', '2a', 'a b', 'a[2', 'a.[2]', 'a.b='])(
    'rejects %j',
    (text) => {
      expect(parsePath(text)).toBeNull();
    },
  );

  it('is the inverse of formatPath', () => {
    for (const path of [['months'], ['regions', 2, 'households'], ['a', 1, 2, 'b']] as const) {
      expect(parsePath(formatPath(path))).toEqual(path);
    }
  });
});

describe('parseOverrides', () => {
  it('reads values as JSON when they parse (numbers, booleans, null, arrays, objects), else as strings', () => {
    const { overrides, problems } = parseOverrides([
      'months=60',
      'strategy.topDownCredit=true',
      'strategy.schedule.stage4=null',
      'strategy.enabledStages=[1,2,3]',
      'regions=[{"name":"a","households":10}]',
      'name=My run',
      'strategy.mode=scheduled',
      'description=a=b',
    ]);
    expect(problems).toEqual([]);
    expect(overrides.map((o) => o.value)).toEqual([
      60,
      true,
      null,
      [1, 2, 3],
      [{ name: 'a', households: 10 }],
      'My run',
      'scheduled',
      'a=b',
    ]);
    expect(overrides[0].path).toEqual(['months']);
    expect(overrides[7].path).toEqual(['description']);
  });

  it('reports every malformed argument at once, each with what was found', () => {
    const { overrides, problems } = parseOverrides(['months', '=5', 'a..b=1', 'regions[x].households=3', 'months=12']);
    expect(overrides).toHaveLength(1);
    expect(problems).toEqual([
      { path: '--set', message: 'expected path=value', found: 'months' },
      { path: '--set', message: 'expected path=value', found: '=5' },
      { path: '--set', message: expect.stringContaining('malformed path'), found: 'a..b' },
      { path: '--set', message: expect.stringContaining('malformed path'), found: 'regions[x].households' },
    ]);
  });
});

describe('setPath and getPath', () => {
  it('set a value deep inside, creating objects (or arrays before an index) on the way', () => {
    const doc: Record<string, unknown> = { regions: [{ name: 'a', households: 1 }] };
    setPath(doc, ['regions', 0, 'households'], 9);
    setPath(doc, ['awareness', 'decay'], 0.5);
    expect(setPath(doc, ['list', 0], 'x')).toBeUndefined();
    expect(setPath(doc, ['list', 1], 'y')).toBeUndefined();
    expect(JSON.parse(JSON.stringify(doc))).toEqual({
      regions: [{ name: 'a', households: 9 }],
      awareness: { decay: 0.5 },
      list: ['x', 'y'],
    });
    expect(getPath(doc, ['regions', 0, 'households'])).toBe(9);
    expect(getPath(doc, ['nope', 'deeper'])).toBeUndefined();
  });

  it('bound a list index by the length of the list (the length appends)', () => {
    const doc: Record<string, unknown> = { regions: [{ name: 'a', households: 1 }], awareness: {} };
    expect(setPath(doc, ['regions', 100000000, 'households'], 5)).toBe(
      'index 100000000 is past the end of regions (1 items; 1 appends one)',
    );
    expect(setPath(doc, ['fresh', 3], 5)).toBe('index 3 is past the end of fresh (0 items; 0 appends one)');
    expect(setPath(doc, ['regions', 'households'], 5)).toBe('regions is a list: use an index such as [0]');
    expect(setPath(doc, ['awareness', 0], 5)).toBe('awareness is not a list');
    expect((doc.regions as unknown[]).length).toBe(1);
  });

  it('never reach a prototype', () => {
    expect(setPath({}, ['__proto__', 'polluted'], 1)).toBe('"__proto__" is not allowed as a key');
    expect(getPath({}, ['constructor'])).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('--set on a loaded scenario', () => {
  it('overrides any field, including one region of an inherited array', () => {
    const loaded = loadScenario('default', [
      'regions[2].households=800',
      'awareness.peerWeight=0.1',
      'strategy.enabledStages=[1,2]',
      'months=36',
    ]);
    const s = loaded.scenario;
    expect(s.regions.map((r) => r.households)).toEqual([500, 500, 800, 500, 500]);
    expect(s.regions[2].name).toBe('Sumberjaya'); // the rest of the region is kept
    expect(s.awareness.peerWeight).toBe(0.1);
    expect(s.strategy.enabledStages).toEqual([1, 2]);
    expect(s.months).toBe(36);
    expect(loaded.overrides).toEqual([
      'regions[2].households=800',
      'awareness.peerWeight=0.1',
      'strategy.enabledStages=[1,2]',
      'months=36',
    ]);
  });

  it('applies later overrides over earlier ones', () => {
    expect(loadScenario('default', ['months=10', 'months=20']).scenario.months).toBe(20);
  });

  it('reports malformed flags together with the invalid values and unknown fields they produce', () => {
    const e = catchInput(() =>
      loadScenario('default', ['months', 'awareness.decay=2', 'awareness.decy=0.1', 'regions[1].households=-5']),
    );
    const byPath = e.problems.map((p) => [p.path, p.found]);
    expect(byPath).toEqual(
      expect.arrayContaining([
        ['--set', 'months'],
        ['awareness.decay', 2],
        ['regions[1].households', -5],
      ]),
    );
    expect(e.problems.some((p) => p.path === 'awareness.decy' && /not a scenario field/.test(p.message))).toBe(true);
    expect(e.problems).toHaveLength(4);
  });

  it('types a JSON-looking string: --set name=true is a boolean and so rejected for a text field', () => {
    const e = catchInput(() => loadScenario('default', ['name=true']));
    expect(e.problems).toEqual([expect.objectContaining({ path: 'name', found: true })]);
  });
});
