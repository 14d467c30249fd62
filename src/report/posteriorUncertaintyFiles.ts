import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PosteriorExperimentPlan } from '../experiment/calibration/posteriorPlan.js';
import {
  rankingSentence,
  type PosteriorUncertainty,
  type RankingRow,
} from '../experiment/calibration/posteriorUncertainty.js';
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

/** The rankings worth telling: each ordered pair once, the direction in which it holds more often. */
export function rankingLines(u: PosteriorUncertainty): string[] {
  return rankingsWorthTelling(u).map(rankingSentence);
}

/** The ranking rows {@link rankingLines} tells. */
export function rankingsWorthTelling(u: PosteriorUncertainty): RankingRow[] {
  return u.ranking.filter((r) => r.direction !== 'above' && (r.share > 0.5 || (r.share === 0.5 && r.a < r.b)));
}

/** The report section: parameter uncertainty against stochastic noise, and whether rankings hold across the posterior. */
export function posteriorUncertaintySection(plan: PosteriorExperimentPlan, u: PosteriorUncertainty): ReportSection {
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');
  const sig = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : '–');
  return {
    id: 'posterior',
    title: 'Parameter uncertainty (posterior draws)',
    intro: `Each replicate took its parameters (${plan.posterior.parameters.join(', ')}) from the posterior of calibration ${plan.posterior.name}: ${u.draws} draws of ${u.seedsPerDraw} seed${u.seedsPerDraw === 1 ? '' : 's'} each. At the final month, the variance between runs is split into stochastic noise (within a draw) and parameter uncertainty (between draws); the share is between / (between + within).`,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: 'Scenario' },
          { label: 'Indicator' },
          { label: 'Mean', numeric: true },
          { label: 'Noise variance', numeric: true },
          { label: 'Parameter variance', numeric: true },
          { label: 'Parameter share', numeric: true },
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
      ...rankingLines(u).map((text) => ({ kind: 'paragraph' as const, text: `Ranking: ${text}.` })),
    ],
  };
}
