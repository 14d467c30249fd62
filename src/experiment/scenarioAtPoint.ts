import { InputError } from '../core/errors.js';
import { parsePath, setPath } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import { validateScenario } from '../scenario/validate.js';
import type { DesignPoint } from './designPoints.js';

/** The scenario with a design point's values set, as a document (to be validated before it is run). */
export function scenarioAtPoint(scenario: Scenario, params: DesignPoint['params']): unknown {
  const doc = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(params)) setPath(doc, parsePath(path)!, value);
  return doc;
}

/** The problems of a scenario document as one line, or null when it is valid. */
export function validationProblem(doc: unknown, label: string): string | null {
  try {
    validateScenario(doc, label);
    return null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((q) => `${q.path}: ${q.message} (scenario ${label})`).join('; ');
  }
}
