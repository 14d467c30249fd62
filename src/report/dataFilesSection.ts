import { locale, type Locale } from '../i18n/locale.js';
import type { ReportSection } from './htmlReport.js';

/** A file next to a report, linked by its relative path, with what it holds. */
export interface DataFile {
  readonly file: string;
  readonly note: string;
}

/** The "Data files" section every report ends with: relative links to the files of its folder. `more` adds to the intro. */
export function dataFilesSection(files: readonly DataFile[], more = '', L: Locale = locale('en')): ReportSection {
  return {
    id: 'data',
    title: L.t('report.data.title'),
    intro: `${L.t('report.data.intro')}${more}`,
    blocks: [{ kind: 'links', links: files.map((f) => ({ href: f.file, label: f.file, note: f.note })) }],
  };
}
