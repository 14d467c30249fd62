import { z } from 'zod';
import { InputError, type InputProblem } from '../core/errors.js';

/*
 * What kopsim reads back from the folders it wrote (plan.json, an experiment's
 * manifest.json), checked before use: a folder edited by hand, truncated or written by
 * something else is refused with every problem and its path, instead of being cast to a
 * type and failing later on a missing field.
 */

const count = z.number().int().min(0);

/** A planned run, as every plan kind records it. */
const plannedRunSchema = z.looseObject({
  index: count,
  key: z.string(),
  scenario: z.string(),
  point: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  replicate: count,
  seed: z.number().int().min(0).max(4294967295),
  months: count,
});

/**
 * The fields every plan.json has (experiment, sensitivity, attribution, discovery and
 * calibration plans), and the shape of those a runnable plan has; each kind's own fields
 * are checked by the code that reads that kind.
 */
export const planFileSchema = z.looseObject({
  format: z.number().int(),
  kind: z.string(),
  name: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'),
  indicators: z.array(z.string()).optional(),
  scenarios: z.array(z.looseObject({ label: z.string(), scenario: z.looseObject({}) })).optional(),
  runs: z.array(plannedRunSchema).optional(),
});

/** An experiment folder's manifest.json (see ExperimentManifest). */
export const experimentManifestSchema = z.looseObject({
  kopsimVersion: z.string(),
  name: z.string(),
  kind: z.string(),
  planHash: z.string(),
  shard: z.object({ index: count, count: z.number().int().min(1) }).nullable(),
  status: z.enum(['running', 'interrupted', 'complete', 'failed', 'incomplete']),
  commandLine: z.array(z.string()),
  source: z.string(),
  scenarioFiles: z.array(
    z.looseObject({
      label: z.string(),
      source: z.string(),
      extendsChain: z.array(z.string()),
      overrides: z.array(z.string()),
    }),
  ),
  workers: count,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  runs: z.looseObject({ planned: count, inShard: count, completed: count, failed: count, finishedBefore: count }),
  timings: z.looseObject({ totalMs: z.number() }),
  mergedFrom: z.array(z.string()).optional(),
  missing: z.array(count).optional(),
});

/**
 * Checks a parsed folder file against its schema; returns it, typed by the caller, or throws
 * an InputError naming the file and each problem's path (at most 50 problems).
 */
export function checkFolderFile<T>(schema: z.ZodType, file: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return value as T;
  const problems: InputProblem[] = parsed.error.issues.slice(0, 50).map((issue) => ({
    path: `${file}: ${issue.path.map(String).join('.') || '(the whole file)'}`,
    message: `${issue.message} (not a file kopsim wrote, or edited since)`,
  }));
  throw new InputError(file, problems);
}
