import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILE } from '../../src/report/runReport.js';
import { kopsim } from '../experiment/cliSupport.js';
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

/** Chromium in a fresh profile, offline; `close` also removes the profile. */
async function launch(viewport?: { width: number; height: number }) {
  const profile = mkdtempSync(join(tmpdir(), 'kopsim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ...(viewport ? { viewport } : {}),
    offline: true,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

describe('report.html in headless Chromium', () => {
  it.skipIf(!haveChromium)(
    'opens offline from file:// with no console errors and no network requests; every chart and table shows; saves report.png',
    async () => {
      const { context, close } = await launch({ width: 1366, height: 768 }); // a laptop screen
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
        await close();
      }
    },
  );
});

/** Page widths the tables must fit: a phone (360 px), a laptop (1,280 px), and A4 printed (186 mm between 12 mm margins = 703 CSS px). */
const WIDTHS = [
  { name: '360 px', width: 360, print: false },
  { name: '1,280 px', width: 1280, print: false },
  { name: 'A4 print', width: 703, print: true },
] as const;

/**
 * Cells (and tables) whose content is wider than their box, as "table i, row r, cell c:
 * text": empty when every table fits. Run in the page.
 */
function overflowingCells(): string[] {
  const bad: string[] = [];
  document.querySelectorAll('table').forEach((table, t) => {
    const wrap = table.parentElement!;
    if (
      table.getBoundingClientRect().right > wrap.getBoundingClientRect().right + 1 ||
      wrap.scrollWidth > wrap.clientWidth + 1
    )
      bad.push(`table ${t}: wider than its container`);
    // Narrow screens stack rows into cards and hide the header row (kept for screen readers).
    const head = table.querySelector('thead');
    const headHidden = head !== null && head.getBoundingClientRect().width <= 1;
    table.querySelectorAll(headHidden ? 'tbody td' : 'th, td').forEach((cell, c) => {
      const el = cell as HTMLElement;
      if (el.scrollWidth > el.clientWidth + 1) bad.push(`table ${t}, cell ${c}: ${el.textContent?.slice(0, 40)}`);
    });
  });
  if (document.documentElement.scrollWidth > window.innerWidth + 1) bad.push('the page scrolls sideways');
  return bad;
}

describe('the comparison report in headless Chromium', () => {
  const dirs: Record<'en' | 'id', string> = { en: '', id: '' };
  const root = mkdtempSync(join(tmpdir(), 'kopsim-browser-compare-'));
  beforeAll(async () => {
    if (!haveChromium) return;
    for (const lang of ['en', 'id'] as const) {
      dirs[lang] = join(root, lang);
      const r = await kopsim([
        'compare',
        'seed-roadmap',
        'top-down',
        'status-quo',
        '--baseline',
        'status-quo',
        '-n',
        '3',
        '--months',
        '36',
        '--set',
        'regions=[{"name":"A","households":200},{"name":"B","households":200}]',
        '--indicators',
        'consumption_pc_mean,p0,gini,member_share',
        '--workers',
        '1',
        '--lang',
        lang,
        '--out',
        dirs[lang],
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.skipIf(!haveChromium)(
    'opens with the answer (verdict, headline table), sets lang, and no table cell overflows at 360 px, 1,280 px and A4 print',
    async () => {
      const { context, close } = await launch();
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const pages = [
          { what: 'run report', file: join(run.dir, REPORT_FILE), lang: 'en' },
          { what: 'comparison (en)', file: join(dirs.en, 'report.html'), lang: 'en' },
          { what: 'comparison (id)', file: join(dirs.id, 'report.html'), lang: 'id' },
        ];
        for (const p of pages) {
          for (const w of WIDTHS) {
            await page.setViewportSize({ width: w.width, height: 900 });
            await page.emulateMedia({ media: w.print ? 'print' : 'screen' });
            await page.goto(pathToFileURL(p.file).href, { waitUntil: 'load' });
            expect(await page.evaluate(overflowingCells), `${p.what} at ${w.name}`).toEqual([]);
          }
          expect(await page.getAttribute('html', 'lang')).toBe(p.lang);
          if (p.what === 'run report') continue;
          // The answer first: the first section holds the verdict and the ranked headline table.
          const first = page.locator('main section').first();
          expect(await first.getAttribute('id')).toBe('answer');
          expect(await first.locator('p.verdict').count()).toBe(1);
          expect(await first.locator('table.headline tbody tr').count()).toBe(3); // two strategies and the baseline
          expect(await page.locator('section#glossary dt').count()).toBeGreaterThanOrEqual(9);
        }
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.byteLength).toBeGreaterThan(10_000);
      } finally {
        await close();
      }
    },
    300_000,
  );
});
