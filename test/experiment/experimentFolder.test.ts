import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { planExperiment } from '../../src/experiment/plan.js';
import { openExperimentFolder, readRunLines } from '../../src/report/experimentFolder.js';
import { loadExperimentDocument } from '../../src/scenario/loadExperiment.js';
import { tempDir } from './cliSupport.js';

const line = (index: number, key = `k${index}`) => JSON.stringify({ index, key, values: {} });

describe('readRunLines', () => {
  it('ignores a torn last line and says where the whole lines end', () => {
    const file = join(tempDir(), 'runs.jsonl');
    const whole = `${line(0)}\n${line(2)}\n`;
    writeFileSync(file, `${whole}{"index":3,"ke`);
    const r = readRunLines(file);
    expect([...r.lines.keys()]).toEqual([0, 2]);
    expect(r.tornTail).toBe(true);
    expect(r.validBytes).toBe(Buffer.byteLength(whole));
  });

  it('refuses a damaged line in the middle, and one run with two different results', () => {
    const file = join(tempDir(), 'runs.jsonl');
    writeFileSync(file, `${line(0)}\nnot json\n${line(1)}\n`);
    expect(() => readRunLines(file)).toThrow(InputError);
    writeFileSync(file, `${line(0)}\n${line(0, 'other')}\n`);
    expect(() => readRunLines(file)).toThrow(/appears twice with different results/);
  });

  it('keeps the last line of a retried failure', () => {
    const file = join(tempDir(), 'failures.jsonl');
    writeFileSync(file, `${JSON.stringify({ index: 4, error: 'a' })}\n${JSON.stringify({ index: 4, error: 'b' })}\n`);
    expect(JSON.parse(readRunLines(file, 'failures').lines.get(4)!).error).toBe('b');
  });
});

describe('openExperimentFolder', () => {
  const plan = planExperiment(
    loadExperimentDocument(
      { kind: 'replicate', scenarios: ['status-quo'], replicates: 2, months: 3 },
      'test',
      process.cwd(),
      'open',
    ),
  );

  it('creates a folder with plan.json, then resumes it, cutting a torn tail', () => {
    const dir = join(tempDir(), 'exp');
    expect(openExperimentFolder(dir, plan, null, '0.0.0')).toMatchObject({ fresh: true, repaired: false });
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')).hash).toBe(plan.hash);
    writeFileSync(join(dir, 'runs.jsonl'), `${line(0, plan.runs[0].key)}\n{"index":1`);
    const again = openExperimentFolder(dir, plan, null, '0.0.0');
    expect(again).toMatchObject({ fresh: false, repaired: true });
    expect([...again.finished.keys()]).toEqual([0]);
    expect(readFileSync(join(dir, 'runs.jsonl'), 'utf8')).toBe(`${line(0, plan.runs[0].key)}\n`);
  });

  it('refuses a non-empty folder that is not an experiment, and a run that is not in the plan', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => openExperimentFolder(dir, plan, null, '0.0.0')).toThrow(/is not an experiment folder/);
    const exp = join(tempDir(), 'exp');
    openExperimentFolder(exp, plan, null, '0.0.0');
    mkdirSync(exp, { recursive: true });
    writeFileSync(join(exp, 'runs.jsonl'), `${line(0, 'someone-else/base/0')}\n`);
    expect(() => openExperimentFolder(exp, plan, null, '0.0.0')).toThrow(/is not in this experiment's plan/);
  });
});
