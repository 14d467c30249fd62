import type { RunSummary } from '../experiment/runSummary.js';
import { terminalSafe } from '../core/errors.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel } from '../i18n/labels.js';
import { locale } from '../i18n/locale.js';
import { textTable } from './table.js';

/** Widest label in the 80-column indicator table (the registry's longest labels are cut with "…"). */
const LABEL_WIDTH = 36;

/**
 * The short summary `kopsim run` prints, at most 80 columns wide: key indicators (value
 * with its unit: Rp, %), then each region's stage timeline (month each stage started) and
 * when its cooperative went dormant.
 */
export function runSummaryText(
  summary: RunSummary,
  folder?: string,
  lang: Lang = 'en',
  dormant: readonly { region: string; from: number; to: number | null }[] = [],
): string {
  const L = locale(lang);
  const { fmt } = L;
  const head = `${L.t('cli.run.head', { name: summary.name, scenario: summary.scenario })}\n${L.t('cli.run.facts', {
    strategy: summary.strategy,
    seed: summary.seed,
    months: summary.months,
    households: fmt.integer(summary.households),
  })}${summary.stoppedEarly ? ` - ${L.t('cli.run.stopped')}` : ''}`;
  const cut = (s: string) => (s.length > LABEL_WIDTH ? `${s.slice(0, LABEL_WIDTH - 1)}…` : s);
  const indicators = textTable(
    [L.t('cli.col.indicator'), L.t('cli.col.start'), L.t('cli.col.final'), L.t('cli.col.mean')],
    summary.indicators.map((i) => [
      cut(indicatorLabel(L, i.id, i.label)),
      fmt.value(i.start, i.unit),
      fmt.value(i.final, i.unit),
      fmt.value(i.mean, i.unit),
    ]),
  );
  const dormantOf = (region: string) =>
    dormant
      .filter((d) => d.region === region)
      .map((d) =>
        d.to === null
          ? L.t('cli.run.dormant', { m: d.from })
          : `${L.t('cli.run.dormant', { m: d.from })}, ${L.t('cli.run.revived', { m: d.to })}`,
      )
      .join('; ');
  const stages = textTable(
    [L.t('cli.col.region'), ...[1, 2, 3, 4, 5, 6].map((k) => `${k} ${L.t(`stage.short.${k}` as 'stage.short.1')}`)],
    summary.stageTimeline.map((t) => [
      t.region.length > 14 ? `${t.region.slice(0, 13)}…` : t.region,
      ...[1, 2, 3, 4, 5, 6].map((k) => {
        const m = t.stages[`stage${k}`];
        return typeof m === 'number' ? String(m) : '-';
      }),
    ]),
  );
  // Dormancy on lines of its own, so the table stays within 80 columns.
  const dormantLines = [...new Set(dormant.map((d) => d.region))].map((r) => `${r}: ${dormantOf(r)}`);
  return [
    terminalSafe(head),
    '',
    indicators,
    '',
    L.t('cli.run.stagesTitle'),
    stages,
    ...dormantLines,
    folder ? `\n${L.t('cli.wrote', { folder })}` : '',
  ].join('\n');
}
