import { expect } from 'vitest';
import { InputError } from '../../src/core/errors.js';

/** Runs `f`, expects it to throw an InputError and returns it, so a test can look at its problems. */
export function catchInput(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}
