/**
 * Derives a run's seed from its identity rather than from a counter, so that adding a
 * sweep point, changing the order of runs or the number of workers changes no other run
 * (docs/architecture.md, style rule 3).
 *
 * The hash is FNV-1a over the parts joined by an unambiguous separator, finished with a
 * murmur3-style avalanche; the result is an unsigned 32-bit integer.
 *
 * @example deriveSeed(1, 'seed-roadmap', 'base', 0) // always the same number
 */
export function deriveSeed(baseSeed: number, ...parts: ReadonlyArray<string | number>): number {
  const text = [String(baseSeed), ...parts.map(String)].join('\u001f');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Seed of an independent random stream inside one run (e.g. 'network', 'init', 'step').
 * Separate streams keep, for example, the network identical when only the step changes.
 */
export function streamSeed(runSeed: number, stream: string): number {
  return deriveSeed(runSeed, 'stream', stream);
}

/**
 * The seed of one run: replicate `replicate` at design point `pointKey` of an experiment
 * with base seed `baseSeed`. The scenario is deliberately not part of it: strategies
 * compared on the same replicate then share their random numbers (common random
 * numbers), so their differences are paired and a strategy compared with itself differs
 * by exactly zero. A plain `kopsim run` is replicate 0 of the point ''.
 */
export function runSeed(baseSeed: number, pointKey = '', replicate = 0): number {
  return deriveSeed(baseSeed, 'run', pointKey, replicate);
}
