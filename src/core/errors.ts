/** One problem found in an input, with the path to the offending field. */
export interface InputProblem {
  /** Where the problem is: a file, a flag (`--seed`) or a field path (`regions[2].households`). */
  readonly path: string;
  /** What is wrong, plainly. */
  readonly message: string;
  /** The value found there, if any. */
  readonly found?: unknown;
}

/** Base of every error kopsim raises on purpose. `exitCode` is what the CLI exits with. */
export class KopsimError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input: a scenario, experiment file, flag or folder. Lists every problem at once. Exit 2. */
export class InputError extends KopsimError {
  override readonly exitCode = 2;
  readonly problems: readonly InputProblem[];
  /** What was read: a file, or the command (`kopsim run`) for flags. */
  readonly source: string;
  constructor(source: string, problems: readonly InputProblem[], options?: { cause?: unknown }) {
    super(
      `${terminalSafe(source)}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${formatProblems(problems)}`,
      options,
    );
    this.problems = problems;
    this.source = source;
  }
}

/** A failure while running a valid input (e.g. the ledger did not close). Exit 1. */
export class SimulationError extends KopsimError {}

/** The books did not close: a flow was not booked between named accounts. */
export class LedgerError extends SimulationError {}

/** Writing outputs failed. Exit 1. */
export class OutputError extends KopsimError {}

/** Problems listed in a message; the rest are counted ("and N more"). */
export const MAX_PROBLEM_LINES = 50;
/** Characters of a value found shown in a message. */
export const MAX_VALUE_CHARS = 80;

/**
 * The words around a problem's path and value, in the language a message is printed in
 * (the CLI passes translated ones; paths and values are never translated).
 */
export interface ProblemWording {
  /** The problem's message in the language. */
  readonly message: (message: string) => string;
  /** The word before the value found ("got"). */
  readonly got: string;
  /** The line counting the problems not listed ("and 20 more"). */
  readonly more: (n: number) => string;
}

const ENGLISH: ProblemWording = { message: (m) => m, got: 'got', more: (n) => `and ${n} more` };

/** The problems' lines, at most {@link MAX_PROBLEM_LINES} and then how many more there are. */
export function formatProblems(problems: readonly InputProblem[], words: ProblemWording = ENGLISH): string {
  const lines = problems.slice(0, MAX_PROBLEM_LINES).map((p) => formatProblem(p, words));
  if (problems.length > MAX_PROBLEM_LINES) lines.push(`  ${words.more(problems.length - MAX_PROBLEM_LINES)}`);
  return lines.join('\n');
}

/** Formats a problem as `path: message, got value`, with no control character left raw. */
export function formatProblem(p: InputProblem, words: ProblemWording = ENGLISH): string {
  const found = p.found === undefined ? '' : `, ${words.got} ${formatValue(p.found)}`;
  return `  ${terminalSafe(p.path) || '(root)'}: ${terminalSafe(words.message(p.message))}${found}`;
}

/**
 * A value as JSON-like text of at most {@link MAX_VALUE_CHARS} characters. Written by hand
 * rather than with JSON.stringify: it stops once long enough (a deeply nested or huge
 * value would overflow the stack or print a whole file), and NaN and Infinity print as
 * themselves (JSON says null).
 */
export function formatValue(v: unknown): string {
  let out = '';
  const limit = MAX_VALUE_CHARS + 1;
  const write = (x: unknown, depth: number): void => {
    if (out.length >= limit) return;
    if (typeof x === 'string') out += JSON.stringify(x.length > limit ? x.slice(0, limit) : x);
    else if (typeof x === 'number') out += String(x);
    else if (x === null || typeof x !== 'object') out += String(x);
    else if (depth > 20) out += '...';
    else if (Array.isArray(x)) {
      out += '[';
      for (let k = 0; k < x.length && out.length < limit; k++) {
        if (k > 0) out += ',';
        write(x[k], depth + 1);
      }
      out += ']';
    } else {
      out += '{';
      let first = true;
      for (const key of Object.keys(x)) {
        if (out.length >= limit) break;
        out += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        write((x as Record<string, unknown>)[key], depth + 1);
      }
      out += '}';
    }
  };
  write(v, 0);
  return terminalSafe(out.length > MAX_VALUE_CHARS ? `${out.slice(0, MAX_VALUE_CHARS - 3)}...` : out);
}

/**
 * Text safe to print: C0 and C1 control characters but line breaks and tabs are shown as
 * `\u001b` escapes, so a name or path cannot send escape sequences to a terminal.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
