import { describe, expect, it } from 'vitest';
import type { AttributionOutputResult, StageValue } from '../../src/experiment/attributionAnalysis.js';
import { attributionInterpretation, compactValue } from '../../src/report/attributionInterpretation.js';

const e = (value: number, half: number) => ({ value, lower: value - half, upper: value + half });
const stage = (k: number, value: number, alone: number, last: number, partner?: number): StageValue => ({
  stage: k,
  name: `stage ${k} name`,
  ...e(value, 10_000),
  addOne: e(alone, 5_000),
  leaveOneOut: e(last, 5_000),
  ...(partner ? { partner: { stage: partner, interaction: 40_000 } } : {}),
});

function output(stages: StageValue[]): AttributionOutputResult {
  const total = stages.reduce((a, s) => a + s.value, 0);
  return {
    output: { key: 'consumption_pc_mean@240', indicator: 'consumption_pc_mean', month: 240, final: true },
    label: 'Real consumption per capita (mean)',
    unit: 'rupiah per person per month',
    stages,
    empty: 1_300_000,
    full: 1_300_000 + total,
    total,
    totalLower: total - 20_000,
    totalUpper: total + 20_000,
    sum: total,
    residual: 0,
    efficient: true,
    coalitions: [],
  };
}

describe('attributionInterpretation', () => {
  it('names a clearly non-zero stage, its interval and the part that needs another stage', () => {
    const text = attributionInterpretation(
      output([stage(4, 61_000, 9_000, 90_000, 2), stage(1, 2_000, 2_000, 2_000)]),
      'programmes',
      10,
    );
    expect(text[0]).toBe(
      "Stage 4's programmes (stage 4 name) add Rp61k [Rp51k, Rp71k] to real consumption per capita (mean) at month 240; most of it (Rp52k) needs other stages to be active, above all stage 2 (enterprises and integration) (interaction): alone the stage adds Rp9k [Rp4k, Rp14k].",
    );
    expect(text[1]).toBe(
      'The values of stage 1 are not distinguishable from zero (their intervals include zero at 10 replicates).',
    );
    expect(text[2]).toBe('All six stages together add Rp63k [Rp43k, Rp83k].');
  });

  it('says little interaction when alone and last agree, and speaks of the roadmap in that design', () => {
    const [first] = attributionInterpretation(output([stage(6, -30_000, -29_000, -31_000)]), 'roadmap', 10);
    expect(first).toMatch(/^Having stage 6 \(stage 6 name\) in the roadmap takes away Rp30k \[Rp20k, Rp40k\] from/);
    expect(first).toMatch(/little interaction\.$/);
  });

  it('formats values compactly by unit', () => {
    expect(compactValue(61_234, 'rupiah per person per month')).toBe('Rp61k');
    expect(compactValue(-2_500_000, 'rupiah')).toBe('-Rp2.5M');
    expect(compactValue(-0.021, 'share')).toBe('-2.1 points');
  });
});
