import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistFresh } from '../support/cli.js';
import { terminalPng } from '../support/terminalPng.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/kopsim');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'kopsim-tui-e2e-'));

beforeAll(() => {
  // The spawned CLI runs dist/: fail plainly if it is older than src/ (npm test builds first).
  assertDistFresh();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kopsim run without a terminal', () => {
  it('piped into cat: no escape codes, progress on stderr, the summary table on stdout', () => {
    const out = join(work, 'piped');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" run --out "${out}" | cat`], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stdout).toContain('Stage timeline');
    expect(r.stdout).toContain(`Wrote ${out}`);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stoppedEarly).toBe(false);
  });

  it('--json prints only JSON on stdout', () => {
    const out = join(work, 'json');
    const r = spawnSync(process.execPath, [bin, 'run', '--json', '--months', '12', '--out', out], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ folder: out, months: 12, stoppedEarly: false });
  });
});

/**
 * Whether a captured screen holds a whole frame: tmux may capture while Ink is still
 * writing one, with its lower lines erased and not yet drawn again (a torn frame). The key
 * hints are the frame's last line, and the poverty headcount its last indicator.
 */
function wholeFrame(s: string): boolean {
  return /r restart.*q quit/.test(s) && s.includes('Poverty headcount P0');
}

describe.skipIf(!hasTmux)('kopsim run in a terminal (tmux, 120×40)', () => {
  const server = `kopsim-test-${process.pid}`;
  const session = 'run';
  // A private tmux server (-L), so the test neither sees nor touches anyone else's sessions.
  // Without CI in the environment: under CI kopsim (like Ink) prints plain lines instead
  // of a live view, and this test is about the live view a person sees.
  const { CI: _ci, ...parentEnv } = process.env;
  const env = {
    ...parentEnv,
    TERM: process.env.TERM && process.env.TERM !== 'dumb' ? process.env.TERM : 'xterm-256color',
  };
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', server, ...args], { encoding: 'utf8', env });
  // -J joins lines the terminal wrapped.
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
  const month = () => Number(/Month (\d+)\/240/.exec(screen())?.[1] ?? NaN);
  async function until(check: (s: string) => boolean, what: string, ms = 20_000): Promise<string> {
    const end = Date.now() + ms;
    let s = '';
    while (Date.now() < end) {
      s = screen();
      if (check(s)) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
  }

  afterAll(() => {
    spawnSync('tmux', ['-L', server, 'kill-server'], { env });
  });

  it('shows the dashboard; space pauses, → steps one month, q quits and writes a folder marked stopped early', async () => {
    const out = join(work, 'tty');
    const cmd = `cd "${work}" && "${process.execPath}" "${bin}" run --out "${out}"; echo "EXIT:$?"; sleep 600`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', cmd);

    // Wait for a few months, so that the sparklines have some length.
    const first = await until(
      (s) => s.includes('Key indicators') && wholeFrame(s) && Number(/Month (\d+)\/240/.exec(s)?.[1]) >= 4,
      'the dashboard at month 4',
    );
    // The stage ladder with every region of the default scenario.
    expect(first).toContain('Roadmap stages');
    expect(first).toMatch(/1 aware\s+2 enterp\s+3 potent\s+4 educ\s+5 feder\s+6 social/);
    for (const region of ['Sukamaju', 'Mekarsari', 'Sumberjaya', 'Cibodas', 'Tanjungsari'])
      expect(first).toMatch(new RegExp(`${region}\\s+m0`));
    // Sparklines and the key hints.
    expect(first).toMatch(/Member share .*[▁▂▃▄▅▆▇█]{3}/);
    expect(first).toMatch(/Gini .*[▁▂▃▄▅▆▇█]{3}/);
    for (const hint of ['space pause', '→ step', '+/- speed', 'r restart', 's save report', 'q quit', '? help'])
      expect(first).toContain(hint);

    tmux('send-keys', '-t', session, 'Space');
    await until((s) => s.includes('PAUSED'), 'PAUSED');
    const paused = month();
    await new Promise((r) => setTimeout(r, 600));
    expect(month()).toBe(paused);

    tmux('send-keys', '-t', session, 'Right');
    await until(() => month() === paused + 1, `month ${paused + 1}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(month()).toBe(paused + 1);

    tmux('send-keys', '-t', session, 'q');
    const end = await until((s) => s.includes('EXIT:'), 'the process to exit');
    expect(end, end).toContain('EXIT:0');
    expect(end, end).toContain('STOPPED EARLY');

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.stoppedEarly).toBe(true);
    expect(manifest.months).toBe(paused + 1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.stoppedEarly).toBe(true);
  });
});

describe.skipIf(!hasTmux)('the dashboard fits the terminal (tmux, 80×24 and 120×40, and a resize)', () => {
  const server = `kopsim-fit-${process.pid}`;
  const { CI: _ci, ...parentEnv } = process.env;
  const env = {
    ...parentEnv,
    LANG: 'C.UTF-8',
    LC_ALL: '',
    TERM: process.env.TERM && process.env.TERM !== 'dumb' ? process.env.TERM : 'xterm-256color',
  };
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', server, ...args], { encoding: 'utf8', env });
  afterAll(() => {
    spawnSync('tmux', ['-L', server, 'kill-server'], { env });
  });
  /**
   * Set KOPSIM_DOC_IMAGES=docs/img to keep the 80×24 screens as docs/img/dashboard-80x24.txt
   * and .png (drawn by Chromium), in English and (-id) Bahasa Indonesia.
   */
  const docImages = process.env.KOPSIM_DOC_IMAGES;
  async function saveDocImage(screen: string, name: string) {
    const text = screen.replace(/[ \t]+$/gm, '').trimEnd();
    writeFileSync(join(docImages!, `${name}.txt`), text);
    await terminalPng(text, join(docImages!, `${name}.png`), 80, 24);
  }

  async function until(session: string, check: (s: string) => boolean, what: string, ms = 30_000) {
    const end = Date.now() + ms;
    let s = '';
    while (Date.now() < end) {
      s = tmux('capture-pane', '-p', '-t', session);
      if (check(s)) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
  }

  /** The header, progress, ladder (every region), key indicators and key hints are all on the screen, no line too wide. */
  function expectFits(screen: string, columns: number, rows: number) {
    const lines = screen.split('\n');
    expect(lines.length, screen).toBeLessThanOrEqual(rows + 1);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expect(screen).toMatch(/^kopsim · /m);
    expect(screen).toMatch(/Month \d+\/240/);
    expect(screen).toContain('Roadmap stages');
    for (const region of ['Sukamaju', 'Mekarsari', 'Sumberjaya', 'Cibodas', 'Tanjungsari'])
      expect(screen).toMatch(new RegExp(`${region}\\s+m0`));
    expect(screen).toContain('Key indicators');
    for (const label of ['Member share', 'Gini', 'Poverty headcount P0']) expect(screen).toContain(label);
    expect(screen).toMatch(/r restart.*q quit/);
  }

  function expectNoClear(bytes: string) {
    expect(bytes).not.toContain('\x1b[2J'); // erase display
    expect(bytes).not.toContain('\x1b[3J'); // erase scrollback
  }

  it.skipIf(!docImages)(
    'at 80×24 in Bahasa Indonesia (a documentation image only)',
    async () => {
      const session = 'fitid';
      const cmd = `cd "${work}" && "${process.execPath}" "${bin}" run --lang id --out "${join(work, 'fit-id')}"; sleep 600`;
      tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', cmd);
      const screen = await until(
        session,
        (s) => s.includes('Indikator utama') && Number(/Bulan (\d+)\/240/.exec(s)?.[1]) >= 12,
        'bulan 12',
      );
      await saveDocImage(screen, 'dashboard-80x24-id');
      tmux('send-keys', '-t', session, 'q');
    },
    90_000,
  );

  for (const [columns, rows] of [
    [80, 24],
    [120, 40],
  ] as const) {
    it(`at ${columns}×${rows}: header, progress, ladder and key indicators on screen; no frame clears the screen or scrollback`, async () => {
      const session = `fit${columns}`;
      let resizedAt: number | null = null;
      const out = join(work, `fit-${columns}`);
      const raw = join(work, `raw-${columns}.txt`);
      const cmd = `cd "${work}" && "${process.execPath}" "${bin}" run --out "${out}"; echo "EXIT:$?"; sleep 600`;
      tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), cmd);
      tmux('pipe-pane', '-t', session, '-o', `cat > "${raw}"`);
      const screen = await until(
        session,
        (s) => s.includes('Key indicators') && wholeFrame(s) && Number(/Month (\d+)\/240/.exec(s)?.[1]) >= 12,
        'month 12',
      );
      expectFits(screen, columns, rows);
      if (columns === 80) {
        // A secondary panel folds away at 80 columns.
        expect(screen).not.toContain('Enterprises by kind');
        if (docImages) await saveDocImage(screen, 'dashboard-80x24');
      } else {
        expect(screen).toContain('Enterprises by kind');
        expectNoClear(readFileSync(raw, 'latin1'));
        // Shrink the window to 80×24: the layout follows. (Ink itself clears the screen when
        // the last frame is taller than the new terminal: at the resize and the first frame after.)
        resizedAt = readFileSync(raw, 'latin1').length;
        tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
        await new Promise((r) => setTimeout(r, 1500));
        const small = await until(
          session,
          (s) => !s.includes('Enterprises by kind') && wholeFrame(s),
          'the folded layout',
        );
        expectFits(small, 80, 24);
      }
      tmux('send-keys', '-t', session, 'q');
      const end = await until(session, (s) => s.includes('EXIT:'), 'the process to exit');
      expect(end, end).toContain('EXIT:0');
      const bytes = readFileSync(raw, 'latin1');
      if (resizedAt === null) expectNoClear(bytes);
      else expect(bytes.slice(resizedAt).split('\x1b[3J').length - 1).toBeLessThanOrEqual(2);
    }, 90_000);
  }
});
