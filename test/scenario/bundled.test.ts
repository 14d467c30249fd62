import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { bundledScenariosDir, DEFAULT_SCENARIO, listBundledScenarios, loadScenario } from '../../src/scenario/load.js';

const files = listBundledScenarios();

describe('bundled scenarios', () => {
  it('are found: scenarios/ holds at least default, seed-roadmap and status-quo, and no experiment files', () => {
    const names = files.map((f) => basename(f));
    expect(names).toEqual(expect.arrayContaining(['default.yaml', 'seed-roadmap.yaml', 'status-quo.yaml']));
    // Experiments live in scenarios/experiments/, which is not a scenario (issue 2, section 2).
    expect(files.every((f) => dirname(f) === resolve(bundledScenariosDir()))).toBe(true);
  });

  it.each(files.map((f) => [basename(f), f]))('%s validates, with its extends chain resolved', (_name, file) => {
    const loaded = loadScenario(file);
    expect(loaded.scenario.regions.length).toBeGreaterThan(0);
    expect(loaded.chain[loaded.chain.length - 1]).toBe(file);
    expect(loaded.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it.each(files.map((f) => [basename(f), f]))(
    '%s names the JSON Schema with $schema, so editors can check it',
    (_name, file) => {
      const doc = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(doc.$schema).toBe('../docs/scenario.schema.json');
    },
  );

  it('have distinct ids', () => {
    const ids = files.map((f) => loadScenario(f).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('include a default that is a rural district of 5 villages with 500 households each, following seed-roadmap (issue 2, section 2)', () => {
    const { scenario } = loadScenario(undefined);
    expect(DEFAULT_SCENARIO).toBe('default');
    expect(scenario.regions).toHaveLength(5);
    expect(scenario.regions.every((r) => r.households === 500)).toBe(true);
    expect(scenario.strategy.name).toBe('seed-roadmap');
    expect(scenario.strategy.mode).toBe('gated');
    expect(scenario.strategy.founding).toBe('bottom-up');
  });

  // BUG (reported to the model owner): the JSON Schema requires `regions` at the top level,
  // but a file that `extends` another inherits its regions. default.yaml and status-quo.yaml
  // name the schema with $schema and have no `regions`, so every editor flags them as
  // invalid although kopsim accepts them. The schema should not require fields a file may
  // inherit (e.g. require `regions` only when `extends` is absent).
  it('every bundled file, as written, is valid against the JSON Schema it names', () => {
    const schema = JSON.parse(readFileSync(resolve(bundledScenariosDir(), '../docs/scenario.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = ajv.compile(schema);
    const failures: string[] = [];
    for (const file of files) {
      const doc = parseYaml(readFileSync(file, 'utf8'));
      if (!check(doc)) failures.push(`${basename(file)}: ${ajv.errorsText(check.errors)}`);
    }
    expect(failures).toEqual([]);
  });
});
