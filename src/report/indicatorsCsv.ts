import { csvText } from './csvText.js';
import { INDICATORS } from '../indicators/registry.js';

/** The file name of the indicator list in run and experiment folders. */
export const INDICATORS_FILE = 'indicators.csv';

/**
 * indicators.csv: what each indicator column of the folder's data means: id, label, unit,
 * description, and scope (the scopes the folder holds it for: `total;region` in a run's
 * timeseries.csv, `total` in an experiment's summaries). From the indicator registry;
 * `ids` limits it to the indicators the folder holds.
 */
export function indicatorsCsv(scope: string, ids?: readonly string[]): string {
  const wanted = ids ? new Set(ids) : null;
  return csvText([
    ['id', 'label', 'unit', 'description', 'scope'],
    ...INDICATORS.filter((i) => !wanted || wanted.has(i.id)).map((i) => [i.id, i.label, i.unit, i.description, scope]),
  ]);
}
