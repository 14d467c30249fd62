import { z } from 'zod';
import { experimentNameSchema, fieldPathSchema, seedSchema as seed } from './experimentFields.js';

/*
 * The calibration targets file (scenarios/calibration/*.yaml): the statistics to match,
 * the simulation producing each, and the free parameters with their priors. What needs
 * the scenarios (parameter paths that are number fields, bounds that give valid
 * scenarios, indicator ids, months within reach) is checked when the calibration is
 * planned (experiment/calibration/calibrationPlan.ts), together with these problems.
 */

/** A free parameter and its prior, in the parameter's own unit. */
export const calibrationParameterSchema = z
  .object({
    path: fieldPathSchema('regions[0].productivityScale').describe(
      'scenario field path, e.g. households.productivitySigma',
    ),
    distribution: z
      .enum(['uniform', 'loguniform', 'normal', 'beta'])
      .describe(
        'prior: uniform or loguniform on [min, max]; normal(mean, sd) cut to [min, max]; beta(a, b) over [min, max]',
      ),
    min: z.number().optional().describe('lower bound (required but for normal)'),
    max: z.number().optional().describe('upper bound (required but for normal)'),
    mean: z.number().optional().describe('normal: mean'),
    sd: z.number().positive().optional().describe('normal: standard deviation'),
    a: z.number().positive().optional().describe('beta: first shape'),
    b: z.number().positive().optional().describe('beta: second shape'),
    source: z.string().default('').describe('why this prior (a source or a reason)'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const need = (key: keyof typeof p, why: string) => {
      if (p[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required ${why}` });
    };
    const forbid = (key: keyof typeof p) => {
      if (p[key] !== undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `is not a parameter of a ${p.distribution} prior` });
    };
    if (p.distribution === 'normal') {
      need('mean', 'for a normal prior');
      need('sd', 'for a normal prior');
      forbid('a');
      forbid('b');
    } else {
      need('min', `for a ${p.distribution} prior`);
      need('max', `for a ${p.distribution} prior`);
      forbid('mean');
      forbid('sd');
      if (p.distribution === 'beta') {
        need('a', 'for a beta prior');
        need('b', 'for a beta prior');
      } else {
        forbid('a');
        forbid('b');
      }
    }
    if (p.min !== undefined && p.max !== undefined && p.min >= p.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must be greater than min (${p.min})` });
    if (p.distribution === 'loguniform' && p.min !== undefined && p.min <= 0)
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'must be positive for a loguniform prior' });
  });

/** How the replicates (seeds) of a particle are combined into one simulated statistic. */
export const seedAggregationSchema = z.enum(['mean', 'median']);

/** One statistic to match. */
export const calibrationTargetSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, dots, dashes and underscores')
      .describe('short unique name, used in tables and charts'),
    description: z.string().default(''),
    source: z.string().min(1).describe('where the observed figure comes from'),
    observed: z.number().optional().describe('the observed value (or give band)'),
    band: z
      .tuple([z.number(), z.number()])
      .optional()
      .describe('an observed range [low, high]: a simulated value inside it is at distance 0'),
    standardError: z
      .number()
      .positive()
      .optional()
      .describe("the observed figure's standard error: the distance's unit for this target"),
    tolerance: z
      .number()
      .positive()
      .optional()
      .describe('how far off still counts as close, when there is no standard error: the distance unit'),
    pending: z
      .string()
      .min(1)
      .optional()
      .describe(
        'the target is recorded but not matched yet, and why (e.g. the indicator does not exist yet); no simulation fields then',
      ),
    scenario: z.string().min(1).optional().describe('scenario file or bundled name that produces the statistic'),
    indicator: z.string().min(1).optional().describe('indicator id (kopsim schema lists them)'),
    per: z
      .string()
      .min(1)
      .optional()
      .describe(
        "a second indicator id: the statistic is then the indicator's sum over the months over this one's (a ratio of sums, e.g. rat_held per rat_due)",
      ),
    month: z.number().int().min(0).max(1200).optional().describe('the month the statistic is taken at'),
    window: z
      .tuple([z.number().int().min(0).max(1200), z.number().int().min(0).max(1200)])
      .optional()
      .describe('or the mean over months [from, to]'),
    regions: z
      .literal('total')
      .default('total')
      .describe('aggregation over regions: total (all households pooled); per-region targets are not available yet'),
    seeds: seedAggregationSchema.default('mean').describe("aggregation over the particle's replicates: mean or median"),
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.observed === undefined) === (t.band === undefined))
      ctx.addIssue({ code: 'custom', path: ['observed'], message: 'give either observed or band (one of them)' });
    if (t.band && t.band[0] > t.band[1])
      ctx.addIssue({ code: 'custom', path: ['band', 1], message: `must not be below band[0] (${t.band[0]})` });
    if ((t.standardError === undefined) === (t.tolerance === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['standardError'],
        message: 'give either standardError or tolerance (one of them)',
      });
    if (t.window && t.window[0] > t.window[1])
      ctx.addIssue({ code: 'custom', path: ['window', 1], message: `must not be before window[0] (${t.window[0]})` });
    if (t.pending !== undefined) {
      for (const key of ['scenario', 'indicator', 'per', 'month', 'window'] as const)
        if (t[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'a pending target has no simulation yet: leave it out',
          });
      return;
    }
    if (t.scenario === undefined) ctx.addIssue({ code: 'custom', path: ['scenario'], message: 'is required' });
    if (t.indicator === undefined) ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'is required' });
    if ((t.month === undefined) === (t.window === undefined))
      ctx.addIssue({ code: 'custom', path: ['month'], message: 'give either month or window (one of them)' });
  });

/** The sampler's settings. */
export const calibrationMethodSchema = z.enum(['abc-smc', 'rejection']);

export const calibrationSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z
      .literal('calibration')
      .default('calibration')
      .describe('marks a calibration targets file (kopsim calibrate)'),
    name: experimentNameSchema(),
    description: z.string().default(''),
    method: calibrationMethodSchema
      .default('abc-smc')
      .describe('abc-smc (sequential Monte Carlo) or rejection (one prior batch, regression-adjusted)'),
    seed: seed().optional().describe("base seed: runs and proposals derive from it (default: the first scenario's)"),
    set: z.array(z.string()).default([]).describe('overrides applied to every scenario, as with --set'),
    replicates: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(1)
      .describe('seeds per particle; replicate k has the same seed for every particle (common random numbers)'),
    particles: z.number().int().min(2).max(1_000_000).default(100).describe('N: particles kept per generation'),
    proposals: z
      .number()
      .int()
      .min(2)
      .max(10_000_000)
      .optional()
      .describe('M: new proposals simulated per generation (default 2 N; at least N)'),
    generations: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(5)
      .describe('the most ABC-SMC generations (rejection runs one)'),
    minAcceptance: z
      .number()
      .min(0)
      .max(1)
      .default(0.02)
      .describe('stop early once fewer than this share of new proposals is kept'),
    parameters: z.array(calibrationParameterSchema).min(1, 'must list at least one free parameter'),
    targets: z.array(calibrationTargetSchema).min(1, 'must list at least one target'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.proposals !== undefined && c.proposals < c.particles)
      ctx.addIssue({ code: 'custom', path: ['proposals'], message: `must be at least particles (${c.particles})` });
    if (!c.targets.some((t) => t.pending === undefined))
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'at least one target must not be pending' });
    const seen = new Map<string, number>();
    c.targets.forEach((t, i) => {
      if (seen.has(t.name))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'name'],
          message: `duplicates targets[${seen.get(t.name)}].name`,
        });
      else seen.set(t.name, i);
    });
    const paths = new Map<string, number>();
    c.parameters.forEach((p, i) => {
      if (paths.has(p.path))
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', i, 'path'],
          message: `duplicates parameters[${paths.get(p.path)}].path`,
        });
      else paths.set(p.path, i);
    });
  });

/** A targets file as written (fields with defaults optional). */
export type CalibrationInput = z.input<typeof calibrationSchema>;
/** A validated targets file with defaults filled in. */
export type CalibrationSpec = z.output<typeof calibrationSchema>;
export type CalibrationTargetSpec = z.output<typeof calibrationTargetSchema>;
export type CalibrationParameterSpec = z.output<typeof calibrationParameterSchema>;
