import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type InputError, formatProblem } from '../../src/core/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { getPath, parsePath } from '../../src/scenario/overrides.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { tempDirs } from '../support/tempFiles.js';
import { catchInput } from '../support/catchInput.js';

const temp = tempDirs();
afterAll(() => temp.cleanup());

/** A file with problems at every level of the schema, and the value each one found. */
const MALFORMED = `
months: -5
seed: 1.5
regions:
  - { name: a, households: -5 }
  - name: b
    households: 10
    potentials: { fisheries: { capacity: -1, requiredSkill: 0.5, setupCapital: 0, regeneration: 0 } }
awareness: { decay: 2, targeting: everyone }
strategy: { mode: gatd, enabledStages: [1, 7] }
foo: 1
`;

const EXPECTED: ReadonlyArray<readonly [path: string, found: unknown]> = [
  ['months', -5],
  ['seed', 1.5],
  ['regions[0].households', -5],
  ['regions[1].potentials.fisheries.capacity', -1],
  ['awareness.decay', 2],
  ['awareness.targeting', 'everyone'],
  ['strategy.mode', 'gatd'],
  ['strategy.enabledStages[1]', 7],
];

/** Problems that involve several fields at once (sums, duplicates). */
const CROSS_FIELD = `
months: -5
regions:
  - { name: a, households: 10 }
  - { name: a, households: 10 }
shu: { reserve: 0.6 }
households: { occupationShares: { farmer: 0.5, fisher: 0.1, artisan: 0.1, trader: 0.1, laborer: 0.1, shopkeeper: 0 } }
`;

const CROSS_EXPECTED: ReadonlyArray<readonly [path: string, found: unknown]> = [
  ['months', -5],
  ['regions[1].name', 'a'], // duplicates regions[0].name
  ['shu', { reserve: 0.6 }], // parts sum to 1.2 with the defaults
  ['households.occupationShares', { farmer: 0.5, fisher: 0.1, artisan: 0.1, trader: 0.1, laborer: 0.1, shopkeeper: 0 }], // sums to 0.9
];

/** Bounds that cross: a lower bound above its upper bound, weights above 1, a grace period as long as the loan. */
const CROSSED = `
months: -5
regions: [{ name: a, households: 10 }]
households: { meanSize: 8, maxSize: 6 }
market: { foodShareMin: 0.9, foodShareMax: 0.6 }
governance: { awarenessWeight: 0.5, ratWeight: 0.5 }
federation: { credit: { termMonths: 12, graceMonths: 12 } }
`;

const CROSSED_EXPECTED: ReadonlyArray<readonly [path: string, found: unknown]> = [
  ['months', -5],
  ['households.meanSize', 8],
  ['market.foodShareMin', 0.9],
  ['governance', { awarenessWeight: 0.5, ratWeight: 0.5 }], // sums to 1.5 with the defaults' 0.3 and 0.2
  ['federation.credit.graceMonths', 12],
];

function expectProblems(e: InputError, expected: ReadonlyArray<readonly [string, unknown]>, extra = 0): void {
  const got = e.problems.map((p) => p.path);
  for (const [path, found] of expected) {
    const problem = e.problems.find((p) => p.path === path);
    expect(problem, `a problem at ${path} (got ${got.join(', ')})`).toBeDefined();
    expect(problem!.found).toEqual(found);
    expect(e.message).toContain(formatProblem(problem!));
  }
  expect(e.problems).toHaveLength(expected.length + extra);
}

describe('a malformed scenario file', () => {
  const dir = temp.make({
    'bad.yaml': MALFORMED,
    'cross.yaml': CROSS_FIELD,
    'both.yaml': `${CROSS_FIELD}\nstrategy: { mode: gatd }\n`,
    'crossed.yaml': CROSSED,
  });
  const file = join(dir, 'bad.yaml');

  it('yields one InputError listing every problem at once, each with its path and the value found', () => {
    const e = catchInput(() => loadScenario(file));
    expectProblems(e, EXPECTED, 1);
    expect(e.problems.some((p) => p.path === 'foo' && /not a scenario field/.test(p.message))).toBe(true);
    expect(e.message.split('\n')[0]).toBe(`${file}: ${EXPECTED.length + 1} problems`);
  });

  it('reports cross-field problems (SHU and occupation shares that do not sum to 1, duplicate region names) with the others', () => {
    expectProblems(
      catchInput(() => loadScenario(join(dir, 'cross.yaml'))),
      CROSS_EXPECTED,
    );
  });

  it('reports bounds that cross (foodShareMin above foodShareMax, meanSize above maxSize, governance weights above 1, grace not shorter than the term) with the others, naming the other field', () => {
    const e = catchInput(() => loadScenario(join(dir, 'crossed.yaml')));
    expectProblems(e, CROSSED_EXPECTED);
    const message = (path: string) => e.problems.find((p) => p.path === path)!.message;
    expect(message('market.foodShareMin')).toBe('must be at most market.foodShareMax (0.6)');
    expect(message('households.meanSize')).toBe('must be at most households.maxSize (6)');
    expect(message('governance')).toBe(
      'awarenessWeight + ratWeight + managementWeight + supervisionWeight must be at most 1 (sum is 1.5)',
    );
    expect(message('federation.credit.graceMonths')).toBe('must be less than federation.credit.termMonths (12)');
  });

  it('accepts bounds that meet (foodShareMin equal to foodShareMax, meanSize equal to maxSize, weights summing to 1)', () => {
    const doc = {
      regions: [{ name: 'a', households: 10 }],
      households: { meanSize: 6, maxSize: 6 },
      market: { foodShareMin: 0.5, foodShareMax: 0.5 },
      federation: { credit: { termMonths: 12, graceMonths: 11 } },
    };
    expect(() => validateScenario(doc, 'doc')).not.toThrow();
  });

  it('reports, for every problem, the value the file holds at that path', () => {
    const doc = parseYaml(MALFORMED);
    const e = catchInput(() => loadScenario(file));
    for (const p of e.problems) {
      if (p.found === undefined) continue;
      expect(getPath(doc, parsePath(p.path)!)).toEqual(p.found);
    }
  });

  // Regression (fixed in 6618162): the cross-field checks (superRefine in schema.ts: SHU parts, occupation
  // shares and non-food tiers summing to 1, duplicate region names, the household total,
  // social shares) were skipped by zod whenever any field has a wrong type or an unknown
  // enum value (here strategy.mode: gatd). The user fixes the typo, runs again, and only
  // then learns the SHU split is wrong: not "every problem at once" (issue 2, section 2).
  it('reports cross-field problems even when another field has a wrong type or enum value', () => {
    const e = catchInput(() => loadScenario(join(dir, 'both.yaml')));
    expectProblems(e, [...CROSS_EXPECTED, ['strategy.mode', 'gatd']]);
  });

  // Regression (fixed in 6618162): an unknown field was reported with its path but without the
  // value found there ("foo: is not a scenario field"), unlike every other problem.
  // Issue 2 asks that every problem name its path and the value found.
  it('reports the value found for an unknown field too', () => {
    const e = catchInput(() => loadScenario(file));
    expect(e.problems.find((p) => p.path === 'foo')!.found).toBe(1);
  });
});

describe('other bad inputs', () => {
  it('names a file that is not valid YAML, with the parser message', () => {
    const file = join(temp.make({ 'broken.yaml': 'months: [1, 2\nregions: {' }), 'broken.yaml');
    const e = catchInput(() => loadScenario(file));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].path).toBe(file);
    expect(e.problems[0].message).toMatch(/is not valid YAML/);
  });

  it('names a file that is not valid JSON', () => {
    const file = join(temp.make({ 'broken.json': '{"months": 12,' }), 'broken.json');
    expect(catchInput(() => loadScenario(file)).problems[0].message).toMatch(/is not valid JSON/);
  });

  it('rejects a document that is not an object of fields, showing what it is', () => {
    const file = join(temp.make({ 'list.yaml': '- 1\n- 2\n' }), 'list.yaml');
    expect(catchInput(() => loadScenario(file)).problems).toEqual([
      expect.objectContaining({ path: '(root)', found: [1, 2] }),
    ]);
  });

  it('requires regions', () => {
    const e = catchInput(() => validateScenario({ months: 12 }, 'x'));
    expect(e.problems.map((p) => p.path)).toEqual(['regions']);
  });

  it('names a scenario that does not exist, and still reports bad --set flags with it', () => {
    const e = catchInput(() => loadScenario('no-such-scenario', ['oops']));
    expect(e.problems.map((p) => p.path)).toEqual(['no-such-scenario', '--set']);
    expect(e.problems[0].message).toMatch(/no such scenario file/);
  });

  it('rejects more than 20 million households in total, and any region over 5 million', () => {
    const e = catchInput(() =>
      validateScenario(
        { regions: Array.from({ length: 5 }, (_, k) => ({ name: `r${k}`, households: 4_500_000 })) },
        'x',
      ),
    );
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].path).toBe('regions');
    expect(e.problems[0].message).toContain('22500000');
    expect(
      catchInput(() => validateScenario({ regions: [{ name: 'a', households: 5_000_001 }] }, 'x')).problems[0].path,
    ).toBe('regions[0].households');
  });

  it('accepts the smallest valid file and fills every default', () => {
    const s = validateScenario({ regions: [{ name: 'a', households: 1 }] }, 'x');
    expect(s.months).toBe(240);
    expect(s.membership.simpananPokok).toBe(50_000); // docs/ODD.md default
    expect(s.membership.simpananWajib).toBe(10_000); // docs/ODD.md default
    expect(s.shu).toEqual({
      reserve: 0.4,
      patronage: 0.25,
      capital: 0.15,
      board: 0.05,
      staff: 0.05,
      education: 0.05,
      social: 0.05,
    }); // docs/ODD.md bylaws
    expect(s.market.povertyLine).toBe(580_349); // BPS rural line, March 2025
    expect(s.networkDegree).toBe(8); // docs/ODD.md: mean degree ~8
  });
});
