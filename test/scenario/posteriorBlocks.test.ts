import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputProblem } from '../../src/core/errors.js';
import { planCalibration } from '../../src/experiment/calibration/calibrationPlan.js';
import { loadCalibration } from '../../src/scenario/loadCalibration.js';
import { loadPosterior } from '../../src/scenario/loadPosterior.js';
import { tempDirs } from '../support/tempFiles.js';

const temp = tempDirs();
afterAll(() => temp.cleanup());
const tempDir = () => temp.make();

function blocks(dir: string, names: string[]) {
  writeFileSync(join(dir, 'blocks.json'), JSON.stringify({ kind: 'posterior-blocks', blocks: names }));
}

function block(dir: string, name: string, parameters: string[], particles: { weight: number; theta: number[] }[]) {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(
    join(dir, name, 'posterior.json'),
    JSON.stringify({ format: 1, kind: 'posterior', name, calibrationHash: `h-${name}`, parameters, particles }),
  );
}

describe('a folder of posterior blocks', () => {
  it('is the product of its blocks: every combination, weights multiplied, in the order blocks.json lists them', () => {
    const dir = tempDir();
    block(
      dir,
      'b-second',
      ['y'],
      [
        { weight: 0.25, theta: [10] },
        { weight: 0.75, theta: [20] },
      ],
    );
    block(
      dir,
      'a-first',
      ['x'],
      [
        { weight: 0.5, theta: [1] },
        { weight: 0.5, theta: [2] },
      ],
    );
    blocks(dir, ['a-first', 'b-second']);
    const problems: InputProblem[] = [];
    const joint = loadPosterior(dir, problems)!;
    expect(problems).toEqual([]);
    expect(joint.parameters).toEqual(['x', 'y']);
    expect(joint.name).toBe('a-first + b-second');
    expect(joint.particles).toEqual([
      { weight: 0.125, theta: [1, 10] },
      { weight: 0.375, theta: [1, 20] },
      { weight: 0.125, theta: [2, 10] },
      { weight: 0.375, theta: [2, 20] },
    ]);
  });

  it('rejects blocks that set the same parameter, naming it and the flag', () => {
    const dir = tempDir();
    block(dir, 'a', ['x'], [{ weight: 1, theta: [1] }]);
    block(dir, 'b', ['x'], [{ weight: 1, theta: [2] }]);
    blocks(dir, ['a', 'b']);
    const problems: InputProblem[] = [];
    expect(loadPosterior(dir, problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('--posterior');
    expect(problems[0].message).toContain('x is in two posterior blocks (a and b)');
  });

  it('a damaged block is reported with its problems and nothing is combined', () => {
    const dir = tempDir();
    block(dir, 'a', ['x'], [{ weight: 1, theta: [1] }]);
    block(dir, 'b', ['y'], [{ weight: 1, theta: [1, 2] }]);
    blocks(dir, ['a', 'b']);
    const problems: InputProblem[] = [];
    expect(loadPosterior(dir, problems)).toBeUndefined();
    expect(problems.map((p) => p.path).join(' ')).toContain('particles');
  });

  it('is only read through blocks.json: a folder that merely holds calibration folders is not a posterior', () => {
    const dir = tempDir();
    block(dir, 'a', ['x'], [{ weight: 1, theta: [1] }]);
    const problems: InputProblem[] = [];
    expect(loadPosterior(dir, problems)).toBeUndefined();
    expect(problems[0].message).toContain('no posterior.json');
  });

  it('names a listed block that is missing', () => {
    const dir = tempDir();
    block(dir, 'a', ['x'], [{ weight: 1, theta: [1] }]);
    blocks(dir, ['a', 'missing']);
    const problems: InputProblem[] = [];
    expect(loadPosterior(dir, problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('no posterior.json');
  });

  it('the bundled scenarios/posterior combines baseline-bps and cooperatives', () => {
    const problems: InputProblem[] = [];
    const joint = loadPosterior('scenarios/posterior', problems);
    expect(problems).toEqual([]);
    expect(joint!.name).toBe('baseline-bps + cooperatives');
    expect(joint!.parameters).toContain('households.productivityMedian');
    expect(joint!.parameters).toContain('governance.ratMidpoint');
  });

  it.each(['baseline-bps', 'cooperatives'])(
    'the shipped %s block was made by the shipped targets file (same plan hash): edit the file, regenerate the block',
    (name) => {
      const plan = planCalibration(loadCalibration(join('scenarios', 'calibration', `${name}.yaml`)));
      const shipped = JSON.parse(readFileSync(join('scenarios', 'posterior', name, 'posterior.json'), 'utf8'));
      expect(shipped.calibrationHash).toBe(plan.hash);
    },
  );
});
