import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate.js';
import { catchInput } from '../support/catchInput.js';

/** Names reach reports, CSV cells and terminals: they are trimmed, unique ignoring case, free of control characters. */
describe('scenario names', () => {
  const regions = (...names: string[]) => ({ regions: names.map((name) => ({ name, households: 5 })) });

  it('are trimmed', () => {
    expect(validateScenario(regions('  Sukamaju '), 'x').regions[0].name).toBe('Sukamaju');
  });

  it('count as duplicates when they differ only in case or surrounding spaces', () => {
    const e = catchInput(() => validateScenario(regions('Sukamaju', 'sukamaju '), 'x'));
    expect(e.problems.map((p) => p.path)).toEqual(['regions[1].name']);
    expect(e.message).toContain('duplicates regions[0].name');
  });

  it('reserve "total" for the aggregate of all regions', () => {
    const e = catchInput(() => validateScenario(regions('a', ' Total'), 'x'));
    expect(e.message).toContain('regions[1].name: is reserved for the aggregate of all regions');
  });

  it('refuse control characters (an ESC sequence would reach the terminal)', () => {
    const e = catchInput(() =>
      validateScenario({ ...regions('a\u001b[31mred'), name: 'bell\u0007', strategy: { name: 'x\ny' } }, 'x'),
    );
    expect(e.problems.map((p) => p.path).sort()).toEqual(['name', 'regions[0].name', 'strategy.name']);
    expect(e.message).not.toContain('\u001b');
    expect(e.message).toContain('control characters');
  });

  it('refuse an empty name', () => {
    const e = catchInput(() => validateScenario(regions('   '), 'x'));
    expect(e.message).toContain('regions[0].name: must not be empty');
  });
});
