import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); never a browser playwright downloads. */
export const CHROMIUM = '/usr/bin/chromium';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A terminal screen (the text of `tmux capture-pane -p`) as a PNG of exactly `columns` ×
 * `rows` character cells, drawn by headless Chromium in DejaVu Sans Mono, light text on a
 * dark background, at 2x for sharp documentation images. Offline; nothing is fetched.
 */
export async function terminalPng(screen: string, file: string, columns: number, rows: number): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is absent (apt-get install -y chromium)`);
  const dir = mkdtempSync(join(tmpdir(), 'kopsim-terminal-png-'));
  try {
    const lines = screen.split('\n').slice(0, rows);
    while (lines.length < rows) lines.push('');
    const page = join(dir, 'screen.html');
    writeFileSync(
      page,
      `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;background:#1d1f21}
pre{margin:0;padding:12px 14px;display:inline-block;font:15px/1.25 'DejaVu Sans Mono',monospace;color:#e0e0e0;
background:#1d1f21;width:${columns}ch;height:${rows * 1.25}em;white-space:pre;overflow:hidden}
</style></head><body><pre id="t">${escapeHtml(lines.join('\n'))}</pre></body></html>`,
    );
    const profile = join(dir, 'profile');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      offline: true,
      deviceScaleFactor: 2,
      viewport: { width: 1200, height: 800 },
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const tab = context.pages()[0] ?? (await context.newPage());
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      await tab.locator('#t').screenshot({ path: file });
    } finally {
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
