import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/core/errors.js';
import { startChartWorker, type ChartWorker } from '../../src/report/chartWorker.js';
import { renderCharts } from '../../src/report/renderChart.js';
import { rerenderRunFolder } from '../../src/report/rerenderRunFolder.js';
import { renderRunReport } from '../../src/report/runReport.js';
import { kopsim, ROOT } from '../support/cli.js';
import { makeRunFixture, type RunFixture } from './runFixture.js';

const hex = (png: Uint8Array) => Buffer.from(png).toString('hex');

describe('the chart worker', () => {
  let fixture: RunFixture;
  let worker: ChartWorker;
  beforeAll(async () => {
    // Started before the fixture's simulation, as `kopsim run` starts it: its warm-up runs meanwhile.
    worker = startChartWorker();
    fixture = await makeRunFixture({ months: 24, withReport: false });
  });
  afterAll(async () => {
    await worker.close();
    fixture.cleanup();
  });

  it("renders a run's report with the same bytes as this thread: every SVG, PNG, .vl.json and report.html", async () => {
    const heard: string[] = [];
    const inWorker = await renderRunReport(
      fixture.input,
      (done, total) => heard.push(`${done}/${total}`),
      'en',
      worker.render,
    );
    const here = await renderRunReport(fixture.input);
    expect(inWorker.charts.map((c) => c.name)).toEqual(here.charts.map((c) => c.name));
    expect(inWorker.charts.map((c) => c.svg)).toEqual(here.charts.map((c) => c.svg));
    expect(inWorker.charts.map((c) => hex(c.png))).toEqual(here.charts.map((c) => hex(c.png)));
    expect(inWorker.charts.map((c) => c.vlJson)).toEqual(here.charts.map((c) => c.vlJson));
    expect(inWorker.charts.map((c) => [c.title, c.width, c.height])).toEqual(
      here.charts.map((c) => [c.title, c.width, c.height]),
    );
    expect(inWorker.html).toBe(here.html);
    // The progress line hears 0/N first, then each chart once, as in this thread.
    const n = here.charts.length;
    expect(heard).toEqual(Array.from({ length: n + 1 }, (_, k) => `${k}/${n}`));
  });

  it('reports a chart that cannot be drawn as an OutputError (exit 1), and renders the next request', async () => {
    const bad = {
      name: 'bad',
      spec: { mark: 'point', data: { values: [] }, encoding: { x: { field: 'x', type: 'nope' } } },
    };
    const error = await worker.render([bad as never]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).exitCode).toBe(1);
    expect((error as OutputError).message).toMatch(/^could not draw the charts: /);
    // The same failure in this thread, for comparison: the worker's message carries it.
    const here = await renderCharts([bad as never]).catch((e: unknown) => e as Error);
    expect((error as OutputError).message).toContain((here as Error).message);
    const ok = { mark: 'point', data: { values: [{ x: 1 }] }, encoding: { x: { field: 'x', type: 'quantitative' } } };
    const good = await worker.render([{ name: 'ok', spec: ok as never }]);
    expect(good.map((c) => c.name)).toEqual(['ok']);
  });

  it('fails plainly once closed', async () => {
    const closed = startChartWorker();
    await closed.close();
    await expect(closed.render([{ name: 'a', spec: {} as never }])).rejects.toBeInstanceOf(OutputError);
  });
});

describe('kopsim run (charts drawn by the worker) and a redraw in this thread', () => {
  it('write the same charts/ bytes and the same report.html', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kopsim-worker-'));
    try {
      const dir = join(parent, 'run');
      const run = await kopsim(['run', '--months', '12', '--no-tui', '--out', dir]);
      expect(run.status).toBe(0);
      const files = () =>
        Object.fromEntries(
          ['report.html', ...readdirSync(join(dir, 'charts')).map((f) => `charts/${f}`)].map((f) => [
            f,
            readFileSync(join(dir, f)).toString('hex'),
          ]),
        );
      const byWorker = files();
      expect(Object.keys(byWorker)).toHaveLength(31);
      await rerenderRunFolder(dir);
      expect(files()).toEqual(byWorker);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('a chart worker left idle', () => {
  it('does not keep the process alive (the process ends while the worker is still warming up)', () => {
    const script =
      "import { startChartWorker } from './src/report/chartWorker.ts'; startChartWorker(); console.log('started');";
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('started');
    expect(r.status).toBe(0);
  });
});
