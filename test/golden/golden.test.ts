import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenCsv, parseShaFile, sha256 } from './cases.js';

/*
 * Seeded golden runs (see cases.ts): the whole timeseries.csv of small fixed scenarios,
 * compared by SHA-256 with test/golden/golden.sha256. Optimisations must keep these
 * byte-identical.
 *
 * When the model is changed ON PURPOSE (so its results are meant to change), regenerate
 * the golden files with
 *
 *   npx tsx test/golden/regenerate.ts
 *
 * and commit them with the model change; the commit message says why the outputs changed.
 * Never regenerate to make a performance change pass.
 *
 * On a mismatch the test names the first values that differ, read from the committed
 * <case>.csv.gz.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const expected = parseShaFile(readFileSync(`${dir}golden.sha256`, 'utf8'));

describe('golden runs', () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.name} gives the committed timeseries.csv byte for byte`, () => {
      const csv = goldenCsv(c);
      const want = expected.get(c.name);
      expect(want, `no hash for ${c.name} in golden.sha256`).toBeDefined();
      const got = sha256(csv);
      if (got !== want) {
        const committed = gunzipSync(readFileSync(`${dir}${c.name}.csv.gz`)).toString('utf8');
        expect.fail(`${c.name}: sha256 ${got}, expected ${want}\n${describeDiff(committed, csv)}`);
      }
    });
  }
});

/** The first few rows that differ between the committed and the new CSV. */
function describeDiff(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  const out: string[] = [];
  if (a.length !== b.length) out.push(`row count ${b.length - 1}, committed ${a.length - 1}`);
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    if (a[i] !== b[i]) out.push(`line ${i + 1}: got '${b[i] ?? ''}', committed '${a[i] ?? ''}'`);
  }
  return out.join('\n');
}
