import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../experiment/cliSupport.js';

describe('the command line a manifest records', () => {
  it("is main's own arguments when kopsim runs in-process, not the host process's", async () => {
    const out = join(tempDir('kopsim-cmdline-'), 'run');
    const args = ['run', '--months', '2', '--no-report', '--no-tui', '--out', out];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(args)).toBe(0);
    } finally {
      write.mockRestore();
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.commandLine).toEqual(['kopsim', ...args]);
  });
});
