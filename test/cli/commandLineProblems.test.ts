import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLineProblems, undeclaredWords } from '../../src/cli/commandLineProblems.js';
import { prepareRun } from '../../src/cli/commands/run.js';
import { COMMANDS } from '../../src/cli/main.js';
import { InputError } from '../../src/core/errors.js';
import { kopsim } from '../support/cli.js';
import { runMain } from '../support/mainInProcess.js';
import { tempDirs } from '../support/tempFiles.js';

/** A program like kopsim's: a version option, and commands with every kind of option and argument. */
function program(): { program: Command; one: Command; files: Command; two: Command } {
  const p = new Command('kopsim').version('1.0.0');
  const one = p
    .command('one')
    .argument('[scenario]')
    .option('--seed <n>')
    .option('--set <path=value>')
    .option('--months <n>')
    .option('--color [when]')
    .option('--no-tui')
    .option('-n, --replicates <n>')
    .option('-q, --quiet');
  const files = p.command('files').argument('<file>').argument('[more...]').option('--out <dir>');
  const two = p.command('two').argument('<a>').argument('<b>');
  return { program: p, one, files, two };
}

function check(words: string[], which: 'one' | 'files' | 'two' = 'one') {
  const made = program();
  return undeclaredWords(made.program, made[which], words);
}

describe('undeclaredWords', () => {
  it('leaves a line of declared words as it is', () => {
    const words = ['one', 'sc', '--seed', '3', '--set=a=-1', '--color', '-n', '5', '-n5', '--no-tui', '-q'];
    expect(check(words)).toEqual({ argv: words, problems: [] });
  });

  it('takes out an unknown option, with a suggestion when one known option is close', () => {
    const r = check(['one', '--mnths', '3']);
    expect(r.argv).toEqual(['one']);
    expect(r.problems).toEqual([
      { path: '--mnths', message: 'is not an option of kopsim one; did you mean --months?' },
    ]);
  });

  it('suggests every known option at the same smallest distance, and none when nothing is alike', () => {
    const r = check(['one', '--sed', '--zzzzzzzz', '-x']);
    expect(r.problems.map((p) => p.message)).toEqual([
      'is not an option of kopsim one; did you mean one of --seed, --set?',
      'is not an option of kopsim one',
      'is not an option of kopsim one',
    ]);
    expect(r.problems.map((p) => p.path)).toEqual(['--sed', '--zzzzzzzz', '-x']);
  });

  it('names the flag of an unknown --flag=value, and keeps the known options around it', () => {
    const r = check(['one', '--seed', '--bogus', '--bogus=2', '--months', '4']);
    // --seed takes the next word whatever it is, as commander does.
    expect(r.argv).toEqual(['one', '--seed', '--bogus', '--months', '4']);
    expect(r.problems.map((p) => p.path)).toEqual(['--bogus']);
  });

  it("suggests by commander's rule: a swap of two letters is one edit, and --help is a candidate", () => {
    const r = check(['one', '--esed', '--ste', '--hlep', '--mnoths']);
    expect(r.problems.map((p) => p.message)).toEqual([
      'is not an option of kopsim one; did you mean --seed?',
      'is not an option of kopsim one; did you mean --set?',
      'is not an option of kopsim one; did you mean --help?',
      'is not an option of kopsim one; did you mean --months?',
    ]);
  });

  it('reads short groups, negative numbers and values as commander does', () => {
    // -qn5: boolean q, then n with the value 5; -3 is an argument (no digit is a short option).
    expect(check(['one', '-qn5', '-3'])).toEqual({ argv: ['one', '-qn5', '-3'], problems: [] });
    expect(check(['one', '--seed', '-3', '--color', '-5'])).toEqual({
      argv: ['one', '--seed', '-3', '--color', '-5'],
      problems: [],
    });
    const r = check(['one', '-qx']);
    expect(r.argv).toEqual(['one']);
    expect(r.problems).toEqual([{ path: '-qx', message: 'is not an option of kopsim one' }]);
  });

  it('reports a value given to an option that takes none, and a value missing at the end', () => {
    const r = check(['one', '--no-tui=1', '-q', '--seed']);
    expect(r.argv).toEqual(['one', '-q']);
    expect(r.problems).toEqual([
      { path: '--no-tui', message: 'takes no value', found: '1' },
      { path: '--seed', message: 'needs a value' },
    ]);
  });

  it('takes the word after an unknown --flag=value as an argument (the value is attached)', () => {
    const r = check(['files', '--bogus=3', 'f.yaml', 'g.yaml'], 'files');
    expect(r.argv).toEqual(['files', 'f.yaml', 'g.yaml']);
    const s = check(['one', '--bogus=3', 'a', 'b']);
    expect(s.argv).toEqual(['one', 'a']);
    expect(s.problems.map((p) => p.path)).toEqual(['--bogus', 'b']);
  });

  it('takes a word after an unknown option as its value, unless a required argument needs it', () => {
    expect(check(['one', '--bogus', 'sc']).argv).toEqual(['one']);
    expect(check(['one', 'sc', '--bogus', 'x']).argv).toEqual(['one', 'sc']);
    expect(check(['files', '--bogus', 'f.yaml'], 'files').argv).toEqual(['files', 'f.yaml']);
    expect(check(['files', 'f.yaml', '--bogus', 'x'], 'files').argv).toEqual(['files', 'f.yaml']);
  });

  it('reports the arguments beyond the last, unless the last is variadic', () => {
    const r = check(['one', 'a', 'b', 'c', '--seed', '1']);
    expect(r.argv).toEqual(['one', 'a', '--seed', '1']);
    expect(r.problems).toEqual([
      { path: 'b', message: 'is an argument too many: kopsim one takes at most 1' },
      { path: 'c', message: 'is an argument too many: kopsim one takes at most 1' },
    ]);
    const variadic = check(['files', 'a', 'b', 'c'], 'files');
    expect(variadic).toEqual({ argv: ['files', 'a', 'b', 'c'], problems: [] });
  });

  it('treats every word after -- as an argument', () => {
    const r = check(['files', '--', '--bogus', '-x'], 'files');
    expect(r).toEqual({ argv: ['files', '--', '--bogus', '-x'], problems: [] });
  });

  it("checks the words before the command against the program's options", () => {
    const r = check(['--bogus', '-V', '--seed', 'one']);
    expect(r.argv).toEqual(['-V', 'one']);
    expect(r.problems).toEqual([
      { path: '--bogus', message: 'is not an option of kopsim' },
      { path: '--seed', message: 'is not an option of kopsim' },
    ]);
    // `--` before the command: commander's to read.
    expect(check(['--', 'one', '--bogus'])).toEqual({ argv: ['--', 'one', '--bogus'], problems: [] });
  });

  it('leaves the line alone with --help (commander prints the help first), or without the command', () => {
    expect(check(['one', '--bogus', '--help'])).toEqual({ argv: ['one', '--bogus', '--help'], problems: [] });
    const made = program();
    expect(undeclaredWords(made.program, undefined, ['nope', '--x'])).toEqual({
      argv: ['nope', '--x'],
      problems: [],
    });
    expect(undeclaredWords(made.program, made.one, ['help', 'one', '--x'])).toEqual({
      argv: ['help', 'one', '--x'],
      problems: [],
    });
  });

  it('with other problems, reports the required arguments still missing at once', () => {
    let error: unknown;
    try {
      check(['two', 'a', '--bogus'], 'two');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { path: '--bogus', message: 'is not an option of kopsim two' },
      { path: 'b', message: 'is missing: kopsim two needs it' },
    ]);
    // Alone, a missing argument is commander's to report (with the usage).
    expect(check(['two', 'a'], 'two')).toEqual({ argv: ['two', 'a'], problems: [] });
  });
});

describe('kopsim with an undeclared word', () => {
  const temp = tempDirs('kopsim-words-');
  afterAll(() => temp.cleanup());

  it('lists an unknown option with the problems of the other flags, and runs nothing', async () => {
    const cwd = temp.make();
    const r = await kopsim(['run', '--bogus', '--seed', '-3', '--months', 'abc', 'default', 'extra'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('default: 4 problems');
    expect(r.stderr).toContain('--bogus: is not an option of kopsim run');
    expect(r.stderr).toContain('--seed: must be an integer');
    expect(r.stderr).toContain('--months: must be an integer');
    expect(r.stderr).toContain('extra: is an argument too many: kopsim run takes at most 1');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('fails every command with exit 2, before any work, and names the option', async () => {
    // One at a time: kopsim() runs main in this process, in the folder it changes to.
    const results = [];
    for (const { name, load } of COMMANDS) {
      const command = new Command('kopsim');
      (await load())(command);
      const required = command.commands[0].registeredArguments.filter((a) => a.required);
      const cwd = temp.make();
      const args = [name, ...required.map((a) => `no-such-${a.name()}`), '--no-such-flag'];
      const r = await kopsim(args, cwd);
      results.push({ name, status: r.status, stderr: r.stderr, left: readdirSync(cwd) });
    }
    expect(results.map((r) => r.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const r of results) {
      expect(r, r.name).toMatchObject({ status: 2, left: [] });
      expect(r.stderr, r.name).toContain(`--no-such-flag: is not an option of kopsim ${r.name}`);
    }
  }, 60_000);

  it('the problems in Bahasa Indonesia', async () => {
    const r = await kopsim(['run', '--sed', '3', '--lang', 'id']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--sed: bukan opsi kopsim run; maksud Anda salah satu dari --seed, --set?');
  });

  it('leaves no problem behind for the next command run in the same process', async () => {
    expect((await runMain(['run', '--bogus'])).code).toBe(2);
    expect(commandLineProblems()).toEqual([]);
    expect(() => prepareRun('default', {}, new Date(0))).not.toThrow();
  });
});
