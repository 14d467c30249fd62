import { InputError, type InputProblem } from '../core/errors.js';
import { loadExperimentFile, schemaProblems } from './experimentDocument.js';
import { DISCOVERY_KEYS, discoverySettingsSchema, type DiscoverySettings } from './discoverySchema.js';
import { loadExperimentDocument, type ExperimentOverrides, type LoadedExperiment } from './loadExperiment.js';

/** A discovery file, validated: its settings, and its runs as a sweep experiment (strategies, then the baseline). */
export interface LoadedDiscovery {
  readonly settings: DiscoverySettings;
  readonly experiment: LoadedExperiment;
  /** Labels of the strategies PRIM looks at (every scenario but the baseline). */
  readonly strategies: readonly string[];
}

/**
 * The outcome's check, given by the caller (it needs the indicator registry, which this
 * layer does not import): its problems, and the indicators it reads.
 */
export type OutcomeCheck = (outcome: string) => { problems: InputProblem[]; indicators: string[] };

/**
 * Reads a discovery file: a sweep experiment file (scenarios = the strategies, an
 * optional baseline run at every design point too, sweep = the uncertain parameters)
 * with `kind: discover`, an `outcome` and `prim` and `tree` settings. Every problem is
 * reported at once with its path, together with `earlier` ones (bad flags).
 */
export function loadDiscovery(
  file: string,
  checkOutcome: OutcomeCheck,
  overrides: ExperimentOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedDiscovery {
  return loadExperimentFile(file, earlier, (document, source, relativeTo, defaultName) => {
    const problems: InputProblem[] = [...earlier];
    if (document === null || typeof document !== 'object' || Array.isArray(document))
      throw new InputError(source, [...problems, { path: '', message: 'must be a mapping of discovery fields' }]);
    const doc = document as Record<string, unknown>;
    const own = Object.fromEntries(DISCOVERY_KEYS.filter((k) => k in doc).map((k) => [k, doc[k]]));
    const parsed = discoverySettingsSchema.safeParse(own);
    if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues, own, 'a discovery'));
    let indicators: string[] = ['p0'];
    if (typeof doc.outcome === 'string') {
      const checked = checkOutcome(doc.outcome);
      problems.push(...checked.problems);
      if (checked.indicators.length > 0) indicators = checked.indicators;
    }
    for (const key of ['indicators', 'reportMonths'])
      if (key in doc)
        problems.push({ path: key, message: 'is not a discovery field (the outcome names the indicators recorded)' });
    const rest = Object.fromEntries(
      Object.entries(doc).filter(
        ([k]) => !(DISCOVERY_KEYS as readonly string[]).includes(k) && k !== 'indicators' && k !== 'reportMonths',
      ),
    );
    const strategies = Array.isArray(rest.scenarios) ? rest.scenarios : [];
    const baseline = typeof rest.baseline === 'string' ? rest.baseline : undefined;
    const baselineListed = baseline !== undefined && strategies.some((s) => s === baseline);
    if (baselineListed)
      problems.push({
        path: 'baseline',
        message: 'is also listed in scenarios: list only the strategies there',
        found: baseline,
      });
    const experimentDoc = {
      ...rest,
      kind: 'sweep',
      replicates: rest.replicates ?? 1,
      scenarios: baseline !== undefined && !baselineListed ? [...strategies, baseline] : strategies,
      indicators,
    };
    let experiment: LoadedExperiment;
    try {
      experiment = loadExperimentDocument(experimentDoc, source, relativeTo, defaultName, overrides, problems);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The baseline was appended to the scenarios: its problems are the baseline field's.
      const at = `scenarios[${strategies.length}]`;
      throw new InputError(
        source,
        error.problems.map((p) =>
          discoveryWords(
            baseline !== undefined && p.path.startsWith(at) ? { ...p, path: `baseline${p.path.slice(at.length)}` } : p,
          ),
        ),
      );
    }
    if (problems.length > 0 || !parsed.success) throw new InputError(source, problems);
    const labels = experiment.scenarios.map((s) => s.label).filter((l) => l !== experiment.baseline);
    return { settings: parsed.data, experiment, strategies: labels };
  });
}

/**
 * A problem of the sweep experiment a discovery file is read as, in the discovery file's
 * terms: its unknown keys are not discovery fields, and its missing sweep is the
 * discovery's uncertain parameters.
 */
function discoveryWords(problem: InputProblem): InputProblem {
  if (problem.message === 'is not an experiment field') return { ...problem, message: 'is not a discovery field' };
  if (problem.path === 'sweep' && problem.message === 'a sweep needs a sweep block with its parameters')
    return { ...problem, message: 'a discovery file needs a sweep block with its uncertain parameters' };
  return problem;
}
