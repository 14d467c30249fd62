/** Display labels of things the model names; kept here so the UI depends only on the event stream. */

/** Short names of roadmap stages 1..6 (index 0 is stage 1), as in the seed article. */
export const STAGE_LABELS: readonly string[] = [
  'awareness',
  'enterprises',
  'potential',
  'education',
  'federation',
  'social',
];

/** Column headers of the ladder (at most 7 characters with the number). */
export const STAGE_SHORT: readonly string[] = ['aware', 'enterp', 'potent', 'educ', 'feder', 'social'];

/** Readable names of enterprise kinds. */
export const ENTERPRISE_LABELS: Readonly<Record<string, string>> = {
  primaryStore: 'primary store (food)',
  secondaryStore: 'secondary store',
  supportingServices: 'supporting services',
  complementaryStore: 'complementary store',
  marketing: 'marketing',
  procurement: 'procurement',
  distribution: 'distribution',
  potential: 'regional potential',
};

/** The dashboard's key indicators: registry id, label and unit; `annual` ones change at annual closes. */
export interface DashboardIndicator {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly annual?: boolean;
}

export const DASHBOARD_INDICATORS: readonly DashboardIndicator[] = [
  { id: 'member_share', label: 'Member share', unit: 'share' },
  { id: 'consumption_pc_mean', label: 'Real consumption per capita', unit: 'rupiah per person per month' },
  { id: 'gini', label: 'Gini (consumption)', unit: 'index' },
  { id: 'p0', label: 'Poverty headcount P0', unit: 'share' },
  { id: 'coop_capital', label: 'Cooperative capital', unit: 'rupiah' },
  { id: 'shu_per_member', label: 'SHU per member (last close)', unit: 'rupiah per year', annual: true },
];
