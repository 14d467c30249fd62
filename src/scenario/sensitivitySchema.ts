import { z } from 'zod';
import { experimentNameSchema, fieldPathSchema, indicatorListSchema, seedSchema as seed } from './experimentFields.js';

/*
 * The sensitivity experiment file (scenarios/experiments/*sobol*.yaml, *morris*.yaml):
 * one scenario, the parameters varied with their ranges, the method and its settings,
 * and the outputs analysed. What needs the scenario itself (parameter paths that exist
 * and are numbers, ranges that give valid scenarios, indicator ids, months within the
 * run) and the design's own rules (N a power of two, an even number of levels) are
 * checked when the plan is expanded (experiment/sensitivityPlan.ts).
 */

/** Outputs analysed by default, by `kopsim sensitivity` and `kopsim attribute`: the welfare headline figures. */
export const DEFAULT_ANALYSIS_INDICATORS: readonly string[] = ['consumption_pc_mean', 'p0', 'gini', 'member_share'];

/** A month at which outputs are taken: a month number, or `final` (the last simulated month). */
export const analysisMonthSchema = z.union([z.number().int().min(0).max(1200), z.literal('final')]);
export type AnalysisMonth = z.output<typeof analysisMonthSchema>;

/** One parameter varied over a range. */
export const sensitivityParameterSchema = z
  .object({
    path: fieldPathSchema('regions[0].productivityScale').describe('scenario field path, e.g. awareness.peerWeight'),
    min: z.number().min(-1e15).max(1e15).describe('lower end of the range'),
    max: z.number().min(-1e15).max(1e15).describe('upper end of the range (greater than min)'),
    distribution: z
      .enum(['uniform', 'loguniform'])
      .default('uniform')
      .describe('spread values evenly (uniform) or their logarithms (loguniform, needs min > 0)'),
    integer: z
      .boolean()
      .default(false)
      .describe('round each value to a whole number (for integer fields such as gates.stage3Enterprises)'),
  })
  .strict();

/** Morris settings; their rules (r >= 2, p even >= 4) are the design's own (morrisDesign.ts). */
export const morrisSettingsSchema = z
  .object({
    trajectories: z
      .number()
      .max(1_000_000)
      .default(10)
      .describe('r: number of trajectories (at least 2; 10 to 50 is usual)'),
    levels: z.number().max(1000).default(4).describe('p: grid levels per parameter (even, at least 4)'),
  })
  .strict();

/** Sobol settings; N's rules (a power of two, 2 to 2^20) are the design's own (saltelliDesign.ts). */
export const sobolSettingsSchema = z
  .object({
    n: z
      .number()
      .max(2 ** 24)
      .default(64)
      .describe('N: base sample size, a power of two; the design runs N (D + 2) points, N (2D + 2) with second order'),
    secondOrder: z.boolean().default(false).describe('also estimate second-order indices S2 (costs N D more points)'),
  })
  .strict();

export const bootstrapSettingsSchema = z
  .object({
    resamples: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1000)
      .describe('bootstrap resamples for the confidence intervals'),
    level: z.number().gt(0).lt(1).default(0.95).describe('coverage of the confidence intervals'),
    seed: seed().optional().describe('seed of the bootstrap draws (default: derived from the base seed)'),
  })
  .strict();

export const sensitivitySchema = z
  .object({
    $schema: z.string().optional(),
    kind: z
      .literal('sensitivity')
      .default('sensitivity')
      .describe('marks a sensitivity experiment (kopsim sensitivity)'),
    name: experimentNameSchema(),
    description: z.string().default(''),
    method: z.enum(['morris', 'sobol']).describe('morris (elementary effects: screening) or sobol (variance shares)'),
    scenario: z.string().min(1).describe('scenario file or bundled name'),
    set: z
      .array(z.string())
      .default([])
      .describe('overrides applied to the scenario, as with --set (e.g. fewer households)'),
    months: z.number().int().min(1).max(1200).optional().describe("simulated months (default: the scenario's)"),
    seed: seed().optional().describe("base seed of the runs (default: the scenario's seed)"),
    designSeed: seed().optional().describe("seed of the design's own draws (default: the base seed)"),
    replicates: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .default(1)
      .describe(
        'runs per design point, averaged; replicate k uses the same seed at every point (common random numbers)',
      ),
    indicators: indicatorListSchema()
      .default([...DEFAULT_ANALYSIS_INDICATORS])
      .describe('indicators analysed'),
    at: z
      .array(analysisMonthSchema)
      .min(1, 'must list at least one month')
      .default(['final'])
      .describe('months at which the indicators are taken: numbers or final'),
    parameters: z.array(sensitivityParameterSchema).describe('the parameters varied'),
    morris: morrisSettingsSchema.optional().describe('Morris settings (method morris)'),
    sobol: sobolSettingsSchema.optional().describe('Sobol settings (method sobol)'),
    bootstrap: bootstrapSettingsSchema.prefault({}),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.method !== 'morris' && e.morris !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['morris'],
        message: `only method morris takes a morris block (method is ${e.method})`,
      });
    if (e.method !== 'sobol' && e.sobol !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['sobol'],
        message: `only method sobol takes a sobol block (method is ${e.method})`,
      });
    // Ranges (min < max, loguniform needs min > 0), duplicates and an empty list are checked with the
    // scenario when the plan is expanded, so they are reported together with unknown paths.
  });

/** A sensitivity experiment as written in a file (fields with defaults are optional). */
export type SensitivityInput = z.input<typeof sensitivitySchema>;
/** A validated sensitivity experiment with defaults filled in. */
export type SensitivitySpec = z.output<typeof sensitivitySchema>;
export type SensitivityParameterSpec = z.output<typeof sensitivityParameterSchema>;
