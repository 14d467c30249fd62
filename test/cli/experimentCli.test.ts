import { cpSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderFiles, kopsim, kopsimChild, SMALL, tempDir } from '../experiment/cliSupport.js';

const root = tempDir();
const COMPARE = ['compare', 'seed-roadmap', 'status-quo', '-n', '4', '--seed', '3', '--at', '12', ...SMALL];
const single = join(root, 'single');

beforeAll(async () => {
  const r = await kopsim([...COMPARE, '--workers', '1', '--out', single]);
  expect(r.stderr).not.toMatch(/failed \(/);
  expect(r.code).toBe(0);
});

describe('kopsim compare', () => {
  it('writes runs, summaries and comparisons, and prints the paired differences', async () => {
    const files = folderFiles(single);
    const charts = ['band-gini', 'band-member_share', 'diff-gini', 'diff-member_share'].flatMap((c) => [
      `charts/${c}.png`,
      `charts/${c}.svg`,
      `charts/${c}.vl.json`,
    ]);
    expect(Object.keys(files).sort()).toEqual(
      [
        ...charts,
        'comparison.csv',
        'indicators.csv',
        'plan.json',
        'report.html',
        'runs.csv',
        'runs.jsonl',
        'summary.csv',
        'summary.json',
      ].sort(),
    );
    expect(files['report.html']).toContain('All differences from seed-roadmap');
    expect(files['indicators.csv'].split('\n')[0]).toBe('id,label,unit,description,scope');
    expect(files['indicators.csv']).toMatch(/\ngini,Gini \(consumption\),index,[^\n]*,total\n/);
    // runs.csv: the same values as runs.jsonl, tidy and long
    const runsCsv = files['runs.csv'].trimEnd().split('\n');
    expect(runsCsv[0]).toBe('run,scenario,replicate,month,indicator,value');
    expect(runsCsv).toHaveLength(1 + 8 * 2 * 25);
    expect(runsCsv[1]).toMatch(/^seed-roadmap\/base\/0,seed-roadmap,0,0,(gini|member_share),/);
    // summary.csv's point column is filled: "base" without a sweep
    expect(files['summary.csv'].split('\n')[1]).toMatch(/^seed-roadmap,base,/);
    expect(files['report.html']).toContain('data-chart="band-gini"');
    const runs = files['runs.jsonl']
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(runs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // each run's seed and design point beside its results; the same seed for both strategies of a replicate
    expect(runs[0]).toMatchObject({
      key: 'seed-roadmap/base/0',
      scenario: 'seed-roadmap',
      point: '',
      replicate: 0,
      months: 24,
    });
    expect(runs[1].seed).toBe(runs[0].seed);
    expect(runs[0].values.gini).toHaveLength(25);
    expect(files['comparison.csv'].split('\n')[0]).toBe(
      'point,scenario,baseline,indicator,month,final,n,mean_scenario,mean_baseline,mean_diff,sd_diff,ci_low,ci_high,ci_method,t,p,dz',
    );
    const manifest = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ status: 'complete', shard: null, runs: { planned: 8, completed: 8, failed: 0 } });
  });

  it('prints a table of paired differences with CIs, and JSON with --json', async () => {
    const out = join(root, 'json');
    const r = await kopsim([...COMPARE, '--workers', '1', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ folder: out, kind: 'compare', runs: { planned: 8, completed: 8, failed: 0 } });
    expect(json.comparisons[0]).toMatchObject({ scenario: 'status-quo', baseline: 'seed-roadmap', n: 4 });
    const text = await kopsim([...COMPARE, '--workers', '1', '--out', out]);
    expect(text.stdout).toMatch(/Change from seed-roadmap at the final month/);
    // under the indicator's heading: the strategy, its change in percentage points, the CI, percent change, p
    expect(text.stdout).toMatch(
      /Member share\nstrategy.*\n[- ]+\nstatus-quo\s+-\d+\.\d pp\s+-\d+\.\d pp to -\d+\.\d pp\s+-\d+\.\d%/,
    );
    for (const line of text.stdout.split('\n').filter((l) => !l.startsWith('Wrote')))
      expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('gives byte-identical files with 1 and 2 workers', async () => {
    const two = join(root, 'two');
    expect((await kopsim([...COMPARE, '--workers', '2', '--out', two])).code).toBe(0);
    expect(folderFiles(two)).toEqual(folderFiles(single));
  });

  it('gives zero differences for a strategy compared with itself', async () => {
    const out = join(root, 'self');
    // Two variants need two ids (a repeated one is an error, not renamed).
    const file = join(root, 'self.yaml');
    writeFileSync(file, 'kind: compare\nscenarios:\n  - seed-roadmap\n  - {scenario: seed-roadmap, id: again}\n');
    const r = await kopsim(['experiment', file, '-n', '3', ...SMALL, '--workers', '1', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const comparisons = JSON.parse(r.stdout).comparisons;
    expect(comparisons.length).toBeGreaterThan(0);
    for (const c of comparisons) expect([c.meanDiff, c.ciLow, c.ciHigh, c.p, c.dz]).toEqual([0, 0, 0, 1, 0]);
  });
});

describe('shards and merge', () => {
  it('merging shards 0/2 and 1/2 gives what one machine wrote', async () => {
    const s0 = join(root, 'shard0');
    const s1 = join(root, 'shard1');
    const r0 = await kopsim([...COMPARE, '--workers', '1', '--shard', '0/2', '--out', s0]);
    expect(r0.code).toBe(0);
    expect(r0.stdout).toMatch(/Shard 0\/2/);
    expect((await kopsim([...COMPARE, '--workers', '2', '--shard', '1/2', '--out', s1])).code).toBe(0);
    const shardRuns = readFileSync(join(s0, 'runs.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).index);
    expect(shardRuns).toEqual([0, 2, 4, 6]);
    expect(existsSync(join(s0, 'summary.csv'))).toBe(false);
    const merged = join(root, 'merged');
    const m = await kopsim(['merge', s0, s1, '--out', merged]);
    expect(m.code).toBe(0);
    expect(folderFiles(merged)).toEqual(folderFiles(single));
    expect(JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'))).toMatchObject({
      status: 'complete',
      mergedFrom: [s0, s1],
    });
  });

  it('reports missing runs, and the single-machine command completes the merged folder', async () => {
    const s0 = join(root, 'lonely0');
    expect((await kopsim([...COMPARE, '--workers', '1', '--shard', '0/2', '--out', s0])).code).toBe(0);
    const merged = join(root, 'partial-merge');
    const m = await kopsim(['merge', s0, '--out', merged]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/4 runs are in no folder: status-quo\/base\/0, status-quo\/base\/1/);
    const done = await kopsim([...COMPARE, '--workers', '1', '--out', merged]);
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/resuming .*: 4 of 8 runs already done/);
    expect(folderFiles(merged)).toEqual(folderFiles(single));
  });

  it('refuses to merge folders of different experiments (exit 2)', async () => {
    const other = join(root, 'other');
    expect(
      (await kopsim(['replicate', 'status-quo', '-n', '2', ...SMALL, '--workers', '1', '--out', other])).code,
    ).toBe(0);
    const out = join(root, 'bad-merge');
    const m = await kopsim(['merge', single, other, '--out', out]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/belongs to another experiment/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('streaming and resume', () => {
  it('resumes after a torn last line and ends with the same files as an uninterrupted run', async () => {
    const out = join(root, 'torn');
    cpSync(single, out, { recursive: true });
    // As if killed while writing run 4: three whole lines, then half a line, no summaries.
    const lines = readFileSync(join(out, 'runs.jsonl'), 'utf8').split('\n');
    writeFileSync(join(out, 'runs.jsonl'), `${lines.slice(0, 3).join('\n')}\n${lines[3].slice(0, 100)}`);
    for (const f of ['summary.csv', 'summary.json', 'comparison.csv']) rmSync(join(out, f));
    const r = await kopsim([...COMPARE, '--workers', '2', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 of 8 runs already done \(cut off a torn last line\)/);
    expect(folderFiles(out)).toEqual(folderFiles(single));
  });

  it('leaves only whole lines when interrupted with SIGINT, and the same command resumes', async () => {
    const args = ['compare', 'seed-roadmap', 'status-quo', '-n', '12', '--seed', '9', ...SMALL, '--workers', '1'];
    const reference = join(root, 'uninterrupted');
    expect((await kopsim([...args, '--out', reference])).code).toBe(0);
    const out = join(root, 'interrupted');
    const child = kopsimChild([...args, '--out', out], root);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const runsFile = join(out, 'runs.jsonl');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      const poll = setInterval(() => {
        if (existsSync(runsFile) && readFileSync(runsFile, 'utf8').split('\n').length > 3) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 10);
    });
    expect(code, stderr).toBe(130);
    const text = readFileSync(runsFile, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const done = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.length).toBeLessThan(24);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('interrupted');
    expect(stderr).toMatch(/run the same command again to resume/);
    const resumed = await kopsim([...args, '--out', out]);
    expect(resumed.code).toBe(0);
    expect(folderFiles(out)).toEqual(folderFiles(reference));
  });

  it('resumes into the default folder when the same command runs again', async () => {
    const cwd = process.cwd();
    const dir = tempDir();
    process.chdir(dir);
    try {
      const first = await kopsim(['replicate', 'seed-roadmap', '-n', '2', ...SMALL, '--workers', '1', '--json']);
      const folder = JSON.parse(first.stdout).folder as string;
      expect(folder).toMatch(/reports\/seed-roadmap-replicate-s1-[0-9a-f]{8}$/);
      truncateSync(join(folder, 'runs.jsonl'), 0);
      const again = await kopsim(['replicate', 'seed-roadmap', '-n', '2', ...SMALL, '--workers', '1', '--json']);
      expect(JSON.parse(again.stdout).folder).toBe(folder);
      expect(again.stderr).toMatch(/resuming/);
      const other = await kopsim(['replicate', 'seed-roadmap', '-n', '3', ...SMALL, '--workers', '1', '--json']);
      expect(JSON.parse(other.stdout).folder).not.toBe(folder);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a folder that holds another experiment, writing nothing (exit 2)', async () => {
    const r = await kopsim([
      'compare',
      'seed-roadmap',
      'status-quo',
      '-n',
      '5',
      ...SMALL,
      '--workers',
      '1',
      '--out',
      single,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: holds a different experiment/);
  });
});

describe('bad input', () => {
  it('reports every bad flag and scenario at once, exit 2, nothing written', async () => {
    const out = join(root, 'never');
    const r = await kopsim([
      'compare',
      'seed-roadmap',
      'no-such',
      '--workers',
      '-1',
      '--shard',
      '2/2',
      '--seed',
      'x',
      '--indicators',
      'gini,ginny',
      '--out',
      out,
    ]);
    expect(r.code).toBe(2);
    for (const p of ['--workers', '--shard', '--seed', '--indicators', 'scenarios[1]'])
      expect(r.stderr).toContain(`  ${p}: `);
    expect(existsSync(out)).toBe(false);
  });

  it('kopsim sweep refuses an experiment that is not a sweep', async () => {
    const r = await kopsim(['sweep', 'scenarios/experiments/strategies.yaml', '--out', join(root, 'never2')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kind: kopsim sweep needs an experiment of kind sweep/);
  });
});

describe('kopsim sweep and experiment files', () => {
  it('runs a factorial sweep from a file, with one column per parameter', async () => {
    const file = join(root, 'tiny-sweep.yaml');
    writeFileSync(
      file,
      [
        'kind: sweep',
        'scenarios: [seed-roadmap]',
        'replicates: 2',
        'months: 12',
        'indicators: [member_share, gini]',
        'set: [\'regions=[{"name":"A","households":200}]\']',
        'sweep:',
        '  parameters:',
        '    - { path: awareness.peerWeight, values: [0.04, 0.12] }',
        '    - { path: membership.feeSubsidy, from: 0, to: 1, steps: 2 }',
      ].join('\n'),
    );
    const out = join(root, 'sweep');
    const r = await kopsim(['sweep', file, '--workers', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'scenario,point,awareness.peerWeight,membership.feeSubsidy,indicator,month,n,mean,sd,ci_low,ci_high,ci_method,p5,p50,p95',
    );
    expect(csv).toHaveLength(1 + 4 * 2 * 13 + 1);
    expect(csv[1]).toMatch(
      /^seed-roadmap,"awareness.peerWeight=0.04,membership.feeSubsidy=0",0.04,0,member_share,0,2,/,
    );
    const e = await kopsim(['experiment', file, '--workers', '1', '--out', join(root, 'sweep-1')]);
    expect(e.code).toBe(0);
    expect(folderFiles(join(root, 'sweep-1'))).toEqual(folderFiles(out));
  });
});

describe('a crashing run', () => {
  it('is reported with its seed and design point, the others go on, exit 1; re-running retries it', async () => {
    const { checkFlags, planOrThrow, runExperiment } = await import('../../src/cli/commands/experiment.js');
    const { loadExperimentDocument } = await import('../../src/scenario/loadExperiment.js');
    const { executeTask } = await import('../../src/experiment/runTask.js');
    const { SimulationError } = await import('../../src/core/errors.js');
    const out = join(root, 'crash');
    const opts = {
      replicates: '4',
      seed: '3',
      at: '12',
      months: '24',
      set: ['regions=[{"name":"A","households":200}]'],
      indicators: 'member_share,gini',
      workers: '1',
      out,
    };
    const problems: never[] = [];
    const flags = checkFlags(opts, problems);
    const loaded = loadExperimentDocument(
      { kind: 'compare', scenarios: ['seed-roadmap', 'status-quo'] },
      'kopsim compare',
      process.cwd(),
      undefined,
      flags.overrides,
      problems,
    );
    const plan = planOrThrow(loaded, problems);
    const captured = await capture(() =>
      runExperiment(loaded, plan, flags, opts, {
        execute: (task) => {
          if (task.run.key === 'status-quo/base/2') throw new Error('ledger did not close');
          return executeTask(task);
        },
      }),
    );
    expect(captured.error).toBeInstanceOf(SimulationError);
    expect((captured.error as Error).message).toMatch(/1 of 8 runs failed/);
    expect(captured.stderr).toMatch(
      /run status-quo\/base\/2 failed \(scenario status-quo, replicate 2, seed \d+\): ledger did not close/,
    );
    const failures = readFileSync(join(out, 'failures.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(failures).toEqual([
      {
        index: 5,
        key: 'status-quo/base/2',
        scenario: 'status-quo',
        point: '',
        params: {},
        replicate: 2,
        seed: plan.runs[5].seed,
        months: 24,
        error: 'ledger did not close',
      },
    ]);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(7);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).runs).toEqual({
      planned: 8,
      completed: 7,
      failed: 1,
      missing: 0,
    });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('failed');
    // The same command without the fault retries just that run and ends like an uninterrupted run.
    const again = await kopsim([...COMPARE, '--workers', '1', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/7 of 8 runs already done/);
    expect(folderFiles(out)).toEqual(folderFiles(single));
  });
});

/** Captures stdout/stderr of an async call and the error it throws, if any. */
async function capture(fn: () => Promise<void>): Promise<{ stdout: string; stderr: string; error: unknown }> {
  const { vi } = await import('vitest');
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    await fn();
    return { stdout, stderr, error: undefined };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
