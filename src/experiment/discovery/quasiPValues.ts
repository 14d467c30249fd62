import { binomialUpperTail } from './binomialUpperTail.js';
import { boxStats, inBox, restrictedDimensions, type PrimBox, type PrimData } from './primBox.js';

/** A restricted dimension of a box with its quasi-p-value. */
export interface Restriction {
  /** Column index. */
  readonly dimension: number;
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Whether the lower and upper ends are restricted (narrower than the data's). */
  readonly lowerRestricted: boolean;
  readonly upperRestricted: boolean;
  /**
   * Quasi-p-value (Bryant & Lempert 2010, as the EMA Workbench computes it): with the
   * restriction dropped, the box's density is p; the chance that Binomial(rows in box, p)
   * has at least the box's cases of interest. Small: the restriction matters.
   */
  readonly quasiP: number;
}

/** The restricted dimensions of a box (compared with `whole`), each with its quasi-p-value. */
export function quasiPValues(data: PrimData, box: PrimBox, whole: PrimBox): Restriction[] {
  const { count, hits } = boxStats(data, box);
  return restrictedDimensions(box, whole).map((j) => {
    let relaxedCount = 0;
    let relaxedHits = 0;
    for (let i = 0; i < data.y.length; i++)
      if (inBox(data, box, i, j)) {
        relaxedCount++;
        relaxedHits += data.y[i];
      }
    const p = relaxedCount > 0 ? relaxedHits / relaxedCount : 0;
    return {
      dimension: j,
      name: data.names[j],
      lower: box.lower[j],
      upper: box.upper[j],
      lowerRestricted: box.lower[j] > whole.lower[j],
      upperRestricted: box.upper[j] < whole.upper[j],
      quasiP: binomialUpperTail(hits, count, p),
    };
  });
}
