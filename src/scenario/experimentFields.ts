import { z } from 'zod';
import { parsePath } from './overrides.js';

/*
 * Fields that experiment and sensitivity files write the same way. Each is a function
 * that returns a new schema, so that a field's description stays its own file's.
 */

/** A seed: a 32-bit unsigned integer. */
export const seedSchema = () => z.number().int().min(0).max(4294967295);

/** The experiment's name, used for its output folder. */
export const experimentNameSchema = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, dots, dashes and underscores')
    .optional()
    .describe('name used for the output folder (default: the file name)');

/** A scenario field path; `example` shows one in the message (`regions[0].households`). */
export const fieldPathSchema = (example: string) =>
  z
    .string()
    .min(1)
    .refine((p) => parsePath(p) !== null, `must be a scenario field path like awareness.peerWeight or ${example}`);

/** Indicator ids, at least one. */
export const indicatorListSchema = () => z.array(z.string().min(1)).min(1, 'must list at least one indicator');
