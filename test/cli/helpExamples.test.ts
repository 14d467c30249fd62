import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The commands' help cites example files (`kopsim sweep --help`): each must exist in the repository. */
describe('example files in the commands help', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = join(root, 'src', 'cli', 'commands');
  const cited = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/scenarios\/[\w./-]+\.(?:yaml|yml|json)/g)].map((m) => m[0]),
    );

  it('exist', () => {
    expect(cited.length).toBeGreaterThan(3);
    expect([...new Set(cited)].filter((c) => !existsSync(join(root, c)))).toEqual([]);
  });
});
