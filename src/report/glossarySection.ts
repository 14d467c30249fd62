import type { MessageKey } from '../i18n/en.js';
import type { Locale } from '../i18n/locale.js';
import type { ReportSection } from './htmlReport.js';

/** The glossary's terms, by catalogue key (the term is `key`, its explanation `key.text`). */
const TERMS = ['SHU', 'RAT', 'pokok', 'wajib', 'sukarela', 'KUD', 'kecamatan', 'fgt', 'gini', 'dormant'] as const;

/** The glossary of cooperative and welfare terms every report ends with, in the locale's language. */
export function glossarySection(L: Locale): ReportSection {
  return {
    id: 'glossary',
    title: L.t('report.glossary.title'),
    intro: L.t('report.glossary.intro'),
    blocks: [
      {
        kind: 'terms',
        terms: TERMS.map((k) => ({
          term: L.t(`glossary.${k}` as MessageKey),
          text: L.t(`glossary.${k}.text` as MessageKey),
        })),
      },
    ],
  };
}
