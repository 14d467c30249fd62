import { describe, expect, it } from 'vitest';
import { fittedTable, textTable } from '../../src/cli/table.js';

describe('fittedTable', () => {
  it('is the plain table when it fits, else tables of the first column and the columns that fit', () => {
    const header = ['parameter', 'a', 'b', 'c'];
    const rows = [['x'.repeat(20), 'y'.repeat(30), 'z'.repeat(30), 'w'.repeat(10)]];
    expect(fittedTable(header, rows, 200)).toBe(textTable(header, rows));
    const split = fittedTable(header, rows, 70);
    for (const line of split.split('\n')) expect(line.length).toBeLessThanOrEqual(70);
    expect(split.split('\n\n')).toHaveLength(2);
    expect(split.split('\n\n')[1]).toMatch(/^parameter\s+b\s+c$/m);
  });
});
