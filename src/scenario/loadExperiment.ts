import { basename, resolve } from 'node:path';
import { InputError, type InputProblem } from '../core/errors.js';
import { experimentSchema, type Experiment } from './experimentSchema.js';
import { loadExperimentFile, schemaProblems, withCommonOverrides } from './experimentDocument.js';
import { loadScenario, resolveScenarioPath, type LoadedScenario } from './load.js';

/** A scenario of an experiment, loaded, with the label its results carry. */
export interface ExperimentScenario {
  /** Unique label in this experiment: the entry's `id`, else the scenario id (two alike are an error). */
  readonly label: string;
  /** The reference as written (name or path). */
  readonly ref: string;
  readonly loaded: LoadedScenario;
}

/** An experiment ready to plan: validated, with its scenarios loaded and overrides applied. */
export interface LoadedExperiment {
  readonly experiment: Experiment & { readonly name: string };
  /** The file it came from, or a description of the command line (`kopsim compare`). */
  readonly source: string;
  readonly scenarios: readonly ExperimentScenario[];
  /** Label of the baseline scenario, or null when there is none. */
  readonly baseline: string | null;
}

/** Values given on the command line, which take precedence over the file's. */
export interface ExperimentOverrides {
  readonly replicates?: number;
  readonly seed?: number;
  readonly months?: number;
  readonly indicators?: readonly string[];
  readonly reportMonths?: readonly number[];
  readonly baseline?: string;
  /** `--set` overrides, applied to every scenario after the file's own `set`. */
  readonly sets?: readonly string[];
}

/**
 * Reads an experiment file (YAML or JSON), validates it, loads its scenarios (relative
 * to the file's folder first, then the working folder, then the bundled scenarios) and
 * applies the command-line overrides. Every problem is reported at once in one
 * InputError, each with its path; nothing has been run or written.
 */
export function loadExperiment(
  file: string,
  overrides: ExperimentOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedExperiment {
  return loadExperimentFile(file, earlier, (document, source, relativeTo, defaultName) =>
    loadExperimentDocument(document, source, relativeTo, defaultName, overrides, earlier),
  );
}

/**
 * Validates an experiment given as data (the CLI builds one for `kopsim replicate` and
 * `kopsim compare`) and loads its scenarios; see {@link loadExperiment}.
 */
export function loadExperimentDocument(
  document: unknown,
  source: string,
  relativeTo: string,
  defaultName: string | undefined,
  overrides: ExperimentOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedExperiment {
  const problems: InputProblem[] = [...earlier];
  const doc = withCommonOverrides(document, overrides);
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    if (overrides.reportMonths !== undefined) d.reportMonths = [...overrides.reportMonths];
    if (overrides.baseline !== undefined) d.baseline = overrides.baseline;
  }
  if (doc !== null && typeof doc === 'object' && (doc as Record<string, unknown>).kind === 'sensitivity') {
    // A file of another command: say so rather than list every field it does not share.
    throw new InputError(source, [
      ...problems,
      {
        path: 'kind',
        message: 'is a sensitivity experiment: run it with kopsim sensitivity (docs/sensitivity.md)',
        found: 'sensitivity',
      },
    ]);
  }
  const parsed = experimentSchema.safeParse(doc);
  if (!parsed.success)
    throw new InputError(source, [...problems, ...schemaProblems(parsed.error.issues, doc, 'an experiment')]);
  const experiment = parsed.data;
  const commonSets = [...experiment.set, ...(overrides.sets ?? [])];
  if (experiment.months !== undefined) commonSets.push(`months=${experiment.months}`);

  const scenarios: ExperimentScenario[] = [];
  const labelIndex = new Map<string, number>();
  experiment.scenarios.forEach((entry, i) => {
    const ref = typeof entry === 'string' ? entry : entry.scenario;
    const ownSets = typeof entry === 'string' ? [] : entry.set;
    const file = resolveScenarioPath(ref, relativeTo) ?? resolveScenarioPath(ref);
    const at = `scenarios[${i}]`;
    if (!file) {
      problems.push({ path: at, message: 'no such scenario file or bundled scenario', found: ref });
      return;
    }
    try {
      const loaded = loadScenario(file, [...ownSets, ...commonSets]);
      const wanted = typeof entry === 'string' ? loaded.id : (entry.id ?? loaded.id);
      const first = labelIndex.get(wanted);
      if (first !== undefined)
        problems.push({
          path: at,
          message: `duplicates the id of scenarios[${first}] (${wanted}): give each variant its own id`,
        });
      else labelIndex.set(wanted, i);
      scenarios.push({ label: wanted, ref, loaded });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const p of error.problems) {
        // --set problems are the same for every scenario: report them once.
        if (p.path === '--set') {
          if (!problems.some((q) => q.path === p.path && q.message === p.message && q.found === p.found))
            problems.push(p);
        } else
          problems.push({ path: `${at}: ${p.path}`, message: `${p.message} (in ${basename(file)})`, found: p.found });
      }
    }
  });

  let baseline: string | null = null;
  if (experiment.baseline !== undefined) {
    const b = experiment.baseline;
    const match =
      scenarios.find((s) => s.label === b) ??
      scenarios.find((s) => s.ref === b) ??
      scenarios.find((s) => s.loaded.id === b) ??
      scenarios.find(
        (s) => resolve(s.loaded.source) === (resolveScenarioPath(b, relativeTo) ?? resolveScenarioPath(b)),
      );
    // A scenario that did not load (its problems are listed above) may still be the one
    // named: judge the baseline against every entry, so that a wrong one is reported with
    // the other problems rather than after they are fixed.
    const entryNames = experiment.scenarios.map((e) =>
      typeof e === 'string' ? [e] : [e.scenario, e.id ?? e.scenario],
    );
    const namesAnEntry = entryNames.some((names) => names.includes(b));
    if (match) baseline = match.label;
    else if (problems.length === 0 || !namesAnEntry) {
      const choices = scenarios.length > 0 ? scenarios.map((s) => s.label) : entryNames.map((names) => names.at(-1));
      problems.push({
        path: overrides.baseline !== undefined ? '--baseline' : 'baseline',
        message: `must be one of the scenarios (${choices.join(', ')})`,
        found: b,
      });
    }
  } else if (experiment.kind === 'compare' && scenarios.length > 0) baseline = scenarios[0].label;
  if (problems.length > 0) throw new InputError(source, problems);
  const name =
    experiment.name ??
    defaultName ??
    (experiment.kind === 'compare'
      ? scenarios.map((s) => s.label).join('-vs-')
      : scenarios.map((s) => s.label).join('-'));
  return { experiment: { ...experiment, name }, source, scenarios, baseline };
}
