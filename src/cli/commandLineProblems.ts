import { Command, CommanderError, type Option } from 'commander';
import { InputError, type InputProblem } from '../core/errors.js';

/**
 * The words of a command line that its command does not declare: options it does not have
 * (`kopsim run --mnths 3`) and arguments beyond its last (`kopsim run a b`); and options
 * written wrong (a value missing at the end, or given to an option that takes none).
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
  /** The problems of the undeclared words, in the order of the words. */
  readonly problems: InputProblem[];
}

/**
 * Splits `argv` (the words after `kopsim`) into what commander should parse and the
 * problems of the undeclared words. `command` is the invoked command, with its options and
 * arguments registered. Without one (no command, `kopsim help ...`), with `--help`, or with
 * `--` before the command's name, the words are returned as they are, for commander.
 *
 * The words are read by commander's rules (commander 14's `parseOptions`): a known option
 * with a value takes the next word whatever it is, or its value after `=` (long) or its
 * letter (short); a group of short boolean options (`-ab`) is read letter by letter; a
 * negative number is an argument; everything after `--` is an argument. Besides unknown
 * options and arguments too many, a known option with no value left (`--seed` at the end)
 * and a value given to an option that takes none (`--json=1`) are problems too.
 *
 * @throws InputError when there are such problems and a required argument is missing too
 */
export function undeclaredWords(program: Command, command: Command | undefined, argv: readonly string[]): CheckedWords {
  const at = argv.findIndex((word) => !word.startsWith('-'));
  if (command === undefined || at < 0 || argv[at] !== command.name()) return { argv: [...argv], problems: [] };
  const before = argv.slice(0, at);
  const end = argv.indexOf('--');
  // Commander shows the help before it checks anything else: so does kopsim.
  if (before.includes('--') || (end < 0 ? argv : argv.slice(0, end)).some(isHelp))
    return { argv: [...argv], problems: [] };
  const name = `kopsim ${command.name()}`;
  const problems: InputProblem[] = [];
  const kept: string[] = [];
  for (const word of before) {
    // The program's own options take no value.
    if (isHelp(word) || findOption(program.options, word)) kept.push(word);
    else problems.push(unknownOption(program.options, word, 'kopsim'));
  }
  const options = [...command.options, ...program.options];
  const words = walk(argv.slice(at + 1), options);
  const required = command.registeredArguments.filter((a) => a.required).length;
  const last = command.registeredArguments.at(-1);
  const most = last?.variadic ? Number.POSITIVE_INFINITY : command.registeredArguments.length;
  // Words after an unknown option fill required arguments still missing; the rest are its values.
  let missing = required - words.filter((w) => w.kind === 'operand').length;
  let count = 0;
  const rest: string[] = [];
  const extra: string[] = [];
  for (const w of words) {
    if (w.kind === 'unknown') problems.push(unknownOption(options, w.word, name));
    else if (w.kind === 'noValue')
      problems.push({
        path: optionName(w.word),
        message: 'takes no value',
        found: w.word.slice(w.word.indexOf('=') + 1),
      });
    else if (w.kind === 'needsValue') problems.push({ path: w.word, message: 'needs a value' });
    else if (w.kind === 'option') rest.push(w.word);
    else if (w.kind === 'maybeValue' && missing <= 0) continue;
    else {
      if (w.kind === 'maybeValue') missing--;
      if (++count > most) extra.push(w.word);
      else rest.push(w.word);
    }
  }
  for (const word of extra)
    problems.push({ path: word, message: `is an argument too many: ${name} takes at most ${most}` });
  // A required argument still missing stops commander, and the command cannot check its
  // input without it: with other problems, it is one of them, and they are reported now.
  if (problems.length > 0 && missing > 0) {
    for (const argument of command.registeredArguments.filter((a) => a.required).slice(required - missing))
      problems.push({ path: argument.name(), message: `is missing: ${name} needs it` });
    throw new InputError(name, problems);
  }
  return { argv: [...kept, argv[at], ...rest], problems };
}

/** A word of a command's part of the line, classified. */
interface Word {
  readonly word: string;
  /**
   * option: a declared option or its value; operand: an argument; unknown: an undeclared
   * option; maybeValue: a word right after an undeclared option (its value or an argument);
   * noValue: `--flag=value` for an option that takes no value; needsValue: an option that
   * takes a value, at the end of the line.
   */
  readonly kind: 'option' | 'operand' | 'unknown' | 'maybeValue' | 'noValue' | 'needsValue';
}

/** The words as commander's parseOptions reads them (see {@link undeclaredWords}). */
function walk(words: readonly string[], options: readonly Option[]): Word[] {
  const out: Word[] = [];
  const negativeIsArgument = !options.some((o) => o.short !== undefined && /^-\d$/.test(o.short));
  let afterUnknown = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const follows = afterUnknown;
    afterUnknown = false;
    if (word === '--') {
      out.push({ word, kind: 'option' });
      for (const operand of words.slice(i + 1)) out.push({ word: operand, kind: 'operand' });
      break;
    }
    if (!isOptionLike(word) || (negativeIsArgument && NEGATIVE_NUMBER.test(word))) {
      out.push({ word, kind: follows ? 'maybeValue' : 'operand' });
      continue;
    }
    if (isHelp(word)) {
      out.push({ word, kind: 'option' });
      continue;
    }
    const exact = findOption(options, word);
    if (exact) {
      if (!exact.required && !exact.optional) out.push({ word, kind: 'option' });
      else if (exact.required && i + 1 >= words.length) out.push({ word, kind: 'needsValue' });
      else {
        out.push({ word, kind: 'option' });
        const next = words[i + 1];
        const takesNext =
          exact.required ||
          (next !== undefined && (!isOptionLike(next) || (negativeIsArgument && NEGATIVE_NUMBER.test(next))));
        if (takesNext) out.push({ word: words[++i], kind: 'option' });
      }
      continue;
    }
    if (!word.startsWith('--')) {
      // A group of short options: a letter with a value takes the rest; a boolean one, the next letter.
      if (shortGroupIsKnown(options, word)) out.push({ word, kind: 'option' });
      else {
        out.push({ word, kind: 'unknown' });
        afterUnknown = word.length === 2;
      }
      continue;
    }
    const eq = word.indexOf('=');
    const declared = eq > 0 ? findOption(options, word.slice(0, eq)) : undefined;
    if (declared) out.push({ word, kind: declared.required || declared.optional ? 'option' : 'noValue' });
    else {
      out.push({ word, kind: 'unknown' });
      // `--flag=value` carries its value: the next word is not it.
      afterUnknown = eq < 0;
    }
  }
  return out;
}

/** Commander's negative number, an argument in a command with no digit as a short option. */
const NEGATIVE_NUMBER = /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/;

/** Commander's test of a word that may be an option. */
function isOptionLike(word: string): boolean {
  return word.length > 1 && word[0] === '-';
}

/** The declared option a word names exactly (`--seed`, `-n`). */
function findOption(options: readonly Option[], word: string): Option | undefined {
  return options.find((o) => o.long === word || o.short === word);
}

/** Whether commander reads all of `-abc` as known short options (and a value after a letter that takes one). */
function shortGroupIsKnown(options: readonly Option[], word: string): boolean {
  for (let k = 1; k < word.length; k++) {
    const option = findOption(options, `-${word[k]}`);
    if (option === undefined) return false;
    if (option.required || option.optional) return true;
  }
  return true;
}

/** Commander's help option, which is not among a command's `options`. */
function isHelp(word: string): boolean {
  return word === '--help' || word === '-h';
}

/** The flag a word names: `--seed` of `--seed=3`. */
function optionName(word: string): string {
  const eq = word.startsWith('--') ? word.indexOf('=') : -1;
  return eq < 0 ? word : word.slice(0, eq);
}

/**
 * An unknown option's problem, with commander's own suggestion of the closest declared
 * option (or help): the word is parsed by a silent copy of the options, and its "Did you
 * mean" read from the error.
 */
function unknownOption(options: readonly Option[], word: string, name: string): InputProblem {
  const probe = new Command()
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  for (const option of options) probe.addOption(option);
  let similar = '';
  try {
    probe.parse([optionName(word)], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    similar = /\(Did you mean (.+)\?\)$/.exec(error.message)?.[1] ?? '';
  }
  const message = `is not an option of ${name}`;
  return { path: optionName(word), message: similar ? `${message}; did you mean ${similar}?` : message };
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
