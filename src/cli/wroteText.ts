import type { Locale } from '../i18n/locale.js';
import { wrapText } from './table.js';

/** "Wrote FOLDER (files…)" in the locale's language, wrapped to 80 columns: the last line after a command's tables. */
export function wroteText(L: Locale, folder: string, files: string): string {
  return wrapText(L.t('cli.exp.wrote', { folder, files })).join('\n');
}
