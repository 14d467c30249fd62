import type { Command, Option } from 'commander';
import { InputError, type InputProblem } from '../core/errors.js';

/**
 * The words of a command line that its command does not declare: options it does not have
 * (`kopsim run --mnths 3`) and arguments beyond its last (`kopsim run a b`).
 *
 * Commander stops at the first of these, before the command has checked anything else, so
 * a user who mistyped one flag and gave a bad value to another learned of one problem per
 * try. kopsim lists every problem of an input at once: `main` takes these words out with
 * {@link undeclaredWords}, lets commander parse the rest, and each command starts its own
 * list of problems from {@link commandLineProblems}. A command whose words hold such a
 * problem therefore always fails, with exit code 2, before any work, and lists it with
 * every problem of its flags and files. test/cli/commandLineProblems.test.ts runs every
 * command with an unknown option.
 *
 * Where an unknown option's value ends is unknowable (`--bogus 3`), so a word after an
 * unknown option is taken as its value unless the command still needs it as a required
 * argument. Dropping a word can only hide a problem in that word, never make one up: the
 * command fails anyway, on the unknown option.
 */

/** What {@link undeclaredWords} returns. */
export interface CheckedWords {
  /** The command line without the undeclared words, for commander. */
  readonly argv: string[];
  /** One problem per undeclared word, in the order of the words. */
  readonly problems: InputProblem[];
}

/** Edit distances within which an unknown option is taken for a mistyped known one (commander's rule). */
const SUGGESTION = { maxDistance: 3, minSimilarity: 0.4 } as const;

/**
 * Splits `argv` (the words after `kopsim`) into what commander should parse and the
 * problems of the undeclared words. `command` is the invoked command, with its options and
 * arguments registered; without one (no command, `kopsim help ...`), or with `--help`, the
 * words are returned as they are.
 *
 * @throws InputError when there are such problems and a required argument is missing too
 */
export async function undeclaredWords(
  program: Command,
  command: Command | undefined,
  argv: readonly string[],
): Promise<CheckedWords> {
  const at = argv.findIndex((word) => !word.startsWith('-'));
  if (command === undefined || at < 0 || argv[at] !== command.name()) return { argv: [...argv], problems: [] };
  // Commander shows the help before it checks anything else: so does kopsim.
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some(isHelp)) return { argv: [...argv], problems: [] };
  const programOptions = optionTable(program.options);
  const problems: InputProblem[] = [];
  const unknown: string[] = [];
  const kept: string[] = [];
  for (const word of argv.slice(0, at)) {
    // The program's own options take no value.
    if (isHelp(word) || programOptions.get(optionName(word))) kept.push(word);
    else unknown.push(word);
  }
  const words = walk(argv.slice(at + 1), optionTable([...command.options, ...program.options]));
  const operands = words.filter((w) => w.kind === 'operand' || w.kind === 'maybeValue');
  const required = command.registeredArguments.filter((a) => a.required).length;
  const last = command.registeredArguments.at(-1);
  const most = last?.variadic ? Number.POSITIVE_INFINITY : command.registeredArguments.length;
  // Words after an unknown option fill required arguments still missing; the rest are its values.
  let missing = required - operands.filter((w) => w.kind === 'operand').length;
  let count = 0;
  const extra: string[] = [];
  const rest: string[] = [];
  for (const w of words) {
    if (w.kind === 'unknown') unknown.push(w.word);
    else if (w.kind === 'option') rest.push(w.word);
    else if (w.kind === 'maybeValue' && missing <= 0) continue;
    else {
      if (w.kind === 'maybeValue') missing--;
      if (++count > most) extra.push(w.word);
      else rest.push(w.word);
    }
  }
  if (unknown.length > 0) {
    const { default: leven } = await import('leven');
    const candidates = [...new Set([...command.options, ...program.options].flatMap((o) => (o.long ? [o.long] : [])))];
    const name = `kopsim ${command.name()}`;
    for (const word of unknown) {
      const similar = suggestions(optionName(word), candidates, leven);
      problems.push({
        path: optionName(word),
        message:
          similar.length === 0
            ? `is not an option of ${name}`
            : `is not an option of ${name}; did you mean ${similar.length > 1 ? 'one of ' : ''}${similar.join(', ')}?`,
      });
    }
  }
  for (const word of extra)
    problems.push({
      path: word,
      message: `is an argument too many: kopsim ${command.name()} takes at most ${most}`,
    });
  // A required argument still missing stops commander, and the command cannot check its
  // input without it: with other problems, it is one of them, and they are reported now.
  if (problems.length > 0 && missing > 0) {
    for (const argument of command.registeredArguments.filter((a) => a.required).slice(required - missing))
      problems.push({ path: argument.name(), message: `is missing: kopsim ${command.name()} needs it` });
    throw new InputError(`kopsim ${command.name()}`, problems);
  }
  return { argv: [...kept, argv[at], ...rest], problems };
}

/** A word of a command's part of the line, classified. */
interface Word {
  readonly word: string;
  /**
   * option: a declared option or its value; unknown: an undeclared option; operand: an
   * argument; maybeValue: a word right after an undeclared option (its value or an argument).
   */
  readonly kind: 'option' | 'unknown' | 'operand' | 'maybeValue';
}

/** The words as commander reads them: options (with the values they take), then operands; everything after `--` is an operand. */
function walk(words: readonly string[], options: ReadonlyMap<string, Option>): Word[] {
  const out: Word[] = [];
  let afterUnknown = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      out.push({ word, kind: 'option' });
      for (const operand of words.slice(i + 1)) out.push({ word: operand, kind: 'operand' });
      break;
    }
    if (word.length > 1 && word.startsWith('-')) {
      const option = options.get(optionName(word));
      if (option === undefined && !isHelp(word)) {
        out.push({ word, kind: 'unknown' });
        afterUnknown = true;
        continue;
      }
      out.push({ word, kind: 'option' });
      // `--seed 3`, `-s 3` and `-s3` or `--seed=3`: the value is the next word only when not attached.
      const attached = word.includes('=') || (!word.startsWith('--') && word.length > 2);
      const next = words[i + 1];
      if (
        option &&
        !attached &&
        next !== undefined &&
        (option.required || (option.optional && !next.startsWith('-')))
      ) {
        out.push({ word: next, kind: 'option' });
        i++;
      }
      afterUnknown = false;
      continue;
    }
    out.push({ word, kind: afterUnknown ? 'maybeValue' : 'operand' });
    afterUnknown = false;
  }
  return out;
}

/** The flag a word names: `--seed` of `--seed=3`, `-s` of `-s3`. */
function optionName(word: string): string {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    return eq < 0 ? word : word.slice(0, eq);
  }
  return word.slice(0, 2);
}

/** Commander's help option, which is not among a command's `options`. */
function isHelp(word: string): boolean {
  return word === '--help' || word === '-h';
}

function optionTable(options: readonly Option[]): Map<string, Option> {
  const table = new Map<string, Option>();
  for (const option of options) {
    if (option.long) table.set(option.long, option);
    if (option.short) table.set(option.short, option);
  }
  return table;
}

/** The known long options closest to `flag` (commander's rule: fewest edits, more than 40% alike), sorted. */
function suggestions(
  flag: string,
  candidates: readonly string[],
  leven: (a: string, b: string, options?: { maxDistance?: number }) => number,
): string[] {
  if (!flag.startsWith('--')) return [];
  const word = flag.slice(2);
  let best: number = SUGGESTION.maxDistance;
  let similar: string[] = [];
  for (const candidate of candidates) {
    const name = candidate.slice(2);
    if (name.length <= 1) continue;
    const distance = leven(word, name, { maxDistance: SUGGESTION.maxDistance + 1 });
    const length = Math.max(word.length, name.length);
    if ((length - distance) / length <= SUGGESTION.minSimilarity) continue;
    if (distance < best) {
      best = distance;
      similar = [candidate];
    } else if (distance === best) similar.push(candidate);
  }
  return similar.sort((a, b) => a.localeCompare(b));
}

let pending: readonly InputProblem[] = [];

/** Sets the problems of the words of the command being run (main, before parsing; [] after). */
export function setCommandLineProblems(problems: readonly InputProblem[]): void {
  pending = problems;
}

/**
 * A new list of problems, holding those of the command line's undeclared words: where
 * every command starts the list of problems it checks its flags and files into.
 */
export function commandLineProblems(): InputProblem[] {
  return [...pending];
}
