import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type InputProblem } from '../core/errors.js';
import { plainData, readDocument } from './document.js';
import { mergeScenario } from './merge.js';
import { formatPath, parseOverrides, setPath } from './overrides.js';
import { validateScenario } from './validate.js';
import type { Scenario } from './schema.js';
import { packageUrl } from '../core/packageUrl.js';

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
  return fileURLToPath(packageUrl('scenarios/'));
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

export { readDocument } from './document.js';

/** Longest `extends` chain followed (a longer one is almost surely a mistake). */
const MAX_EXTENDS_DEPTH = 16;

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
  const { document, chain, origins } = resolveExtends(file);
  const merged = plainData(document, file) as Record<string, unknown>;
  for (const o of overrides) {
    const problem = setPath(merged, o.path, o.value);
    if (problem) problems.push({ path: '--set', message: problem, found: o.text });
    else origins.set(formatPath(o.path), '--set');
  }
  delete merged.extends;
  let result: Scenario;
  try {
    result = validateScenario(merged, file, problems);
  } catch (error) {
    if (!(error instanceof InputError) || chain.length < 2) throw error;
    throw new InputError(
      file,
      error.problems.map((p) => blameParent(p, origins, file)),
    );
  }
  const id = typeof result.id === 'string' ? result.id : basename(file, extname(file));
  return { id, source: file, chain, overrides: sets.slice(), scenario: result };
}

/** A problem at a path an `extends` parent set names that parent file. */
function blameParent(problem: InputProblem, origins: ReadonlyMap<string, string>, file: string): InputProblem {
  let path = problem.path;
  while (path !== '') {
    const origin = origins.get(path);
    if (origin !== undefined)
      return origin === file || origin === '--set'
        ? problem
        : { ...problem, message: `${problem.message} (in extends parent ${origin})` };
    path = path.replace(/(\.[^.[\]]*|\[\d+\])$|^[^.[\]]*$/, '');
  }
  return problem;
}

/** Every path a document sets (objects and leaves; lists as a whole), formatted. */
function pathsOf(document: unknown, prefix: (string | number)[] = [], out: string[] = []): string[] {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return out;
  for (const [key, value] of Object.entries(document)) {
    const path = [...prefix, key];
    out.push(formatPath(path));
    pathsOf(value, path, out);
  }
  return out;
}

/**
 * Follows `extends` from a file to its root, merging child over parent. `origins` maps
 * each path set to the file that set it (the last in the chain to set it).
 */
export function resolveExtends(
  file: string,
  seen: string[] = [],
): { document: unknown; chain: string[]; origins: Map<string, string> } {
  if (seen.includes(file)) {
    throw new InputError(file, [
      { path: 'extends', message: `circular extends: ${[...seen, file].map((f) => basename(f)).join(' -> ')}` },
    ]);
  }
  if (seen.length >= MAX_EXTENDS_DEPTH)
    throw new InputError(file, [
      { path: 'extends', message: `the extends chain is longer than ${MAX_EXTENDS_DEPTH} files`, found: seen.length },
    ]);
  if (seen.length > 0) {
    // A parent's problems name the parent file.
    try {
      return resolveExtendsOf(file, seen);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(
        file,
        error.problems.map((p) =>
          p.path === file || p.message.includes('(in extends parent ')
            ? p
            : { ...p, message: `${p.message} (in extends parent ${file})` },
        ),
      );
    }
  }
  return resolveExtendsOf(file, seen);
}

function resolveExtendsOf(
  file: string,
  seen: string[],
): { document: unknown; chain: string[]; origins: Map<string, string> } {
  const document = readDocument(file);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InputError(file, [{ path: '(root)', message: 'must be an object of scenario fields', found: document }]);
  }
  const parentRef = (document as Record<string, unknown>).extends;
  const ownPaths = pathsOf(document);
  if (parentRef === undefined) return { document, chain: [file], origins: new Map(ownPaths.map((p) => [p, file])) };
  if (typeof parentRef !== 'string') {
    throw new InputError(file, [{ path: 'extends', message: 'must be a scenario name or path', found: parentRef }]);
  }
  const parent = resolveScenarioPath(parentRef, dirname(file));
  if (!parent) throw new InputError(file, [{ path: 'extends', message: 'no such scenario', found: parentRef }]);
  const base = resolveExtends(parent, [...seen, file]);
  // A child's own identity is never inherited.
  const inherited = Object.assign(Object.create(null), base.document as Record<string, unknown>);
  delete inherited.id;
  for (const p of ownPaths) base.origins.set(p, file);
  return { document: mergeScenario(inherited, document), chain: [...base.chain, file], origins: base.origins };
}
