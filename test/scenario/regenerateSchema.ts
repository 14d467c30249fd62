/*
 * Rewrites docs/scenario.schema.json, the scenario JSON Schema that `kopsim schema` prints
 * and editors read through `$schema`, from the scenario schema in src/scenario/schema.ts:
 *
 *   npx tsx test/scenario/regenerateSchema.ts
 *
 * Run it after changing a scenario field (its name, range, default or description) and
 * commit the file with the change; test/scenario/jsonSchema.test.ts fails until then.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIO_SCHEMA_FILE } from '../../src/cli/commands/schema.js';
import { scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.js';

writeFileSync(SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText());
console.log(`wrote ${fileURLToPath(SCENARIO_SCHEMA_FILE)}`);
