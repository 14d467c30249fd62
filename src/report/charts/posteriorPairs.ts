import type { TopLevelSpec } from 'vega-lite';
import { SERIES_COLOURS, specHead } from './theme.js';

/** A posterior sample as the pairs plot takes it: the parameters' labels and, per particle, its values and weight. */
export interface PosteriorSample {
  readonly labels: readonly string[];
  readonly particles: readonly { readonly theta: readonly number[]; readonly weight: number }[];
}

/** Field names Vega-Lite can read (a dot in a field name means a nested field). */
function fieldNames(labels: readonly string[]): string[] {
  return labels.map((l, k) => `p${k}_${l.replace(/[^A-Za-z0-9_]/g, '_')}`);
}

/**
 * The pairs plot of a weighted posterior sample: every pair of parameters as a scatter
 * (point size by weight) in a matrix, so joint structure (ridges, trade-offs between
 * parameters the targets cannot tell apart) shows next to each parameter's marginal.
 */
export function posteriorPairs(
  sample: PosteriorSample,
  title: string,
  subtitle = 'Joint posterior: each pair of parameters (point size by weight)',
): TopLevelSpec {
  const fields = fieldNames(sample.labels);
  const values = sample.particles.map((p) => {
    const row: Record<string, number> = { weight: p.weight };
    fields.forEach((f, k) => {
      row[f] = p.theta[k];
    });
    return row;
  });
  const size = fields.length > 4 ? 110 : 150;
  return {
    ...specHead(title, subtitle),
    data: { values },
    repeat: { row: fields, column: fields },
    spec: {
      width: size,
      height: size,
      mark: { type: 'point', filled: true, opacity: 0.35, color: SERIES_COLOURS[0] },
      encoding: {
        x: { field: { repeat: 'column' }, type: 'quantitative', scale: { zero: false } },
        y: { field: { repeat: 'row' }, type: 'quantitative', scale: { zero: false } },
        size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [4, 60] } },
      },
    },
  } as TopLevelSpec;
}

/**
 * The marginal posterior of each parameter: a weighted histogram per parameter, three to
 * a row, each binned over its own range (a facet would bin every parameter alike).
 */
export function posteriorMarginals(
  sample: PosteriorSample,
  title: string,
  subtitle = 'Marginal posteriors: weighted histograms (share of posterior weight per bin)',
  weightTitle = 'weight',
): TopLevelSpec {
  const values = sample.particles.flatMap((p) =>
    sample.labels.map((label, k) => ({ parameter: label, value: p.theta[k], weight: p.weight })),
  );
  return {
    ...specHead(title, subtitle),
    data: { values },
    columns: 3,
    concat: sample.labels.map((label) => ({
      title: { text: label, fontSize: 12 },
      width: 200,
      height: 120,
      transform: [{ filter: { field: 'parameter', equal: label } }],
      mark: { type: 'bar', color: SERIES_COLOURS[0] },
      encoding: {
        x: { field: 'value', type: 'quantitative', bin: { maxbins: 20 }, title: null },
        y: { aggregate: 'sum', field: 'weight', type: 'quantitative', title: weightTitle },
      },
    })),
  } as TopLevelSpec;
}
