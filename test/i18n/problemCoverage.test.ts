import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_PATTERNS } from '../../src/i18n/problemText.js';

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t' };

/** The end (index after the closing quote) of the string or template literal starting at `i`. */
function skipLiteral(text: string, i: number): number {
  const quote = text[i];
  let k = i + 1;
  while (k < text.length && text[k] !== quote) {
    if (text[k] === '\\') k += 2;
    else if (quote === '`' && text.startsWith('${', k)) k = skipExpression(text, k + 2);
    else k += 1;
  }
  return k + 1;
}

/** The index after the `}` that closes an expression whose body starts at `i`. */
function skipExpression(text: string, i: number): number {
  let depth = 1;
  let k = i;
  while (depth > 0) {
    const c = text[k];
    if (c === "'" || c === '"' || c === '`') {
      k = skipLiteral(text, k);
      continue;
    }
    if (c === '{') depth += 1;
    if (c === '}') depth -= 1;
    k += 1;
  }
  return k;
}

/**
 * The literal at `i` as its text parts: a quoted string is one part; a template literal is
 * split at its `${...}` expressions (the wildcards).
 */
function literalParts(text: string, i: number): string[] {
  const quote = text[i];
  const parts = [''];
  let k = i + 1;
  while (text[k] !== quote) {
    if (text[k] === '\\') {
      parts[parts.length - 1] += ESCAPES[text[k + 1]] ?? text[k + 1];
      k += 2;
    } else if (quote === '`' && text.startsWith('${', k)) {
      k = skipExpression(text, k + 2);
      parts.push('');
    } else {
      parts[parts.length - 1] += text[k];
      k += 1;
    }
  }
  return parts;
}

/** Every string or template literal written right after `message:` in src (comments left out). */
function messageLiterals(): { file: string; parts: string[] }[] {
  const found: { file: string; parts: string[] }[] = [];
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bmessage:\s*(?=['"`])/g)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (/^\s*(\*|\/\/|\/\*)/.test(text.slice(lineStart, m.index))) continue;
      found.push({ file, parts: literalParts(text, m.index + m[0].length) });
    }
  }
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A message literal has a pattern when a pattern's example fits the literal (its `${...}`
 * parts standing for anything), or a pattern matches the literal with its `${...}` parts
 * filled by a plain value.
 */
function hasPattern(parts: readonly string[]): boolean {
  const shape = new RegExp(`^${parts.map(escapeRegExp).join('[^]*')}$`);
  if (PROBLEM_PATTERNS.some((p) => shape.test(p.example))) return true;
  return ['1', 'x', 'JSON'].some((value) => {
    const sample = parts.join(value);
    return PROBLEM_PATTERNS.some((p) => p.pattern.test(sample));
  });
}

describe('problem messages in the source', () => {
  it('every message literal in src has a pattern, so it prints in the chosen language', () => {
    const literals = messageLiterals();
    expect(literals.length).toBeGreaterThan(150);
    const missing = literals
      .filter(({ parts }) => !hasPattern(parts))
      .map(({ file, parts }) => `${file}: ${parts.join('…')}`);
    expect(missing, 'add a pattern to src/i18n/problemText.ts and its text to en.ts and id.ts').toEqual([]);
  });
});
