import type { PosteriorUncertainty, RankingRow } from '../experiment/calibration/posteriorUncertainty.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel } from '../i18n/labels.js';
import { locale, type Locale } from '../i18n/locale.js';
import { rankingsWorthTelling } from '../report/posteriorUncertaintyFiles.js';
import { textTable } from './table.js';

/** "in 93% of 40 posterior draws seed-roadmap beats top-down on P0 (lower is better)", in the language. */
function rankingText(L: Locale, r: RankingRow): string {
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

/** What the terminal shows of an experiment run with --posterior, in the language: the variance split and the rankings. */
export function posteriorText(u: PosteriorUncertainty, lang: Lang = 'en'): string {
  const L = locale(lang);
  const sig = (x: number) => L.fmt.significant(x);
  const pct = (x: number) => (Number.isFinite(x) ? `${L.fmt.integer(x * 100)}%` : '-');
  return [
    '',
    L.t('post.title', { draws: u.draws, seeds: u.seedsPerDraw }),
    textTable(
      [L.t('exp.col.scenario'), L.t('run.col.indicator'), L.t('post.noise'), L.t('post.parameter'), L.t('post.share')],
      u.variance.map((v) => [v.scenario, v.indicator, sig(v.within), sig(v.between), pct(v.parameterShare)]),
    ),
    ...rankingsWorthTelling(u).map((r) => `${L.t('post.ranking')}: ${rankingText(L, r)}`),
  ].join('\n');
}
