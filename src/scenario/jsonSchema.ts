import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** The JSON Schema of scenario files (fields with defaults are optional), for editors and `kopsim schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://kopsim.dev/schema/scenario.json',
    title: 'kopsim scenario',
  };
}
