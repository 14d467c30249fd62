import { restoreCell } from './csvText.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../core/errors.js';
import type { RunSummary } from '../experiment/runSummary.js';
import type { ChartRow } from './charts/chartRows.js';
import { RUN_FILES, type RunManifest } from './runFolder.js';
import type { EventRow, RunReportInput } from './runReportInput.js';

const TIMESERIES_HEADER = ['month', 'region', 'indicator', 'value'];
const EVENTS_HEADER = ['month', 'region', 'kind', 'message'];

/**
 * Reads back what a report is drawn from: a run folder's manifest.json, summary.json,
 * timeseries.csv and events.csv. Every problem found (a missing file, bad JSON, a wrong
 * CSV header, a non-numeric cell) is reported at once, each naming its file, in one
 * InputError (exit code 2).
 */
export function readRunFolder(dir: string): RunReportInput {
  const problems: InputProblem[] = [];
  if (!existsSync(dir)) throw new InputError(dir, [{ path: dir, message: 'no such folder' }]);
  if (!statSync(dir).isDirectory())
    throw new InputError(dir, [
      {
        path: dir,
        message:
          'is not a folder (expected a run folder holding manifest.json, summary.json, timeseries.csv and events.csv)',
      },
    ]);

  const file = (name: string): string | undefined => {
    const p = join(dir, name);
    if (!existsSync(p)) {
      problems.push({ path: p, message: 'missing: this does not look like a kopsim run folder' });
      return undefined;
    }
    return readFileSync(p, 'utf8');
  };
  const json = (name: string): Record<string, unknown> | undefined => {
    const text = file(name);
    if (text === undefined) return undefined;
    try {
      const v: unknown = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
      problems.push({ path: join(dir, name), message: 'must hold a JSON object' });
    } catch (error) {
      problems.push({ path: join(dir, name), message: `is not valid JSON (${(error as Error).message})` });
    }
    return undefined;
  };

  const manifest = json(RUN_FILES.manifest);
  if (manifest) checkManifest(join(dir, RUN_FILES.manifest), manifest, problems);
  const summary = json(RUN_FILES.summary);
  if (summary) checkSummary(join(dir, RUN_FILES.summary), summary, problems);
  const rows = csvRows(
    join(dir, RUN_FILES.timeseries),
    file(RUN_FILES.timeseries),
    TIMESERIES_HEADER,
    problems,
    (rec, at) => {
      const month = Number(rec[0]);
      const value = rec[3] === '' ? NaN : Number(rec[3]);
      if (!Number.isInteger(month) || month < 0) return at('month', 'must be a whole number of months', rec[0]);
      if (rec[3] !== '' && !Number.isFinite(value)) return at('value', 'must be a number or empty', rec[3]);
      return { month, region: restoreCell(rec[1]), indicator: rec[2], value } satisfies ChartRow;
    },
  );
  const events = csvRows(join(dir, RUN_FILES.events), file(RUN_FILES.events), EVENTS_HEADER, problems, (rec, at) => {
    const month = Number(rec[0]);
    if (!Number.isInteger(month) || month < 0) return at('month', 'must be a whole number of months', rec[0]);
    return { month, region: restoreCell(rec[1]), kind: rec[2], message: restoreCell(rec[3]) } satisfies EventRow;
  });
  if (problems.length > 0 || !manifest || !summary || !rows || !events) throw new InputError(dir, problems);
  return { manifest: manifest as unknown as RunManifest, summary: summary as unknown as RunSummary, rows, events };
}

function checkManifest(path: string, m: Record<string, unknown>, problems: InputProblem[]): void {
  const need = (key: string, ok: (v: unknown) => boolean, what: string) => {
    if (!ok(m[key])) problems.push({ path: `${path}: ${key}`, message: `must be ${what}`, found: m[key] });
  };
  need('kopsimVersion', isString, 'a string');
  need('scenarioId', isString, 'a string');
  need('source', isString, 'a string');
  need('seed', isNumber, 'a number');
  need('baseSeed', isNumber, 'a number');
  need('commandLine', (v) => Array.isArray(v) && v.every(isString), 'a list of strings');
  need('overrides', (v) => Array.isArray(v) && v.every(isString), 'a list of strings');
  need('stoppedEarly', (v) => typeof v === 'boolean', 'true or false');
  const scenario = m.scenario as { market?: { povertyLine?: unknown } } | undefined;
  if (!scenario || typeof scenario !== 'object' || !isNumber(scenario.market?.povertyLine)) {
    problems.push({
      path: `${path}: scenario.market.povertyLine`,
      message: 'must be a number (the resolved scenario is missing or incomplete)',
    });
  }
}

function checkSummary(path: string, s: Record<string, unknown>, problems: InputProblem[]): void {
  const need = (key: string, ok: (v: unknown) => boolean, what: string) => {
    if (!ok(s[key])) problems.push({ path: `${path}: ${key}`, message: `must be ${what}`, found: s[key] });
  };
  need('name', isString, 'a string');
  need('strategy', isString, 'a string');
  need('months', isNumber, 'a number');
  need('households', isNumber, 'a number');
  need('stoppedEarly', (v) => typeof v === 'boolean', 'true or false');
  need(
    'stageTimeline',
    (v) =>
      Array.isArray(v) &&
      v.every(
        (t) =>
          t &&
          typeof t === 'object' &&
          isString((t as { region?: unknown }).region) &&
          typeof (t as { stages?: unknown }).stages === 'object',
      ),
    'a list of {region, stages}',
  );
}

type At = (column: string, message: string, found: unknown) => undefined;

/** Parses a CSV with a fixed header; reports at most 5 bad lines per file, then how many more. */
function csvRows<T>(
  path: string,
  text: string | undefined,
  header: readonly string[],
  problems: InputProblem[],
  row: (rec: string[], at: At) => T | undefined,
): T[] | undefined {
  if (text === undefined) return undefined;
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    problems.push({ path, message: `is not valid CSV (${(error as Error).message})` });
    return undefined;
  }
  if (records.length === 0 || records[0].join(',') !== header.join(',')) {
    problems.push({
      path,
      message: `must start with the header ${header.join(',')}`,
      found: records[0]?.join(',') ?? '',
    });
    return undefined;
  }
  const out: T[] = [];
  let bad = 0;
  for (let i = 1; i < records.length; i++) {
    const at: At = (column, message, found) => {
      if (++bad <= 5) problems.push({ path: `${path}: line ${i + 1}, ${column}`, message, found });
      return undefined;
    };
    const r = row(records[i], at);
    if (r !== undefined) out.push(r);
  }
  if (bad > 5) problems.push({ path, message: `${bad - 5} more bad lines` });
  return bad > 0 ? undefined : out;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
