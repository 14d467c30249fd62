/** The dashboard's key indicators: registry id and unit; `annual` ones change at annual closes. Labels: the catalogue. */
export interface DashboardIndicator {
  readonly id: string;
  readonly unit: string;
  readonly annual?: boolean;
}

export const DASHBOARD_INDICATORS: readonly DashboardIndicator[] = [
  { id: 'member_share', unit: 'share' },
  { id: 'consumption_pc_mean', unit: 'rupiah per person per month' },
  { id: 'gini', unit: 'index' },
  { id: 'p0', unit: 'share' },
  { id: 'coop_capital', unit: 'rupiah' },
  { id: 'shu_per_member', unit: 'rupiah per year', annual: true },
];

/** Event kinds so frequent that the log counts them per year instead of listing each. */
export const ROUTINE_EVENTS: ReadonlySet<string> = new Set([
  'enterprise-joined',
  'rat-held',
  'credit-received',
  'integration-link',
  'enterprise-founded',
  'enterprise-closed',
]);
