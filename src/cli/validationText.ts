import { quantileSorted } from 'simple-statistics';
import type { StylizedFact, Verdict } from '../experiment/validation/stylizedFact.js';
import { stageCellText, TABLE_INDICATORS, type StrategyRow } from '../experiment/validation/strategyTable.js';

/** A fact with what measuring it gave. */
export interface FactResult {
  readonly fact: StylizedFact;
  readonly verdict: Verdict;
}

function status(v: Verdict): string {
  return v.kind === 'not-measured' ? 'NOT MEASURED' : v.pass ? 'PASS' : 'FAIL';
}

function measuredText(fact: StylizedFact, v: Verdict): string {
  if (v.kind === 'not-measured') return `(${v.reason})`;
  const range = Number.isFinite(v.low) ? ` [${fact.format(v.low)} to ${fact.format(v.high)}]` : '';
  return `${Number.isFinite(v.value) ? fact.format(v.value) : 'undefined'}${range}`;
}

/**
 * One line per fact: `PASS|FAIL|NOT MEASURED  id  value [range over seeds]  band  source`,
 * columns aligned, and under a fact its detail when it has one.
 */
export function validationText(results: readonly FactResult[]): string {
  const rows = results.map(({ fact, verdict }) => [
    status(verdict),
    fact.id,
    measuredText(fact, verdict),
    fact.band.text,
    fact.source,
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const lines: string[] = [];
  results.forEach(({ verdict }, i) => {
    lines.push(rows[i].map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell)).join('  '));
    if (verdict.kind === 'measured' && verdict.detail) lines.push(`${' '.repeat(widths[0] + 2)}${verdict.detail}`);
  });
  const counted = (s: string): number => rows.filter((r) => r[0] === s).length;
  lines.push('', `${counted('PASS')} passed, ${counted('FAIL')} failed, ${counted('NOT MEASURED')} not measured`);
  return lines.join('\n');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The same results as a Markdown table (for docs/validation.md). */
export function validationMarkdown(results: readonly FactResult[]): string {
  const lines = ['| result | fact | measured [range over seeds] | band | note |', '|---|---|---|---|---|'];
  for (const { fact, verdict } of results)
    lines.push(
      `| ${status(verdict)} | \`${fact.id}\` | ${cell(measuredText(fact, verdict))} | ${cell(fact.band.text)} | ${cell(verdict.kind === 'measured' ? (verdict.detail ?? '') : '')} |`,
    );
  return lines.join('\n');
}

const share = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '-');
const range = (r: { mean: number; low: number; high: number }, f: (x: number) => string): string =>
  Number.isFinite(r.mean) ? `${f(r.mean)} [${f(r.low)}-${f(r.high)}]` : '-';
const rupiah = (x: number): string => Math.round(x).toLocaleString('en-US');

/** The strategy table as Markdown: stage months, final welfare, dormancy and arrears. */
export function strategyTableMarkdown(rows: readonly StrategyRow[]): string {
  const seeds = rows[0]?.seeds.length ?? 0;
  const head = [
    'strategy',
    'stage 1',
    'stage 2',
    'stage 3',
    'stage 4',
    'stage 5',
    'stage 6',
    ...TABLE_INDICATORS,
    'dormant at end',
    'dormant coop-months',
    'programme loans (granted/matured)',
    'arrears at maturity',
  ];
  const lines = [
    `Base seeds ${rows[0]?.seeds.length ? `1..${seeds}` : '-'} (runSeed(k), as \`kopsim run <strategy> --seed k\`), ${rows[0]?.months ?? 0} months.`,
    'Stages: median start month over all village-runs that reached the stage [earliest-latest] (share of village-runs that reached it, when not all did).',
    'Indicators: mean over seeds at the last month [lowest-highest seed], whole district. Dormancy and arrears pooled over seeds.',
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
  ];
  for (const r of rows)
    lines.push(
      `| ${[
        r.strategy,
        ...r.stages.map(stageCellText),
        range(r.final.member_share, (x) => x.toFixed(3)),
        range(r.final.consumption_pc_mean, rupiah),
        range(r.final.gini, (x) => x.toFixed(3)),
        range(r.final.p0, (x) => x.toFixed(3)),
        share(r.dormantAtEnd),
        share(r.dormantMonths),
        `${r.loansGranted}/${r.loansMatured}`,
        share(r.arrearsAtMaturity),
      ].join(' | ')} |`,
    );
  return lines.join('\n');
}

/**
 * The distribution of each stage's start month over village-runs, per strategy: how many
 * reached it, and the 10th, 25th, 50th, 75th and 90th percentiles of the month (R type 7).
 */
export function stageDistributionMarkdown(rows: readonly StrategyRow[]): string {
  const head = ['strategy', 'stage', 'reached', 'p10', 'p25', 'median', 'p75', 'p90'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows)
    r.stages.forEach((c, k) => {
      if (c.months.length === 0) return;
      const sorted = [...c.months].sort((a, b) => a - b);
      const q = (p: number): string => String(Math.round(quantileSorted(sorted, p)));
      lines.push(
        `| ${[r.strategy, String(k + 1), `${c.months.length}/${c.villageRuns}`, q(0.1), q(0.25), q(0.5), q(0.75), q(0.9)].join(' | ')} |`,
      );
    });
  return lines.join('\n');
}
