import { indicatorById } from './registry.js';

/**
 * The values an indicator can take, so that confidence intervals of its mean stay inside
 * them: shares and indices (Gini, Atkinson) lie in [0, 1], the stage in [0, 6], counts
 * and rupiah flows (consumption, sales, SHU, transfers) cannot be negative. Rupiah stocks
 * of the cooperative (capital, cash, reserves, debt) are left unbounded: capital can turn
 * negative after losses; so are relative changes (a gain over a comparison group).
 *
 * @example indicatorRange('p0') // => [0, 1]
 * @example indicatorRange('consumption_pc_mean') // => [0, Infinity]
 */
export function indicatorRange(id: string): readonly [number, number] {
  const unit = indicatorById(id)?.unit;
  switch (unit) {
    case 'share':
    case 'index':
      return [0, 1];
    case 'stage':
      return [0, 6];
    case 'count':
    case 'rupiah per month':
    case 'rupiah per year':
    case 'rupiah per person per month':
      return [0, Infinity];
    default:
      return [-Infinity, Infinity];
  }
}
