import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { helpKeys, translateHelpNotes, translateHelpText } from '../../src/cli/helpLanguage.js';
import { EN } from '../../src/i18n/en.js';
import { ID } from '../../src/i18n/id.js';
import { kopsim } from '../support/cli.js';

/** Every help text of a command in English: description, arguments, options, and what follows the help. */
async function englishHelp(entry: (typeof COMMANDS)[number]) {
  const program = new Command();
  (await entry.load())(program);
  const cmd = program.commands[0]!;
  const texts: { keys: string[]; text: string }[] = [
    { keys: helpKeys(cmd.name(), 'description'), text: cmd.description() },
    ...cmd.registeredArguments.map((a) => ({ keys: helpKeys(cmd.name(), 'arg', a.name()), text: a.description })),
    ...cmd.options.map((o) => ({ keys: helpKeys(cmd.name(), 'opt', o.long!.slice(2)), text: o.description })),
  ];
  let after = '';
  cmd.emit('afterHelp', { error: false, command: cmd, write: (s: string) => (after += s) });
  const notes = after
    .trim()
    .split('\n\n')
    .filter((p) => !p.startsWith('Examples:'));
  return { cmd, texts, after, notes };
}

/** The English of a command's help, as commander prints it with no translation at all. */
async function plainEnglish(name: string): Promise<string> {
  const { cmd, after } = await englishHelp(COMMANDS.find((c) => c.name === name)!);
  const program = new Command().name('kopsim');
  program.addCommand(cmd);
  return `${cmd.helpInformation()}${after}`;
}

const savedEnv = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('help in Bahasa Indonesia', () => {
  it('has a catalogue key for every help text of every command, in both languages', async () => {
    for (const entry of COMMANDS) {
      const { texts, notes, after } = await englishHelp(entry);
      for (const { keys, text } of texts) {
        const id = translateHelpText('id', text, keys);
        expect(id, `${entry.name}: ${text}`).toBeDefined();
        expect(id, `${entry.name}: ${text}`).not.toBe(text);
        expect(translateHelpText('en', text, keys), `${entry.name}: ${text}`).toBe(text);
      }
      const translated = translateHelpNotes('id', after);
      for (const note of notes) expect(translated, `${entry.name}: note left in English`).not.toContain(note);
    }
    const helpKeysOf = (c: object) => Object.keys(c).filter((k) => k.startsWith('help.'));
    expect(helpKeysOf(ID)).toEqual(expect.arrayContaining(helpKeysOf(EN)));
  });

  it('has no help key whose English no command uses any more', async () => {
    const all = await Promise.all(COMMANDS.map(englishHelp));
    const texts = all.flatMap((h) => h.texts.map((t) => t.text));
    const afters = all.map((h) => h.after).join('\n');
    // Commander's own words and the program's description are not in a command module.
    const commanders = /^help\.(title\.|default$|opt\.help$|opt\.version$|help\.|kopsim\.)/;
    const unused = (Object.keys(EN) as (keyof typeof EN)[]).filter(
      (key) =>
        key.startsWith('help.') &&
        !commanders.test(key) &&
        !(/\.note\d+$/.test(key)
          ? afters.includes(EN[key])
          : texts.some((text) => translateHelpText('en', text, [key]) !== undefined)),
    );
    expect(unused).toEqual([]);
  });

  it('kopsim run --help --lang id prints the headings and descriptions in Indonesian', async () => {
    const r = await kopsim(['run', '--help', '--lang', 'id']);
    expect(r.status).toBe(0);
    for (const phrase of [
      'Penggunaan: kopsim run [options] [scenario]',
      'jalankan satu skenario dan tulis folder laporannya',
      'Argumen:',
      'Opsi:',
      '--seed <n>           benih dasar (bawaan: benih skenario)',
      'tampilkan bantuan untuk perintah',
      'Contoh:',
      '  kopsim run scenarios/top-down.yaml --seed 7 --months 120',
    ])
      expect(r.stdout).toContain(phrase);
    const english = await plainEnglish('run');
    for (const line of ['Usage:', 'Options:', 'Examples:', 'display help for command', 'base seed', 'report folder'])
      expect(english).toContain(line);
    for (const line of ['Usage:', 'Options:', 'Examples:', 'display help for command', 'base seed', 'report folder'])
      expect(r.stdout).not.toContain(line);
  });

  it('LANG=id_ID.UTF-8 kopsim compare --help is in Indonesian, with no English description left', async () => {
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = 'id_ID.UTF-8';
    const r = await kopsim(['compare', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('bandingkan strategi dengan bilangan acak bersama');
    expect(r.stdout).toContain('ulangan per skenario (dan titik desain)');
    expect(r.stdout).toContain('--baseline <scenario>');
    const flat = r.stdout.replace(/\s+/g, ' ');
    const { texts } = await englishHelp(COMMANDS.find((c) => c.name === 'compare')!);
    for (const { text } of texts) expect(flat).not.toContain(text.replace(/\s+/g, ' ').slice(0, 30));
  });

  it('stays exactly as commander prints it in English with --lang en', async () => {
    process.env.LANG = 'id_ID.UTF-8';
    for (const name of ['run', 'compare', 'bench']) {
      const r = await kopsim([name, '--help', '--lang', 'en']);
      expect(r.stdout).toBe(await plainEnglish(name));
    }
  });
});
