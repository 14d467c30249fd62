import { InputError, type InputProblem } from '../core/errors.js';
import { calibrationSchema, type CalibrationSpec } from './calibrationSchema.js';
import { loadExperimentFile, schemaProblems } from './experimentDocument.js';
import type { LoadedScenario } from './load.js';
import { loadReferencedScenario } from './loadSensitivity.js';

/** A targets file ready to plan: validated, each scenario its targets name loaded once. */
export interface LoadedCalibration {
  readonly spec: CalibrationSpec & { readonly name: string };
  /** The file it came from. */
  readonly source: string;
  /**
   * The scenarios the (non-pending) targets name, in order of first mention, keyed by
   * the name as written; each runs for the last month its targets need.
   */
  readonly scenarios: readonly { readonly label: string; readonly loaded: LoadedScenario }[];
}

/** Values given on the command line, which take precedence over the file's. */
export interface CalibrationOverrides {
  readonly seed?: number;
  readonly particles?: number;
  readonly proposals?: number;
  readonly generations?: number;
  readonly replicates?: number;
  readonly method?: string;
  readonly minAcceptance?: number;
  /** `--set` overrides, applied after the file's own `set`. */
  readonly sets?: readonly string[];
}

/**
 * Reads a calibration targets file (YAML or JSON), validates it, loads the scenarios its
 * targets name (relative to the file first, then the working folder, then the bundled
 * scenarios) with the file's `set` and `--set`. Every problem comes in one InputError
 * with its path, together with `earlier` ones (bad flags).
 */
export function loadCalibration(
  file: string,
  overrides: CalibrationOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedCalibration {
  return loadExperimentFile(file, earlier, (document, source, relativeTo, defaultName) =>
    loadCalibrationDocument(document, source, relativeTo, defaultName, overrides, earlier),
  );
}

/** Validates a targets file given as data and loads its scenarios; see {@link loadCalibration}. */
export function loadCalibrationDocument(
  document: unknown,
  source: string,
  relativeTo: string,
  defaultName: string,
  overrides: CalibrationOverrides = {},
  earlier: readonly InputProblem[] = [],
): LoadedCalibration {
  const problems: InputProblem[] = [...earlier];
  let doc = document;
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const d: Record<string, unknown> = { ...(document as Record<string, unknown>) };
    for (const key of [
      'seed',
      'particles',
      'proposals',
      'generations',
      'replicates',
      'method',
      'minAcceptance',
    ] as const)
      if (overrides[key] !== undefined) d[key] = overrides[key];
    doc = d;
  }
  const parsed = calibrationSchema.safeParse(doc);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error.issues, doc, 'a calibration targets'));
    throw new InputError(source, problems);
  }
  const spec = parsed.data;
  const lastMonth = new Map<string, { index: number; month: number }>();
  spec.targets.forEach((t, i) => {
    if (t.pending !== undefined || t.scenario === undefined) return;
    const month = t.month ?? t.window![1];
    const seen = lastMonth.get(t.scenario);
    lastMonth.set(t.scenario, { index: seen?.index ?? i, month: Math.max(seen?.month ?? 0, month, 1) });
  });
  const scenarios: { label: string; loaded: LoadedScenario }[] = [];
  for (const [label, { index, month }] of lastMonth) {
    const sets = [...spec.set, ...(overrides.sets ?? []), `months=${month}`];
    const loaded = loadReferencedScenario(label, relativeTo, sets, problems, `targets[${index}].scenario`);
    if (loaded) scenarios.push({ label, loaded });
  }
  // Earlier problems alone (bad flags) do not stop here: the caller plans too and reports them all together.
  if (problems.length > earlier.length) throw new InputError(source, problems);
  return { spec: { ...spec, name: spec.name ?? defaultName }, source, scenarios };
}
