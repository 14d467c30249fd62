import type { InputProblem } from '../core/errors.js';

/**
 * Flag values are parsed leniently by commander and checked here, so that every bad flag
 * is reported together with every bad scenario field, in one error.
 */
export function intFlag(problems: InputProblem[], flag: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^-?\d+$/.test(String(raw).trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    problems.push({ path: flag, message: `must be an integer from ${min} to ${max}`, found: raw });
    return undefined;
  }
  return n;
}

/** Collects repeated options (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
