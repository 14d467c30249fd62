import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Temporary folders for a test file; `cleanup` removes every folder it made. */
export function tempDirs(prefix = 'kopsim-test-'): { make(files?: Record<string, string>): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make(files: Record<string, string> = {}): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      for (const [name, content] of Object.entries(files)) {
        const file = join(dir, name);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
