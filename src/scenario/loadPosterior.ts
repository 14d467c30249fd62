import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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

/** The most particles a posterior of blocks may have (the product of the blocks' sizes). */
export const MAX_BLOCK_PARTICLES = 1_000_000;

/** A folder of posterior blocks: blocks.json names the calibration folders in it, in order. */
const blocksFileSchema = z
  .object({
    kind: z.literal('posterior-blocks'),
    description: z.string().default(''),
    blocks: z
      .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be the name of a folder beside blocks.json'))
      .min(1),
  })
  .strict();

/**
 * Reads the posterior of a calibration folder (DIR/posterior.json), or a posterior.json
 * given directly, or a folder of posterior blocks (DIR/blocks.json naming calibration
 * folders beside it, e.g. scenarios/posterior/): the blocks' parameters are disjoint and
 * the blocks are taken as independent, so their joint sample is the product of theirs
 * (every combination of one particle from each, weight the product of the weights), in
 * the order blocks.json lists them. Problems (no such folder, not a finished calibration,
 * a damaged file, a parameter in two blocks) are pushed with the flag's name, to be
 * reported with the other bad input; returns undefined then.
 */
export function loadPosterior(
  dir: string,
  problems: InputProblem[],
  flag = '--posterior',
): PosteriorSample | undefined {
  const path = resolve(dir);
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const blocksFile = join(path, 'blocks.json');
  if (isDir && existsSync(blocksFile)) {
    const spec = readJson(blocksFile, blocksFileSchema, 'a blocks.json', dir, problems, flag);
    if (!spec) return undefined;
    const before = problems.length;
    const samples = spec.blocks.map((name) =>
      loadPosteriorFile(join(path, name, 'posterior.json'), dir, problems, flag),
    );
    if (problems.length > before) return undefined;
    return productOfBlocks(samples as PosteriorSample[], dir, problems, flag);
  }
  return loadPosteriorFile(isDir ? join(path, 'posterior.json') : path, dir, problems, flag);
}

/** The joint sample of independent blocks; undefined (with a problem) if they share a parameter or are too many. */
function productOfBlocks(
  samples: readonly PosteriorSample[],
  dir: string,
  problems: InputProblem[],
  flag: string,
): PosteriorSample | undefined {
  if (samples.length === 1) return samples[0];
  const seen = new Map<string, string>();
  for (const s of samples)
    for (const p of s.parameters) {
      const other = seen.get(p);
      if (other !== undefined)
        problems.push({ path: flag, message: `${p} is in two posterior blocks (${other} and ${s.name})`, found: dir });
      seen.set(p, s.name);
    }
  const size = samples.reduce((n, s) => n * s.particles.length, 1);
  if (size > MAX_BLOCK_PARTICLES)
    problems.push({
      path: flag,
      message: `its blocks combine into ${size} particles, more than ${MAX_BLOCK_PARTICLES}: calibrate with fewer particles`,
      found: dir,
    });
  if (problems.length > 0) return undefined;
  let particles: { weight: number; theta: number[] }[] = [{ weight: 1, theta: [] }];
  for (const s of samples)
    particles = particles.flatMap((a) =>
      s.particles.map((b) => ({ weight: a.weight * b.weight, theta: [...a.theta, ...b.theta] })),
    );
  return {
    format: POSTERIOR_FILE_FORMAT,
    kind: 'posterior',
    name: samples.map((s) => s.name).join(' + '),
    calibrationHash: samples.map((s) => s.calibrationHash).join('+'),
    parameters: samples.flatMap((s) => s.parameters),
    particles,
  };
}

/** One posterior.json, checked. */
function loadPosteriorFile(
  file: string,
  dir: string,
  problems: InputProblem[],
  flag: string,
): PosteriorSample | undefined {
  if (!existsSync(file)) {
    problems.push({
      path: flag,
      message: 'is not a finished calibration folder (no posterior.json): run kopsim calibrate first',
      found: dir,
    });
    return undefined;
  }
  return readJson(file, posteriorFileSchema, 'a posterior.json', dir, problems, flag);
}

/** A JSON file parsed and checked against its schema; problems pushed with the flag and the file. */
function readJson<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
  dir: string,
  problems: InputProblem[],
  flag: string,
): z.output<S> | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ path: flag, message: `${basename(file)} is not JSON: ${(error as Error).message}`, found: dir });
    return undefined;
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    problems.push(
      ...schemaProblems(parsed.error.issues, doc, what).map((q) => ({
        ...q,
        path: `${flag} ${file}: ${q.path}`,
      })),
    );
    return undefined;
  }
  return parsed.data;
}
