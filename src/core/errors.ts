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
  constructor(source: string, problems: readonly InputProblem[], options?: { cause?: unknown }) {
    super(
      `${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map(formatProblem).join('\n')}`,
      options,
    );
    this.problems = problems;
  }
}

/** A failure while running a valid input (e.g. the ledger did not close). Exit 1. */
export class SimulationError extends KopsimError {}

/** The books did not close: a flow was not booked between named accounts. */
export class LedgerError extends SimulationError {}

/** Writing outputs failed. Exit 1. */
export class OutputError extends KopsimError {}

/** Formats a problem as `path: message, got value`. */
export function formatProblem(p: InputProblem): string {
  const found = p.found === undefined ? '' : `, got ${formatValue(p.found)}`;
  return `  ${p.path || '(root)'}: ${p.message}${found}`;
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
}
