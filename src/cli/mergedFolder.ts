import { commandLine } from './commandLine.js';
import type { Lang } from '../i18n/lang.js';
import { locale } from '../i18n/locale.js';
import { SimulationError } from '../core/errors.js';
import { writeExperimentManifest } from '../report/experimentFolder.js';
import { writeMergedFolder, type MergedExperiment } from '../report/experimentMerge.js';
import { kopsimVersion } from './version.js';

type Merged = MergedExperiment & { readonly planText: string };

/**
 * Writes the merged folder atomically: plan, runs and failures, what `writeResults` adds
 * (summaries or indices, report), and a manifest that names the folders merged and the
 * runs none of them holds. Provenance comes from the first folder that has a manifest.
 */
export function writeMergedExperiment(
  out: string,
  merged: Merged,
  started: Date,
  writeResults: (dir: string) => void,
): void {
  const { plan } = merged;
  const first = merged.manifests.find((m) => m !== null);
  writeMergedFolder(out, merged, (tmp) => {
    writeResults(tmp);
    writeExperimentManifest(tmp, {
      kopsimVersion: kopsimVersion(),
      name: plan.name,
      kind: plan.kind,
      planHash: plan.hash,
      shard: null,
      status: merged.failures.length > 0 ? 'failed' : merged.missing.length > 0 ? 'incomplete' : 'complete',
      commandLine: commandLine(),
      source: first?.source ?? 'kopsim merge',
      scenarioFiles: first?.scenarioFiles ?? [],
      workers: 0,
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      runs: {
        planned: plan.runs.length,
        inShard: plan.runs.length,
        completed: merged.runs.length,
        failed: merged.failures.length,
        finishedBefore: 0,
      },
      timings: { totalMs: Date.now() - started.getTime() },
      mergedFrom: merged.sources,
      missing: merged.missing.slice(0, 1000),
    });
  });
}

/** What `kopsim merge --json` prints: the command's result, plus the folders merged and the runs missing. */
export function mergedJsonText(result: object, merged: MergedExperiment): string {
  return JSON.stringify({ ...result, mergedFrom: merged.sources, missing: merged.missing }, null, 2);
}

/** `Merged 2 folders: 120 of 128 runs`, in the language. */
export function mergedHeadline(merged: MergedExperiment, lang: Lang = 'en'): string {
  return locale(lang).t(merged.sources.length === 1 ? 'batch.mergedOne' : 'batch.merged', {
    n: merged.sources.length,
    done: merged.runs.length,
    total: merged.plan.runs.length,
  });
}

/** After the merged folder is written: names the runs no folder holds (stderr), and throws SimulationError (exit 1) when runs are missing or failed. */
export function endMerge(out: string, merged: MergedExperiment, lang: Lang = 'en'): void {
  const L = locale(lang);
  if (merged.missing.length > 0) {
    const keys = merged.missing.slice(0, 20).map((i) => merged.plan.runs[i].key);
    process.stderr.write(
      `${L.t('batch.inNoFolder', { n: merged.missing.length, keys: `${keys.join(', ')}${merged.missing.length > 20 ? ', ...' : ''}` })}\n`,
    );
  }
  if (merged.missing.length > 0 || merged.failures.length > 0) {
    throw new SimulationError(
      L.t('batch.mergeIncomplete', { missing: merged.missing.length, failed: merged.failures.length, folder: out }),
    );
  }
}
