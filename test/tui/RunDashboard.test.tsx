import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunController, type RunIdentity } from '../../src/experiment/runController.js';
import type { RunResult } from '../../src/experiment/runResult.js';
import { RunDashboard, type DashboardOutcome } from '../../src/tui/RunDashboard.js';
import { fakeClock, smallScenario } from './smallScenario.js';

// eslint-disable-next-line no-control-regex
const plain = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const RIGHT = '\u001B[C';

afterEach(() => cleanup());

function setup(months = 36, opts: { exitWhenDone?: boolean; speed?: number } = {}) {
  const clock = fakeClock();
  const controller = createRunController({
    scenarioId: 'small',
    scenario: smallScenario(months),
    baseSeed: 3,
    clock,
    speed: opts.speed,
  });
  const writes: { result: RunResult; identity: RunIdentity }[] = [];
  const writeReport = vi.fn((result: RunResult, identity: RunIdentity) => {
    writes.push({ result, identity });
    return `/tmp/out-${identity.baseSeed}`;
  });
  const exits: DashboardOutcome[] = [];
  const app = render(
    <RunDashboard
      controller={controller}
      writeReport={writeReport}
      interactive
      exitWhenDone={opts.exitWhenDone}
      onExit={(o) => exits.push(o)}
      columns={120}
      rows={40}
    />,
  );
  const frame = () => plain(app.lastFrame());
  const month = () => Number(/Month (\d+)\//.exec(frame())?.[1] ?? NaN);
  const press = async (key: string) => {
    app.stdin.write(key);
    await new Promise((r) => setTimeout(r, 20));
  };
  return { clock, controller, writes, writeReport, exits, app, frame, month, press };
}

describe('RunDashboard', () => {
  it('shows the ladder, indicators with sparklines, enterprises, events and key hints', async () => {
    const t = setup();
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    t.clock.advance(1001);
    await vi.waitFor(() => expect(t.month()).toBe(12));
    const f = t.frame();
    expect(f).toContain('Roadmap stages');
    expect(f).toMatch(/Desa\s+m0/);
    expect(f).toMatch(/Member share\s+\S+%\s+[+±-]/);
    expect(f).toMatch(/[▁▂▃▄▅▆▇█]{5}/);
    expect(f).toContain('Enterprises by kind');
    expect(f).toContain('Events');
    expect(f).toContain('q quit');
    expect(f).toContain('year 1, month 12');
  });

  it('space pauses, → steps one month, space resumes', async () => {
    const t = setup();
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    t.clock.advance(251);
    await vi.waitFor(() => expect(t.month()).toBe(3));
    await t.press(' ');
    await vi.waitFor(() => expect(t.frame()).toContain('PAUSED'));
    expect(t.frame()).toContain('space resume');
    t.clock.advance(5000);
    expect(t.month()).toBe(3);
    await t.press(RIGHT);
    await vi.waitFor(() => expect(t.month()).toBe(4));
    await t.press(RIGHT);
    await vi.waitFor(() => expect(t.month()).toBe(5));
    await t.press(' ');
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    t.clock.advance(1001);
    await vi.waitFor(() => expect(t.month()).toBeGreaterThan(5));
  });

  it('q writes what exists so far, marked stopped early, and exits', async () => {
    const t = setup();
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    await t.press(' ');
    for (let i = 0; i < 4; i++) await t.press(RIGHT);
    await vi.waitFor(() => expect(t.month()).toBe(4));
    await t.press('q');
    await vi.waitFor(() => expect(t.exits).toHaveLength(1));
    expect(t.writes).toHaveLength(1);
    expect(t.writes[0].result.stoppedEarly).toBe(true);
    expect(t.writes[0].result.months).toBe(4);
    expect(t.exits[0]).toMatchObject({ folder: '/tmp/out-3', error: null });
    expect(t.exits[0].result?.stoppedEarly).toBe(true);
  });

  it('s writes the report now without stopping; + and - change the speed', async () => {
    const t = setup();
    await vi.waitFor(() => expect(t.frame()).toContain('12 months/s'));
    await t.press('+');
    await vi.waitFor(() => expect(t.frame()).toContain('24 months/s'));
    await t.press('-');
    await t.press('-');
    await vi.waitFor(() => expect(t.frame()).toContain('6 months/s'));
    await t.press(' ');
    await t.press(RIGHT);
    await t.press('s');
    await vi.waitFor(() => expect(t.frame()).toContain('report written to /tmp/out-3'));
    expect(t.frame()).toContain('month 1, marked stopped early: report written to /tmp/out-3');
    expect(t.writes).toHaveLength(1);
    expect(t.exits).toHaveLength(0);
    await t.press(RIGHT);
    await vi.waitFor(() => expect(t.month()).toBe(2));
  });

  it('r restarts from month 0 with a new seed; ? shows the help', async () => {
    const t = setup();
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    await t.press(' ');
    await t.press(RIGHT);
    await vi.waitFor(() => expect(t.month()).toBe(1));
    await t.press('r');
    await vi.waitFor(() => expect(t.frame()).toContain('restart 1'));
    expect(t.month()).toBe(0);
    expect(t.frame()).toContain('seed 4');
    await t.press('?');
    await vi.waitFor(() => expect(t.frame()).toContain('pause or resume the run'));
    expect(t.frame()).toContain('q quit'); // hints stay visible
    await t.press('?');
    await vi.waitFor(() => expect(t.frame()).not.toContain('pause or resume the run'));
  });

  it('writes the complete run when it finishes and stays until q', async () => {
    const t = setup(12);
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    t.clock.advance(2000);
    await vi.waitFor(() => expect(t.frame()).toContain('FINISHED'));
    expect(t.writes).toHaveLength(1);
    expect(t.writes[0].result.stoppedEarly).toBe(false);
    expect(t.frame()).toContain('run complete: report written to /tmp/out-3');
    expect(t.exits).toHaveLength(0);
    await t.press('q');
    await vi.waitFor(() => expect(t.exits).toHaveLength(1));
    expect(t.writes).toHaveLength(1); // not written twice
    expect(t.exits[0].result?.stoppedEarly).toBe(false);
  });

  it('exits by itself at the end when told to (no keyboard)', async () => {
    const t = setup(12, { exitWhenDone: true });
    await vi.waitFor(() => expect(t.frame()).toContain('RUNNING'));
    t.clock.advance(2000);
    await vi.waitFor(() => expect(t.exits).toHaveLength(1));
    expect(t.exits[0].folder).toBe('/tmp/out-3');
  });
});
