/**
 * Deep-merges scenario documents for `extends`: objects merge key by key, anything else
 * (numbers, strings, arrays such as `regions`) is replaced by the child's value.
 */
export function mergeScenario(base: unknown, child: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(child)) return child === undefined ? base : child;
  const out: Record<string, unknown> = Object.assign(Object.create(null), base);
  for (const [key, value] of Object.entries(child))
    out[key] = Object.hasOwn(base, key) ? mergeScenario(base[key], value) : value;
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
