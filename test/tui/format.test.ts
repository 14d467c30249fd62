import { describe, expect, it } from 'vitest';
import { batchProgressLine, batchStats } from '../../src/tui/batchProgress.js';
import { numberFormat } from '../../src/i18n/numberFormat.js';
import { bar, formatDuration, yearMonth } from '../../src/tui/format.js';
import { progressThrottle, runProgressLine } from '../../src/tui/plainProgress.js';
import { sparkline } from '../../src/tui/sparkline.js';

describe('sparkline', () => {
  it('maps the lowest value to ▁ and the highest to █ (0..3 in 8 levels: 0, 2.33, 4.67, 7 -> ▁▃▆█)', () => {
    expect(sparkline([0, 1, 2, 3], 4)).toBe('▁▃▆█');
  });
  it('is flat for a constant series and empty without values', () => {
    expect(sparkline([5, 5, 5], 10)).toBe('▁▁▁');
    expect(sparkline([], 10)).toBe('');
    expect(sparkline([Number.NaN], 10)).toBe('');
  });
  it('resamples a long series to the width, by slice means', () => {
    const s = sparkline(
      Array.from({ length: 241 }, (_, i) => i),
      40,
    );
    expect([...s]).toHaveLength(40);
    expect(s[0]).toBe('▁');
    expect(s[s.length - 1]).toBe('█');
  });
});

describe('formats', () => {
  const en = numberFormat('en');
  it('shows shares in percent, changes of shares in percentage points (the dashboard uses the shared format)', () => {
    expect(en.value(0.8304, 'share')).toBe('83.0%');
    expect(en.change(0.131, 'share')).toBe('+13.1 pp');
    expect(en.change(-0.02, 'index')).toBe('-0.020');
    expect(en.change(0, 'count')).toBe('0');
  });
  it('names months 1..12 year 1 and month 0 the start', () => {
    expect(yearMonth(0)).toBe('start');
    expect(yearMonth(12)).toBe('year 1, month 12');
    expect(yearMonth(57)).toBe('year 5, month 9');
  });
  it('formats durations and bars', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(7_380_000)).toBe('2 h 03 min');
    expect(bar(0.5, 4)).toBe('██░░');
  });
});

describe('plain run progress', () => {
  it('has no escape codes and estimates the time left from the pace so far', () => {
    const line = runProgressLine({ month: 120, months: 240, elapsedMs: 1200, label: 'default' });
    expect(line).toBe('kopsim: default month 120/240 (50%), 1.2 s elapsed, about 1.2 s left');
    expect(line).not.toMatch(/\x1b/);
    expect(runProgressLine({ month: 120, months: 240, elapsedMs: 1200, label: 'default', lang: 'id' })).toBe(
      'kopsim: default bulan 120/240 (50%), 1,2 s berlalu, kira-kira 1,2 s lagi',
    );
  });
  it('prints at each 10% at most once a second, and at least every 10 s', () => {
    const due = progressThrottle();
    expect(due(0.05, 0)).toBe(false);
    expect(due(0.1, 500)).toBe(false); // 10% crossed, but under a second
    expect(due(0.15, 1000)).toBe(true);
    expect(due(0.19, 2000)).toBe(false); // same 10% bucket
    expect(due(0.2, 2100)).toBe(true);
    expect(due(0.21, 12_100)).toBe(true); // 10 s without a line
  });
});

describe('batch progress', () => {
  const p = {
    title: 'replications of default',
    done: 10,
    total: 40,
    elapsedMs: 60_000,
    workers: [
      { id: 1, run: 'rep 11', month: 120, months: 240 },
      { id: 2, run: 'rep 12', month: 120, months: 240 },
    ],
    failures: [{ run: 'rep 3', message: 'boom' }],
  };
  it('counts runs in progress by their months for the ETA (10 + 2 × 0.5 = 11 runs in 60 s -> 29 left take 158 s)', () => {
    const s = batchStats(p);
    expect(s.runsPerMinute).toBe(10);
    expect(s.fraction).toBeCloseTo(11 / 40);
    expect(s.etaMs).toBeCloseTo((60_000 / 11) * 29);
  });
  it('formats one plain line', () => {
    expect(batchProgressLine(p)).toBe(
      'kopsim: replications of default 10/40 runs (27%), 1 failed, 10.0 runs/min, 1 min 00 s elapsed, about 2 min 38 s left',
    );
  });
  it('formats the line in Bahasa Indonesia with lang id', () => {
    expect(batchProgressLine({ ...p, lang: 'id' })).toBe(
      'kopsim: replications of default 10/40 simulasi (27%), 1 gagal, 10,0 simulasi/menit, 1 min 00 s berlalu, kira-kira 2 min 38 s lagi',
    );
  });
});
