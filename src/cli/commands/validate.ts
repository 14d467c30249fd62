import { commandLineProblems } from '../commandLineProblems.js';
import type { Command } from 'commander';
import { loadScenario } from '../../scenario/load.js';
import { locale } from '../../i18n/locale.js';
import { collect, LANG_OPTION, langFlag, planWithProblems } from '../flags.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file (with its extends chain and --set overrides) without running it')
    .argument('<file>', 'scenario file or bundled name')
    .option('--set <path=value>', 'override a field before checking (repeatable)', collect, [])
    .option('--json', 'print the resolved scenario as JSON')
    .option(...LANG_OPTION)
    .addHelpText(
      'after',
      '\nExamples:\n  kopsim validate scenarios/top-down.yaml\n  kopsim validate my-scenario.yaml --set months=60',
    )
    .action((file: string, opts: { set: string[]; json?: boolean; lang?: string }) => {
      const problems = commandLineProblems();
      const L = locale(langFlag(problems, opts.lang));
      const loaded = planWithProblems('kopsim validate', problems, () => loadScenario(file, opts.set));
      if (opts.json) process.stdout.write(`${JSON.stringify(loaded.scenario, null, 2)}\n`);
      else {
        const households = loaded.scenario.regions.reduce((a, r) => a + r.households, 0);
        process.stdout.write(
          `${L.t('cli.validate.valid', {
            source: loaded.source,
            regions: L.fmt.integer(loaded.scenario.regions.length),
            households: L.fmt.integer(households),
            months: L.fmt.integer(loaded.scenario.months),
          })}\n`,
        );
      }
    });
}
