import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/simulation.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

/*
 * Every number a scenario holds has a finite upper bound, and the model runs with the
 * numbers at their bounds: a value the schema accepts never overflows into an Infinity
 * transfer halfway through a run.
 */

type JsonNode = {
  type?: string | string[];
  anyOf?: JsonNode[];
  properties?: Record<string, JsonNode>;
  items?: JsonNode | JsonNode[];
  prefixItems?: JsonNode[];
  maximum?: number;
  const?: unknown;
  enum?: unknown[];
  exclusiveMaximum?: number;
};

/** Every numeric node of the JSON Schema, with its path and upper bound. */
function numericNodes(node: JsonNode, path: string, out: { path: string; max: number | undefined }[] = []) {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('number') || types.includes('integer'))
    out.push({
      path,
      max: node.const ?? (node.enum ? Math.max(...(node.enum as number[])) : (node.maximum ?? node.exclusiveMaximum)),
    });
  for (const [key, child] of Object.entries(node.properties ?? {}))
    numericNodes(child, path ? `${path}.${key}` : key, out);
  for (const child of node.anyOf ?? []) numericNodes(child, path, out);
  for (const [k, child] of (node.prefixItems ?? []).entries()) numericNodes(child, `${path}[${k}]`, out);
  if (node.items && !Array.isArray(node.items)) numericNodes(node.items, `${path}[]`, out);
  return out;
}

/**
 * Shares and weights that must sum with others, and a field that must stay below another
 * (set to their max they could not validate).
 */
const SUMMED =
  /^(households\.occupationShares|shu|market\.tierSharesNonFood|social\.(scholarship|health)Share|governance\.(awareness|rat|management|supervision)Weight$|federation\.credit\.graceMonths$)/;

describe('scenario bounds', () => {
  const nodes = numericNodes(scenarioJsonSchema() as JsonNode, '');

  it('every number in the schema has a finite upper bound', () => {
    expect(nodes.length).toBeGreaterThan(150);
    expect(nodes.filter((n) => n.max === undefined || !Number.isFinite(n.max)).map((n) => n.path)).toEqual([]);
  });

  it('the model runs with every number at its upper bound', () => {
    const document: Record<string, unknown> = {
      regions: [
        { name: 'a', households: 40 },
        { name: 'b', households: 40 },
      ],
    };
    for (const { path, max } of nodes) {
      if (
        path.startsWith('regions[].households') ||
        path.endsWith('[]') ||
        SUMMED.test(path) ||
        path === 'months' ||
        path === 'seed'
      )
        continue;
      const parts = path.replace('regions[]', 'regions.0').split('.');
      let node = document as Record<string, unknown>;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts[parts.length - 1]] = max;
    }
    document.months = 120;
    (document.regions as Record<string, unknown>[])[1] = {
      ...(document.regions as Record<string, unknown>[])[0],
      name: 'b',
      households: 40,
    };
    (document.regions as Record<string, unknown>[])[0].households = 40;
    const scenario = scenarioSchema.parse(document);
    const result = runScenario('bounds', scenario, 7);
    expect(result.months).toBe(120);
  });
});
