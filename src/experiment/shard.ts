import type { InputProblem } from '../core/errors.js';

/** One of `count` shards of an experiment: the runs whose plan index mod count is `index`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses `--shard i/N` (0 <= i < N). Problems are pushed, not thrown, so they are
 * reported with every other bad flag.
 *
 * @example parseShard('3/64', []) // => { index: 3, count: 64 }
 */
export function parseShard(text: string | undefined, problems: InputProblem[], flag = '--shard'): Shard | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) {
    problems.push({ path: flag, message: 'must be i/N, e.g. 0/4 (shard i of N, counting from 0)', found: text });
    return undefined;
  }
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1_000_000) {
    problems.push({ path: flag, message: 'N must be from 1 to 1000000', found: text });
    return undefined;
  }
  if (index >= count) {
    problems.push({ path: flag, message: `i must be from 0 to N-1 (${count - 1})`, found: text });
    return undefined;
  }
  return { index, count };
}

/** Whether the run with this plan index belongs to the shard (every run when there is no shard). */
export function inShard(planIndex: number, shard: Shard | undefined): boolean {
  return shard === undefined || planIndex % shard.count === shard.index;
}
