import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PosteriorExperimentPlan } from '../experiment/calibration/posteriorPlan.js';
import type { PosteriorUncertainty, RankingRow } from '../experiment/calibration/posteriorUncertainty.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel } from '../i18n/labels.js';
import { locale, type Locale } from '../i18n/locale.js';
import { writeFileAtomically } from './atomicFolder.js';
import type { ReportSection } from './htmlReport.js';

/** The files an experiment run with --posterior adds to its folder. */
export const POSTERIOR_UNCERTAINTY_FILES = {
  variance: 'posterior-variance.csv',
  ranking: 'posterior-ranking.csv',
} as const;

const num = (x: number) => (Number.isNaN(x) ? '' : String(x));

/** Writes posterior-variance.csv and posterior-ranking.csv, each atomically. */
export function writePosteriorUncertainty(dir: string, u: PosteriorUncertainty): void {
  writeFileAtomically(
    join(dir, POSTERIOR_UNCERTAINTY_FILES.variance),
    stringify([
      ['scenario', 'indicator', 'month', 'mean', 'total_var', 'within_var', 'between_var', 'parameter_share'],
      ...u.variance.map((v) => [
        v.scenario,
        v.indicator,
        String(v.month),
        num(v.mean),
        num(v.total),
        num(v.within),
        num(v.between),
        num(v.parameterShare),
      ]),
    ]),
  );
  writeFileAtomically(
    join(dir, POSTERIOR_UNCERTAINTY_FILES.ranking),
    stringify([
      ['a', 'b', 'indicator', 'month', 'draws', 'share_a_better', 'better_is'],
      ...u.ranking.map((r) => [r.a, r.b, r.indicator, String(r.month), String(r.draws), num(r.share), r.direction]),
    ]),
  );
}

/** The ranking rows worth telling: each ordered pair once, the direction in which it holds more often. */
export function rankingsWorthTelling(u: PosteriorUncertainty): RankingRow[] {
  return u.ranking.filter((r) => r.direction !== 'above' && (r.share > 0.5 || (r.share === 0.5 && r.a < r.b)));
}

/** "in 93% of 40 posterior draws seed-roadmap beats top-down on P0 (lower is better)", in the language. */
export function rankingText(L: Locale, r: RankingRow): string {
  const params = {
    pct: `${L.fmt.integer(r.share * 100)}%`,
    draws: r.draws,
    a: r.a,
    b: r.b,
    label: indicatorLabel(L, r.indicator),
  };
  return r.direction === 'above'
    ? L.t('post.rankAbove', params)
    : L.t('post.rankBeats', { ...params, better: L.t(r.direction === 'lower' ? 'post.lower' : 'post.higher') });
}

/** The report section, in the language: parameter uncertainty against stochastic noise, and whether rankings hold across the posterior. */
export function posteriorUncertaintySection(
  plan: PosteriorExperimentPlan,
  u: PosteriorUncertainty,
  lang: Lang = 'en',
): ReportSection {
  const L = locale(lang);
  const pct = (x: number) => (Number.isFinite(x) ? `${L.fmt.integer(x * 100)}%` : '–');
  const sig = (x: number) => L.fmt.significant(x);
  return {
    id: 'posterior',
    title: L.t('post.section.title'),
    intro: L.t('post.section.intro', {
      parameters: plan.posterior.parameters.join(', '),
      name: plan.posterior.name,
      draws: u.draws,
      seeds: u.seedsPerDraw,
    }),
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: L.t('exp.col.scenario') },
          { label: L.t('run.col.indicator') },
          { label: L.t('exp.col.mean'), numeric: true },
          { label: L.t('post.noise'), numeric: true },
          { label: L.t('post.parameter'), numeric: true },
          { label: L.t('post.share'), numeric: true },
        ],
        rows: u.variance.map((v) => [
          v.scenario,
          v.indicator,
          sig(v.mean),
          sig(v.within),
          sig(v.between),
          pct(v.parameterShare),
        ]),
        scroll: true,
      },
      ...rankingsWorthTelling(u).map((r) => ({
        kind: 'paragraph' as const,
        text: `${L.t('post.ranking')}: ${rankingText(L, r)}.`,
      })),
    ],
  };
}
