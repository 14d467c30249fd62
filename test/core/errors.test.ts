import { describe, it, expect } from 'vitest';
import {
  formatProblem,
  InputError,
  KopsimError,
  LedgerError,
  OutputError,
  SimulationError,
} from '../../src/core/errors.js';

describe('formatProblem', () => {
  it('writes `path: message, got value`, with strings quoted as JSON', () => {
    expect(formatProblem({ path: 'regions[2].households', message: 'must be a positive integer', found: -5 })).toBe(
      '  regions[2].households: must be a positive integer, got -5',
    );
    expect(formatProblem({ path: 'strategy.mode', message: 'must be gated or scheduled', found: 'gatd' })).toBe(
      '  strategy.mode: must be gated or scheduled, got "gatd"',
    );
  });

  it('formats every kind of value: null, booleans, arrays, objects', () => {
    expect(formatProblem({ path: 'a', message: 'm', found: null })).toBe('  a: m, got null');
    expect(formatProblem({ path: 'a', message: 'm', found: false })).toBe('  a: m, got false');
    expect(formatProblem({ path: 'a', message: 'm', found: [1, 2] })).toBe('  a: m, got [1,2]');
    expect(formatProblem({ path: 'a', message: 'm', found: { x: 1 } })).toBe('  a: m, got {"x":1}');
  });

  it('leaves out "got" when no value was found, and names the root "(root)"', () => {
    expect(formatProblem({ path: 'regions', message: 'is required' })).toBe('  regions: is required');
    expect(formatProblem({ path: '', message: 'must be an object' })).toBe('  (root): must be an object');
  });

  it('shortens long non-string values (arrays, objects) to 80 characters', () => {
    const line = formatProblem({ path: 'a', message: 'm', found: Array.from({ length: 200 }, (_, k) => k) });
    const got = line.slice(line.indexOf('got ') + 4);
    expect(got.length).toBe(80);
    expect(got.endsWith('...')).toBe(true);
  });

  it('does not throw on values JSON cannot write (cycles, BigInt, undefined inside functions)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatProblem({ path: 'a', message: 'm', found: cyclic })).toContain('a: m, got ');
    expect(formatProblem({ path: 'a', message: 'm', found: 10n })).toBe('  a: m, got 10');
    expect(formatProblem({ path: 'a', message: 'm', found: () => 1 })).toContain('got ');
  });
});

describe('InputError', () => {
  const problems = [
    { path: 'months', message: 'must be at least 1', found: 0 },
    { path: 'regions[1].households', message: 'must be positive', found: -5 },
    { path: '--seed', message: 'must be an integer', found: 'abc' },
  ];

  it('lists every problem, one a line, each with its path and the value found, after a count', () => {
    const e = new InputError('scenarios/bad.yaml', problems);
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('scenarios/bad.yaml: 3 problems');
    expect(lines.slice(1)).toEqual([
      '  months: must be at least 1, got 0',
      '  regions[1].households: must be positive, got -5',
      '  --seed: must be an integer, got "abc"',
    ]);
    expect(e.problems).toEqual(problems);
  });

  it('says "1 problem" in the singular', () => {
    expect(new InputError('x', [problems[0]]).message.split('\n')[0]).toBe('x: 1 problem');
  });

  it('is a KopsimError with exit code 2, its class name as name, and keeps its cause', () => {
    const cause = new Error('underlying');
    const e = new InputError('x', problems, { cause });
    expect(e).toBeInstanceOf(KopsimError);
    expect(e).toBeInstanceOf(Error);
    expect(e.exitCode).toBe(2);
    expect(e.name).toBe('InputError');
    expect(e.cause).toBe(cause);
  });
});

describe('the error family', () => {
  it('maps runtime failures to exit code 1: SimulationError, LedgerError (a SimulationError), OutputError', () => {
    const ledger = new LedgerError('books do not close');
    expect(ledger).toBeInstanceOf(SimulationError);
    expect(ledger).toBeInstanceOf(KopsimError);
    expect(ledger.exitCode).toBe(1);
    expect(ledger.name).toBe('LedgerError');
    expect(new OutputError('disk full').exitCode).toBe(1);
    expect(new SimulationError('x').name).toBe('SimulationError');
  });
});
