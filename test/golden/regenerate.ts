/*
 * Regenerates the golden outputs: test/golden/<case>.csv.gz and test/golden/golden.sha256.
 *
 *   npx tsx test/golden/regenerate.ts
 *
 * Run this ONLY when the model's results change on purpose (a new process, a changed
 * parameter, a different random draw method), never to make a failing golden test pass
 * after a refactoring or an optimisation that was meant to preserve results. Commit the
 * regenerated files together with the model change and say in the commit message why the
 * outputs changed.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { GOLDEN_CASES, goldenCsv, sha256 } from './cases.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const lines: string[] = [];
for (const c of GOLDEN_CASES) {
  const csv = goldenCsv(c);
  // mtime 0 in the gzip header (zlib writes none), level 9: the same CSV gives the same bytes.
  writeFileSync(`${dir}${c.name}.csv.gz`, gzipSync(csv, { level: 9 }));
  lines.push(`${sha256(csv)}  ${c.name}.csv`);
  console.log(`${c.name}: ${csv.split('\n').length - 2} rows, sha256 ${sha256(csv)}`);
}
writeFileSync(`${dir}golden.sha256`, lines.join('\n') + '\n');
