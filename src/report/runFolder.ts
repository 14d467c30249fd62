import { writeFileSync } from 'node:fs';
import { ownsEntry } from './outputFolder.js';
import { join } from 'node:path';
import type { RunResult } from '../experiment/runResult.js';
import type { RunSummary } from '../experiment/runSummary.js';
import { csvText } from './csvText.js';
import { timeseriesCsv } from './timeseriesCsv.js';
import { writeFolderAtomically } from './atomicFolder.js';
import { INDICATORS_FILE, indicatorsCsv } from './indicatorsCsv.js';

/** What a run's manifest records besides the data (provenance; not compared for determinism). */
export interface RunManifest {
  readonly kopsimVersion: string;
  readonly scenarioId: string;
  readonly source: string;
  readonly extendsChain: readonly string[];
  readonly overrides: readonly string[];
  readonly baseSeed: number;
  readonly seed: number;
  readonly months: number;
  readonly households: number;
  readonly commandLine: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly timings: { readonly simulationMs: number; readonly totalMs: number };
  readonly stoppedEarly: boolean;
  readonly scenario: unknown;
}

export const RUN_FILES = {
  manifest: 'manifest.json',
  timeseries: 'timeseries.csv',
  summary: 'summary.json',
  events: 'events.csv',
  indicators: INDICATORS_FILE,
} as const;

/** A run folder's data files (all but manifest.json), file name to text, in the order they are written. */
export type RunDataFiles = Readonly<Record<string, string>>;

/** The texts of a run's data files: timeseries.csv, summary.json, events.csv and indicators.csv. */
export function runDataFiles(result: RunResult, summary: RunSummary): RunDataFiles {
  return {
    [RUN_FILES.timeseries]: timeseriesCsv(result.series),
    [RUN_FILES.summary]: `${JSON.stringify(summary, null, 2)}\n`,
    [RUN_FILES.events]: eventsCsv(result),
    [RUN_FILES.indicators]: indicatorsCsv(
      'total;region',
      result.series.indicators.map((i) => i.id),
    ),
  };
}

/**
 * Writes a run's folder atomically: manifest.json, timeseries.csv, summary.json,
 * events.csv and indicators.csv, plus whatever `extra` writes (charts, report) into the same folder before
 * it is moved into place. `data` is the data files' texts when they were made beforehand
 * (`kopsim run` makes them while its charts are drawn).
 */
export function writeRunFolder(
  dir: string,
  result: RunResult,
  summary: RunSummary,
  manifest: RunManifest,
  extra?: (dir: string) => void,
  data: RunDataFiles = runDataFiles(result, summary),
): void {
  writeFolderAtomically(
    dir,
    (tmp) => {
      for (const [file, text] of Object.entries(data)) writeFileSync(join(tmp, file), text);
      writeFileSync(join(tmp, RUN_FILES.manifest), manifestJson(manifest));
      extra?.(tmp);
    },
    (entry) => ownsEntry('run', entry),
  );
}

/** manifest.json's text. */
export function manifestJson(manifest: RunManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function eventsCsv(result: RunResult): string {
  const regionName = (r: number) => (r < 0 ? 'total' : (result.stageTimeline[r]?.region ?? String(r)));
  return csvText([
    ['month', 'region', 'kind', 'message'],
    ...result.events.map((e) => [e.month, regionName(e.region), e.kind, e.message]),
  ]);
}
