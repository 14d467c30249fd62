import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import { POVERTY_LINE_COLOUR } from './theme.js';

/** "Rp 580,349": whole rupiah with thousands separators. */
export function rupiahText(x: number): string {
  return `Rp ${Math.round(x).toLocaleString('en-US')}`;
}

/** A dashed rule at the poverty line, labelled, as layers with their own one-row data. */
export function povertyLineLayers(povertyLine: number): LayerSpec<Field>['layer'] {
  const data = { values: [{ line: povertyLine, label: `poverty line ${rupiahText(povertyLine)}` }] };
  return [
    {
      data,
      mark: { type: 'rule', color: POVERTY_LINE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'line', type: 'quantitative' } },
    },
    {
      data,
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'bottom',
        dx: 4,
        dy: -3,
        color: POVERTY_LINE_COLOUR,
        fontSize: 11,
      },
      encoding: {
        y: { field: 'line', type: 'quantitative' },
        x: { value: 0 },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}
