import { InputError, type InputProblem } from '../core/errors.js';
import { isLang, LANGS, langFromEnv, type Lang } from '../i18n/lang.js';

/** The option text of `--lang`, for every command that prints or writes reports. */
export const LANG_OPTION = [
  '--lang <lang>',
  `language of reports, tables, progress, messages and the dashboard: ${LANGS.join(' or ')} (default: from LC_ALL/LANG, here ${langFromEnv()})`,
] as const;

/** The `--lang` flag checked (a bad value is pushed to `problems`); the environment's language when absent. */
export function langFlag(problems: InputProblem[], raw: string | undefined): Lang {
  if (raw === undefined) return langFromEnv();
  if (isLang(raw)) return raw;
  problems.push({ path: '--lang', message: `must be one of ${LANGS.join(', ')}`, found: raw });
  return 'en';
}

/**
 * Flag values are parsed leniently by commander and checked here, so that every bad flag
 * is reported together with every bad scenario field, in one error.
 */
export function intFlag(
  problems: InputProblem[],
  flag: string,
  raw: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
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

/** A comma-separated flag (`--indicators a,b,c`) as its items, blanks dropped; undefined when not given. */
export function listFlag(raw: string | undefined): string[] | undefined {
  return raw === undefined
    ? undefined
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/**
 * Plans, reporting the plan's problems together with the flag problems found before it,
 * in one InputError; with flag problems alone it throws those.
 */
export function planWithProblems<T>(source: string, problems: readonly InputProblem[], plan: () => T): T {
  try {
    const planned = plan();
    if (problems.length > 0) throw new InputError(source, problems);
    return planned;
  } catch (error) {
    if (error instanceof InputError && problems.length > 0 && error.problems !== problems)
      throw new InputError(source, [...problems, ...error.problems]);
    throw error;
  }
}
