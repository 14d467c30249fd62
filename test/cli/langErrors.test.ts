import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kopsim } from '../support/cli.js';

const BAD = 'test/fixtures/malformed/negative-households.yaml';

describe('errors in the language of --lang', () => {
  it('kopsim run --lang id: every problem in Bahasa Indonesia, each naming its field or flag; exit 2; nothing written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kopsim-lang-')), 'run');
    const r = await kopsim(['run', BAD, '--seed', '-1', '--months', 'abc', '--out', out, '--lang', 'id']);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^kopsim: masukan tidak sah: test\/fixtures\/malformed\/negative-households.yaml: 3 masalah$/,
    );
    expect(lines).toContain('  --seed: harus bilangan bulat dari 0 sampai 4294967295, ditemukan "-1"');
    expect(lines).toContain('  --months: harus bilangan bulat dari 1 sampai 1200, ditemukan "abc"');
    // zod's own message, in zod's Indonesian locale; the field path is not translated.
    expect(lines.find((l) => l.startsWith('  regions[0].households: '))).toMatch(/Terlalu kecil.*ditemukan -5$/);
    expect(r.stderr).not.toMatch(/invalid input|must be|Too small|\bgot\b/);
    expect(existsSync(out)).toBe(false);
  });

  it('a later English command gets English messages again (zod is reset)', async () => {
    const r = await kopsim(['validate', BAD, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('kopsim: invalid input: ');
    expect(r.stderr).toMatch(/regions\[0\]\.households: Too small.*got -5/);
  });

  it('kopsim validate --lang id: a bad --lang and the file’s problems together, and a valid file in Indonesian', async () => {
    const r = await kopsim(['validate', 'test/fixtures/malformed/unknown-key.yaml', '--lang', 'id', '--lang', 'xx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('  --lang: harus salah satu dari en, id, ditemukan "xx"');
    expect(r.stderr).toContain('  awareness.peerWieght: bukan kolom skenario, ditemukan 0.1');
    const ok = await kopsim(['validate', 'default', '--lang', 'id']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/: sah \(5 daerah, 2\.500 rumah tangga, 240 bulan\)/);
  });

  it('commander’s own errors (an unknown command) in Bahasa Indonesia, exit 2', async () => {
    const r = await kopsim(['rnu', '--lang', 'id']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^galat: perintah tidak dikenal 'rnu'\n\(Maksud Anda run\?\)/);
  });

  it('refusing to overwrite a folder kopsim did not write, in Bahasa Indonesia', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kopsim-lang-'));
    const r = await kopsim(['run', '--months', '2', '--out', join(dir, '..'), '--lang', 'id']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--out: tidak kosong dan bukan folder run kopsim .*kopsim tidak pernah menghapus atau menimpa/,
    );
  });
});
