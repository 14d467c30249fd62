import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (name it in a file with "$schema")')
    .addHelpText('after', '\nExamples:\n  kopsim schema > scenario.schema.json')
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
