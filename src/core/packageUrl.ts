/**
 * The URL of a file of the kopsim package, from its root: `packageUrl('scenarios/')`.
 *
 * Resolved from this module, which sits two folders below the root wherever it runs: as
 * src/core/packageUrl.ts (tests, tsx), dist/core/packageUrl.js (the compiled modules) and
 * inside a chunk of dist/bundle/ (the bundled CLI that bin/kopsim runs, scripts/bundle.mjs).
 * Paths written relative to each caller's own module would break in the bundle, whose chunks
 * are not where their sources were.
 */
export function packageUrl(relative: string): URL {
  return new URL(`../../${relative}`, import.meta.url);
}
