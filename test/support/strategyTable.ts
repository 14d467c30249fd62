/*
 * The table of the seven strategies on the default seed range (issue 3's closing note):
 * each strategy runs its full months with replicates 1..5 of its base seed
 * (runSeed(scenario.seed, '', k), common random numbers across strategies), and the table
 * shows when each stage was reached and the final welfare indicators.
 *
 *   npx tsx test/support/strategyTable.ts                    # national with 1 seed (about 2 minutes)
 *   npx tsx test/support/strategyTable.ts --national-seeds 5 # national with all 5 seeds
 *   npx tsx test/support/strategyTable.ts --national-seeds 0 # skip national
 *
 * Nothing here is tuned: it reports what the model gives.
 */
import { runSeed } from '../../src/core/seed.js';
import type { RunResult } from '../../src/experiment/runResult.js';
import { runScenario } from '../../src/experiment/simulation.js';
import { seriesOf } from '../../src/indicators/series.js';
import { loadScenario } from '../../src/scenario/load.js';

const STRATEGIES = [
  'status-quo',
  'seed-roadmap',
  'top-down',
  'business-first',
  'no-institution',
  'early-federation',
  'national',
];
/** Runs that are not strategies but help read the table (business-first is scheduled; this is the roadmap scheduled). */
const REFERENCES: { label: string; scenario: string; sets: string[] }[] = [
  { label: 'seed-roadmap, scheduled (reference)', scenario: 'seed-roadmap', sets: ['strategy.mode=scheduled'] },
];
const SEEDS = [1, 2, 3, 4, 5];

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const nationalSeeds = argValue('--national-seeds', 1);

interface Row {
  label: string;
  seeds: number[];
  regions: number;
  households: number;
  months: number;
  /** Per stage: start months of every region in every seed that reached it, and the share that did. */
  stages: { months: number[]; share: number }[];
  final: Record<string, number[]>;
  /** Cooperative outcomes per replicate: share of annual RATs held, share of cooperatives dormant at the end, debt at the end. */
  ratHeld: number[];
  dormant: number[];
  debt: number[];
  seconds: number;
}

const FINAL = ['member_share', 'consumption_pc_mean', 'gini', 'p0'];

function summarise(label: string, results: RunResult[], seconds: number): Row {
  const first = results[0];
  const stages = [0, 1, 2, 3, 4, 5].map((k) => {
    const months: number[] = [];
    let pairs = 0;
    for (const r of results)
      for (const t of r.stageTimeline) {
        pairs++;
        if (t.stages[k] !== null) months.push(t.stages[k]!);
      }
    return { months, share: pairs > 0 ? months.length / pairs : 0 };
  });
  const final: Record<string, number[]> = {};
  for (const id of FINAL) final[id] = results.map((r) => seriesOf(r.series, id)[r.months]);
  const ratHeld = results.map((r) => {
    const held = r.events.filter((e) => e.kind === 'rat-held').length;
    const skipped = r.events.filter((e) => e.kind === 'rat-skipped').length;
    return held + skipped > 0 ? held / (held + skipped) : Number.NaN;
  });
  const dormant = results.map((r) => {
    const founded = r.events.filter((e) => e.kind === 'cooperative-founded').length;
    const inactive = r.events.filter((e) => e.kind === 'cooperative-inactive').length;
    return founded > 0 ? inactive / founded : Number.NaN;
  });
  const debt = results.map((r) => seriesOf(r.series, 'coop_debt')[r.months]);
  return {
    label,
    seeds: results.map((r) => r.seed),
    regions: first.stageTimeline.length,
    households: first.households,
    months: first.months,
    stages,
    final,
    ratHeld,
    dormant,
    debt,
    seconds,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function stageCell(s: { months: number[]; share: number }): string {
  if (s.months.length === 0) return 'not reached';
  const share = Math.round(s.share * 100);
  return `${median(s.months)} [${Math.min(...s.months)}-${Math.max(...s.months)}]${share < 100 ? ` (${share}%)` : ''}`;
}

function run(label: string, scenarioName: string, sets: string[], seeds: number[]): Row {
  const { scenario, id } = loadScenario(scenarioName, sets);
  const started = Date.now();
  const results = seeds.map((k) => {
    const t = Date.now();
    const r = runScenario(id, scenario, runSeed(scenario.seed, '', k));
    process.stderr.write(`${label} replicate ${k}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    return r;
  });
  return summarise(label, results, (Date.now() - started) / 1000);
}

function table(rows: Row[]): string {
  const head = [
    'strategy',
    'seeds',
    'stage 1',
    'stage 2',
    'stage 3',
    'stage 4',
    'stage 5',
    'stage 6',
    'member share',
    'consumption pc (Rp/month)',
    'Gini',
    'P0',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const f = r.final;
    lines.push(
      `| ${[
        r.label,
        String(r.seeds.length),
        ...r.stages.map(stageCell),
        mean(f.member_share).toFixed(3),
        Math.round(mean(f.consumption_pc_mean)).toLocaleString('en-US'),
        mean(f.gini).toFixed(3),
        mean(f.p0).toFixed(3),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function cooperatives(rows: Row[]): string {
  const head = [
    'strategy',
    'RATs held (share of annual closes)',
    'cooperatives dormant at the end (share)',
    'cooperative debt at the end (Rp, mean)',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const pct = (xs: number[]): string =>
    xs.every(Number.isNaN) ? '-' : mean(xs.filter((x) => !Number.isNaN(x))).toFixed(2);
  for (const r of rows)
    lines.push(
      `| ${[r.label, pct(r.ratHeld), pct(r.dormant), Math.round(mean(r.debt)).toLocaleString('en-US')].join(' | ')} |`,
    );
  return lines.join('\n');
}

function ranges(rows: Row[]): string {
  const head = ['strategy', 'member share', 'consumption pc (Rp/month)', 'Gini', 'P0', 'run time (s)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const span = (xs: number[], d: number): string => `${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)}`;
  for (const r of rows) {
    const f = r.final;
    lines.push(
      `| ${[r.label, span(f.member_share, 3), `${Math.round(Math.min(...f.consumption_pc_mean)).toLocaleString('en-US')}-${Math.round(Math.max(...f.consumption_pc_mean)).toLocaleString('en-US')}`, span(f.gini, 3), span(f.p0, 3), r.seconds.toFixed(1)].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

const rows: Row[] = [];
for (const name of STRATEGIES) {
  if (name === 'national') {
    if (nationalSeeds <= 0) continue;
    rows.push(run(name, name, [], SEEDS.slice(0, nationalSeeds)));
  } else rows.push(run(name, name, [], SEEDS));
}
const refs = REFERENCES.map((ref) => run(ref.label, ref.scenario, ref.sets, SEEDS));

const months = [...new Set(rows.map((r) => r.months))].join(', ');
process.stdout.write(
  [
    `Strategies on replicates ${SEEDS.join(', ')} of each scenario's base seed (runSeed(seed, '', k)); ${months} months.`,
    'Stage columns: median start month over all regions and replicates that reached the stage, [earliest-latest], and (share of region-runs that reached it) when not all did.',
    'Final columns: mean over replicates at the last month, whole scenario (person-weighted).',
    '',
    table(rows),
    '',
    'Ranges over replicates at the last month:',
    '',
    ranges(rows),
    '',
    'Cooperative outcomes (mean over replicates):',
    '',
    cooperatives(rows),
    '',
    'Reference runs (not strategies):',
    '',
    table(refs),
    '',
  ].join('\n'),
);
