import { Box, useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { RunController, RunEvent, RunIdentity } from '../experiment/runController.js';
import type { RunResult } from '../experiment/runResult.js';
import { EnterpriseCounts } from './components/EnterpriseCounts.js';
import { EventLog } from './components/EventLog.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { IndicatorTable, type IndicatorHistory } from './components/IndicatorTable.js';
import { KeyHints } from './components/KeyHints.js';
import { RunProgress } from './components/RunProgress.js';
import { StageLadder } from './components/StageLadder.js';
import { StatusBar } from './components/StatusBar.js';
import { dashboardReducer, initialDashboardState } from './dashboardState.js';
import { DASHBOARD_INDICATORS } from './labels.js';
import { dashboardLayout } from './dashboardLayout.js';
import type { Lang } from '../i18n/lang.js';
import { indicatorLabel } from '../i18n/labels.js';
import { locale } from '../i18n/locale.js';

/** Writes a run's report folder for a result (complete or stopped early); returns the folder. */
export type ReportWriter = (result: RunResult, identity: RunIdentity) => string;

/** How a dashboard session ended: the last run's result and where it was written. */
export interface DashboardOutcome {
  readonly identity: RunIdentity | null;
  readonly result: RunResult | null;
  /** Folder the last run was written to, or null if it was not written. */
  readonly folder: string | null;
  /** Why writing the report failed, if it did. */
  readonly error: unknown;
}

export interface RunDashboardProps {
  readonly controller: RunController;
  readonly writeReport: ReportWriter;
  /** Called once, just before the app exits. */
  readonly onExit?: (outcome: DashboardOutcome) => void;
  /** Whether to read keys (stdin is a terminal). */
  readonly interactive: boolean;
  /** Exit as soon as the run finishes (default: stay until q). */
  readonly exitWhenDone?: boolean;
  /** Terminal size; default: the stdout's (followed on resize), else 100×40. */
  readonly columns?: number;
  readonly rows?: number;
  /** Language of the dashboard (default English). */
  readonly lang?: Lang;
}

/**
 * The live dashboard: the only stateful component. It folds the controller's events into
 * its state, turns keys into controller commands and writes reports through the callback
 * it is given; the components below it only display.
 */
export function RunDashboard({
  controller,
  writeReport,
  onExit,
  interactive,
  exitWhenDone = false,
  columns,
  rows,
  lang = 'en',
}: RunDashboardProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const L = locale(lang);
  const [size, setSize] = useState({ columns: stdout?.columns || 100, rows: stdout?.rows || 40 });
  useEffect(() => {
    if (!stdout) return undefined;
    const resized = () => setSize({ columns: stdout.columns || 100, rows: stdout.rows || 40 });
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout]);
  const [state, dispatch] = useReducer(dashboardReducer, controller.status, initialDashboardState);
  const [notice, setNotice] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const quitting = useRef(false);
  const exited = useRef(false);
  // The folder each run was last written to, and the last write error.
  const written = useRef(new Map<number, string>());
  const writeError = useRef<unknown>(null);
  const props = useRef({ writeReport, onExit, exitWhenDone });
  props.current = { writeReport, onExit, exitWhenDone };

  const save = (result: RunResult, identity: RunIdentity): string | null => {
    try {
      const folder = props.current.writeReport(result, identity);
      written.current.set(identity.run, folder);
      writeError.current = null;
      setNotice(
        result.stoppedEarly
          ? L.t('tui.notice.stopped', { m: result.months, folder })
          : L.t('tui.notice.complete', { folder }),
      );
      return folder;
    } catch (error) {
      writeError.current = error;
      setNotice(L.t('tui.notice.failed', { error: (error as Error)?.message ?? String(error) }));
      return null;
    }
  };

  const leave = () => {
    if (exited.current) return;
    exited.current = true;
    const identity = controller.identity;
    props.current.onExit?.({
      identity,
      result: controller.result(),
      folder: identity ? (written.current.get(identity.run) ?? null) : null,
      error: writeError.current,
    });
    exit();
  };

  useEffect(() => {
    const unsubscribe = controller.subscribe((event: RunEvent) => {
      dispatch(event);
      if (event.type === 'start')
        setNotice(event.identity.run > 0 ? L.t('tui.notice.restarted', { seed: event.identity.baseSeed }) : null);
      if (event.type !== 'end') return;
      if (event.reason === 'finished') {
        save(event.result, event.identity);
        if (props.current.exitWhenDone) leave();
      } else if (quitting.current) {
        save(event.result, event.identity);
        leave();
      }
    });
    controller.start();
    return unsubscribe;
    // The controller is fixed for the dashboard's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller]);

  useInput(
    (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) {
        if (controller.status.ended) leave();
        else {
          quitting.current = true;
          controller.send({ type: 'stop' });
        }
        return;
      }
      if (input === '?' || (key.escape && help)) {
        setHelp((h) => !h);
        return;
      }
      if (input === ' ') controller.send({ type: 'toggle' });
      else if (key.rightArrow) controller.send({ type: 'step' });
      else if (input === '+' || input === '=') controller.send({ type: 'faster' });
      else if (input === '-' || input === '_' || input === '−') controller.send({ type: 'slower' });
      else if (input === 'r') controller.send({ type: 'restart' });
      else if (input === 's') {
        const identity = controller.identity;
        const result = controller.result();
        if (identity && result) save(result, identity);
      }
    },
    { isActive: interactive },
  );

  const width = columns ?? size.columns;
  const height = rows ?? size.rows;
  const snapshot = state.snapshot;
  const regions = snapshot?.regions ?? [];
  const layout = dashboardLayout(width, height, regions.length);
  const indicators: IndicatorHistory[] = DASHBOARD_INDICATORS.map((d) => ({
    id: d.id,
    label: d.annual ? L.t('tui.shuLastClose') : indicatorLabel(L, d.id),
    unit: d.unit,
    values: state.history[d.id] ?? [],
  }));
  const runState = state.ended ? state.ended.reason : state.status.paused ? 'paused' : 'running';
  const folder = state.identity ? (written.current.get(state.identity.run) ?? null) : null;
  const gap = layout.margins ? 1 : 0;

  return (
    <Box flexDirection="column" width={width}>
      <Header identity={state.identity} L={L} />
      <StatusBar
        state={runState}
        monthsPerSecond={state.status.monthsPerSecond}
        pace={state.pace}
        notice={notice}
        L={L}
      />
      <RunProgress month={state.month} months={state.months} width={layout.progressWidth} L={L} />
      {help ? (
        <HelpOverlay folder={folder} width={width} height={layout.helpHeight} L={L} />
      ) : (
        <>
          <Box marginTop={gap} columnGap={4}>
            <StageLadder regions={regions} dormant={state.dormant} maxRegions={layout.compactLadder ? 0 : 12} L={L} />
            {snapshot && layout.showEnterprises ? <EnterpriseCounts counts={snapshot.enterprises} L={L} /> : null}
          </Box>
          <Box marginTop={gap}>
            <IndicatorTable
              indicators={indicators}
              sparkWidth={layout.sparkWidth}
              labelWidth={layout.labelWidth}
              L={L}
            />
          </Box>
          {layout.logHeight > 0 ? (
            <Box marginTop={gap}>
              <EventLog
                events={state.log}
                height={layout.logHeight}
                total={state.eventCount}
                regionNames={regions.map((r) => r.name)}
                L={L}
              />
            </Box>
          ) : null}
        </>
      )}
      <KeyHints
        paused={state.status.paused}
        ended={state.status.ended}
        interactive={interactive}
        short={width < 100}
        L={L}
      />
    </Box>
  );
}
