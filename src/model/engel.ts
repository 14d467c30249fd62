/**
 * Engel's law: the food share of spending falls with consumption per capita. Working's
 * form, share = a - b ln(c / z), anchored at the poverty line z; clamped to min..max
 * (`market.foodShareMin`, `market.foodShareMax`), and max at zero consumption.
 *
 * @param consumptionPc consumption per capita, rupiah per person per month
 * @param line poverty line, rupiah per person per month
 * @param shareAtLine food share at consumption equal to the line
 * @param slope fall of the share per unit of log consumption
 * @param min lowest food share
 * @param max highest food share
 * @example foodShare(580_349, 580_349, 0.6, 0.1, 0.25, 0.8) // 0.6
 */
export function foodShare(
  consumptionPc: number,
  line: number,
  shareAtLine: number,
  slope: number,
  min: number,
  max: number,
): number {
  const s = consumptionPc > 0 ? shareAtLine - slope * Math.log(consumptionPc / line) : max;
  return s < min ? min : s > max ? max : s;
}
