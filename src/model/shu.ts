import type { ShuSplit } from './params.js';

/** The parts of an SHU (sisa hasil usaha) split by the bylaws, rupiah: one per bylaw share. */
export type ShuParts = { readonly [K in keyof ShuSplit]: number };

/**
 * Splits an SHU by the bylaws' shares. The parts sum to the SHU exactly: the reserve
 * takes whatever rounding leaves, so no rupiah is lost.
 *
 * @example splitShu(1_000_000, {reserve: .4, patronage: .25, capital: .15, board: .05, staff: .05, education: .05, social: .05})
 * // { reserve: 400000, patronage: 250000, capital: 150000, board: 50000, ... }
 */
export function splitShu(shu: number, split: ShuSplit): ShuParts {
  const patronage = shu * split.patronage;
  const capital = shu * split.capital;
  const board = shu * split.board;
  const staff = shu * split.staff;
  const education = shu * split.education;
  const social = shu * split.social;
  const reserve = shu - patronage - capital - board - staff - education - social;
  return { reserve, patronage, capital, board, staff, education, social };
}
