import type { MessageKey } from './en.js';
import { stageName } from './labels.js';
import type { Locale } from './locale.js';

/**
 * A model event's message in the locale's language: the catalogue's `event.KIND` with the
 * region and, for a stage, its number and name. English, and kinds the catalogue lacks, keep
 * the model's own message (the model writes English and knows no language).
 */
export function eventMessage(
  L: Locale,
  e: { readonly kind: string; readonly message: string },
  region: string,
): string {
  if (L.lang === 'en' || !L.has(`event.${e.kind}`)) return e.message;
  const k = Number(/stage (\d)/.exec(e.message)?.[1] ?? 0);
  return L.t(`event.${e.kind}` as MessageKey, { region, k, name: stageName(L, k) });
}
