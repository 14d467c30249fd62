import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.js';
import { loadScenario, listBundledScenarios } from '../../src/scenario/load.js';
import { kopsim } from '../support/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

let printed: string | undefined;
/** What `kopsim schema` prints (in process, from the sources); run once. */
async function cliSchemaOutput(): Promise<string> {
  printed ??= (await kopsim(['schema'], root)).stdout;
  return printed;
}

describe('the scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();

  it('is a valid JSON Schema (draft 2020-12, compiled by ajv in strict mode)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ strict: true, strictTypes: false, allowUnionTypes: true });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('describes every top-level scenario field and rejects unknown ones', () => {
    const props = Object.keys(schema.properties as object);
    for (const field of [
      '$schema',
      'extends',
      'id',
      'name',
      'description',
      'months',
      'seed',
      'regions',
      'crossRegionTies',
      'networkDegree',
      'networkRewiring',
      'households',
      'shocks',
      'awareness',
      'membership',
      'market',
      'enterprises',
      'governance',
      'shu',
      'strategy',
      'gates',
      'institution',
      'federation',
      'social',
    ]) {
      expect(props).toContain(field);
    }
    expect(schema.additionalProperties).toBe(false);
  });

  it('accepts every bundled scenario as resolved, and rejects what the loader rejects', () => {
    const check = new Ajv2020({ strict: false }).compile(schema);
    for (const file of listBundledScenarios()) {
      const resolved = JSON.parse(JSON.stringify(loadScenario(file).scenario));
      expect(check(resolved), `${file}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    expect(check({ regions: [{ name: 'a', households: -5 }] })).toBe(false);
    expect(check({ regions: [{ name: 'a', households: 5 }], awareness: { decay: 2 } })).toBe(false);
    expect(check({ regions: [{ name: 'a', households: 5 }], foo: 1 })).toBe(false);
  });

  it('is what `kopsim schema` prints, as JSON', async () => {
    expect(JSON.parse(await cliSchemaOutput())).toEqual(schema);
  });

  // `kopsim schema` prints the committed file without building the schema (start-up time):
  // the file must be byte for byte what the code builds.
  it('is committed as docs/scenario.schema.json, byte for byte what the scenario schema gives (regenerate: npx tsx test/scenario/regenerateSchema.ts)', () => {
    expect(readFileSync(`${root}docs/scenario.schema.json`, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is printed by `kopsim schema` byte for byte as committed', async () => {
    expect(await cliSchemaOutput()).toBe(readFileSync(`${root}docs/scenario.schema.json`, 'utf8'));
  });
});
