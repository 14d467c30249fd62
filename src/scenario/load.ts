import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { InputError, type InputProblem } from '../core/errors.js';
import { mergeScenario } from './merge.js';
import { parseOverrides, setPath } from './overrides.js';
import { validateScenario } from './validate.js';
import type { Scenario } from './schema.js';

/** A scenario ready to run, with where it came from. */
export interface LoadedScenario {
  /** Short id: the `id` field, or the file name without extension. */
  readonly id: string;
  /** The file it was loaded from. */
  readonly source: string;
  /** The files of its `extends` chain, base first. */
  readonly chain: readonly string[];
  /** The `--set` overrides applied, as given. */
  readonly overrides: readonly string[];
  /** The validated scenario with every default filled in. */
  readonly scenario: Scenario;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The folder of bundled scenarios (`scenarios/` at the package root). */
export function bundledScenariosDir(): string {
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

/** Name of the scenario used when none is given. */
export const DEFAULT_SCENARIO = 'default';

/** Bundled scenario files (not experiments), sorted. */
export function listBundledScenarios(): string[] {
  const dir = bundledScenariosDir();
  return readdirSync(dir)
    .filter((f) => EXTENSIONS.includes(extname(f)))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Finds a scenario file from a path or a bundled name (`seed-roadmap`,
 * `seed-roadmap.yaml`). Relative names are tried against `relativeTo` first.
 */
export function resolveScenarioPath(ref: string, relativeTo = process.cwd()): string | null {
  const candidates: string[] = [];
  const bases = [relativeTo, bundledScenariosDir()];
  for (const base of bases) {
    const p = isAbsolute(ref) ? ref : resolve(base, ref);
    candidates.push(p, ...EXTENSIONS.map((e) => p + e));
    if (isAbsolute(ref)) break;
  }
  return candidates.find((c) => existsSync(c) && extname(c) !== '' && EXTENSIONS.includes(extname(c))) ?? null;
}

/** Reads and parses a JSON or YAML file. Throws an InputError naming the file. */
export function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, [{ path: file, message: `cannot read: ${(error as Error).message}` }]);
  }
  try {
    return extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InputError(file, [
      {
        path: file,
        message: `is not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
      },
    ]);
  }
}

/**
 * Loads a scenario: reads the file (or the default), follows its `extends` chain, applies
 * `--set` overrides, fills defaults and validates. Every problem of the whole input is
 * reported at once in one InputError; nothing is run or written before this succeeds.
 */
export function loadScenario(ref: string | undefined, sets: readonly string[] = []): LoadedScenario {
  const problems: InputProblem[] = [];
  const { overrides, problems: setProblems } = parseOverrides(sets);
  problems.push(...setProblems);
  const file = resolveScenarioPath(ref ?? DEFAULT_SCENARIO);
  if (!file) {
    problems.unshift({
      path: ref ?? DEFAULT_SCENARIO,
      message: `no such scenario file (looked in ${process.cwd()} and ${bundledScenariosDir()})`,
    });
    throw new InputError('scenario', problems);
  }
  const { document, chain } = resolveExtends(file);
  const merged = structuredClone(document) as Record<string, unknown>;
  for (const o of overrides) setPath(merged, o.path, o.value);
  delete merged.extends;
  const result = validateScenario(merged, file, problems);
  const id = typeof result.id === 'string' ? result.id : basename(file, extname(file));
  return { id, source: file, chain, overrides: sets.slice(), scenario: result };
}

/** Follows `extends` from a file to its root, merging child over parent. */
export function resolveExtends(file: string, seen: string[] = []): { document: unknown; chain: string[] } {
  if (seen.includes(file)) {
    throw new InputError(file, [
      { path: 'extends', message: `circular extends: ${[...seen, file].map((f) => basename(f)).join(' -> ')}` },
    ]);
  }
  const document = readDocument(file);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InputError(file, [{ path: '(root)', message: 'must be an object of scenario fields', found: document }]);
  }
  const parentRef = (document as Record<string, unknown>).extends;
  if (parentRef === undefined) return { document, chain: [file] };
  if (typeof parentRef !== 'string') {
    throw new InputError(file, [{ path: 'extends', message: 'must be a scenario name or path', found: parentRef }]);
  }
  const parent = resolveScenarioPath(parentRef, dirname(file));
  if (!parent) throw new InputError(file, [{ path: 'extends', message: 'no such scenario', found: parentRef }]);
  const base = resolveExtends(parent, [...seen, file]);
  const own = { ...(document as Record<string, unknown>) };
  // A child's own identity is never inherited.
  const inherited = { ...(base.document as Record<string, unknown>) };
  delete inherited.id;
  return { document: mergeScenario(inherited, own), chain: [...base.chain, file] };
}
