import { EN, type MessageKey } from './en.js';
import { ID } from './id.js';
import type { Lang } from './lang.js';
import { numberFormat, type NumberFormat } from './numberFormat.js';

/** Values put into a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Everything user-facing text needs: the language, its messages and its number format. */
export interface Locale {
  readonly lang: Lang;
  /** The message `key` with its `{name}` placeholders filled (numbers as given; format them first). */
  t(key: MessageKey, params?: MessageParams): string;
  /** Whether the catalogue has `key` (for optional keys built from ids, e.g. indicator labels). */
  has(key: string): key is MessageKey;
  readonly fmt: NumberFormat;
}

/** The message catalogue of each language; both have every key (checked by the compiler and a test). */
export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, id: ID };

const cache = new Map<Lang, Locale>();

/** The locale of a language (one instance per language). */
export function locale(lang: Lang = 'en'): Locale {
  let l = cache.get(lang);
  if (!l) {
    const messages = CATALOGUES[lang];
    l = {
      lang,
      t: (key, params) => fill(messages[key] ?? EN[key] ?? key, params),
      has: (key: string): key is MessageKey => Object.hasOwn(messages, key),
      fmt: numberFormat(lang),
    };
    cache.set(lang, l);
  }
  return l;
}

/** A message template with its `{name}` placeholders filled (an unknown one stays as written). */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
