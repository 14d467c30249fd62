import type { Lang } from '../i18n/lang.js';
import { render } from 'ink';
import type { RunController } from '../experiment/runController.js';
import { RunDashboard, type DashboardOutcome, type ReportWriter } from './RunDashboard.js';

export interface DashboardOptions {
  readonly controller: RunController;
  readonly writeReport: ReportWriter;
  /** Defaults: process.stdout / process.stdin. */
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  /** Language of the dashboard (default English). */
  readonly lang?: Lang;
}

/**
 * Shows the live dashboard on a terminal until the user quits (or, when stdin is not a
 * terminal and keys cannot be read, until the run finishes). Resolves with the last run's
 * result and the folder it was written to.
 */
export async function showDashboard({
  controller,
  writeReport,
  stdout = process.stdout,
  stdin = process.stdin,
  lang = 'en',
}: DashboardOptions): Promise<DashboardOutcome> {
  const interactive = Boolean(stdin.isTTY);
  let outcome: DashboardOutcome = { identity: null, result: null, folder: null, error: null };
  const app = render(
    <RunDashboard
      controller={controller}
      writeReport={writeReport}
      interactive={interactive}
      exitWhenDone={!interactive}
      lang={lang}
      onExit={(o) => {
        outcome = o;
      }}
    />,
    { stdout, stdin, exitOnCtrlC: false, patchConsole: true },
  );
  try {
    await app.waitUntilExit();
  } finally {
    controller.dispose();
  }
  return outcome;
}
