import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN } from '../../src/i18n/en.js';
import { ID } from '../../src/i18n/id.js';

const root = resolve(import.meta.dirname, '../..');
const FONT = join(root, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf');
const query = spawnSync('fc-query', ['--format=%{charset}', FONT], { encoding: 'utf8' });
const haveFcQuery = query.status === 0;

/** Code points of the font, from fc-query's charset ("20-7e a0-17f ..."). */
function charset(text: string): (cp: number) => boolean {
  const ranges = text
    .trim()
    .split(/\s+/)
    .map((r) => r.split('-').map((h) => Number.parseInt(h, 16)))
    .map(([a, b]) => [a, b ?? a] as const);
  return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe.skipIf(!haveFcQuery)('dashboard glyphs', () => {
  it('are all in DejaVu Sans Mono, a common terminal font (no U+23F8 pause sign)', () => {
    const has = charset(query.stdout);
    const texts = [
      ...files(join(root, 'src/tui')).map((f) => readFileSync(f, 'utf8')),
      ...Object.entries({ ...EN })
        .filter(([k]) => k.startsWith('tui.') || k.startsWith('stage.') || k.startsWith('ind.'))
        .map(([, v]) => v),
      ...Object.entries(ID)
        .filter(([k]) => k.startsWith('tui.') || k.startsWith('stage.') || k.startsWith('ind.'))
        .map(([, v]) => v),
    ];
    const missing = new Set<string>();
    for (const text of texts)
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (cp > 0x7e && !has(cp)) missing.add(`U+${cp.toString(16).toUpperCase()} ${ch}`);
      }
    expect([...missing]).toEqual([]);
  });
});
