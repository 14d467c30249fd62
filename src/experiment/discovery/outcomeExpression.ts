/*
 * The outcome of a discovery: a small boolean expression over indicators, parsed here
 * (no eval). Grammar:
 *
 *   outcome    := condition [ 'at' ( 'month' INT | 'final' ) ]
 *   condition  := conjunct { 'or' conjunct }
 *   conjunct   := negation { 'and' negation }
 *   negation   := 'not' negation | '(' condition ')' | comparison
 *   comparison := sum ( '<' | '<=' | '>' | '>=' | '==' | '!=' ) sum
 *   sum        := product { ( '+' | '-' ) product }
 *   product    := factor { ( '*' | '/' ) factor }
 *   factor     := NUMBER | reference | '-' factor | '(' sum ')' | 'abs' '(' sum ')'
 *   reference  := [ 'baseline' '.' ] INDICATOR [ '@' ( INT | 'final' ) ]
 *
 * An indicator is taken for the whole scenario (total scope) at its `@` month, else at
 * the `at` month, else at the run's final month; `baseline.` takes it from the baseline
 * scenario's run at the same design point and replicate (common random numbers).
 *
 * @example parseOutcome('p0 - baseline.p0 > -0.02 at month 120')
 */

/** A reference to an indicator value of a run. */
export interface OutcomeRef {
  readonly indicator: string;
  /** From the baseline scenario's paired run rather than the strategy's own. */
  readonly baseline: boolean;
  /** A month, or 'final'. */
  readonly month: number | 'final';
}

export type NumberNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ref'; readonly ref: OutcomeRef }
  | { readonly kind: 'negate'; readonly operand: NumberNode }
  | { readonly kind: 'abs'; readonly operand: NumberNode }
  | {
      readonly kind: 'arith';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: NumberNode;
      readonly right: NumberNode;
    };

export type BoolNode =
  | {
      readonly kind: 'compare';
      readonly op: '<' | '<=' | '>' | '>=' | '==' | '!=';
      readonly left: NumberNode;
      readonly right: NumberNode;
    }
  | { readonly kind: 'and' | 'or'; readonly left: BoolNode; readonly right: BoolNode }
  | { readonly kind: 'not'; readonly operand: BoolNode };

/** A parsed outcome, or the reason it does not parse (with the position, 0-based). */
export type ParsedOutcome =
  | { readonly ok: true; readonly expression: BoolNode; readonly refs: readonly OutcomeRef[] }
  | { readonly ok: false; readonly message: string };

type Token = { readonly type: 'num' | 'word' | 'op'; readonly text: string; readonly at: number };

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  const re =
    /(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|[-+*/()<>@.])/y;
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (pos >= text.length) return tokens;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return `unexpected character '${text[pos]}' at position ${pos}`;
    tokens.push({ type: m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'op', text: m[0], at: pos });
    pos = re.lastIndex;
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'at', 'month', 'final', 'baseline', 'abs']);

/**
 * Parses an outcome expression. Indicator names are checked by `isIndicator`; an
 * unknown one is an error that names it.
 */
export function parseOutcome(text: string, isIndicator: (id: string) => boolean = () => true): ParsedOutcome {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  let i = 0;
  const refs: { indicator: string; baseline: boolean; month: number | 'final' | null }[] = [];
  class ParseError extends Error {}
  const peek = (): Token | undefined => tokens[i];
  const where = (): string => (i < tokens.length ? `at position ${tokens[i].at} ('${tokens[i].text}')` : 'at the end');
  const fail = (what: string): never => {
    throw new ParseError(`expected ${what} ${where()}`);
  };
  const accept = (text: string): boolean => {
    const t = peek();
    if (t && (t.type === 'op' || t.type === 'word') && t.text === text) {
      i++;
      return true;
    }
    return false;
  };
  const expect = (text: string): void => {
    if (!accept(text)) fail(`'${text}'`);
  };
  const integer = (): number => {
    const t = peek();
    if (!t || t.type !== 'num' || !/^\d+$/.test(t.text)) return fail('a whole month number');
    i++;
    return Number(t.text);
  };

  const factor = (): NumberNode => {
    const t = peek();
    if (!t) return fail('a number or an indicator');
    if (t.type === 'num') {
      i++;
      return { kind: 'number', value: Number(t.text) };
    }
    if (accept('-')) return { kind: 'negate', operand: factor() };
    if (accept('(')) {
      const inner = sum();
      expect(')');
      return inner;
    }
    if (accept('abs')) {
      expect('(');
      const inner = sum();
      expect(')');
      return { kind: 'abs', operand: inner };
    }
    let baseline = false;
    if (t.type === 'word' && t.text === 'baseline') {
      i++;
      expect('.');
      baseline = true;
    }
    const name = peek();
    if (!name || name.type !== 'word' || KEYWORDS.has(name.text))
      return fail(baseline ? 'an indicator' : 'a number or an indicator');
    if (!isIndicator(name.text)) throw new ParseError(`'${name.text}' at position ${name.at} is not an indicator`);
    i++;
    let month: number | 'final' | null = null;
    if (accept('@')) month = accept('final') ? 'final' : integer();
    const ref = { indicator: name.text, baseline, month };
    refs.push(ref);
    return { kind: 'ref', ref: ref as OutcomeRef };
  };
  const product = (): NumberNode => {
    let left = factor();
    for (;;) {
      const op = peek()?.text;
      if (peek()?.type !== 'op' || (op !== '*' && op !== '/')) return left;
      i++;
      left = { kind: 'arith', op, left, right: factor() };
    }
  };
  const sum = (): NumberNode => {
    let left = product();
    for (;;) {
      const op = peek()?.text;
      if (peek()?.type !== 'op' || (op !== '+' && op !== '-')) return left;
      i++;
      left = { kind: 'arith', op, left, right: product() };
    }
  };
  const comparison = (): BoolNode => {
    const left = sum();
    const t = peek();
    const ops = ['<', '<=', '>', '>=', '==', '!='] as const;
    const op = ops.find((o) => t?.type === 'op' && t.text === o);
    if (!op) return fail('a comparison (<, <=, >, >=, ==, !=)');
    i++;
    return { kind: 'compare', op, left, right: sum() };
  };
  const negation = (): BoolNode => {
    if (accept('not')) return { kind: 'not', operand: negation() };
    // '(' opens a condition or a sum: try the condition first, and fall back.
    if (peek()?.text === '(') {
      const start = i;
      const refCount = refs.length;
      try {
        i++;
        const inner = condition();
        expect(')');
        const next = peek()?.text;
        if (!['<', '<=', '>', '>=', '==', '!=', '+', '-', '*', '/'].includes(next ?? '')) return inner;
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
      i = start;
      refs.length = refCount;
    }
    return comparison();
  };
  const conjunct = (): BoolNode => {
    let left = negation();
    while (accept('and')) left = { kind: 'and', left, right: negation() };
    return left;
  };
  const condition = (): BoolNode => {
    let left = conjunct();
    while (accept('or')) left = { kind: 'or', left, right: conjunct() };
    return left;
  };

  try {
    const expression = condition();
    let month: number | 'final' = 'final';
    if (accept('at')) month = accept('final') ? 'final' : (expect('month'), integer());
    if (i < tokens.length) fail("the end (or 'and', 'or', 'at month N')");
    if (refs.length === 0) throw new ParseError('names no indicator');
    for (const r of refs) if (r.month === null) r.month = month;
    return { ok: true, expression, refs: refs as OutcomeRef[] };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Evaluates a parsed outcome; `value` gives each reference's number (a NaN compares false, except with !=). */
export function evaluateOutcome(node: BoolNode, value: (ref: OutcomeRef) => number): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateOutcome(node.left, value) && evaluateOutcome(node.right, value);
    case 'or':
      return evaluateOutcome(node.left, value) || evaluateOutcome(node.right, value);
    case 'not':
      return !evaluateOutcome(node.operand, value);
    case 'compare': {
      const a = numberOf(node.left, value);
      const b = numberOf(node.right, value);
      switch (node.op) {
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        case '==':
          return a === b;
        case '!=':
          return a !== b;
      }
    }
  }
}

function numberOf(node: NumberNode, value: (ref: OutcomeRef) => number): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'ref':
      return value(node.ref);
    case 'negate':
      return -numberOf(node.operand, value);
    case 'abs':
      return Math.abs(numberOf(node.operand, value));
    case 'arith': {
      const a = numberOf(node.left, value);
      const b = numberOf(node.right, value);
      return node.op === '+' ? a + b : node.op === '-' ? a - b : node.op === '*' ? a * b : a / b;
    }
  }
}
