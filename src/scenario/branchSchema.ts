import { z } from 'zod';
import { experimentNameSchema, indicatorListSchema, seedSchema } from './experimentFields.js';

/*
 * The branch file (kopsim branch FILE): a shared history (a scenario run to a month) and
 * the strategies to continue it under. Indicator ids and fields that cannot change mid-run
 * are checked when the branches are planned (experiment/branch/).
 */

/** Indicators a branch compares by default. */
export const DEFAULT_BRANCH_INDICATORS: readonly string[] = ['p0', 'consumption_pc_mean', 'gini', 'member_share'];

export const branchSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z.literal('branch').describe('marks a branch experiment (kopsim branch)'),
    name: experimentNameSchema(),
    description: z.string().default(''),
    from: z.string().min(1).describe('the scenario of the shared history (a file or bundled name)'),
    at: z.number().int().min(0).max(1200).describe('the month the strategies branch off, at its end'),
    set: z.array(z.string()).default([]).describe('overrides applied to the history and every strategy, as with --set'),
    seed: seedSchema().optional().describe("base seed of the history (default: the scenario's)"),
    strategies: z
      .array(z.string().min(1))
      .min(1, 'must list at least one strategy')
      .describe('scenarios (files or bundled names) to continue the history under'),
    replicates: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(3)
      .describe('futures per strategy; replicate k of every strategy shares one random stream'),
    indicators: indicatorListSchema()
      .default([...DEFAULT_BRANCH_INDICATORS])
      .describe('indicators compared'),
  })
  .strict();

export type BranchSpec = z.output<typeof branchSchema>;
