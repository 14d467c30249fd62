/** The languages kopsim writes reports, tables and the dashboard in. */
export const LANGS = ['en', 'id'] as const;

/** A report language: English or Bahasa Indonesia. */
export type Lang = (typeof LANGS)[number];

/** Whether a string names a supported language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language the environment asks for, as POSIX locales do: LC_ALL, then LC_MESSAGES,
 * then LANG; `id_ID.UTF-8` (or `id`, `in_ID`) means Bahasa Indonesia, anything else English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^(id|in)(?:[_.@-]|$)/i.test(locale) ? 'id' : 'en';
}
