import type { ArmMeasures } from './validationRuns.js';

/** The band a measured value must fall in to pass, inclusive at both ends. */
export interface Band {
  readonly low: number;
  readonly high: number;
  /** The band as the table prints it, e.g. `0.28-0.33` or `> 0`. */
  readonly text: string;
}

/** What measuring a fact gave: a value, its range over seeds, and whether it passes. */
export type Verdict =
  | {
      readonly kind: 'measured';
      /** The fact's statistic (usually the mean over seeds). */
      readonly value: number;
      /** Lowest and highest value over seeds (or over the groups the fact compares). */
      readonly low: number;
      readonly high: number;
      readonly pass: boolean;
      /** A short explanation printed after the line (e.g. the two arms' values), if any. */
      readonly detail?: string;
    }
  | { readonly kind: 'not-measured'; readonly reason: string };

/**
 * A stylized fact the model should reproduce: what it is, how the harness measures it,
 * the reference band and its source. `measure` reads only the measures of `arms`.
 */
export interface StylizedFact {
  readonly id: string;
  readonly description: string;
  /** How it is measured: scenario, seeds, months, statistic. */
  readonly measured: string;
  readonly band: Band;
  readonly source: string;
  /** Labels of the validation arms whose runs it needs. */
  readonly arms: readonly string[];
  /** How values print (e.g. as a percentage). */
  format(value: number): string;
  measure(measures: ArmMeasures): Verdict;
}

/** A band from low to high printed with the fact's format. */
export function band(low: number, high: number, format: (x: number) => string): Band {
  return { low, high, text: `${format(low)} to ${format(high)}` };
}

/** Whether a value lies in a band (inclusive). */
export function inBand(value: number, b: Band): boolean {
  return value >= b.low && value <= b.high;
}

/** A verdict from per-seed values: their mean, range and whether the mean is in the band. */
export function verdictOf(values: readonly number[], b: Band, detail?: string): Verdict {
  const xs = values.filter(Number.isFinite);
  if (xs.length === 0) return { kind: 'not-measured', reason: 'no finite value in any seed' };
  const value = xs.reduce((a, x) => a + x, 0) / xs.length;
  return {
    kind: 'measured',
    value,
    low: Math.min(...xs),
    high: Math.max(...xs),
    pass: inBand(value, b),
    ...(detail ? { detail } : {}),
  };
}
