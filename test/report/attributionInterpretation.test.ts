import { describe, expect, it } from 'vitest';
import type { AttributionOutputResult, StageValue } from '../../src/experiment/attributionAnalysis.js';
import { locale } from '../../src/i18n/locale.js';
import { attributionInterpretation } from '../../src/report/attributionInterpretation.js';

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
      "Stage 4's programmes (education institution) add Rp61.0 k [Rp51.0 k, Rp71.0 k] to real consumption per capita (mean) at month 240; most of it (Rp52.0 k) needs other stages to be active, above all stage 2 (enterprises and integration) (interaction): alone the stage adds Rp9.00 k [Rp4.00 k, Rp14.0 k].",
    );
    expect(text[1]).toBe(
      'The values of stage 1 are not distinguishable from zero (their intervals include zero at 10 replicates).',
    );
    expect(text[2]).toBe('All six stages together add Rp63.0 k [Rp43.0 k, Rp83.0 k].');
  });

  it('says little interaction when alone and last agree, and speaks of the roadmap in that design', () => {
    const [first] = attributionInterpretation(output([stage(6, -30_000, -29_000, -31_000)]), 'roadmap', 10);
    expect(first).toMatch(
      /^Having stage 6 \(social programs\) in the roadmap takes away Rp30.0 k \[Rp20.0 k, Rp40.0 k\] from/,
    );
    expect(first).toMatch(/little interaction\.$/);
  });

  it('reads the same table in Bahasa Indonesia, numbers in the shared format (Rp61,0 rb)', () => {
    const text = attributionInterpretation(
      output([stage(4, 61_000, 9_000, 90_000, 2), stage(1, 2_000, 2_000, 2_000)]),
      'programmes',
      10,
      locale('id'),
    );
    expect(text[0]).toBe(
      'Program tahap 4 (lembaga pendidikan) menambah Rp61,0 rb [Rp51,0 rb, Rp71,0 rb] pada konsumsi riil per kapita (rata-rata) pada bulan 240; sebagian besar (Rp52,0 rb) memerlukan tahap lain yang aktif, terutama tahap 2 (usaha dan integrasi) (interaksi): sendirian tahap ini menambah Rp9,00 rb [Rp4,00 rb, Rp14,0 rb].',
    );
    expect(text[2]).toBe('Keenam tahap bersama-sama menambah Rp63,0 rb [Rp43,0 rb, Rp83,0 rb].');
  });
});
