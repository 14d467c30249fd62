import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * No behavioural number hides in the model: every one is a scenario parameter with its
 * unit and source in docs/ODD.md. This test reads every file of src/model/ with the
 * TypeScript parser and fails on a numeric literal that is not 0 or 1, not an array index,
 * not one of the layout constants of a kernel's argument buffers, and not on the short
 * allowlist below, each entry with its reason.
 */

const MODEL = join(import.meta.dirname, '../../src/model');

/**
 * Literals that are not behaviour, each with the reason it may stand in the code; `files`
 * limits an entry to the files that need it.
 */
const ALLOWED: ReadonlyArray<{ value: number; files?: readonly string[]; reason: string }> = [
  { value: 2, files: ['annualClose.ts', 'ledger.ts'], reason: 'two decimals in event and ledger messages' },
  {
    value: 2,
    files: ['awareness.ts'],
    reason: 'a fast path that squares when peerExponent is 2 (once per household and month)',
  },
  {
    value: 2,
    files: ['enterpriseOperations.ts'],
    reason: 'both ends of an integrated link save integrationCostReduction (docs/ODD.md, 7.6)',
  },
  {
    value: 2,
    files: ['initialise.ts'],
    reason: 'the width 2 x initialCashSpread of a uniform draw; a person at the middle of a household when ranking',
  },
  {
    value: 2,
    files: ['network.ts'],
    reason: 'a ring lattice: half the degree on each side, every tie stored in both directions',
  },
  { value: 2, files: ['regionMeasures.ts'], reason: 'a pair: the sum and the count of a member mean' },
  {
    value: 4,
    files: ['consumption.ts', 'enterpriseGrowth.ts', 'initialise.ts'],
    reason: 'the four need tiers (food, secondary, supporting, complementary); the last of five quintiles (index 4)',
  },
  {
    value: 4,
    files: ['institution.ts'],
    reason: 'sampling, not behaviour: random draws tried (4 x households / members) before a scan finds a member',
  },
  { value: 7, files: ['initialise.ts'], reason: 'stage slots 0..6 of stageStart (index 0 unused)' },
  {
    value: 12,
    files: ['annualClose.ts', 'federationServices.ts', 'membership.ts'],
    reason: 'months in a year: annual closes at months 12, 24, ...; a yearly rate or SHU per month',
  },
  {
    value: 0.5,
    files: ['prices.ts', 'enterpriseOperations.ts'],
    reason:
      'the middle of the 0..1 quality scale, where quality effects are centred (the quality new enterprises start at is enterprises.initialQuality)',
  },
  { value: -0.5, files: ['production.ts'], reason: 'the lognormal mean correction -sd^2/2 of a mean-one income shock' },
  { value: 5, files: ['initialise.ts'], reason: 'quintiles: five groups of consumption at month 0' },
  { value: 100, files: ['shocks.ts'], reason: 'percent, in an event message' },
  { value: -1, reason: 'the "none" marker of indexes and months (-1: not reached, no employer)' },
  { value: 4294967296, files: ['world.ts'], reason: '2^32, turning a 32-bit hash into a uniform draw' },
  {
    value: 1e-6,
    files: ['ledger.ts'],
    reason: 'the ledger ignores dust below a millionth of a rupiah from summing flows',
  },
  { value: 1e-9, files: ['ledger.ts'], reason: 'the ledger tolerance relative to the largest balance (rounding only)' },
  {
    value: 16,
    files: ['network.ts', 'awareness.ts'],
    reason: 'storage: a neighbour slot is split into its low 16 bits and the bits above',
  },
  { value: 24, files: ['network.ts'], reason: 'storage: slots below 2^24 keep their high bits in one byte' },
  { value: 0x7fff, files: ['households.ts'], reason: 'storage: the largest enterprise index an Int16 column holds' },
];

const allowed = (value: number, file: string): boolean =>
  ALLOWED.some((a) => a.value === value && (a.files === undefined || a.files.includes(file)));

/** Functions whose literals are not behaviour, with the reason. */
const EXEMPT_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['warmUpSpendRegion', 'synthetic households that exercise every branch of the kernel before it meets real ones'],
  ['warmUpProduceRegion', 'synthetic households that exercise every branch of the kernel before it meets real ones'],
  ['warmUpMemberRegion', 'synthetic households that exercise every branch of the kernel before it meets real ones'],
  ['warmUpNextConverting', 'synthetic households that exercise every branch of the kernel before it meets real ones'],
]);

/** Declarations that define numbering, not behaviour. */
const DEFINITIONS = new Set(['STAGES', 'STAGE']);

interface Found {
  readonly file: string;
  readonly value: number;
  readonly line: number;
  readonly text: string;
}

/** Every numeric literal of a model file but 0, 1, indexes, layout constants and exempt functions. */
function literalsOf(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(join(MODEL, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && EXEMPT_FUNCTIONS.has(node.name.text)) return;
    // Layout constants of a kernel's argument buffers (const K_LINE = 0, ACC_SIZE = 17, TALLY_SIZE = 2) and
    // the stage numbering.
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      (/^(K|ACC|TALLY)_[A-Z_]+$/.test(node.name.text) || DEFINITIONS.has(node.name.text))
    )
      return;
    // An offset into a kernel's argument buffer: K_SERVE + 3.
    if (
      ts.isBinaryExpression(node) &&
      ts.isIdentifier(node.left) &&
      /^(K|ACC)_[A-Z_]+$/.test(node.left.text) &&
      ts.isNumericLiteral(node.right)
    )
      return;
    // An array index (a[3]) is a position, not a behaviour.
    if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression)) {
      visit(node.expression);
      return;
    }
    if (ts.isNumericLiteral(node)) {
      let value = Number(node.text);
      if (ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === ts.SyntaxKind.MinusToken) value = -value;
      if (value !== 0 && value !== 1) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file, value, line: line + 1, text: node.parent.getText().slice(0, 80) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hidden constants in src/model/', () => {
  const files = readdirSync(MODEL).filter((f) => f.endsWith('.ts'));

  it('reads every model file', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('has no numeric literal but 0, 1, indexes and the allowlist (each behavioural number is a parameter)', () => {
    const found = files.flatMap(literalsOf).filter((f) => !allowed(f.value, f.file));
    expect(found.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it('allows nothing it does not need (each allowlist entry is used in each of its files)', () => {
    const found = files.flatMap(literalsOf);
    const stale = ALLOWED.flatMap((a) =>
      (a.files ?? ['any file'])
        .filter((file) => !found.some((f) => f.value === a.value && (a.files === undefined || f.file === file)))
        .map((file) => `${a.value} in ${file}`),
    );
    expect(stale).toEqual([]);
  });

  it('flags a literal the allowlist does not name (the check can fail)', () => {
    const source = ts.createSourceFile('x.ts', 'const wage = 0.7 * line;', ts.ScriptTarget.ES2022, true);
    let flagged = 0;
    const visit = (node: ts.Node): void => {
      if (ts.isNumericLiteral(node) && !allowed(Number(node.text), 'x.ts')) flagged++;
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(flagged).toBe(1);
  });
});
