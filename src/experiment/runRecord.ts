import type { PlannedRun } from './plan.js';

/**
 * What one finished run leaves in runs.jsonl: its identity, as planned (plan index, key,
 * scenario, design point, replicate, seed, months) and, for each summarised indicator,
 * its value in the total scope at months 0..months (array position = month).
 */
export interface RunRecord extends PlannedRun {
  /** Indicator id -> values by month (NaN where the indicator was undefined). */
  readonly values: Readonly<Record<string, readonly number[]>>;
  /** What the task's probe measured, if it had one (not written to runs.jsonl). */
  readonly probe?: unknown;
}

/** A run that threw: reported with everything needed to reproduce it (its identity, as planned). */
export interface RunFailure extends PlannedRun {
  /** The error's message (its stack goes to stderr only, as it names local paths). */
  readonly error: string;
}

/** A run's identity as its runs.jsonl or failures.jsonl line begins, keys in a fixed order. */
function identityFields(r: PlannedRun) {
  return {
    index: r.index,
    key: r.key,
    scenario: r.scenario,
    point: r.point,
    params: r.params,
    replicate: r.replicate,
    seed: r.seed,
    months: r.months,
  };
}

/**
 * One runs.jsonl line (without the newline), keys in a fixed order, so the same run
 * always gives the same bytes. NaN and infinities become null, as JSON has no such
 * numbers; {@link parseRunRecord} turns them back into NaN.
 */
export function runRecordLine(r: RunRecord): string {
  return JSON.stringify({ ...identityFields(r), values: r.values });
}

/** Parses a runs.jsonl line; throws when it is not a run record. */
export function parseRunRecord(line: string): RunRecord {
  const o = JSON.parse(line) as Record<string, unknown>;
  if (
    o === null ||
    typeof o !== 'object' ||
    typeof o.index !== 'number' ||
    typeof o.key !== 'string' ||
    o.values === null ||
    typeof o.values !== 'object'
  ) {
    throw new Error('not a run record');
  }
  const values: Record<string, number[]> = {};
  for (const [id, arr] of Object.entries(o.values as Record<string, unknown>)) {
    if (!Array.isArray(arr)) throw new Error(`values.${id} is not a list`);
    values[id] = arr.map((v) => (typeof v === 'number' ? v : Number.NaN));
  }
  return { ...(o as unknown as RunRecord), values };
}

/** One failures.jsonl line, keys in a fixed order. */
export function runFailureLine(f: RunFailure): string {
  return JSON.stringify({ ...identityFields(f), error: f.error });
}
