import { englishDiscoverySentence } from './discoverySentence.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { treeLines } from '../experiment/discovery/classificationTree.js';
import type { DiscoveryResult } from '../experiment/discovery/discoveryAnalysis.js';
import { writeFileAtomically } from './atomicFolder.js';

/**
 * The files of a discovery folder, besides an experiment folder's plan.json,
 * manifest.json, runs.jsonl, failures.jsonl, charts/ and report.html:
 * - cases.csv: every case (strategy, design point, replicate), its parameter values and
 *   whether the outcome holds (1) or not (0): what PRIM and the tree are computed from
 * - trajectory.csv: each strategy's peeling (and pasting) trajectory, box by box
 * - box.csv: the selected box of each strategy, one row per restricted parameter
 * - tree.txt: the CART tree of each strategy
 * - discovery.json: all of it (but the cases) as JSON
 */
export const DISCOVERY_FILES = {
  cases: 'cases.csv',
  trajectory: 'trajectory.csv',
  box: 'box.csv',
  tree: 'tree.txt',
  json: 'discovery.json',
} as const;

function num(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

/** cases.csv */
export function casesCsv(result: DiscoveryResult): string {
  const names = result.dimensions.map((d) => d.name);
  return stringify([
    ['strategy', 'point', 'replicate', ...names, 'outcome'],
    ...result.strategies.flatMap((s) =>
      s.cases.map((c) => [s.strategy, c.point, String(c.replicate), ...c.x.map(num), String(c.y)]),
    ),
  ]);
}

/** trajectory.csv */
export function trajectoryCsv(result: DiscoveryResult): string {
  const names = result.dimensions.map((d) => d.name);
  return stringify([
    [
      'strategy',
      'box',
      'move',
      'coverage',
      'density',
      'mass',
      'runs',
      'runs_of_interest',
      'selected',
      ...names.flatMap((n) => [`lower:${n}`, `upper:${n}`]),
    ],
    ...result.strategies.flatMap((s) =>
      s.trajectory.map((b) => [
        s.strategy,
        String(b.step),
        b.move,
        num(b.coverage),
        num(b.density),
        num(b.mass),
        String(b.count),
        String(b.hits),
        b.step === s.selected ? 'yes' : '',
        ...names.flatMap((_, j) => [num(b.box.lower[j]), num(b.box.upper[j])]),
      ]),
    ),
  ]);
}

/** box.csv */
export function boxCsv(result: DiscoveryResult): string {
  return stringify([
    ['strategy', 'box', 'parameter', 'lower', 'upper', 'unit_lower', 'unit_upper', 'quasi_p'],
    ...result.strategies.flatMap((s) =>
      s.limits.map((l) => [
        s.strategy,
        String(s.selected),
        l.name,
        num(l.lower),
        num(l.upper),
        num(l.unitLower),
        num(l.unitUpper),
        num(l.quasiP),
      ]),
    ),
  ]);
}

/** tree.txt */
export function treeText(result: DiscoveryResult): string {
  return `${result.strategies.map((s) => [`${s.strategy} (outcome: ${result.outcome})`, ...treeLines(s.tree)].join('\n')).join('\n\n')}\n`;
}

/** discovery.json: the result without its cases. */
export function discoveryJson(result: DiscoveryResult): string {
  return `${JSON.stringify(
    {
      ...result,
      strategies: result.strategies.map(({ cases: _cases, ...s }) => ({
        ...s,
        cases: s.trajectory[0]?.count ?? 0,
        sentence: englishDiscoverySentence({ ...s, cases: _cases }, result.outcome),
      })),
    },
    null,
    2,
  )}\n`;
}

/** Writes the discovery's tables into `dir`, each file atomically. */
export function writeDiscoveryResult(dir: string, result: DiscoveryResult): void {
  writeFileAtomically(join(dir, DISCOVERY_FILES.cases), casesCsv(result));
  writeFileAtomically(join(dir, DISCOVERY_FILES.trajectory), trajectoryCsv(result));
  writeFileAtomically(join(dir, DISCOVERY_FILES.box), boxCsv(result));
  writeFileAtomically(join(dir, DISCOVERY_FILES.tree), treeText(result));
  writeFileAtomically(join(dir, DISCOVERY_FILES.json), discoveryJson(result));
}

/** Removes a discovery's tables (before runs are added to the folder: they would be stale). */
export function removeDiscoveryResult(dir: string): void {
  for (const f of Object.values(DISCOVERY_FILES)) rmSync(join(dir, f), { force: true });
}
