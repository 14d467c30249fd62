import { EN, type MessageKey } from '../../src/i18n/en.js';
import { ID } from '../../src/i18n/id.js';

const ID_TEXTS = Object.values(ID).join('\n');

/**
 * The English words of the catalogue that a text in Bahasa Indonesia must not contain: for
 * each key with one of the prefixes, the parts of its English message between placeholders
 * that are at least `min` characters long and appear nowhere in the Indonesian catalogue
 * (so shared words, such as "Shapley" or "(common random numbers)", are not counted).
 */
export function englishPhrases(prefixes: readonly string[], min = 12): Map<string, MessageKey> {
  const phrases = new Map<string, MessageKey>();
  for (const key of Object.keys(EN) as MessageKey[]) {
    if (!prefixes.some((p) => key.startsWith(p)) || EN[key] === ID[key]) continue;
    for (const part of EN[key].split(/\{\w+\}/)) {
      const phrase = part.trim();
      if (phrase.length >= min && !ID_TEXTS.includes(phrase)) phrases.set(phrase, key);
    }
  }
  return phrases;
}

/** The text of an HTML page with its entities decoded (tags kept: phrases never span them). */
export function decodedHtml(html: string): string {
  return html
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The English phrases (with their keys) found in `text`. */
export function englishLeftovers(text: string, prefixes: readonly string[], min?: number): string[] {
  return [...englishPhrases(prefixes, min)].filter(([phrase]) => text.includes(phrase)).map(([p, k]) => `${k}: ${p}`);
}
