import { describe, expect, it } from 'vitest';
import { mergedHeadline } from '../../src/cli/mergedFolder.js';
import { failedRunsError, type PlanFolderOutcome, shardDoneText } from '../../src/cli/runPlanInFolder.js';
import type { MergedExperiment } from '../../src/report/experimentMerge.js';

const outcome = (lang: 'en' | 'id'): PlanFolderOutcome<unknown> => ({
  outDir: 'shards/0',
  shard: { index: 0, count: 2 },
  inShard: 24,
  done: 22,
  failed: 2,
  concluded: undefined,
  lang,
});

describe('the messages of shards, failed runs and merges', () => {
  it('read as before in English', () => {
    expect(shardDoneText({ name: 'tiny' }, outcome('en'), 'indices')).toBe(
      'Shard 0/2 of tiny: 22 of 24 runs in shards/0\nWhen every shard is done: kopsim merge <shard folders...> (it computes the indices)',
    );
    expect(failedRunsError(outcome('en'), 'no replicate is finished').message).toBe(
      '2 of 24 runs failed (each with its seed and design point in shards/0/failures.jsonl); re-running the same command retries them; not analysed: no replicate is finished',
    );
  });

  it('are in Bahasa Indonesia for a run in it, paths and names kept', () => {
    expect(shardDoneText({ name: 'tiny' }, outcome('id'))).toBe(
      'Shard 0/2 dari tiny: 22 dari 24 simulasi di shards/0\nSetelah semua shard selesai: kopsim merge <folder-folder shard...>',
    );
    expect(failedRunsError(outcome('id')).message).toMatch(
      /^2 dari 24 simulasi gagal \(masing-masing dengan seed dan titik desainnya di shards\/0\/failures\.jsonl\)/,
    );
    const merged = { sources: ['a', 'b'], runs: ['x'], plan: { runs: [1, 2] } } as unknown as MergedExperiment;
    expect(mergedHeadline(merged, 'id')).toBe('2 folder digabung: 1 dari 2 simulasi');
    expect(mergedHeadline(merged)).toBe('Merged 2 folders: 1 of 2 runs');
  });
});
