import { InputError, type InputProblem } from '../core/errors.js';
import { FORBIDDEN_KEYS, forbiddenKeyProblem, plainData } from './document.js';

/** One `--set path=value` override, parsed. */
export interface Override {
  readonly path: (string | number)[];
  readonly value: unknown;
  readonly text: string;
}

/**
 * Parses `--set` arguments (`awareness.peerWeight=0.1`, `regions[2].households=800`,
 * `strategy.enabledStages=[1,2,3]`). The value is read as JSON when it parses as JSON
 * (numbers, booleans, null, arrays, objects), else as a plain string. Returns every
 * malformed argument as a problem, all at once.
 */
export function parseOverrides(args: readonly string[]): { overrides: Override[]; problems: InputProblem[] } {
  const overrides: Override[] = [];
  const problems: InputProblem[] = [];
  for (const text of args) {
    const eq = text.indexOf('=');
    if (eq <= 0) {
      problems.push({ path: '--set', message: 'expected path=value', found: text });
      continue;
    }
    const forbidden = pathSegments(text.slice(0, eq)).find((s) => FORBIDDEN_KEYS.has(s));
    if (forbidden !== undefined) {
      problems.push({ ...forbiddenKeyProblem('--set', forbidden), found: text.slice(0, eq) });
      continue;
    }
    const path = parsePath(text.slice(0, eq));
    if (!path) {
      problems.push({ path: '--set', message: 'malformed path (use a.b[2].c)', found: text.slice(0, eq) });
      continue;
    }
    const raw = text.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    try {
      value = plainData(value, '--set');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const p of error.problems)
        problems.push({ ...p, path: '--set', message: p.path === '--set' ? p.message : `${p.path}: ${p.message}` });
      continue;
    }
    overrides.push({ path, value, text });
  }
  return { overrides, problems };
}

/** The names in a path text, however malformed (to find a forbidden one). */
function pathSegments(text: string): string[] {
  return text.split(/[.[\]]/).filter((s) => s !== '');
}

/** Splits `a.b[2].c` into ['a', 'b', 2, 'c']; null when malformed or when a name is forbidden (`__proto__`). */
export function parsePath(text: string): (string | number)[] | null {
  if (pathSegments(text).some((s) => FORBIDDEN_KEYS.has(s))) return null;
  const parts: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|(\.)/gy;
  let expectName = true;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < text.length && (m = re.exec(text)) !== null) {
    pos = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectName) return null;
      parts.push(m[1]);
      expectName = false;
    } else if (m[2] !== undefined) {
      if (expectName) return null;
      parts.push(Number(m[2]));
    } else {
      if (expectName) return null;
      expectName = true;
    }
  }
  if (pos !== text.length || expectName || parts.length === 0) return null;
  return parts;
}

/** Formats a path as `regions[2].households`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/**
 * Sets a value at a path in plain data, creating null-prototype objects and lists on the
 * way. A list index may be at most the list's length (which appends). Returns what is
 * wrong (the value is then not set), or undefined.
 */
export function setPath(
  target: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): string | undefined {
  let node: Record<string | number, unknown> = target;
  for (let k = 0; k < path.length; k++) {
    const key = path[k];
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return `"${key}" is not allowed as a key`;
    if (typeof key === 'number') {
      if (!Array.isArray(node)) return `${formatPath(path.slice(0, k))} is not a list`;
      if (key > node.length)
        return `index ${key} is past the end of ${formatPath(path.slice(0, k))} (${node.length} items; ${node.length} appends one)`;
    } else if (Array.isArray(node)) return `${formatPath(path.slice(0, k))} is a list: use an index such as [0]`;
    if (k === path.length - 1) break;
    const next = node[key];
    if (next === null || typeof next !== 'object')
      node[key] = typeof path[k + 1] === 'number' ? [] : Object.create(null);
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return undefined;
}

/** Reads the value at a path, or undefined. */
export function getPath(target: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = target;
  for (const key of path) {
    // Own keys only: `constructor` must not find Object's.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
