import type { ChartProgress } from '../report/renderChart.js';
import type { Lang } from '../i18n/lang.js';
import { locale } from '../i18n/locale.js';
import { formatDuration } from '../tui/format.js';
import { isInteractiveTerminal } from './interactiveTerminal.js';

/**
 * Progress while charts render, on `stream` (stderr): on a terminal one line rewritten in
 * place, elsewhere (a pipe, CI) a plain line a chart, e.g.
 * `kopsim: charts 3/10 (gini), 1.2 s elapsed`. Time comes from `now`; `env` says whether this is CI.
 */
export function chartProgress(
  stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
  now: () => number = Date.now,
  env: NodeJS.ProcessEnv = process.env,
  lang: Lang = 'en',
): ChartProgress {
  const L = locale(lang);
  const live = isInteractiveTerminal(stream, env);
  const started = now();
  return (done, total, name) => {
    const line = L.t('cli.charts', {
      done,
      total,
      name: name ? ` (${name})` : '',
      elapsed: formatDuration(now() - started, L),
    });
    if (!live) stream.write(`${line}\n`);
    else stream.write(`\r\x1b[2K${line}${done === total ? '\n' : ''}`);
  };
}
