import { describe, expect, it } from 'vitest';
import { validationMarkdown, validationText } from '../../src/cli/validationText.js';
import { band, type StylizedFact } from '../../src/experiment/validation/stylizedFact.js';

const fact = (id: string): StylizedFact => ({
  id,
  description: 'd',
  measured: 'm',
  band: band(0.1, 0.2, (x) => x.toFixed(2)),
  source: 'a source',
  arms: [],
  format: (x) => x.toFixed(2),
  measure: () => ({ kind: 'not-measured', reason: 'unused' }),
});

const results = [
  { fact: fact('a'), verdict: { kind: 'measured', value: 0.15, low: 0.12, high: 0.18, pass: true } as const },
  {
    fact: fact('longer-id'),
    verdict: { kind: 'measured', value: 0.3, low: 0.25, high: 0.35, pass: false, detail: 'why' } as const,
  },
  { fact: fact('c'), verdict: { kind: 'not-measured', reason: 'no indicator x' } as const },
];

describe('validationText', () => {
  it('prints one aligned line per fact: status, id, value [range], band, source; details indented; a count', () => {
    expect(validationText(results).split('\n')).toEqual([
      'PASS          a          0.15 [0.12 to 0.18]  0.10 to 0.20  a source',
      'FAIL          longer-id  0.30 [0.25 to 0.35]  0.10 to 0.20  a source',
      '              why',
      'NOT MEASURED  c          (no indicator x)     0.10 to 0.20  a source',
      '',
      '1 passed, 1 failed, 1 not measured',
    ]);
  });

  it('gives the same as a Markdown table', () => {
    expect(validationMarkdown(results).split('\n')[3]).toBe(
      '| FAIL | `longer-id` | 0.30 [0.25 to 0.35] | 0.10 to 0.20 | why |',
    );
  });
});
