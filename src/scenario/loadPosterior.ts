import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { InputProblem } from '../core/errors.js';
import { schemaProblems } from './experimentDocument.js';

/** Version of posterior.json this kopsim reads (written by kopsim calibrate). */
export const POSTERIOR_FILE_FORMAT = 1;

const posteriorFileSchema = z
  .object({
    format: z.literal(POSTERIOR_FILE_FORMAT),
    kind: z.literal('posterior'),
    name: z.string(),
    calibrationHash: z.string(),
    parameters: z.array(z.string().min(1)).min(1),
    particles: z.array(z.object({ weight: z.number().min(0), theta: z.array(z.number()) }).strict()).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.particles.forEach((q, i) => {
      if (q.theta.length !== p.parameters.length)
        ctx.addIssue({
          code: 'custom',
          path: ['particles', i, 'theta'],
          message: `must have one value per parameter (${p.parameters.length})`,
        });
    });
    if (p.particles.every((q) => q.weight === 0))
      ctx.addIssue({ code: 'custom', path: ['particles'], message: 'must have a positive weight somewhere' });
  });

/** A weighted posterior sample, as `kopsim calibrate` wrote it. */
export type PosteriorSample = z.output<typeof posteriorFileSchema>;

/**
 * Reads the posterior of a calibration folder (DIR/posterior.json), or a posterior.json
 * given directly. Problems (no such folder, not a finished calibration, a damaged file)
 * are pushed with the flag's name, to be reported with the other bad input; returns
 * undefined then.
 */
export function loadPosterior(
  dir: string,
  problems: InputProblem[],
  flag = '--posterior',
): PosteriorSample | undefined {
  const path = resolve(dir);
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'posterior.json') : path;
  if (!existsSync(file)) {
    problems.push({
      path: flag,
      message: 'is not a finished calibration folder (no posterior.json): run kopsim calibrate first',
      found: dir,
    });
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ path: flag, message: `posterior.json is not JSON: ${(error as Error).message}`, found: dir });
    return undefined;
  }
  const parsed = posteriorFileSchema.safeParse(doc);
  if (!parsed.success) {
    problems.push(
      ...schemaProblems(parsed.error.issues, doc, 'a posterior.json').map((q) => ({
        ...q,
        path: `${flag} ${file}: ${q.path}`,
      })),
    );
    return undefined;
  }
  return parsed.data;
}
