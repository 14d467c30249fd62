import { describe, expect, it } from 'vitest';
import { dashboardLayout } from '../../src/tui/dashboardLayout.js';

/** Lines of a frame under a layout: header, status, progress, hints (4), ladder, indicators (7), margins, log. */
function frameLines(columns: number, rows: number, regions: number): number {
  const l = dashboardLayout(columns, rows, regions);
  const ladder = Math.max(l.compactLadder ? 7 : regions + 2, l.showEnterprises ? 9 : 0);
  const margins = l.margins ? 2 : 0;
  const log = l.logHeight > 0 ? l.logHeight + 1 + (l.margins ? 1 : 0) : 0;
  return 4 + ladder + margins + 7 + log;
}

describe('dashboardLayout', () => {
  it('at 80×24 with 5 regions: the full ladder, no enterprise panel, a short log, shorter than the terminal', () => {
    const l = dashboardLayout(80, 24, 5);
    expect(l).toMatchObject({ compactLadder: false, showEnterprises: false, margins: true });
    expect(l.logHeight).toBeGreaterThanOrEqual(1);
    expect(frameLines(80, 24, 5)).toBeLessThan(24);
    expect(l.labelWidth + 11 + 13 + 2 + l.sparkWidth).toBeLessThanOrEqual(80);
  });
  it('at 120×40: the enterprise panel and a longer log', () => {
    const l = dashboardLayout(120, 40, 5);
    expect(l.showEnterprises).toBe(true);
    expect(l.logHeight).toBeGreaterThan(dashboardLayout(80, 24, 5).logHeight);
    expect(frameLines(120, 40, 5)).toBeLessThan(40);
  });
  it('turns the ladder compact and folds the log when regions do not fit', () => {
    const l = dashboardLayout(80, 24, 12);
    expect(l.compactLadder).toBe(true);
    expect(frameLines(80, 24, 12)).toBeLessThan(24);
    expect(dashboardLayout(80, 24, 40).compactLadder).toBe(true);
  });
  it('every frame is shorter than the terminal from 80×20 up', () => {
    for (const rows of [20, 24, 30, 40, 60])
      for (const regions of [1, 5, 8, 12, 40])
        expect(frameLines(80, rows, regions), `${rows} ${regions}`).toBeLessThan(rows);
  });
});
