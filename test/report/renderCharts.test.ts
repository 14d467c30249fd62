import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartProgress } from '../../src/cli/chartProgress.js';
import { renderChart, renderCharts } from '../../src/report/renderChart.js';

const spec = (title: string): TopLevelSpec => ({
  title,
  data: { values: [{ x: 1, y: 2 }] },
  mark: 'point',
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
});

type Metrics = { width: unknown };
const vegaMeasure = () => (vega as unknown as { textMetrics: Metrics }).textMetrics.width;

describe('renderCharts', () => {
  it('gives the same charts, in order, as rendering them one by one, and reports each', async () => {
    const charts = [
      { name: 'a', spec: spec('A chart') },
      { name: 'b', spec: spec('Another chart') },
    ];
    const heard: string[] = [];
    const together = await renderCharts(charts, (done, total, name) => heard.push(`${done}/${total} ${name ?? ''}`));
    const alone = [await renderChart(charts[0]!), await renderChart(charts[1]!)];
    expect(together.map((c) => c.name)).toEqual(['a', 'b']);
    expect(together.map((c) => c.svg)).toEqual(alone.map((c) => c.svg));
    expect(together.map((c) => Buffer.from(c.png).toString('hex'))).toEqual(
      alone.map((c) => Buffer.from(c.png).toString('hex')),
    );
    expect(heard[0]).toBe('0/2 ');
    // PNGs may finish out of order: the counts rise one by one, each chart named once.
    expect(heard.slice(1).map((h) => h.split(' ')[0])).toEqual(['1/2', '2/2']);
    expect(
      heard
        .slice(1)
        .map((h) => h.split(' ')[1])
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it("puts Vega's own text measure back after rendering, also when layouts overlap", async () => {
    const before = vegaMeasure();
    await Promise.all([renderChart({ name: 'a', spec: spec('A') }), renderChart({ name: 'b', spec: spec('B') })]);
    expect(vegaMeasure()).toBe(before);
  });
});

describe('chartProgress', () => {
  const sink = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, stream: { isTTY, write: (t: string) => out.push(t) } };
  };
  let clock = 0;
  const now = () => clock;

  it('prints a plain line a chart when not on a terminal', () => {
    const { out, stream } = sink(false);
    clock = 0;
    const progress = chartProgress(stream, now);
    progress(0, 2);
    clock = 1500;
    progress(1, 2, 'gini');
    expect(out).toEqual(['kopsim: charts 0/2, 0 ms elapsed\n', 'kopsim: charts 1/2 (gini), 1.5 s elapsed\n']);
  });

  it('rewrites one line on a terminal and ends it after the last chart', () => {
    const { out, stream } = sink(true);
    const progress = chartProgress(stream, now, {});
    progress(1, 2, 'a');
    progress(2, 2, 'b');
    expect(out[0]).toMatch(/^\r\x1b\[2Kkopsim: charts 1\/2 \(a\)/);
    expect(out[0]!.endsWith('\n')).toBe(false);
    expect(out[1]!.endsWith('\n')).toBe(true);
  });
});
