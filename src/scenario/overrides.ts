import type { InputProblem } from '../core/errors.js';

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
    overrides.push({ path, value, text });
  }
  return { overrides, problems };
}

/** Splits `a.b[2].c` into ['a', 'b', 2, 'c']; null when malformed. */
export function parsePath(text: string): (string | number)[] | null {
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

/** Sets a value at a path in a plain JSON object, creating objects (not arrays) on the way. */
export function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (let k = 0; k < path.length - 1; k++) {
    const key = path[k];
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[k + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/** Reads the value at a path, or undefined. */
export function getPath(target: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = target;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
