import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The JSON Schema of scenario files (fields with defaults are optional), for editors and
 * `kopsim schema` (which prints it as committed in docs/scenario.schema.json).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // A file that `extends` another inherits its regions: `regions` is required only
  // without `extends` (kopsim checks the merged file against the full schema).
  const required = ((schema.required as string[] | undefined) ?? []).filter((k) => k !== 'regions');
  return {
    ...schema,
    required,
    anyOf: [
      { properties: { regions: {} }, required: ['regions'] },
      { properties: { extends: {} }, required: ['extends'] },
    ],
    $id: 'https://kopsim.dev/schema/scenario.json',
    title: 'kopsim scenario',
  };
}

/** The JSON Schema as docs/scenario.schema.json holds it and `kopsim schema` prints it: two-space JSON and a newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
