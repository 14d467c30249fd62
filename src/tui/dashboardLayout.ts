/** How the dashboard uses a terminal of a given size (pure; recomputed on every resize). */
export interface DashboardLayout {
  /** The ladder as counts per stage rather than one line per region. */
  readonly compactLadder: boolean;
  /** The enterprises-by-kind panel beside the ladder (needs about 100 columns). */
  readonly showEnterprises: boolean;
  /** Blank lines between panels. */
  readonly margins: boolean;
  /** Lines of events (0: the log is folded away). */
  readonly logHeight: number;
  /** Sparkline characters (0: none) and label width of the indicator table. */
  readonly sparkWidth: number;
  readonly labelWidth: number;
  /** Cells of the progress bar. */
  readonly progressWidth: number;
  /** Lines the help may use in place of the panels. */
  readonly helpHeight: number;
}

/** Header, status, progress and key hints, plus one spare line: Ink clears the whole screen when a frame is as tall as the terminal. */
const FIXED_LINES = 5;
/** Title and six indicators. */
const INDICATOR_LINES = 7;
const COMPACT_LADDER_LINES = 7;
const ENTERPRISE_LINES = 9;
const FULL_LADDER_MAX_REGIONS = 12;
const MAX_LOG = 12;

/**
 * Lays the dashboard out for `columns` × `rows` with `regions` regions. The header,
 * status, progress, stage ladder and key indicators always show; the enterprise panel
 * needs 100 columns; margins and then the event log fold away as lines run out, and the
 * ladder turns compact. A frame is always shorter than the terminal.
 */
export function dashboardLayout(columns: number, rows: number, regions: number): DashboardLayout {
  const showEnterprises = columns >= 100;
  const avail = rows - FIXED_LINES - INDICATOR_LINES;
  const fullLadder = regions + 2;
  const compactLadder = regions > FULL_LADDER_MAX_REGIONS || fullLadder + 2 > avail;
  let ladder = compactLadder ? COMPACT_LADDER_LINES : fullLadder;
  if (showEnterprises) ladder = Math.max(ladder, ENTERPRISE_LINES);
  const margins = ladder + 2 <= avail;
  // The log needs its own margin and title line.
  const rest = avail - ladder - (margins ? 2 : 0) - (margins ? 2 : 1);
  const logHeight = Math.max(0, Math.min(MAX_LOG, rest));
  const labelWidth = columns >= 100 ? 30 : 28;
  const sparkWidth = Math.max(0, Math.min(80, columns - labelWidth - 11 - 13 - 2 - 1));
  return {
    compactLadder,
    showEnterprises: showEnterprises && ladder + (margins ? 2 : 0) <= avail,
    margins,
    logHeight: logHeight >= 1 ? logHeight : 0,
    sparkWidth: sparkWidth >= 8 ? sparkWidth : 0,
    labelWidth,
    progressWidth: Math.max(10, Math.min(50, columns - 48)),
    helpHeight: Math.max(4, rows - FIXED_LINES + 1),
  };
}
