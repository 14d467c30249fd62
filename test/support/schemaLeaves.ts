import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

/*
 * Every leaf parameter of the scenario schema, with its default, as docs/ODD.md must list
 * it. Paths use the code's names: `awareness.peerWeight`, `federation.credit.amount`,
 * `regions[].potentials.fisheries.capacity` (`[]`: every element of a list).
 */

/** A leaf's default: a value, or that it has none (optional) or must be given (required). */
export type LeafDefault =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'none' }
  | { readonly kind: 'required' };

export interface SchemaLeaf {
  readonly path: string;
  readonly default: LeafDefault;
  /** The schema's `.describe()` text, if any. */
  readonly description: string;
}

type JsonNode = {
  type?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  required?: string[];
  default?: unknown;
  description?: string;
};

/** The scenario every default comes from: the schema applied to the smallest valid input. */
function defaultsDocument(): unknown {
  return scenarioSchema.parse({ regions: [{ name: 'x', households: 1 }] });
}

function lookup(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const part of path.replace(/\[\]/g, '.0').split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Walks the JSON Schema of scenario files down to its leaves. */
export function schemaLeaves(): SchemaLeaf[] {
  const schema = scenarioJsonSchema() as JsonNode;
  const defaults = defaultsDocument();
  const leaves: SchemaLeaf[] = [];
  const walk = (node: JsonNode, path: string, required: boolean, defaultAbove: boolean): void => {
    if (node.type === 'object' && node.properties) {
      const below = defaultAbove || 'default' in node;
      for (const [key, child] of Object.entries(node.properties)) {
        walk(child, path ? `${path}.${key}` : key, (node.required ?? []).includes(key), below);
      }
      return;
    }
    if (node.type === 'array' && node.items?.type === 'object' && node.items.properties) {
      walk(node.items, `${path}[]`, required, defaultAbove || 'default' in node);
      return;
    }
    let value: LeafDefault;
    if (!('default' in node) && !defaultAbove && required) value = { kind: 'required' };
    else {
      const v = lookup(defaults, path);
      value = v === undefined ? { kind: 'none' } : { kind: 'value', value: v };
    }
    leaves.push({ path, default: value, description: node.description ?? '' });
  };
  walk(schema, '', true, false);
  return leaves;
}

/** How docs/ODD.md writes a default: JSON, with `_` allowed between digits of numbers. */
export function formatDefault(d: LeafDefault): string {
  if (d.kind === 'none') return '(none)';
  if (d.kind === 'required') return '(required)';
  return JSON.stringify(d.value, (_k, v: unknown) => v)
    .replace(/,/g, ', ')
    .replace(/-?\d{5,}(?![\d.])/g, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '_'));
}

/** Reads a default as docs/ODD.md writes it (the inverse of formatDefault). */
export function parseDefault(text: string): LeafDefault {
  const t = text.trim().replace(/^`|`$/g, '');
  if (t === '(none)') return { kind: 'none' };
  if (t === '(required)') return { kind: 'required' };
  return { kind: 'value', value: JSON.parse(t.replace(/(\d)_(?=\d)/g, '$1')) };
}
