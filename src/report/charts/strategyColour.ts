/**
 * Colours of the bundled scenarios, so a strategy has the same colour in every chart of
 * every report: the baseline grey, the seed roadmap blue, top-down orange.
 */
const KNOWN: Readonly<Record<string, string>> = {
  'status-quo': '#8c8c8c',
  'seed-roadmap': '#4e79a7',
  'top-down': '#f28e2b',
  'business-first': '#76b7b2',
  'early-federation': '#b07aa1',
  'no-institution': '#edc948',
  national: '#9c755f',
  default: '#59a14f',
};

/** Colours for scenarios not listed above: none of theirs (grey is kept for the status quo). */
const SPARE = ['#e15759', '#ff9da7', '#17becf', '#bcbd22', '#8c564b', '#e377c2', '#1f77b4', '#2ca02c'];

/**
 * The colour of a scenario (strategy) by its label, the same in every chart: a fixed
 * colour for bundled scenarios; for others one picked by a hash of the name, so it does
 * not depend on which other scenarios a report shows. A label like "top-down#2" or
 * "top-down @ point" takes the colour of "top-down".
 */
export function strategyColour(label: string): string {
  const name = label.split(/[#@]/)[0].trim();
  const known = KNOWN[name];
  if (known) return known;
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return SPARE[h % SPARE.length];
}

/** A Vega-Lite colour scale for these labels, each in its strategy's colour. */
export function strategyScale(labels: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...labels], range: labels.map(strategyColour) };
}
