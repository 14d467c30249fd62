import { basename, dirname, extname, resolve } from 'node:path';
import type { ZodIssue } from 'zod';
import { InputError, type InputProblem } from '../core/errors.js';
import { readDocument } from './document.js';
import { formatPath, getPath } from './overrides.js';

/*
 * What experiment and sensitivity files share before their own schemas take over:
 * reading the file, putting the command line's values over the file's, and turning
 * schema issues into problems with their paths.
 */

/**
 * Reads an experiment file (YAML or JSON) and hands it to `load` with its folder (where
 * its scenarios are looked for first) and its name without extension (the default
 * experiment name). A file that cannot be read or parsed is reported together with the
 * `earlier` problems (bad flags).
 */
export function loadExperimentFile<T>(
  file: string,
  earlier: readonly InputProblem[],
  load: (document: unknown, source: string, relativeTo: string, defaultName: string) => T,
): T {
  const path = resolve(file);
  let document: unknown;
  try {
    document = readDocument(path);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(file, [...earlier, ...error.problems]);
    throw error;
  }
  return load(document, file, dirname(path), basename(path, extname(path)));
}

/** Command-line values both kinds of experiment take in place of the file's. */
export interface CommonOverrides {
  readonly replicates?: number;
  readonly seed?: number;
  readonly months?: number;
  readonly indicators?: readonly string[];
}

/** A copy of the document (when it is an object) with the given command-line values set; the caller's document is not changed. */
export function withCommonOverrides(document: unknown, overrides: CommonOverrides): unknown {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return document;
  const d: Record<string, unknown> = { ...(document as Record<string, unknown>) };
  if (overrides.replicates !== undefined) d.replicates = overrides.replicates;
  if (overrides.seed !== undefined) d.seed = overrides.seed;
  if (overrides.months !== undefined) d.months = overrides.months;
  if (overrides.indicators !== undefined) d.indicators = [...overrides.indicators];
  return d;
}

/** Schema issues as problems, each with its path and what the document holds there; unknown keys are `not <fieldsOf> field`. */
export function schemaProblems(issues: readonly ZodIssue[], document: unknown, fieldsOf: string): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({
          path: formatPath([...(issue.path as PropertyKey[]), key]),
          message: `is not ${fieldsOf} field`,
        });
      continue;
    }
    problems.push({
      path: formatPath(issue.path as PropertyKey[]),
      message: issue.message,
      found: getPath(document, issue.path as PropertyKey[]),
    });
  }
  return problems;
}
