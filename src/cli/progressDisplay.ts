import { isInteractiveTerminal } from './interactiveTerminal.js';
import { render } from 'ink';
import { createElement } from 'react';
import type { ExperimentProgress } from '../experiment/progress.js';
import { batchProgressLine, type BatchFailure, type BatchProgress } from '../tui/batchProgress.js';
import { BatchProgressView } from '../tui/components/BatchProgressView.js';
import { progressThrottle } from '../tui/plainProgress.js';

/** Where progress goes while a plan's runs execute. */
export interface ProgressDisplay {
  update(p: ExperimentProgress): void;
  /** A message for the user (failures, interrupts); shown after the live view ends. */
  log(text: string): void;
  end(): void;
}

/** The batch view on a terminal unless --no-tui, else plain lines (a pipe, CI, a cluster job). */
export function progressDisplay(title: string, tui: boolean | undefined): ProgressDisplay {
  return isInteractiveTerminal(process.stderr) && tui !== false ? terminalProgress(title) : plainProgress(title);
}

function batchProgressOf(title: string, p: ExperimentProgress, failures: readonly BatchFailure[]): BatchProgress {
  return {
    title,
    done: p.done,
    total: p.total,
    elapsedMs: p.elapsedMs,
    failures,
    workers: p.workers.map((w) => ({ id: w.id, run: w.run, month: w.month, months: w.months })),
  };
}

function failureOf(p: ExperimentProgress): BatchFailure | undefined {
  return p.last && !p.last.ok
    ? { run: `${p.last.key} (seed ${p.last.seed})`, message: p.last.error ?? 'failed' }
    : undefined;
}

/** No terminal (a pipe, CI, a cluster job) or --no-tui: throttled plain lines, no escape codes. */
export function plainProgress(title: string): ProgressDisplay {
  const due = progressThrottle();
  const failures: BatchFailure[] = [];
  let latest: ExperimentProgress | undefined;
  let printedDone = -1;
  const print = (p: ExperimentProgress) => {
    printedDone = p.done;
    process.stderr.write(`${batchProgressLine(batchProgressOf(title, p, failures))}\n`);
  };
  return {
    update(p) {
      latest = p;
      const f = failureOf(p);
      if (f) failures.push(f);
      if (p.total > 0 && due(p.done / p.total, Date.now())) print(p);
    },
    log: (text) => process.stderr.write(`${text}\n`),
    end() {
      if (latest && latest.total > 0 && latest.done !== printedDone) print(latest);
    },
  };
}

/**
 * On a terminal: the TUI's batch progress view (runs done, throughput, ETA, one line per
 * worker with its run and month, failures), redrawn on stderr as runs advance. Messages
 * are held back until the view ends, so they do not tear its frame.
 */
export function terminalProgress(title: string): ProgressDisplay {
  const failures: BatchFailure[] = [];
  const held: string[] = [];
  let latest: ExperimentProgress = { total: 0, skipped: 0, done: 0, failed: 0, running: 0, workers: [], elapsedMs: 0 };
  let latestAt = Date.now();
  const props = () =>
    batchProgressOf(title, { ...latest, elapsedMs: latest.elapsedMs + (Date.now() - latestAt) }, failures.slice());
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
