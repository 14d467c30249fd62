import type { PosteriorUncertainty } from '../experiment/calibration/posteriorUncertainty.js';
import { rankingLines } from '../report/posteriorUncertaintyFiles.js';
import { textTable } from './table.js';

/** What the terminal shows of an experiment run with --posterior: the variance split and the rankings. */
export function posteriorText(u: PosteriorUncertainty): string {
  const sig = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : '-');
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '-');
  return [
    '',
    `Parameter uncertainty (${u.draws} posterior draws x ${u.seedsPerDraw} seeds, final month):`,
    textTable(
      ['scenario', 'indicator', 'noise var', 'parameter var', 'parameter share'],
      u.variance.map((v) => [v.scenario, v.indicator, sig(v.within), sig(v.between), pct(v.parameterShare)]),
    ),
    ...rankingLines(u).map((l) => `Ranking: ${l}`),
  ].join('\n');
}
