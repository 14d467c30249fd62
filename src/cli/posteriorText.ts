import type { PosteriorUncertainty } from '../experiment/calibration/posteriorUncertainty.js';
import type { Lang } from '../i18n/lang.js';
import { locale } from '../i18n/locale.js';
import { rankingsWorthTelling, rankingText } from '../report/posteriorUncertaintyFiles.js';
import { fittedTable, wrapText } from './table.js';

/** What the terminal shows of an experiment run with --posterior, in the language: the variance split and the rankings. */
export function posteriorText(u: PosteriorUncertainty, lang: Lang = 'en'): string {
  const L = locale(lang);
  const sig = (x: number) => L.fmt.significant(x);
  const pct = (x: number) => (Number.isFinite(x) ? `${L.fmt.integer(x * 100)}%` : '-');
  return [
    '',
    L.t('post.title', { draws: u.draws, seeds: u.seedsPerDraw }),
    // One table per scenario (or paired difference), so that each fits 80 columns.
    ...[...new Set(u.variance.map((v) => v.scenario))].flatMap((scenario) => [
      '',
      scenario,
      fittedTable(
        [L.t('run.col.indicator'), L.t('post.noise'), L.t('post.parameter'), L.t('post.share')],
        u.variance
          .filter((v) => v.scenario === scenario)
          .map((v) => [v.indicator, sig(v.within), sig(v.between), pct(v.parameterShare)]),
      ),
    ]),
    ...rankingsWorthTelling(u).flatMap((r) => wrapText(`${L.t('post.ranking')}: ${rankingText(L, r)}`)),
  ].join('\n');
}
