import { isLang, langFromEnv, type Lang } from '../i18n/lang.js';

/**
 * The language of a command line, known before it is parsed (an error in parsing is printed
 * in it too): the value of `--lang` when it names a language, else the environment's.
 */
export function langOfArgv(argv: readonly string[], env = process.env): Lang {
  for (let k = argv.length - 1; k >= 0; k--) {
    const a = argv[k]!;
    const value = a === '--lang' ? argv[k + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (isLang(value)) return value;
  }
  return langFromEnv(env);
}
