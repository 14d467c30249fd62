import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatValue } from '../../src/core/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { catchInput } from '../support/catchInput.js';
import { tempDirs } from '../support/tempFiles.js';

/*
 * The inputs of issue 11: prototype pollution through files and --set, NaN and huge
 * values in messages, a BOM, and problems of an extends parent.
 */

const temp = tempDirs();
afterAll(() => temp.cleanup());

const polluted = () => (({}) as Record<string, unknown>).polluted;

describe('hostile scenario input', () => {
  it('refuses __proto__, constructor and prototype in --set paths, naming them, and pollutes nothing', () => {
    for (const set of ['__proto__.polluted=1', 'constructor.prototype.polluted=1', 'awareness.__proto__.polluted=1']) {
      const e = catchInput(() => loadScenario('default', [set]));
      expect(e.problems).toHaveLength(1);
      expect(e.message).toMatch(/"(__proto__|constructor)" is not allowed as a key/);
      expect(polluted()).toBeUndefined();
    }
  });

  it('refuses __proto__ inside a --set value', () => {
    const e = catchInput(() => loadScenario('default', ['awareness={"__proto__":{"peerWeight":0.9}}']));
    expect(e.message).toContain('--set: __proto__: "__proto__" is not allowed as a key');
  });

  it('refuses __proto__ as a key of a file, JSON or YAML', () => {
    const dir = temp.make({
      'a.json': '{"extends":"seed-roadmap","__proto__":{"bogus":5}}',
      'b.yaml': 'extends: seed-roadmap\nawareness:\n  constructor: {polluted: 1}\n',
    });
    expect(catchInput(() => loadScenario(join(dir, 'a.json'))).message).toContain(
      '__proto__: "__proto__" is not allowed as a key',
    );
    expect(catchInput(() => loadScenario(join(dir, 'b.yaml'))).message).toContain(
      'awareness.constructor: "constructor"',
    );
    expect(polluted()).toBeUndefined();
  });

  it('accepts a UTF-8 byte order mark', () => {
    const dir = temp.make({ 'bom.yaml': '\uFEFFextends: seed-roadmap\nmonths: 12\n' });
    expect(loadScenario(join(dir, 'bom.yaml')).scenario.months).toBe(12);
  });

  it('prints no YAML warning (an unknown tag): the schema reports what matters', () => {
    const dir = temp.make({ 'tag.yaml': 'extends: seed-roadmap\nname: !mystery Tagged\n' });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(loadScenario(join(dir, 'tag.yaml')).scenario.name).toBe('Tagged');
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  it('names an extends parent as the place of its problems', () => {
    const dir = temp.make({
      'base/parent.yaml': 'extends: seed-roadmap\nawareness: {decay: 7}\n',
      'child.yaml': 'extends: base/parent.yaml\nmonths: 0\n',
    });
    const e = catchInput(() => loadScenario(join(dir, 'child.yaml')));
    const byPath = Object.fromEntries(e.problems.map((p) => [p.path, p.message]));
    expect(byPath['awareness.decay']).toContain(`(in extends parent ${join(dir, 'base', 'parent.yaml')})`);
    expect(byPath.months).not.toContain('extends parent');
  });

  it('lists at most 50 problems, then how many more', () => {
    const sets = Array.from({ length: 60 }, (_, k) => `awareness.bogus${k}=1`);
    const lines = catchInput(() => loadScenario('default', sets)).message.split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[51]).toBe('  and 10 more');
  });
});

describe('values in messages', () => {
  it('show NaN and Infinity as themselves', () => {
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue([1, Number.POSITIVE_INFINITY])).toBe('[1,Infinity]');
  });

  it('are cut at 80 characters, however long or deep', () => {
    expect(formatValue('x'.repeat(10_000))).toHaveLength(80);
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(formatValue(deep).length).toBeLessThanOrEqual(80);
  });

  it('never carry a raw escape character', () => {
    expect(formatValue('\u001b[31m')).toBe('"\\u001b[31m"');
  });
});
