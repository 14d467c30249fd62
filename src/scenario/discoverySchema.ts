import { z } from 'zod';

/*
 * The fields of a discovery file (kopsim discover) besides those it shares with a sweep
 * experiment file (name, description, scenarios, baseline, replicates, months, seed, set,
 * sweep): the outcome and the settings of PRIM and of the comparison tree. The outcome's
 * grammar and indicator names are checked by the planner (experiment/discovery/).
 */

export const primSettingsSchema = z
  .object({
    alpha: z
      .number()
      .gt(0)
      .max(0.5)
      .default(0.05)
      .describe('share of the box each peeling step removes (0.05 is usual; larger peels faster and coarser)'),
    minMass: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.05)
      .describe('smallest share of all runs a box may hold; peeling stops before it'),
    pasting: z.boolean().default(true).describe('after peeling, widen the box again while its density rises'),
  })
  .strict();

export const treeSettingsSchema = z
  .object({
    depth: z.number().int().min(1).max(3).default(2).describe('depth of the comparison tree (1 to 3 splits)'),
    minLeaf: z.number().int().min(1).default(5).describe('fewest runs a leaf of the tree may hold'),
  })
  .strict();

/** What only a discovery file has. */
export const discoverySettingsSchema = z
  .object({
    kind: z.literal('discover').describe('marks a discovery experiment (kopsim discover)'),
    outcome: z
      .string()
      .min(1)
      .describe(
        'the runs of interest, e.g. "p0 - baseline.p0 > -0.02 at month 120" (docs/experiments.md gives the grammar)',
      ),
    prim: primSettingsSchema.prefault({}).describe('PRIM settings'),
    tree: treeSettingsSchema.prefault({}).describe('settings of the CART tree shown for comparison'),
  })
  .strict();

/** The discovery settings with defaults filled in. */
export type DiscoverySettings = z.output<typeof discoverySettingsSchema>;

/** Fields of a discovery file that belong to the discovery settings; the others are a sweep experiment's. */
export const DISCOVERY_KEYS = ['kind', 'outcome', 'prim', 'tree'] as const;
