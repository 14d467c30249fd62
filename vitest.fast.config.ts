import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:fast`: the unit tests only, for the edit-test loop (under a minute on two
 * idle cores). Left out: the CLI end to end (test/cli, including the spawned smoke tests of
 * the built CLI), the npm package (test/package), integration, golden and benchmark tests, the terminal and browser
 * end-to-end tests, and the model's multi-run pattern tests (strategies, stages) and the
 * report round trip. `npm test` runs everything.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        'test/cli/**',
        'test/integration/**',
        'test/golden/**',
        'test/bench/**',
        'test/package/**',
        'test/tui/e2e.test.ts',
        'test/report/browser.test.ts',
        'test/report/readRunFolder.test.ts',
        'test/model/strategies.test.ts',
        'test/model/stages.test.ts',
      ],
    },
  }),
);
