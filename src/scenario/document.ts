import { closeSync, fstatSync, openSync, readSync, constants as fsConstants } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, type InputProblem } from '../core/errors.js';
import { formatPath } from './overrides.js';

/*
 * Reading input documents (scenario, experiment and sensitivity files, `--set` values)
 * into plain data a hostile file cannot turn against kopsim: sizes are checked before
 * the text is parsed deeply, only regular files are read (a FIFO would block forever),
 * keys that reach Object.prototype are refused, and every object is null-prototype.
 */

/** Limits of an input file; far above any real scenario or experiment (a few kB, a few hundred keys, depth 6). */
export const INPUT_LIMITS = {
  /** Bytes of a file. */
  bytes: 1_048_576,
  /** Keys in the whole document (YAML's duplicate-key check grows as the square of a map's keys). */
  keys: 5_000,
  /** Nesting of objects and lists. */
  depth: 32,
} as const;

/** Keys that would reach or replace an object's prototype when assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The problem for a forbidden key at `path`. */
export function forbiddenKeyProblem(path: string, key: string): InputProblem {
  return { path, message: `"${key}" is not allowed as a key (it names an object's prototype)` };
}

/**
 * Reads and parses a JSON or YAML file into null-prototype data. Throws an InputError
 * naming the file when it is not a regular file, is too large, too deep, has too many
 * keys or a forbidden key, or does not parse. A UTF-8 byte order mark is ignored.
 */
export function readDocument(file: string): unknown {
  const text = readInputText(file);
  const kind = extname(file) === '.json' ? 'JSON' : 'YAML';
  const tooBig = textLimitProblems(text);
  if (tooBig.length > 0)
    throw new InputError(
      file,
      tooBig.map((message) => ({ path: file, message })),
    );
  let parsed: unknown;
  try {
    if (kind === 'JSON') parsed = JSON.parse(text);
    else {
      // Warnings (e.g. an unresolved tag) are not printed: the schema reports what matters.
      parsed = parseYaml(text, { logLevel: 'error', maxAliasCount: 100 });
    }
  } catch (error) {
    throw new InputError(file, [
      { path: file, message: `is not valid ${kind}: ${firstLine((error as Error).message)}` },
    ]);
  }
  return plainData(parsed, file);
}

/** The text of a regular file of at most {@link INPUT_LIMITS.bytes}, without a BOM. */
function readInputText(file: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(file, [{ path: file, message: `cannot read: ${firstLine((error as Error).message)}` }]);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new InputError(file, [
        {
          path: file,
          message: `is not a regular file (${stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a FIFO' : 'a device or socket'})`,
        },
      ]);
    if (stat.size > INPUT_LIMITS.bytes)
      throw new InputError(file, [
        {
          path: file,
          message: `is too large (${stat.size} bytes; at most ${INPUT_LIMITS.bytes} bytes are read)`,
        },
      ]);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const text = buffer.toString('utf8', 0, read);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, [{ path: file, message: `cannot read: ${firstLine((error as Error).message)}` }]);
  } finally {
    closeSync(fd);
  }
}

/**
 * Upper bounds of a text's keys and nesting, counted on the raw text before parsing:
 * every key has a colon (`a: 1`, `"a": 1`), every flow level a bracket. Counting colons
 * and brackets inside strings too only over-counts, and real files are far below.
 */
function textLimitProblems(text: string): string[] {
  let colons = 0;
  let depth = 0;
  let maxDepth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) colons++;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  const problems: string[] = [];
  if (colons > INPUT_LIMITS.keys)
    problems.push(`has too many keys (${colons} colons; at most ${INPUT_LIMITS.keys} keys)`);
  if (maxDepth > INPUT_LIMITS.depth)
    problems.push(`is nested too deeply (${maxDepth} levels of brackets; at most ${INPUT_LIMITS.depth})`);
  return problems;
}

/**
 * A deep copy of parsed data with null-prototype objects, checked: no forbidden key, at
 * most {@link INPUT_LIMITS.depth} levels and {@link INPUT_LIMITS.keys} keys. Throws an
 * InputError naming `source` with every forbidden key's path.
 */
export function plainData(value: unknown, source: string): unknown {
  const problems: InputProblem[] = [];
  let keys = 0;
  let tooDeep = false;
  const copy = (v: unknown, path: (string | number)[]): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (path.length >= INPUT_LIMITS.depth) {
      tooDeep = true;
      return null;
    }
    if (Array.isArray(v)) return v.map((item, k) => copy(item, [...path, k]));
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(v)) {
      keys++;
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(forbiddenKeyProblem(formatPath([...path, key]), key));
        continue;
      }
      out[key] = copy((v as Record<string, unknown>)[key], [...path, key]);
    }
    return out;
  };
  const result = copy(value, []);
  if (tooDeep)
    problems.unshift({ path: source, message: `is nested too deeply (at most ${INPUT_LIMITS.depth} levels)` });
  if (keys > INPUT_LIMITS.keys)
    problems.unshift({ path: source, message: `has too many keys (${keys}; at most ${INPUT_LIMITS.keys})` });
  if (problems.length > 0) throw new InputError(source, problems);
  return result;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
