/** The terminal UI: what the CLI (and the experiment commands) use. */
export { showDashboard, type DashboardOptions } from './showDashboard.js';
export { RunDashboard, type RunDashboardProps, type DashboardOutcome, type ReportWriter } from './RunDashboard.js';
export { BatchProgressView, type BatchProgressViewProps } from './components/BatchProgressView.js';
export {
  batchProgressLine,
  batchStats,
  type BatchProgress,
  type BatchWorker,
  type BatchFailure,
  type BatchStats,
} from './batchProgress.js';
export {
  runProgressLine,
  progressThrottle,
  type RunProgressInfo,
  type ProgressThrottleOptions,
} from './plainProgress.js';
