import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the closing line CI reads: `tests: N passed, N failed, N skipped`.
 * A test file that fails to import has no tests to count, so it counts as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let count = 0;
      for (const test of mod.children.allTests()) {
        count++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (count === 0 && mod.state() === 'failed') failed++;
      else if (mod.errors().length > 0 && count > 0 && mod.state() === 'failed') {
        // errors outside any test (e.g. in afterAll) fail the file without failing a test
        const anyFailed = [...mod.children.allTests()].some((t) => t.result().state === 'failed');
        if (!anyFailed) failed++;
      }
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
