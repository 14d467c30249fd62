import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { InputProblem } from '../core/errors.js';
import { DEFAULT_MAX_WORK, maxWorkFlag } from '../experiment/planSize.js';
import { parseShard, type Shard } from '../experiment/shard.js';
import type { AnalysisMonth } from '../scenario/sensitivitySchema.js';
import type { Lang } from '../i18n/lang.js';
import { intFlag, LANG_OPTION, langFlag } from './flags.js';

/** Flags of the commands that run a plan into a folder: how to run. */
export interface RunFlags {
  workers?: string;
  shard?: string;
  out?: string;
  report?: boolean;
  tui?: boolean;
  json?: boolean;
  /** --max-work: cap on the plan's household-months. */
  maxWork?: string;
  /** --lang: language of the report, the printed tables and the messages. */
  lang?: string;
}

/**
 * Adds the options of `sensitivity` and `attribute` that say how to run (workers, shard,
 * folder, report, display, JSON), after the command's own. `kind` names the default
 * folder, `computes` what merging the shard folders computes.
 */
export function addRunOptions(
  cmd: Command,
  kind: 'sensitivity' | 'attribution' | 'calibrate' | 'discovery',
  computes: string,
): Command {
  return cmd
    .option(
      '--workers <n>',
      `worker threads (default: the number of cores, here ${availableParallelism()}); 0 runs in this thread`,
    )
    .option(
      '--shard <i/N>',
      `run only shard i of N (runs whose plan index mod N is i); kopsim merge combines the shard folders and computes the ${computes}`,
    )
    .option(
      '--out <dir>',
      `output folder (default: reports/<name>-${kind}-s<seed>-<plan hash>; re-running the same command resumes it)`,
    )
    .option('--no-report', 'skip charts/ and report.html')
    .option('--no-tui', 'plain progress lines on stderr even in a terminal')
    .option('--json', 'print the results as JSON on stdout')
    .option(...LANG_OPTION)
    .option(MAX_WORK_OPTION, MAX_WORK_HELP);
}

/** The option that raises the cap on a plan's size, and its help. */
export const MAX_WORK_OPTION = '--max-work <n>';
export const MAX_WORK_HELP = `cap on the plan's household-months (runs x months x households; default ${DEFAULT_MAX_WORK.toExponential()}), checked before the plan is built`;

/** Checks --workers, --shard, --max-work and --lang (problems pushed, to be reported with the rest). */
export function checkRunFlags(
  opts: Pick<RunFlags, 'workers' | 'shard' | 'maxWork' | 'lang'>,
  problems: InputProblem[],
  defaultWorkers: number,
): { workers: number; shard: Shard | undefined; maxWork: number; lang: Lang } {
  const workers = intFlag(problems, '--workers', opts.workers, 0, 1024) ?? defaultWorkers;
  const parsed = parseShard(opts.shard, problems);
  const maxWork = maxWorkFlag(opts.maxWork, problems) ?? DEFAULT_MAX_WORK;
  const lang = langFlag(problems, opts.lang);
  // 0/1 is the whole plan: same folder, same results.
  return { workers, shard: parsed && parsed.count > 1 ? parsed : undefined, maxWork, lang };
}

/** Parses `--at 60,120,final` of sensitivity and attribute: months or `final`. */
export function parseAtFlag(raw: string | undefined, problems: InputProblem[]): AnalysisMonth[] | undefined {
  if (raw === undefined) return undefined;
  const at: AnalysisMonth[] = [];
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (part === 'final') at.push('final');
    else {
      const m = intFlag(problems, '--at', part, 0, 1200);
      if (m !== undefined) at.push(m);
    }
  }
  if (at.length === 0) problems.push({ path: '--at', message: 'must list months or final, e.g. 60,final', found: raw });
  return at;
}
