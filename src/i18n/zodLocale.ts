import type { Lang } from './lang.js';

// zod's locale is global to the process; remember whether it was changed, so that English
// (zod's default) needs no import of zod and a later English command gets English again.
let changed = false;

/** Makes zod word its own messages (a number too small, a wrong type) in the language. */
export async function setZodLocale(lang: Lang): Promise<void> {
  if (lang === 'en' && !changed) return;
  const { z } = await import('zod');
  z.config(lang === 'id' ? z.locales.id() : z.locales.en());
  changed = lang !== 'en';
}
