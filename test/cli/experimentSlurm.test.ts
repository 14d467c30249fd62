import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderFiles, tempDir } from '../experiment/cliSupport.js';
import { assertDistFresh } from '../support/cli.js';
import { onPath, startSlurm, type SlurmCluster } from '../experiment/slurmCluster.js';

/*
 * Submits a real 2-task Slurm job array, each task running one shard of an experiment
 * with the compiled CLI (bin/kopsim, from dist/: `npm test` builds it first), merges the
 * shards and compares the result with a single-machine run. Skipped when Slurm is not
 * installed (see docs/experiments.md for the install and start commands).
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'bin', 'kopsim');
const built = existsSync(join(repo, 'dist', 'cli', 'commands', 'merge.js'));
const skip = !onPath('sbatch') || !built;

describe.skipIf(skip)('Slurm job array', () => {
  const dir = tempDir('kopsim-slurm-');
  let cluster: SlurmCluster | null = null;

  beforeAll(async () => {
    assertDistFresh(); // the job array runs bin/kopsim, that is dist/
    cluster = await startSlurm(join(dir, 'cluster'));
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('runs shards as a job array; merged they equal a single-machine run', (ctx) => {
    if (!cluster) return ctx.skip();
    const file = join(dir, 'tiny.yaml');
    writeFileSync(
      file,
      [
        'kind: compare',
        'name: tiny',
        'scenarios: [seed-roadmap, status-quo]',
        'replicates: 4',
        'months: 24',
        'seed: 5',
        'indicators: [member_share, gini]',
        'set: [\'regions=[{"name":"A","households":200}]\']',
      ].join('\n'),
    );
    const task = `"${process.execPath}" "${bin}" experiment "${file}" --shard $SLURM_ARRAY_TASK_ID/2 --out "${dir}/shard-$SLURM_ARRAY_TASK_ID" --workers 1`;
    const job = spawnSync(
      'sbatch',
      ['--wait', '--array=0-1', `--chdir=${dir}`, '-o', join(dir, 'out-%a.txt'), '--wrap', task],
      { env: cluster.env, encoding: 'utf8', timeout: 110_000 },
    );
    expect(job.status, `${job.stdout}\n${job.stderr}`).toBe(0);
    const merged = join(dir, 'merged');
    execFileSync(process.execPath, [bin, 'merge', join(dir, 'shard-0'), join(dir, 'shard-1'), '--out', merged], {
      cwd: dir,
      stdio: 'pipe',
    });
    const single = join(dir, 'single');
    execFileSync(process.execPath, [bin, 'experiment', file, '--workers', '2', '--out', single], {
      cwd: dir,
      stdio: 'pipe',
    });
    const files = folderFiles(merged);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'comparison.csv',
        'plan.json',
        'report.html',
        'runs.jsonl',
        'summary.csv',
        'summary.json',
      ]),
    );
    expect(files).toEqual(folderFiles(single));
  }, 120_000);
});
