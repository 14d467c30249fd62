import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILE } from '../../src/report/runReport.js';
import { makeRunFixture, pngSize, type RunFixture } from './runFixture.js';

/** Debian's Chromium: installed by .ci/run; never a browser playwright downloads. */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)`);

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Set KOPSIM_KEEP_TEST_OUTPUT=1 to keep the run folder (with report.png) and print where it is. */
const keep = process.env.KOPSIM_KEEP_TEST_OUTPUT === '1';

let run: RunFixture;
beforeAll(async () => {
  if (haveChromium) run = await makeRunFixture({ months: 60 });
});
afterAll(() => {
  if (keep && run) console.log(`kept run folder: ${run.dir}`);
  else run?.cleanup();
});

describe('report.html in headless Chromium', () => {
  it.skipIf(!haveChromium)(
    'opens offline from file:// with no console errors and no network requests; every chart and table shows; saves report.png',
    async () => {
      const profile = mkdtempSync(join(tmpdir(), 'kopsim-chromium-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 1366, height: 768 }, // a laptop screen
        offline: true,
      });
      try {
        const network: string[] = [];
        const errors: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('file:')) return route.continue();
          network.push(url);
          return route.abort();
        });
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('request', (req) => {
          if (!req.url().startsWith('file:')) network.push(req.url());
        });
        page.on('console', (msg) => {
          if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()}`);
        });
        page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));

        const response = await page.goto(pathToFileURL(join(run.dir, REPORT_FILE)).href, { waitUntil: 'load' });
        expect(response?.ok() ?? true).toBe(true);
        expect(await page.title()).toBe(run.summary.name);

        const figures = page.locator('figure.chart svg');
        expect(await figures.count()).toBe(run.report!.charts.length);
        for (let i = 0; i < run.report!.charts.length; i++) {
          const svg = figures.nth(i);
          await svg.scrollIntoViewIfNeeded();
          expect(await svg.isVisible(), run.report!.charts[i].name).toBe(true);
          const box = await svg.boundingBox();
          expect(box?.width ?? 0, run.report!.charts[i].name).toBeGreaterThan(200);
          expect(box?.height ?? 0, run.report!.charts[i].name).toBeGreaterThan(100);
          expect(box!.width).toBeLessThanOrEqual(1366); // scaled to the column, no sideways scrolling
        }
        // the stage, key-indicator, region and milestone tables
        for (const id of ['stages', 'key-indicators', 'regions', 'milestones']) {
          const table = page.locator(`section#${id} table`);
          expect(await table.isVisible(), id).toBe(true);
          expect(await table.locator('tbody tr').count(), id).toBeGreaterThan(0);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

        const shot = join(run.dir, 'report.png');
        await page.screenshot({ path: shot, fullPage: true });
        expect(pngSize(readFileSync(shot)).width).toBe(1366);

        expect(network).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  );
});
