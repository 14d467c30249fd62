import type { RunSummary } from '../experiment/runSummary.js';
import { terminalSafe } from '../core/errors.js';
import { formatValue, textTable } from './table.js';

/** The short summary `kopsim run` prints: key indicators, then each region's stage timeline. */
export function runSummaryText(summary: RunSummary, folder?: string): string {
  const head = `${summary.name} (${summary.scenario}), strategy ${summary.strategy}, seed ${summary.seed}, ${summary.months} months, ${summary.households.toLocaleString('en-US')} households${summary.stoppedEarly ? ' - STOPPED EARLY' : ''}`;
  const indicators = textTable(
    ['indicator', 'start', 'final', 'mean', 'unit'],
    summary.indicators.map((i) => [
      i.label,
      formatValue(i.start, i.unit),
      formatValue(i.final, i.unit),
      formatValue(i.mean, i.unit),
      i.unit,
    ]),
  );
  const stages = textTable(
    ['region', ...[1, 2, 3, 4, 5, 6].map((k) => `stage ${k}`)],
    summary.stageTimeline.map((t) => [
      t.region,
      ...Object.values(t.stages).map((m) => (m === 'not reached' ? 'not reached' : `month ${m}`)),
    ]),
  );
  return [
    terminalSafe(head),
    '',
    indicators,
    '',
    'Stage timeline (month each stage started):',
    stages,
    folder ? `\nWrote ${folder}` : '',
  ].join('\n');
}
