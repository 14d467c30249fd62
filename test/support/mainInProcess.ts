import { main } from '../../src/cli/main.js';

/** What a `main()` call returned and wrote. */
export interface MainResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs the CLI in this process through `main()` (the source, not dist/), capturing what
 * it writes on stdout and stderr. Pass absolute paths and `--out`: the working folder is
 * the test's.
 */
export async function runMain(args: readonly string[]): Promise<MainResult> {
  const out: string[] = [];
  const err: string[] = [];
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  const t0 = performance.now();
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join(''), ms: performance.now() - t0 };
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
}
