/*
 * The command line a manifest records. `main(argv)` sets it from the arguments it was
 * given, so that a run started in-process (a test, a library user calling main) records
 * its own arguments, not those of the process that hosts it.
 */
let current: readonly string[] = [];

/** Records the arguments of the command being run (called by main). */
export function setCommandLine(argv: readonly string[]): void {
  current = [...argv];
}

/** The command being run, as a user would type it: `kopsim` and its arguments. */
export function commandLine(): string[] {
  return ['kopsim', ...current];
}
