import { type Argument, type Command, Help, type HelpConfiguration, type Option } from 'commander';
import { EN, type MessageKey } from '../i18n/en.js';
import type { Lang } from '../i18n/lang.js';
import { CATALOGUES, fill } from '../i18n/locale.js';

/*
 * The English help stays where commander wants it, beside each command's options in
 * src/cli/commands/. Each text has a key in the catalogues (help.<command>.description,
 * help.<command>.opt.<flag> or help.opt.<flag> when commands share it, help.<command>.arg.<name>,
 * help.<command>.note<i> for a paragraph after the examples) whose English is the text itself,
 * with {placeholders} where it holds a value of this machine (cores, LANG). In another
 * language the help shows the catalogue's text for the key whose English matches; a test
 * checks that every help text has one. Nothing here runs unless help is printed, and the
 * number formats (Intl) are never built.
 */

/** Commander's headings and their keys. */
const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Arguments:': 'help.title.arguments',
  'Commands:': 'help.title.commands',
  'Global Options:': 'help.title.globalOptions',
};

/** The keys a help text of a command may have, the command's own first. */
export function helpKeys(command: string, kind: 'description' | 'arg' | 'opt', name = ''): string[] {
  if (kind === 'description') return [`help.${command}.description`];
  if (kind === 'arg') return [`help.${command}.arg.${name}`];
  return [`help.${command}.opt.${name}`, `help.opt.${name}`];
}

/**
 * The English text in the language: the first key whose English template matches it (its
 * placeholders take the values found in the text) gives the language's message with them;
 * undefined when no key matches.
 */
export function translateHelpText(lang: Lang, english: string, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    if (!Object.hasOwn(EN, key)) continue;
    const params = matchTemplate(EN[key as MessageKey], english);
    if (params) return fill(CATALOGUES[lang][key as MessageKey], params);
  }
  return undefined;
}

function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '(.+?)';
    })
    .join('');
  const m = new RegExp(`^${source}$`, 's').exec(text);
  return m ? Object.fromEntries(names.map((n, k) => [n, m[k + 1]!])) : undefined;
}

const optionName = (option: Option) => (option.long ?? option.short ?? '').replace(/^-+/, '');

/**
 * Commander's help formatting with every heading, description, argument and option text in
 * the language (the flags, placeholders and defaults' values stay as they are).
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const messages = CATALOGUES[lang];
  const say = (english: string, keys: readonly string[]) => translateHelpText(lang, english, keys) ?? english;
  let current = 'kopsim';
  return {
    formatHelp(cmd: Command, helper: Help): string {
      current = cmd.name();
      return Help.prototype.formatHelp.call(this, cmd, helper);
    },
    styleTitle(title: string): string {
      const key = TITLES[title];
      return key ? messages[key] : title;
    },
    commandDescription(cmd: Command): string {
      return say(cmd.description(), helpKeys(cmd.name(), 'description'));
    },
    subcommandDescription(cmd: Command): string {
      return say(Help.prototype.subcommandDescription.call(this, cmd), helpKeys(cmd.name(), 'description'));
    },
    argumentDescription(argument: Argument): string {
      return localizeExtra(
        Help.prototype.argumentDescription.call(this, argument),
        argument.description,
        say(argument.description, helpKeys(current, 'arg', argument.name())),
        messages['help.default'],
      );
    },
    optionDescription(option: Option): string {
      return localizeExtra(
        Help.prototype.optionDescription.call(this, option),
        option.description,
        say(option.description, helpKeys(current, 'opt', optionName(option))),
        messages['help.default'],
      );
    },
  };
}

/** Commander's description with its own part translated and "(default: ...)" in the language. */
function localizeExtra(full: string, own: string, translated: string, defaultWord: string): string {
  if (!full.startsWith(own)) return full;
  return translated + full.slice(own.length).replace(/\(default: /, `(${defaultWord} `);
}

/**
 * The text written after a command's help (its examples and notes) in the language: the
 * "Examples:" heading and each note paragraph the catalogue holds; command lines stay as
 * they are. Other text passes unchanged.
 */
export function translateHelpNotes(lang: Lang, text: string): string {
  const messages = CATALOGUES[lang];
  let out = text.replace(/^Examples:$/m, messages['help.title.examples']);
  for (const key of Object.keys(EN) as MessageKey[])
    if (/^help\.[\w-]+\.note\d+$/.test(key) && out.includes(EN[key])) out = out.replace(EN[key], messages[key]);
  return out;
}
