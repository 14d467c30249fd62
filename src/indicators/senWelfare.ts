/**
 * Sen's welfare index, mean * (1 - Gini): the mean discounted by inequality, in the unit
 * of the mean (e.g. rupiah per person per month). Sen (1976), "Real national income".
 *
 * @param mean person-weighted mean of the welfare measure (see `weightedMean`)
 * @param gini person-weighted Gini coefficient, share 0..1 (see `gini`)
 * @returns welfare in the unit of `mean`
 *
 * @example
 * senWelfare(100, 0.3); // 70
 */
export function senWelfare(mean: number, gini: number): number {
  return mean * (1 - gini);
}
