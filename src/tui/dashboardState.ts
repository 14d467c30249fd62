import type { ControllerStatus, MonthSnapshot, RunEvent, RunIdentity, SimEvent } from '../experiment/runController.js';
import type { RunResult } from '../experiment/runResult.js';
import { DASHBOARD_INDICATORS } from './labels.js';

/** Everything the dashboard shows, built only from the controller's events. */
export interface DashboardState {
  readonly identity: RunIdentity | null;
  readonly status: ControllerStatus;
  readonly month: number;
  readonly months: number;
  readonly snapshot: MonthSnapshot | null;
  /** Per dashboard indicator id, its value at every month so far (month 0 first). */
  readonly history: Readonly<Record<string, readonly number[]>>;
  /** The latest events, oldest first (at most {@link LOG_LIMIT}). */
  readonly log: readonly SimEvent[];
  /** Events of the run so far, including those dropped from the log. */
  readonly eventCount: number;
  /** Months a second actually simulated lately, or null (paused, stepping, just started). */
  readonly pace: number | null;
  readonly ended: { readonly reason: 'finished' | 'stopped'; readonly result: RunResult } | null;
  /** Per region index, the month its cooperative went dormant, or null while it is active. */
  readonly dormant: readonly (number | null)[];
}

/** The dormant month of each region after `events` (`cooperative-inactive` sets it, `cooperative-revived` clears it). */
function dormantAfter(before: readonly (number | null)[], events: readonly SimEvent[]): readonly (number | null)[] {
  // The revival kind may not exist in this model version: compared as a string.
  const kind = (e: SimEvent): string => e.kind;
  if (!events.some((e) => kind(e) === 'cooperative-inactive' || kind(e) === 'cooperative-revived')) return before;
  const next = [...before];
  for (const e of events) {
    if (e.region < 0) continue;
    if (kind(e) === 'cooperative-inactive' && (next[e.region] ?? null) === null) next[e.region] = e.month;
    else if (kind(e) === 'cooperative-revived') next[e.region] = null;
  }
  return next;
}

/** Events the dashboard remembers for its log. */
export const LOG_LIMIT = 500;

export function initialDashboardState(status: ControllerStatus): DashboardState {
  return {
    identity: null,
    status,
    month: 0,
    months: 0,
    snapshot: null,
    history: {},
    log: [],
    eventCount: 0,
    pace: null,
    ended: null,
    dormant: [],
  };
}

/** Folds one controller event into the dashboard's state (pure). */
export function dashboardReducer(state: DashboardState, event: RunEvent): DashboardState {
  switch (event.type) {
    case 'start': {
      const history: Record<string, number[]> = {};
      for (const ind of DASHBOARD_INDICATORS) history[ind.id] = [event.snapshot.indicators[ind.id]];
      return {
        ...state,
        identity: event.identity,
        month: event.snapshot.month,
        months: event.identity.months,
        snapshot: event.snapshot,
        history,
        log: event.events.slice(-LOG_LIMIT),
        eventCount: event.events.length,
        pace: null,
        ended: null,
        dormant: dormantAfter([], event.events),
      };
    }
    case 'month': {
      if (state.identity && event.run !== state.identity.run) return state;
      const history: Record<string, readonly number[]> = {};
      for (const ind of DASHBOARD_INDICATORS) {
        const prev = state.history[ind.id] ?? [];
        // Annual indicators (SHU) are paid at closes (months 12, 24, ...): hold the last close.
        const v =
          ind.annual && event.month % 12 !== 0 && prev.length > 0
            ? prev[prev.length - 1]
            : event.snapshot.indicators[ind.id];
        history[ind.id] = [...prev, v];
      }
      const log = event.events.length > 0 ? [...state.log, ...event.events].slice(-LOG_LIMIT) : state.log;
      return {
        ...state,
        month: event.month,
        months: event.months,
        snapshot: event.snapshot,
        history,
        log,
        eventCount: state.eventCount + event.events.length,
        pace: event.pace ?? state.pace,
        dormant: dormantAfter(state.dormant, event.events),
      };
    }
    case 'status':
      return { ...state, status: event.status, pace: null };
    case 'end':
      if (state.identity && event.identity.run !== state.identity.run) return state;
      return { ...state, ended: { reason: event.reason, result: event.result } };
  }
}
