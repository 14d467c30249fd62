import type { ComparisonRow, ExperimentSummary } from '../experiment/experimentSummary.js';
import type { Locale } from '../i18n/locale.js';

/** The indicators of the headline table, in column order (those the experiment recorded). */
export const HEADLINE_INDICATORS = ['consumption_pc_mean', 'p0', 'gini', 'member_share'] as const;

/** One strategy's change from the baseline in one indicator at the final month. */
export interface HeadlineCell {
  readonly indicator: string;
  readonly unit: string;
  readonly diff: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** The change over the baseline's mean, and its CI (the baseline mean taken as fixed). */
  readonly pct: number;
  readonly pctLow: number;
  readonly pctHigh: number;
  readonly baselineMean: number;
  /** The CI includes zero (or there is none): not distinguishable from no effect. */
  readonly uncertain: boolean;
}

/** A strategy's row in the headline table. */
export interface HeadlineRow {
  readonly scenario: string;
  readonly cells: readonly HeadlineCell[];
}

/**
 * The headline: each strategy's change from the baseline at the final month in the
 * headline indicators, ranked by the change in consumption (else the first headline
 * indicator recorded), largest first. Empty without a baseline or with a sweep (one
 * headline per design point would not be a headline).
 */
export function headlineRows(summary: ExperimentSummary): HeadlineRow[] {
  if (summary.baseline === null || summary.points.length !== 1) return [];
  const unit = new Map(summary.indicators.map((i) => [i.id, i.unit]));
  const ids = HEADLINE_INDICATORS.filter((id) => unit.has(id));
  if (ids.length === 0) return [];
  const finals = summary.comparisons.filter((c) => c.final);
  const rows: HeadlineRow[] = summary.scenarios
    .filter((s) => s.label !== summary.baseline)
    .map((s) => ({
      scenario: s.label,
      cells: ids
        .map((id) => finals.find((c) => c.scenario === s.label && c.indicator === id))
        .filter((c): c is ComparisonRow => c !== undefined)
        .map((c) => cellOf(c, unit.get(c.indicator) ?? '')),
    }));
  const key = (r: HeadlineRow) => r.cells.find((c) => c.indicator === ids[0])?.diff ?? Number.NEGATIVE_INFINITY;
  return rows.sort((a, b) => (Number.isNaN(key(b)) ? -1 : key(b) - key(a)));
}

function cellOf(c: ComparisonRow, unit: string): HeadlineCell {
  const base = c.meanBaseline;
  const rel = (x: number) => (Number.isFinite(x) && base !== 0 ? x / Math.abs(base) : Number.NaN);
  const low = Number.isFinite(c.ciLow) ? c.ciLow : c.meanDiff;
  const high = Number.isFinite(c.ciHigh) ? c.ciHigh : c.meanDiff;
  return {
    indicator: c.indicator,
    unit,
    diff: c.meanDiff,
    ciLow: low,
    ciHigh: high,
    pct: rel(c.meanDiff),
    pctLow: rel(low),
    pctHigh: rel(high),
    baselineMean: base,
    uncertain: !(low > 0 || high < 0),
  };
}

/**
 * The one-sentence answer above the headline table, e.g. "seed-roadmap raises consumption
 * most (+8.1% [6.0%, 10.2%]) and cuts P0 by 2.9 pp; top-down's effect on P0 is not
 * distinguishable from zero." Null when there is no headline.
 */
export function headlineVerdict(summary: ExperimentSummary, rows: readonly HeadlineRow[], L: Locale): string | null {
  if (rows.length === 0 || summary.baseline === null) return null;
  const { fmt } = L;
  const cell = (r: HeadlineRow, id: string) => r.cells.find((c) => c.indicator === id);
  const parts: string[] = [];
  const best = rows[0];
  const c = cell(best, 'consumption_pc_mean');
  const p0Uncertain: string[] = [];
  if (c && !c.uncertain) {
    const pct = { pct: fmt.percentChange(c.pct), lo: fmt.percentChange(c.pctLow), hi: fmt.percentChange(c.pctHigh) };
    let first = L.t(c.diff > 0 ? 'exp.verdict.best' : 'exp.verdict.bestLowers', { best: best.scenario, ...pct });
    const p0 = cell(best, 'p0');
    if (p0 && !p0.uncertain)
      first += ` ${
        p0.diff < 0
          ? L.t('exp.verdict.p0Cut', { pp: fmt.change(-p0.diff, 'share').replace(/^\+/, '') })
          : L.t('exp.verdict.p0', { pp: fmt.change(p0.diff, 'share') })
      }`;
    parts.push(first);
  } else if (c) {
    parts.push(L.t('exp.verdict.noneConsumption', { baseline: summary.baseline, n: fmt.percentChange(c.pct) }));
  }
  for (const r of rows) {
    const p0 = cell(r, 'p0');
    if (p0?.uncertain && !(r === best && parts.length === 0)) p0Uncertain.push(r.scenario);
  }
  if (p0Uncertain.length === 1) parts.push(L.t('exp.verdict.null', { names: p0Uncertain[0] }));
  else if (p0Uncertain.length > 1)
    parts.push(
      L.t('exp.verdict.nullPlural', {
        names: `${p0Uncertain.slice(0, -1).join(', ')} ${L.t('exp.verdict.and')} ${p0Uncertain[p0Uncertain.length - 1]}`,
      }),
    );
  if (parts.length === 0) return null;
  const text = `${parts.join('; ')}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
