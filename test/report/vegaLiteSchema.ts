import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

let validate: ValidateFunction | undefined;

/**
 * A validator for Vega-Lite's own JSON Schema (vega-lite/build/vega-lite-schema.json).
 * The schema declares draft-07, which is what ajv's default `Ajv` class implements.
 * `strict: false`: the schema uses keywords ajv does not know. Formats (`format: "uri"`
 * on `$schema`) are not checked: ajv 8 needs the ajv-formats package for that, and would
 * otherwise log "unknown format ignored" for each use.
 */
export function vegaLiteValidator(): ValidateFunction {
  if (!validate) {
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as {
      $schema: string;
    };
    if (!schema.$schema.includes('draft-07'))
      throw new Error(`Vega-Lite schema is ${schema.$schema}, not draft-07: pick the matching ajv class`);
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  }
  return validate;
}

/** The schema errors of a spec, as readable lines (empty when valid). */
export function vegaLiteErrors(spec: unknown): string[] {
  const v = vegaLiteValidator();
  // JSON round trip: the spec as written to .vl.json
  if (v(JSON.parse(JSON.stringify(spec)))) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
