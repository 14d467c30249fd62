import { describe, expect, it } from 'vitest';
import { evaluateOutcome, parseOutcome, type OutcomeRef } from '../../../src/experiment/discovery/outcomeExpression.js';

const known = (id: string) => ['p0', 'gini', 'cooperatives_active', 'member_share'].includes(id);

function run(text: string, values: Record<string, number>): boolean {
  const parsed = parseOutcome(text, known);
  if (!parsed.ok) throw new Error(parsed.message);
  const key = (r: OutcomeRef) => `${r.baseline ? 'baseline.' : ''}${r.indicator}@${r.month}`;
  return evaluateOutcome(parsed.expression, (r) => {
    const v = values[key(r)];
    if (v === undefined) throw new Error(`no value for ${key(r)}`);
    return v;
  });
}

describe('outcome expressions', () => {
  it('compares indicators of the run and of its baseline at the `at` month', () => {
    const text = 'p0 - baseline.p0 > -0.02 at month 120';
    expect(run(text, { 'p0@120': 0.3, 'baseline.p0@120': 0.31 })).toBe(true); // cut by 1 point only
    expect(run(text, { 'p0@120': 0.25, 'baseline.p0@120': 0.31 })).toBe(false);
    const parsed = parseOutcome(text, known);
    expect(parsed.ok && parsed.refs).toEqual([
      { indicator: 'p0', baseline: false, month: 120 },
      { indicator: 'p0', baseline: true, month: 120 },
    ]);
  });

  it('takes @ months, final, and/or/not, parentheses, arithmetic precedence and abs', () => {
    expect(run('cooperatives_active < 1', { 'cooperatives_active@final': 0 })).toBe(true);
    expect(run('p0@0 - p0@final >= 0.02', { 'p0@0': 0.4, 'p0@final': 0.37 })).toBe(true);
    expect(
      run('not (gini > 0.4 or member_share < 0.1) and p0 < 1 + 2 * 0.1', {
        'gini@final': 0.3,
        'member_share@final': 0.2,
        'p0@final': 1.1,
      }),
    ).toBe(true);
    expect(run('(p0 + 1) * 2 > 3 at month 60', { 'p0@60': 0.6 })).toBe(true);
    expect(run('abs(p0 - baseline.p0) < 0.01 at final', { 'p0@final': 0.3, 'baseline.p0@final': 0.305 })).toBe(true);
  });

  it('explains what does not parse, with the position', () => {
    const msg = (t: string) => {
      const p = parseOutcome(t, known);
      return p.ok ? 'ok' : p.message;
    };
    expect(msg('p0 >')).toBe('expected a number or an indicator at the end');
    expect(msg('p0 > 0.1 at 120')).toBe("expected 'month' at position 12 ('120')");
    expect(msg('poverty > 0.1')).toBe("'poverty' at position 0 is not an indicator");
    expect(msg('p0 ; 1')).toBe("unexpected character ';' at position 3");
    expect(msg('p0 + 1')).toBe('expected a comparison (<, <=, >, >=, ==, !=) at the end');
    expect(msg('1 > 0')).toBe('names no indicator');
    expect(msg('process.exit(1) > 0')).toBe("'process' at position 0 is not an indicator");
  });
});
