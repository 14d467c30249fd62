import type { Command } from 'commander';
import { loadScenario } from '../../scenario/load.js';
import { collect } from '../flags.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file (with its extends chain and --set overrides) without running it')
    .argument('<file>', 'scenario file or bundled name')
    .option('--set <path=value>', 'override a field before checking (repeatable)', collect, [])
    .option('--json', 'print the resolved scenario as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  kopsim validate scenarios/top-down.yaml\n  kopsim validate my-scenario.yaml --set months=60',
    )
    .action((file: string, opts: { set: string[]; json?: boolean }) => {
      const loaded = loadScenario(file, opts.set);
      if (opts.json) process.stdout.write(`${JSON.stringify(loaded.scenario, null, 2)}\n`);
      else {
        const households = loaded.scenario.regions.reduce((a, r) => a + r.households, 0);
        process.stdout.write(
          `${loaded.source}: valid (${loaded.scenario.regions.length} regions, ${households.toLocaleString('en-US')} households, ${loaded.scenario.months} months)\n`,
        );
      }
    });
}
