import { basename } from 'node:path';
import { InputError, type InputProblem } from '../core/errors.js';
import { loadExperimentFile, schemaProblems, withCommonOverrides } from './experimentDocument.js';
import { loadScenario, resolveScenarioPath, type LoadedScenario } from './load.js';
import { sensitivitySchema, type AnalysisMonth, type SensitivitySpec } from './sensitivitySchema.js';

/** A sensitivity experiment ready to plan: validated, its scenario loaded with every override applied. */
export interface LoadedSensitivity {
  readonly spec: SensitivitySpec & { readonly name: string };
  /** The file it came from. */
  readonly source: string;
  /** The scenario as run at the design's base (extends, the file's `set`, `--set` and months applied). */
  readonly scenario: LoadedScenario;
}

/** Values given on the command line, which take precedence over the file's. */
export interface SensitivityOverrides {
  readonly replicates?: number;
  readonly seed?: number;
  readonly months?: number;
  readonly indicators?: readonly string[];
  readonly at?: readonly AnalysisMonth[];
  readonly resamples?: number;
  /** `--set` overrides, applied after the file's own `set`. */
  readonly sets?: readonly string[];
}

/**
 * Reads a sensitivity experiment file (YAML or JSON), validates it, loads its scenario
 * (relative to the file's folder first, then the working folder, then the bundled
 * scenarios) and applies the command-line overrides. Every problem is reported at once
 * in one InputError, each with its path, together with `earlier` ones (bad flags); when
 * there are only earlier ones, it returns, so the caller can add the plan's problems.
 */
export function loadSensitivity(
  file: string,
  overrides: SensitivityOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedSensitivity {
  return loadExperimentFile(file, earlier, (document, source, relativeTo, defaultName) =>
    loadSensitivityDocument(document, source, relativeTo, defaultName, overrides, earlier),
  );
}

/** Validates a sensitivity experiment given as data and loads its scenario; see {@link loadSensitivity}. */
export function loadSensitivityDocument(
  document: unknown,
  source: string,
  relativeTo: string,
  defaultName: string,
  overrides: SensitivityOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedSensitivity {
  const problems: InputProblem[] = [...earlier];
  const isObject = document !== null && typeof document === 'object' && !Array.isArray(document);
  const doc = withCommonOverrides(document, overrides);
  if (isObject) {
    const d = doc as Record<string, unknown>;
    if (overrides.at !== undefined) d.at = [...overrides.at];
    if (overrides.resamples !== undefined) {
      const b = d.bootstrap;
      d.bootstrap = {
        ...(b !== null && typeof b === 'object' && !Array.isArray(b) ? b : {}),
        resamples: overrides.resamples,
      };
    }
  }
  const parsed = sensitivitySchema.safeParse(doc);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error.issues, doc, 'a sensitivity experiment'));
    // The scenario is still loaded when it can be, so its problems come in the same report.
    const ref = isObject ? (doc as Record<string, unknown>).scenario : undefined;
    if (typeof ref === 'string')
      loadReferencedScenario(ref, relativeTo, scenarioSets(doc as Record<string, unknown>, overrides), problems);
    throw new InputError(source, problems);
  }
  const spec = parsed.data;
  const scenario = loadReferencedScenario(spec.scenario, relativeTo, scenarioSets(spec, overrides), problems);
  // Earlier problems alone (bad flags) do not stop here: the caller plans too and reports them all together.
  if (problems.length > earlier.length || !scenario) throw new InputError(source, problems);
  return { spec: { ...spec, name: spec.name ?? defaultName }, source, scenario };
}

/** The overrides applied to the scenario: the file's `set`, then `--set`, then months. */
function scenarioSets(doc: { set?: unknown; months?: unknown }, overrides: SensitivityOverrides): string[] {
  const sets = Array.isArray(doc.set) ? doc.set.filter((s): s is string => typeof s === 'string') : [];
  sets.push(...(overrides.sets ?? []));
  if (typeof doc.months === 'number') sets.push(`months=${doc.months}`);
  return sets;
}

/**
 * Loads a scenario an experiment file refers to (relative to the file's folder first,
 * then the working folder, then the bundled scenarios) with the given overrides; its
 * problems are added to `problems` under `<at>: <path>` and undefined is returned.
 */
export function loadReferencedScenario(
  ref: string,
  relativeTo: string,
  sets: readonly string[],
  problems: InputProblem[],
  at = 'scenario',
): LoadedScenario | undefined {
  const file = resolveScenarioPath(ref, relativeTo) ?? resolveScenarioPath(ref);
  if (!file) {
    problems.push({ path: at, message: 'no such scenario file or bundled scenario', found: ref });
    return undefined;
  }
  try {
    return loadScenario(file, sets);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const p of error.problems) {
      if (p.path === '--set') problems.push(p);
      else problems.push({ path: `${at}: ${p.path}`, message: `${p.message} (in ${basename(file)})`, found: p.found });
    }
    return undefined;
  }
}
