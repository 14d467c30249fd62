import { commandLineProblems } from '../commandLineProblems.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import {
  BENCH_PARTS,
  defaultBenchOptions,
  runBench,
  SLOW_BENCH_PARTS,
  type BenchPart,
} from '../../experiment/bench.js';
import { benchText, writeBenchJson } from '../../report/benchReport.js';
import { intFlag } from '../flags.js';

interface BenchFlags {
  quick?: boolean;
  only?: string;
  runs?: string;
  out?: string;
  json?: boolean;
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('measure engine throughput, memory, time per process, the national scenario and parallel replications')
    .option(
      '--quick',
      'a smoke test: 10k and 100k households, 12 months, 3 runs, national for 12 months, 20 replications of 60 months, commands 3 times with 60 months',
    )
    .option('--only <parts>', `comma-separated parts to measure: ${BENCH_PARTS.join(', ')}`)
    .option('--runs <n>', 'measured runs per figure, after a warm-up (default: 5; 3 with --quick)')
    .option('--out <file>', 'where to write the figures as JSON', 'reports/bench/bench.json')
    .option('--json', 'print the figures as JSON on stdout instead of the table')
    .addHelpText(
      'after',
      `
The full run takes several minutes: 5 runs each of 10k, 100k and 1M households, the
national scenario 5 times, 100 replications on 1 and on 2 workers 5 times, and once a
calibration of scenarios/calibration/baseline-bps.yaml (5 parameters, 8 targets, 500 particles, 5
generations, 2 workers; --quick leaves it out, --only calibration runs it alone). The
commands part starts kopsim 5 times each as a user would (--version, validate, schema, run
of the default scenario without and with the report) and compares the simulation's time in
a fresh process with its time warm. Figures are wall times on this machine; close other
programs for stable numbers.

Examples:
  kopsim bench
  kopsim bench --quick
  kopsim bench --only throughput,processes --runs 7
  npm run bench`,
    )
    .action(async (opts: BenchFlags) => {
      const problems = commandLineProblems();
      const runs = intFlag(problems, '--runs', opts.runs, 1, 1000);
      // --quick leaves out the slow parts unless --only names them.
      let only = new Set<BenchPart>(
        opts.quick ? BENCH_PARTS.filter((p) => !SLOW_BENCH_PARTS.includes(p)) : BENCH_PARTS,
      );
      if (opts.only !== undefined) {
        const names = opts.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        for (const n of names)
          if (!(BENCH_PARTS as readonly string[]).includes(n))
            problems.push({ path: '--only', message: `is not a part (${BENCH_PARTS.join(', ')})`, found: n });
        only = new Set(names.filter((n): n is BenchPart => (BENCH_PARTS as readonly string[]).includes(n)));
      }
      if (problems.length > 0) throw new InputError('kopsim bench', problems);
      const defaults = defaultBenchOptions(Boolean(opts.quick));
      const result = await runBench({
        ...defaults,
        runs: runs ?? defaults.runs,
        only,
        log: (line) => process.stderr.write(`kopsim bench: ${line}\n`),
      });
      const file = resolve(opts.out ?? 'reports/bench/bench.json');
      writeBenchJson(file, result);
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${benchText(result)}\n\nwritten: ${file}\n`);
    });
}
