import { describe, expect, it } from 'vitest';
import { planExperiment } from '../../src/experiment/plan.js';
import { runRecordLine, type RunFailure, type RunRecord } from '../../src/experiment/runRecord.js';
import { executeTask } from '../../src/experiment/runTask.js';
import { endIdleWorkers, executeRuns, idleWorkerCount } from '../../src/experiment/workerPool.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';

const plan = planExperiment(
  loadExperimentDocument(
    {
      kind: 'compare',
      scenarios: ['seed-roadmap', 'status-quo'],
      replicates: 3,
      months: 12,
      seed: 5,
      set: ['regions=[{"name":"A","households":200}]'],
    },
    'test',
    process.cwd(),
    'pool',
  ),
);

async function collect(workers: number, execute?: Parameters<typeof executeRuns>[0]['execute']) {
  const records: RunRecord[] = [];
  const failures: RunFailure[] = [];
  const outcome = await executeRuns({
    plan,
    runs: plan.runs,
    workers,
    execute,
    onRecord: (r) => records.push(r),
    onFailure: (f) => failures.push(f),
  });
  records.sort((a, b) => a.index - b.index);
  return { outcome, lines: records.map(runRecordLine), failures };
}

describe('executeRuns', () => {
  it('gives the same records in this thread and on 2 worker threads', async () => {
    const inThread = await collect(0);
    const pooled = await collect(2);
    expect(inThread.outcome).toEqual({ completed: 6, failed: 0, interrupted: false });
    expect(pooled.outcome).toEqual(inThread.outcome);
    expect(pooled.lines).toEqual(inThread.lines);
    expect(JSON.parse(pooled.lines[0])).toMatchObject({
      key: 'seed-roadmap/base/0',
      seed: plan.runs[0].seed,
      months: 12,
    });
  });

  it('keeps its workers for the next call, which gives the same records on them', async () => {
    await endIdleWorkers();
    const first = await collect(2);
    expect(idleWorkerCount()).toBe(2);
    const second = await collect(2);
    // Reused, not started again: still two idle workers, not four.
    expect(idleWorkerCount()).toBe(2);
    expect(second.lines).toEqual(first.lines);
    await endIdleWorkers();
    expect(idleWorkerCount()).toBe(0);
  });

  it('reports a crashing run with its seed and design point, and goes on with the others', async () => {
    const { outcome, lines, failures } = await collect(0, (task) => {
      if (task.run.key === 'status-quo/base/1') throw new Error('boom');
      return executeTask(task);
    });
    expect(outcome).toEqual({ completed: 5, failed: 1, interrupted: false });
    expect(lines).toHaveLength(5);
    expect(failures).toEqual([
      {
        index: 3,
        key: 'status-quo/base/1',
        scenario: 'status-quo',
        point: '',
        params: {},
        replicate: 1,
        seed: plan.runs[3].seed,
        months: 12,
        error: 'boom',
      },
    ]);
  });

  it('reports progress: runs done, and which run each worker is on', async () => {
    const seen: import('../../src/experiment/progress.js').ExperimentProgress[] = [];
    await executeRuns({
      plan,
      runs: plan.runs,
      workers: 2,
      onRecord: () => {},
      onFailure: () => {},
      onProgress: (p) => seen.push(p),
    });
    expect(seen[0]).toMatchObject({ total: 6, done: 0, running: 0 });
    expect(seen.at(-1)).toMatchObject({ total: 6, done: 6, failed: 0, running: 0 });
    expect(seen.at(-1)!.workers.map((w) => w.run)).toEqual([null, null]);
    expect(seen.some((p) => p.workers.some((w) => w.run === 'status-quo/base/2' && w.months === 12))).toBe(true);
    expect(
      seen
        .filter((p) => p.last?.ok)
        .map((p) => p.last!.key)
        .sort(),
    ).toEqual(plan.runs.map((r) => r.key).sort());
  });

  it('stops handing out runs when aborted', async () => {
    const controller = new AbortController();
    const records: RunRecord[] = [];
    const outcome = await executeRuns({
      plan,
      runs: plan.runs,
      workers: 0,
      signal: controller.signal,
      onRecord: (r) => {
        records.push(r);
        if (records.length === 2) controller.abort();
      },
      onFailure: () => {},
    });
    expect(outcome).toEqual({ completed: 2, failed: 0, interrupted: true });
  });
});
