import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { packageUrl } from '../../core/packageUrl.js';
import { commandLineProblems } from '../commandLineProblems.js';

/**
 * The scenario JSON Schema as committed, the bytes `kopsim schema` prints. It is
 * `scenarioJsonSchema()` (src/scenario/jsonSchema.ts) written out once, so that the command
 * need not load zod and build the scenario schema to print it (about two thirds of the
 * command's start-up). test/scenario/jsonSchema.test.ts checks that the file is still exactly
 * what the code builds; `npx tsx test/scenario/regenerateSchema.ts` rewrites it.
 */
export const SCENARIO_SCHEMA_FILE = packageUrl('docs/scenario.schema.json');

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (name it in a file with "$schema")')
    .addHelpText('after', '\nExamples:\n  kopsim schema > scenario.schema.json')
    .action(() => {
      const problems = commandLineProblems();
      if (problems.length > 0) throw new InputError('kopsim schema', problems);
      process.stdout.write(readFileSync(SCENARIO_SCHEMA_FILE, 'utf8'));
    });
}
