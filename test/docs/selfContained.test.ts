import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The repository stands on its own (issue 11, item 5): code, tests, scenarios and docs
 * cite only documents that are in it, and no path of the machine they were written on.
 * The patterns are assembled from pieces so that this file does not match them itself.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', 'dist', 'reports', '.git', '.scratch', 'coverage']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/**
 * The repository's files: tracked or new, not those .gitignore leaves out (e.g. the runs a
 * local `kopsim calibrate` leaves in scenarios/posterior/, which name local paths); every
 * file under the root when git is not there.
 */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (git.status !== 0) return walk(root);
  return git.stdout
    .split('\n')
    .filter((f) => f !== '' && existsSync(join(root, f)))
    .map((f) => join(root, f));
}

const repoFiles = repositoryFiles();
const basenames = new Set(repoFiles.map((f) => basename(f)));
const TEXT = /\.(ts|tsx|js|mjs|md|yaml|yml|json)$/;
const SCANNED_DIRS = ['src', 'test', 'docs', 'scenarios'].map((d) => `${join(root, d)}/`);
const SCANNED_FILES = ['README.md', 'CHANGELOG.md', 'package.json'].map((f) => join(root, f));
const scanned = repoFiles.filter(
  (f) => TEXT.test(f) && (SCANNED_FILES.includes(f) || SCANNED_DIRS.some((d) => f.startsWith(d))),
);

/** Documents that were reading material outside the repository, never part of it. */
const OUTSIDE_DOCS = ['MODEL', 'ARCHITECTURE', 'STACK', 'SLURM'].map((n) => `${n}.md`);
const SHARED = `..${'/'}shared`;
/** Absolute paths of a machine; /tmp/ counts only in prose (tests may name example folders there). */
const MACHINE_DIRS = ['work', 'root', 'home', 'Users', 'mnt', 'opt/build'].map((d) => `/${d}/`);
const PROSE_ONLY_DIRS = ['/tmp/', '/var/'];

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function findings(test: (line: string, file: string) => string | null): Finding[] {
  const found: Finding[] = [];
  for (const file of scanned) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const hit = test(line, file);
      if (hit) found.push({ file: relative(root, file), line: i + 1, text: hit });
    });
  }
  return found;
}

/** Whether a cited document path exists: relative to the citing file, to the root, or (a bare name) anywhere. */
function exists(target: string, from: string): boolean {
  const clean = target.split('#')[0];
  if (clean === '') return true;
  if (existsSync(resolve(dirname(from), clean)) || existsSync(resolve(root, clean))) return true;
  return !clean.includes('/') && basenames.has(clean);
}

/** The outside document or shared folder a line cites, or null. */
function outsideDoc(line: string): string | null {
  return [...OUTSIDE_DOCS, SHARED].find((d) => line.includes(d)) ?? null;
}

/** The machine directory an absolute path in the line starts with, or null. */
function machinePath(line: string, file: string): string | null {
  const dirs = file.endsWith('.md') ? [...MACHINE_DIRS, ...PROSE_ONLY_DIRS] : MACHINE_DIRS;
  // A path starts the line or follows a space, quote, bracket, backtick or '=' (not a URL's path).
  return dirs.find((d) => new RegExp(`(^|[\\s'"\`(\\[=])${d.replace(/\//g, '\\/')}`).test(line)) ?? null;
}

/** The first relative Markdown link target of the line (in a .md file) that is not in the repository, or null. */
function brokenLink(line: string, file: string): string | null {
  if (!file.endsWith('.md')) return null;
  for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    if (!exists(target, file)) return target;
  }
  return null;
}

/** The first Markdown document named in the line that is not in the repository, or null. */
function missingDoc(line: string, file: string): string | null {
  for (const m of line.matchAll(/(?<![\w/.-])((?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.md)\b/g)) {
    if (!exists(m[1], file)) return m[1];
  }
  return null;
}

describe('the repository is self-contained', () => {
  it('scans the code, tests, scenarios and docs', () => {
    expect(scanned.some((f) => f.endsWith('ODD.md'))).toBe(true);
    expect(scanned.length).toBeGreaterThan(100);
  });

  it('the checks catch what they are meant to (by hand)', () => {
    const md = (name: string) => `${name}.md`; // so that this file names no missing document itself
    const doc = join(root, 'docs', md('x'));
    expect(outsideDoc(`see ${OUTSIDE_DOCS[0]}, section 2`)).toBe(OUTSIDE_DOCS[0]);
    expect(outsideDoc(`cp ${SHARED}/x .`)).toBe(SHARED);
    expect(machinePath(`written in \`${MACHINE_DIRS[0]}x/y\``, doc)).toBe(MACHINE_DIRS[0]);
    expect(machinePath('a folder such as /tmp/out', doc)).toBe('/tmp/');
    expect(machinePath("folder: '/tmp/out'", join(root, 'test', 'x.test.ts'))).toBeNull();
    expect(machinePath('see https://example.org/home/page', doc)).toBeNull();
    expect(brokenLink(`[the ODD](ODD.md), [gone](${md('gone')}), [web](https://x.org/a.md)`, doc)).toBe(md('gone'));
    expect(brokenLink('[the ODD](ODD.md#2-entities)', doc)).toBeNull();
    expect(missingDoc(`see docs/ODD.md and ${md('docs/absent')}`, doc)).toBe(md('docs/absent'));
    expect(missingDoc('see README.md', doc)).toBeNull();
  });

  it('cites no document that lives outside the repository', () => {
    expect(findings(outsideDoc)).toEqual([]);
  });

  it('names no absolute path of a machine (and no /tmp/ path in the docs)', () => {
    expect(findings(machinePath)).toEqual([]);
  });

  it('links only to documents that are in the repository', () => {
    expect(findings(brokenLink)).toEqual([]);
  });

  it('every Markdown document it names exists', () => {
    expect(findings(missingDoc)).toEqual([]);
  });
});
