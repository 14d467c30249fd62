/**
 * Engel's law: the food share of spending falls with consumption per capita. Working's
 * form, share = a - b ln(c / z), anchored at the poverty line z; clamped to 0.25..0.8.
 *
 * @param consumptionPc consumption per capita, rupiah per person per month
 * @param line poverty line, rupiah per person per month
 * @param shareAtLine food share at consumption equal to the line
 * @param slope fall of the share per unit of log consumption
 * @example foodShare(580_349, 580_349, 0.6, 0.1) // 0.6
 */
export function foodShare(consumptionPc: number, line: number, shareAtLine: number, slope: number): number {
  const s = consumptionPc > 0 ? shareAtLine - slope * Math.log(consumptionPc / line) : 0.8;
  return s < 0.25 ? 0.25 : s > 0.8 ? 0.8 : s;
}
