import { InputError, type InputProblem } from '../core/errors.js';
import { branchSchema, type BranchSpec } from './branchSchema.js';
import { loadExperimentFile, schemaProblems } from './experimentDocument.js';
import { loadScenario, resolveScenarioPath, type LoadedScenario } from './load.js';

/** A branch file, validated, with its history's scenario loaded. */
export interface LoadedBranch {
  readonly spec: BranchSpec & { readonly name: string };
  readonly source: string;
  /** Folder the file is in: its strategies are looked for there first. */
  readonly relativeTo: string;
  readonly from: LoadedScenario;
}

/**
 * Reads a branch file (YAML or JSON) and loads the scenario of its shared history with the
 * file's `set`. Every problem is reported at once with its path, with `earlier` ones.
 */
export function loadBranch(file: string, earlier: readonly InputProblem[] = []): LoadedBranch {
  return loadExperimentFile(file, earlier, (document, source, relativeTo, defaultName) => {
    const problems: InputProblem[] = [...earlier];
    const parsed = branchSchema.safeParse(document);
    if (!parsed.success)
      throw new InputError(source, [...problems, ...schemaProblems(parsed.error.issues, document, 'a branch')]);
    const spec = parsed.data;
    let from: LoadedScenario | undefined;
    const path = resolveScenarioPath(spec.from, relativeTo) ?? resolveScenarioPath(spec.from);
    if (!path) problems.push({ path: 'from', message: 'no such scenario file or bundled scenario', found: spec.from });
    else
      try {
        from = loadScenario(path, spec.set);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.problems.map((p) => ({ ...p, path: p.path === '--set' ? 'set' : `from: ${p.path}` })));
      }
    if (from && spec.at > from.scenario.months)
      problems.push({
        path: 'at',
        message: `is after the scenario's last month (${from.scenario.months})`,
        found: spec.at,
      });
    if (problems.length > 0 || !from) throw new InputError(source, problems);
    return { spec: { ...spec, name: spec.name ?? defaultName }, source, relativeTo, from };
  });
}
