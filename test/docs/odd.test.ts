import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDefault, parseDefault, schemaLeaves } from '../support/schemaLeaves.js';

/*
 * docs/ODD.md keeps step with the code: it has the ODD protocol's seven sections, lists
 * every leaf parameter of the scenario schema exactly once, lists nothing the schema does
 * not have, and states each default as the schema has it. A parameter row is a table row
 * whose first cell is the parameter's path in backticks:
 *
 *   | `awareness.peerWeight` | `0.08` | share of the gap per month | reason |
 */

const odd = readFileSync(fileURLToPath(new URL('../../docs/ODD.md', import.meta.url)), 'utf8');

const SECTIONS = [
  'Purpose and patterns',
  'Entities, state variables and scales',
  'Process overview and scheduling',
  'Design concepts',
  'Initialization',
  'Input data',
  'Submodels',
];

/** Parameter rows of every table: path -> cells after the path. */
function parameterRows(text: string): { path: string; cells: string[] }[] {
  const rows: { path: string; cells: string[] }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = m[2].split('|').map((c) => c.trim());
    // Only rows whose second cell is a default in backticks are parameter rows (state
    // variable tables have a meaning there instead).
    if (cells.length >= 3 && /^`.*`$/.test(cells[0])) rows.push({ path: m[1], cells });
  }
  return rows;
}

const leaves = schemaLeaves();
const rows = parameterRows(odd);

describe('docs/ODD.md', () => {
  it('has the seven sections of the ODD protocol, in order, as numbered headings', () => {
    const headings = [...odd.matchAll(/^## (\d)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2].trim()] as const);
    expect(headings).toEqual(SECTIONS.map((s, k) => [k + 1, s]));
  });

  it('the schema has the leaves this test expects to find (sanity check of the walk)', () => {
    const paths = leaves.map((l) => l.path);
    expect(paths).toContain('awareness.peerWeight');
    expect(paths).toContain('federation.credit.amount');
    expect(paths).toContain('regions[].potentials.fisheries.capacity');
    expect(paths).toContain('strategy.schedule.stage5');
    expect(paths).toContain('market.tierSharesNonFood');
    expect(paths).not.toContain('regions');
    expect(paths.length).toBeGreaterThan(150);
  });

  it('lists every leaf parameter of the scenario schema exactly once', () => {
    const documented = rows.map((r) => r.path);
    const missing = leaves.map((l) => l.path).filter((p) => !documented.includes(p));
    expect(missing, `parameters missing from docs/ODD.md`).toEqual([]);
    const twice = documented.filter((p, k) => documented.indexOf(p) !== k);
    expect(twice, 'parameters listed more than once').toEqual([]);
  });

  it('lists no parameter the schema does not have (renamed or removed)', () => {
    const known = new Set(leaves.map((l) => l.path));
    expect(rows.map((r) => r.path).filter((p) => !known.has(p))).toEqual([]);
  });

  it.each(leaves.map((l) => [l.path, l] as const))("states the schema's default of %s", (path, leaf) => {
    const row = rows.find((r) => r.path === path);
    expect(row, `${path} is not in docs/ODD.md`).toBeDefined();
    expect(
      parseDefault(row!.cells[0]),
      `${path}: ODD says ${row!.cells[0]}, the schema ${formatDefault(leaf.default)}`,
    ).toEqual(leaf.default);
  });

  it('gives every parameter a unit and a source or reason', () => {
    const bare = rows
      .filter((r) => r.cells.length < 3 || r.cells[1] === '' || r.cells[2].length < 10)
      .map((r) => r.path);
    expect(bare).toEqual([]);
  });
});

describe('the default format of docs/ODD.md', () => {
  it('reads back what it writes', () => {
    for (const leaf of leaves) expect(parseDefault(formatDefault(leaf.default))).toEqual(leaf.default);
  });

  it('reads digit separators, strings, lists, null and the two markers', () => {
    expect(parseDefault('`1_185_000`')).toEqual({ kind: 'value', value: 1185000 });
    expect(parseDefault('`"bottom-up"`')).toEqual({ kind: 'value', value: 'bottom-up' });
    expect(parseDefault('`[0.45, 0.35, 0.2]`')).toEqual({ kind: 'value', value: [0.45, 0.35, 0.2] });
    expect(parseDefault('`null`')).toEqual({ kind: 'value', value: null });
    expect(parseDefault('`(required)`')).toEqual({ kind: 'required' });
    expect(parseDefault('`(none)`')).toEqual({ kind: 'none' });
  });
});
