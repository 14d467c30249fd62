import { render } from 'ink';
import { createElement } from 'react';
import type { ExperimentProgress } from '../experiment/progress.js';
import type { Lang } from '../i18n/lang.js';
import type { BatchFailure } from '../tui/batchProgress.js';
import { BatchProgressView } from '../tui/components/BatchProgressView.js';
import { batchProgressOf, failureOf, type ProgressDisplay } from './progressDisplay.js';

/**
 * On a terminal: the TUI's batch progress view (runs done, throughput, ETA, one line per
 * worker with its run and month, failures), redrawn on stderr as runs advance. Messages
 * are held back until the view ends, so they do not tear its frame.
 */
export function terminalProgress(title: string, lang: Lang = 'en'): ProgressDisplay {
  const failures: BatchFailure[] = [];
  const held: string[] = [];
  let latest: ExperimentProgress = { total: 0, skipped: 0, done: 0, failed: 0, running: 0, workers: [], elapsedMs: 0 };
  let latestAt = Date.now();
  const props = () =>
    batchProgressOf(
      title,
      { ...latest, elapsedMs: latest.elapsedMs + (Date.now() - latestAt) },
      failures.slice(),
      lang,
    );
  const app = render(createElement(BatchProgressView, props()), {
    stdout: process.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    app.rerender(createElement(BatchProgressView, props()));
  };
  const ticker = setInterval(() => draw(true), 1000);
  ticker.unref();
  return {
    update(p) {
      latest = p;
      latestAt = Date.now();
      const f = failureOf(p);
      if (f) failures.push(f);
      draw(p.last !== undefined);
    },
    log: (text) => held.push(text),
    end() {
      clearInterval(ticker);
      draw(true);
      app.unmount();
      for (const text of held) process.stderr.write(`${text}\n`);
    },
  };
}
