import { InputError, type InputProblem } from '../core/errors.js';
import { formatPath, getPath } from './overrides.js';
import { crossFieldProblems, ONE_PARSE, scenarioObjectSchema, type Scenario } from './schema.js';

/**
 * Validates a scenario document against the schema and fills defaults. Problems found
 * earlier (e.g. malformed `--set` flags) are reported together with the schema's, each
 * with its path and the value found there.
 */
export function validateScenario(document: unknown, source: string, earlier: readonly InputProblem[] = []): Scenario {
  const parsed = scenarioObjectSchema.safeParse(document, ONE_PARSE);
  const problems: InputProblem[] = [...earlier];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path as PropertyKey[]);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...(issue.path as PropertyKey[]), key];
          problems.push({ path: formatPath(path), message: 'is not a scenario field', found: getPath(document, path) });
        }
        continue;
      }
      const found = getPath(document, issue.path as PropertyKey[]);
      problems.push({ path, message: issue.message, found: found === undefined ? undefined : found });
    }
  }
  // Report what the file holds there (the sums with defaults are in the message).
  for (const p of crossFieldProblems(document))
    problems.push({ path: formatPath(p.path), message: p.message, found: getPath(document, p.path) ?? p.found });
  if (problems.length > 0) throw new InputError(source, problems);
  return parsed.data!;
}
