import { KopsimError } from '../core/errors.js';

/** Exit codes users rely on (docs/architecture.md): 0 ok, 1 runtime failure, 2 bad input. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Maps an error to the exit code the CLI ends with. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof KopsimError) return error.exitCode;
  if (
    error &&
    typeof error === 'object' &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.')
  ) {
    return EXIT.badInput;
  }
  return EXIT.failure;
}
