import { formatProblems, InputError, KopsimError, type ProblemWording, terminalSafe } from '../core/errors.js';
import type { Lang } from '../i18n/lang.js';
import { locale, type Locale } from '../i18n/locale.js';
import { problemMessage } from '../i18n/problemText.js';

/** How problems are worded in the locale's language (paths and values stay as they are). */
export function problemWording(L: Locale): ProblemWording {
  return {
    message: (m) => problemMessage(L, m),
    got: L.t('err.got'),
    more: (n) => L.t('err.more', { n: L.fmt.integer(n) }),
  };
}

/**
 * What stderr says when a command ends with an error, in the language: bad input with every
 * problem (its path, its message translated, the value found), a kopsim failure, or an
 * unexpected one with its stack. No escape sequence in a name or path reaches the terminal.
 */
export function errorText(error: unknown, lang: Lang): string {
  const L = locale(lang);
  if (error instanceof InputError) {
    const n = error.problems.length;
    const count = n === 1 ? L.t('err.problemOne') : L.t('err.problemCount', { n: L.fmt.integer(n) });
    return `kopsim: ${L.t('err.invalidInput')}: ${terminalSafe(error.source)}: ${count}\n${formatProblems(error.problems, problemWording(L))}`;
  }
  if (error instanceof KopsimError) return `kopsim: ${terminalSafe(problemMessage(L, error.message))}`;
  return `kopsim: ${L.t('err.unexpected')}: ${(error as Error)?.stack ?? String(error)}`;
}
