import { z } from 'zod';
import { experimentNameSchema, fieldPathSchema, indicatorListSchema, seedSchema as seed } from './experimentFields.js';

/*
 * The experiment file schema (scenarios/experiments/*.yaml): which scenarios to run, how
 * often, with which seeds, which parameters a sweep varies and what to summarise. What
 * needs the scenarios themselves (parameter paths that exist, indicator ids, report
 * months within the run) is checked when the plan is expanded (experiment/plan.ts).
 */

/** One swept parameter: a list of values, or a range `from`..`to` (in `steps` for a factorial). */
export const sweepParameterSchema = z
  .object({
    path: fieldPathSchema('regions[0].households').describe('scenario field path, e.g. awareness.peerWeight'),
    values: z
      .array(z.union([z.number().min(-1e15).max(1e15), z.string(), z.boolean(), z.null()]))
      .optional()
      .describe('the values to try (factorial designs)'),
    from: z.number().min(-1e15).max(1e15).optional().describe('lower end of the range'),
    to: z.number().min(-1e15).max(1e15).optional().describe('upper end of the range'),
    steps: z
      .number()
      .int()
      .min(2)
      .max(10000)
      .optional()
      .describe('number of evenly spaced values from..to, both ends included (factorial designs)'),
    scale: z
      .enum(['linear', 'log'])
      .default('linear')
      .describe('space values evenly (linear) or their logarithms (log, needs from > 0)'),
  })
  .strict();

export const sweepSchema = z
  .object({
    design: z
      .enum(['factorial', 'latin-hypercube'])
      .default('factorial')
      .describe('full factorial over the lists/ranges, or a Latin hypercube over the ranges'),
    points: z.number().int().min(1).max(100000).optional().describe('number of Latin hypercube points'),
    seed: seed().optional().describe('seed of the Latin hypercube (default: the experiment seed)'),
    parameters: z.array(sweepParameterSchema).describe('the parameters varied'),
  })
  .strict();

/** A scenario in an experiment: a name/path, or one with its own label and overrides (a strategy variant). */
export const experimentScenarioSchema = z.union([
  z.string().min(1),
  z
    .object({
      scenario: z.string().min(1).describe('scenario file or bundled name'),
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes')
        .optional()
        .describe('label of this variant in results (default: the scenario id)'),
      set: z.array(z.string()).default([]).describe('overrides for this scenario only, as with --set'),
    })
    .strict(),
]);

export const experimentSchema = z
  .object({
    $schema: z.string().optional(),
    name: experimentNameSchema(),
    description: z.string().default(''),
    kind: z
      .enum(['replicate', 'compare', 'sweep'])
      .describe('replicate scenarios, compare strategies with a baseline, or sweep parameters'),
    scenarios: z
      .array(experimentScenarioSchema)
      .min(1, 'must list at least one scenario')
      .describe('scenarios (strategies) to run'),
    baseline: z.string().optional().describe('the scenario differences are taken from (compare; default: the first)'),
    replicates: z.number().int().min(1).max(100000).default(30).describe('replicates per scenario and design point'),
    months: z.number().int().min(1).max(1200).optional().describe("simulated months (default: each scenario's own)"),
    seed: seed().optional().describe("base seed (default: the first scenario's seed)"),
    indicators: indicatorListSchema()
      .optional()
      .describe('indicators to record and summarise (default: the key indicators)'),
    reportMonths: z
      .array(z.number().int().min(0).max(1200))
      .default([])
      .describe('months at which comparisons are reported, besides the final month'),
    set: z.array(z.string()).default([]).describe('overrides applied to every scenario, as with --set'),
    sweep: sweepSchema.optional().describe('the parameters a sweep varies'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind === 'compare' && e.scenarios.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['scenarios'],
        message: 'a comparison needs at least two scenarios',
        input: e.scenarios,
      });
    }
    if (e.kind === 'sweep' && e.sweep === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sweep'], message: 'a sweep needs a sweep block with its parameters' });
    }
    if (e.kind !== 'sweep' && e.sweep !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sweep'], message: `only a sweep has a sweep block (kind is ${e.kind})` });
    }
    if (e.baseline !== undefined && e.scenarios.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseline'],
        message: 'a baseline needs at least two scenarios',
        input: e.baseline,
      });
    }
    if (e.sweep) sweepProblems(e.sweep, ctx);
  });

function sweepProblems(sweep: z.output<typeof sweepSchema>, ctx: z.RefinementCtx): void {
  const at = (...p: (string | number)[]) => ['sweep', ...p];
  const lhs = sweep.design === 'latin-hypercube';
  if (sweep.parameters.length === 0)
    ctx.addIssue({ code: 'custom', path: at('parameters'), message: 'must list at least one parameter', input: [] });
  if (lhs && sweep.points === undefined)
    ctx.addIssue({ code: 'custom', path: at('points'), message: 'a Latin hypercube needs the number of points' });
  if (!lhs && sweep.points !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: at('points'),
      message: 'only a Latin hypercube takes points (a factorial has one per combination)',
      input: sweep.points,
    });
  const first = new Map<string, number>();
  sweep.parameters.forEach((p, i) => {
    if (first.has(p.path))
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'path'),
        message: `duplicates sweep.parameters[${first.get(p.path)}].path`,
        input: p.path,
      });
    else first.set(p.path, i);
    const hasRange = p.from !== undefined || p.to !== undefined || p.steps !== undefined;
    if (p.values !== undefined) {
      if (hasRange)
        ctx.addIssue({
          code: 'custom',
          path: at('parameters', i),
          message: 'give either values or a range (from, to), not both',
        });
      if (p.values.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: at('parameters', i, 'values'),
          message: 'must list at least one value',
          input: [],
        });
      if (lhs)
        ctx.addIssue({
          code: 'custom',
          path: at('parameters', i, 'values'),
          message: 'a Latin hypercube samples ranges: give from and to instead',
          input: p.values,
        });
      const seen = new Map<string, number>();
      p.values.forEach((v, j) => {
        const k = JSON.stringify(v);
        if (seen.has(k))
          ctx.addIssue({
            code: 'custom',
            path: at('parameters', i, 'values', j),
            message: `duplicates values[${seen.get(k)}]`,
            input: v,
          });
        else seen.set(k, j);
      });
      return;
    }
    if (p.from === undefined)
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'from'),
        message: 'a range needs from and to (or give values)',
      });
    if (p.to === undefined)
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'to'),
        message: 'a range needs from and to (or give values)',
      });
    if (p.from !== undefined && p.to !== undefined && !(p.from < p.to)) {
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'to'),
        message: `must be greater than from (${p.from})`,
        input: p.to,
      });
    }
    if (p.scale === 'log' && p.from !== undefined && !(p.from > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'from'),
        message: 'must be positive on a log scale',
        input: p.from,
      });
    }
    if (!lhs && p.steps === undefined)
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'steps'),
        message: 'a factorial range needs steps (the number of values, at least 2)',
      });
    if (lhs && p.steps !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: at('parameters', i, 'steps'),
        message: 'a Latin hypercube samples the range itself: remove steps',
        input: p.steps,
      });
  });
}

/** An experiment as written in a file (fields with defaults are optional). */
export type ExperimentInput = z.input<typeof experimentSchema>;
/** A validated experiment with defaults filled in. */
export type Experiment = z.output<typeof experimentSchema>;
export type SweepParameter = z.output<typeof sweepParameterSchema>;
export type Sweep = z.output<typeof sweepSchema>;
