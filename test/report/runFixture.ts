import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeed } from '../../src/core/seed.js';
import type { RunResult } from '../../src/experiment/runResult.js';
import { summarizeRun, type RunSummary } from '../../src/experiment/runSummary.js';
import { createSimulation } from '../../src/experiment/simulation.js';
import { writeRunFolder, type RunManifest } from '../../src/report/runFolder.js';
import { renderRunReport, writeRunReport, type RenderedRunReport } from '../../src/report/runReport.js';
import { runReportInput, type RunReportInput } from '../../src/report/runReportInput.js';
import { loadScenario } from '../../src/scenario/load.js';

/** A short run written to a temp folder the way `kopsim run` writes it, through the library. */
export interface RunFixture {
  readonly dir: string;
  readonly result: RunResult;
  readonly summary: RunSummary;
  readonly manifest: RunManifest;
  readonly input: RunReportInput;
  /** Undefined when written without a report. */
  readonly report?: RenderedRunReport;
  cleanup(): void;
}

export interface FixtureOptions {
  readonly months?: number;
  /** Stop after this many months (a run stopped early, as with q in the TUI). */
  readonly stopAt?: number;
  readonly withReport?: boolean;
  readonly baseSeed?: number;
}

/** Runs the default scenario for a few months and writes its folder (with charts and report by default). */
export async function makeRunFixture(opts: FixtureOptions = {}): Promise<RunFixture> {
  const months = opts.months ?? 48;
  const baseSeed = opts.baseSeed ?? 1;
  const loaded = loadScenario('default', [`months=${months}`]);
  const seed = runSeed(baseSeed);
  const sim = createSimulation(loaded.id, loaded.scenario, seed);
  while (!sim.done && (opts.stopAt === undefined || sim.month < opts.stopAt)) sim.advance();
  const result = sim.result();
  const summary = summarizeRun(result);
  const manifest: RunManifest = {
    kopsimVersion: '0.0.0-test',
    scenarioId: loaded.id,
    source: loaded.source,
    extendsChain: loaded.chain,
    overrides: loaded.overrides,
    baseSeed,
    seed,
    months: result.months,
    households: result.households,
    commandLine: ['kopsim', 'run', '--months', String(months), '--out', "reports/it's a test"],
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:01.000Z',
    timings: { simulationMs: 1000, totalMs: 1000 },
    stoppedEarly: result.stoppedEarly,
    scenario: loaded.scenario,
  };
  const input = runReportInput(result, summary, manifest);
  const report = opts.withReport === false ? undefined : await renderRunReport(input);
  const parent = mkdtempSync(join(tmpdir(), 'kopsim-report-'));
  const dir = join(parent, 'run');
  writeRunFolder(dir, result, summary, manifest, report ? (tmp) => writeRunReport(tmp, report) : undefined);
  return {
    dir,
    result,
    summary,
    manifest,
    input,
    report,
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian), after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR first');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
