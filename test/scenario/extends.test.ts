import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { loadScenario, resolveExtends } from '../../src/scenario/load.js';
import { mergeScenario } from '../../src/scenario/merge.js';
import { tempDirs } from '../support/tempFiles.js';
import { catchInput } from '../support/catchInput.js';

const temp = tempDirs();
afterAll(() => temp.cleanup());

const base = `
id: base
name: Base
months: 60
regions:
  - { name: a, households: 100 }
  - { name: b, households: 120 }
awareness: { decay: 0.02, uptake: 0.3 }
strategy: { name: base-strategy, enabledStages: [1, 2, 3] }
`;

describe('mergeScenario', () => {
  it('merges objects key by key, the child winning; replaces arrays and scalars', () => {
    const merged = mergeScenario(
      { a: { x: 1, y: 2 }, list: [1, 2, 3], s: 'p' },
      { a: { y: 5, z: 6 }, list: [9], s: 'c' },
    );
    expect(merged).toEqual({ a: { x: 1, y: 5, z: 6 }, list: [9], s: 'c' });
  });

  it('keeps the parent where the child says nothing', () => {
    expect(mergeScenario({ a: 1, b: { c: 2 } }, {})).toEqual({ a: 1, b: { c: 2 } });
  });
});

describe('extends', () => {
  it('merges a child over its parent: child fields win, untouched fields are inherited, arrays are replaced', () => {
    const dir = temp.make({
      'base.yaml': base,
      'child.yaml':
        'extends: base\nregions:\n  - { name: c, households: 50 }\nawareness: { decay: 0.05 }\nstrategy: { enabledStages: [1] }\n',
    });
    const loaded = loadScenario(join(dir, 'child.yaml'));
    const s = loaded.scenario;
    expect(s.awareness.decay).toBe(0.05); // overridden
    expect(s.awareness.uptake).toBe(0.3); // inherited from the parent, not the schema default 0.25
    expect(s.months).toBe(60);
    expect(s.name).toBe('Base');
    expect(s.regions.map((r) => r.name)).toEqual(['c']); // the array replaced, not merged
    expect(s.strategy.enabledStages).toEqual([1]);
    expect(s.strategy.name).toBe('base-strategy');
    expect(loaded.chain).toEqual([join(dir, 'base.yaml'), join(dir, 'child.yaml')]);
  });

  it("never inherits the parent's id: the child is known by its own id or file name", () => {
    const dir = temp.make({ 'base.yaml': base, 'child.yaml': 'extends: base\n' });
    expect(loadScenario(join(dir, 'child.yaml')).id).toBe('child');
    expect(loadScenario(join(dir, 'base.yaml')).id).toBe('base');
  });

  it('follows a chain of three files, base first, nearest child winning', () => {
    const dir = temp.make({
      'base.yaml': base,
      'mid.yaml': 'extends: base.yaml\nmonths: 36\nawareness: { uptake: 0.4 }\n',
      'leaf.json': JSON.stringify({ extends: './mid', months: 12 }),
    });
    const loaded = loadScenario(join(dir, 'leaf.json'));
    expect(loaded.chain.map((f) => f.slice(dir.length + 1))).toEqual(['base.yaml', 'mid.yaml', 'leaf.json']);
    expect(loaded.scenario.months).toBe(12);
    expect(loaded.scenario.awareness.uptake).toBe(0.4);
    expect(loaded.scenario.awareness.decay).toBe(0.02);
  });

  it('resolves a parent relative to the child first, then among the bundled scenarios', () => {
    const dir = temp.make({ 'mine.yaml': 'extends: seed-roadmap\nmonths: 24\n' });
    const loaded = loadScenario(join(dir, 'mine.yaml'));
    expect(loaded.scenario.regions).toHaveLength(5);
    expect(loaded.scenario.months).toBe(24);
    expect(loaded.chain[0].endsWith('seed-roadmap.yaml')).toBe(true);
  });

  it('rejects a cycle, naming the whole chain', () => {
    const dir = temp.make({ 'a.yaml': 'extends: b\n', 'b.yaml': 'extends: c\n', 'c.yaml': 'extends: a\n' });
    const e = catchInput(() => loadScenario(join(dir, 'a.yaml')));
    expect(e.message).toContain('a.yaml -> b.yaml -> c.yaml -> a.yaml');
    expect(e.problems[0].path).toBe('extends');
  });

  it('rejects a file that extends itself', () => {
    const dir = temp.make({ 'self.yaml': 'extends: self\n' });
    const e = catchInput(() => resolveExtends(join(dir, 'self.yaml')));
    expect(e.message).toContain('self.yaml -> self.yaml');
  });

  it('reports a missing parent with the name it looked for', () => {
    const dir = temp.make({ 'orphan.yaml': 'extends: no-such-parent\n' });
    const e = catchInput(() => loadScenario(join(dir, 'orphan.yaml')));
    expect(e.problems).toEqual([expect.objectContaining({ path: 'extends', found: 'no-such-parent' })]);
  });

  it('reports an extends that is not a name', () => {
    const dir = temp.make({ 'bad.yaml': 'extends: [1, 2]\n' });
    const e = catchInput(() => loadScenario(join(dir, 'bad.yaml')));
    expect(e.problems).toEqual([expect.objectContaining({ path: 'extends', found: [1, 2] })]);
  });

  it('validates the merged result: a child may fix its parent, or break it', () => {
    const dir = temp.make({
      'broken.yaml': 'regions: [{ name: a, households: 10 }]\nmonths: 0\n',
      'fixed.yaml': 'extends: broken\nmonths: 5\n',
      'breaks.yaml': `extends: base\nawareness: { decay: 3 }\n`,
      'base.yaml': base,
    });
    expect(loadScenario(join(dir, 'fixed.yaml')).scenario.months).toBe(5);
    const e = catchInput(() => loadScenario(join(dir, 'breaks.yaml')));
    expect(e.problems).toEqual([expect.objectContaining({ path: 'awareness.decay', found: 3 })]);
  });
});
