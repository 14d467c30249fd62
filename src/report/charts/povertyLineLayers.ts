import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { Locale } from '../../i18n/locale.js';
import { POVERTY_LINE_COLOUR } from './theme.js';

/** "Rp580,349" / "Rp580.349": whole rupiah with the language's thousands separator. */
export function rupiahText(L: Locale, x: number): string {
  return `Rp${L.fmt.integer(x)}`;
}

/** A dashed rule at the poverty line, labelled in the language, as layers with their own one-row data. */
export function povertyLineLayers(L: Locale, povertyLine: number): LayerSpec<Field>['layer'] {
  const data = { values: [{ line: povertyLine, label: L.t('rc.povertyLine', { line: rupiahText(L, povertyLine) }) }] };
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
