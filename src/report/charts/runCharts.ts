import type { ChartRow, NamedChart, RunChartMeta } from './chartRows.js';
import { localizedSpec } from './chartLocale.js';
import { consumptionChart } from './consumptionChart.js';
import { enterprisesChart } from './enterprisesChart.js';
import { financesChart } from './financesChart.js';
import { giniChart } from './giniChart.js';
import { incomeChart } from './incomeChart.js';
import { integrationChart } from './integrationChart.js';
import { membershipChart } from './membershipChart.js';
import { povertyChart } from './povertyChart.js';
import { regionConsumptionChart } from './regionConsumptionChart.js';
import { stageGanttChart } from './stageGanttChart.js';

type Builder = (rows: readonly ChartRow[], meta: RunChartMeta) => NamedChart['spec'];

/** The single-run charts, by file name, in report order. */
export const RUN_CHART_BUILDERS: readonly { readonly name: string; readonly title: string; readonly build: Builder }[] =
  [
    { name: 'stages', title: 'Roadmap stage timeline', build: stageGanttChart },
    { name: 'consumption', title: 'Real consumption per capita', build: consumptionChart },
    { name: 'income', title: 'Income per capita', build: incomeChart },
    { name: 'gini', title: 'Inequality: Gini of consumption', build: giniChart },
    { name: 'poverty', title: 'Poverty: headcount P0, gap P1, severity P2', build: povertyChart },
    { name: 'regions-consumption', title: 'Real consumption per capita by region', build: regionConsumptionChart },
    { name: 'membership', title: 'Membership and awareness', build: membershipChart },
    { name: 'finances', title: 'Cooperative finances', build: financesChart },
    { name: 'enterprises', title: 'Cooperative enterprises by kind', build: enterprisesChart },
    { name: 'integration', title: 'Integration and use of regional potential', build: integrationChart },
  ];

/** Every single-run chart of a run's rows; each titled as its spec is (in the language of `meta.lang`). */
export function runCharts(rows: readonly ChartRow[], meta: RunChartMeta): NamedChart[] {
  return RUN_CHART_BUILDERS.map(({ name, title, build }) => {
    const spec = localizedSpec(build(rows, meta), meta.lang);
    const specTitle = (spec.title as { text?: unknown } | undefined)?.text;
    return { name, title: typeof specTitle === 'string' ? specTitle : title, spec };
  });
}
