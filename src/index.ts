/**
 * kopsim's public library API. Everything here is stable to import from `kopsim`; other
 * modules are internal. The pipeline, in the order the exports below follow it:
 *
 *   scenario file -> loadScenario (validated, defaults, `extends`, `--set`)
 *   -> createWorld -> step() x months -> indicators -> RunResult
 *   -> experiments (plan, execute, summarise) -> reports.
 *
 * Units: money is rupiah (IDR) per month unless a name says otherwise; shares are 0..1.
 */

// Core: random streams, seed derivation, typed errors.
/** Seeded random source (Alea). Every stochastic function takes one. */
export { createRng, type Rng } from './core/rng.js';
/** Seeds derived from identity, not counted: `runSeed(baseSeed, pointKey, replicate)`. */
export { deriveSeed, runSeed, streamSeed } from './core/seed.js';
/** Typed errors; `exitCode` is what the CLI exits with (2 for bad input). */
export {
  KopsimError,
  InputError,
  SimulationError,
  LedgerError,
  OutputError,
  type InputProblem,
} from './core/errors.js';

// Scenarios: the one schema, loading with `extends` and overrides, validation.
/** The scenario schema (zod) and its types: `Scenario` has every default filled in. */
export { scenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
/** Loads a scenario file or bundled name, follows `extends`, applies `--set` overrides, validates. */
export { loadScenario, listBundledScenarios, bundledScenariosDir, type LoadedScenario } from './scenario/load.js';
/** Validates a scenario document, reporting every problem at once with its path. */
export { validateScenario } from './scenario/validate.js';
/** The JSON Schema of scenario files (what `kopsim schema` prints). */
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
/** Loads an experiment file (replicate, compare or sweep). */
export { loadExperiment, type LoadedExperiment } from './scenario/loadExperiment.js';

// Model: world state and the monthly step.
/** The parameters the model runs on (a validated scenario is one). */
export type { ModelParams } from './model/params.js';
/** Builds month 0 of a run: households as typed-array columns, networks, regions, ledger. */
export { createWorld } from './model/initialise.js';
/** Advances a world one month (every process in order, then the ledger check). */
export { step, PROCESSES, type Process } from './model/step.js';
export type { World } from './model/world.js';
export type { Households } from './model/households.js';
export type { SimEvent, EventKind } from './model/events.js';

// Indicators: the registry and the welfare measures.
/** Every indicator kopsim collects, with id, label and unit; and the key ones. */
export { INDICATORS, KEY_INDICATORS, indicatorById, type Indicator } from './indicators/registry.js';
export { seriesOf, type IndicatorSeries } from './indicators/series.js';
/** Person-weighted Gini coefficient of a sorted sample. */
export { gini } from './indicators/gini.js';
/** Foster-Greer-Thorbecke poverty measure P_alpha (share 0..1). */
export { fgt } from './indicators/fgt.js';
/** Atkinson inequality index for inequality aversion epsilon. */
export { atkinson } from './indicators/atkinson.js';
/** Sen's welfare index: mean x (1 - Gini). */
export { senWelfare } from './indicators/senWelfare.js';
export { weightedMean } from './indicators/weightedMean.js';
export { weightedMedian } from './indicators/weightedMedian.js';
export { sortSample, createSortScratch } from './indicators/sortSample.js';
export type { WeightedSample } from './indicators/distribution.js';

// Runs and experiments.
/** One run by scenario name or document, seeded as `kopsim run` seeds it; nothing written. */
export { simulate, type SimulateOptions } from './experiment/simulate.js';
/** Replications and strategy comparisons in one call each, as tidy rows; nothing written. */
export {
  replicate,
  compare,
  type ReplicateOptions,
  type ReplicateRow,
  type CompareRow,
} from './experiment/replicateRuns.js';
/** A run that advances month by month; `runScenario` runs one to the end. */
export {
  createSimulation,
  PIPELINE_MIN_HOUSEHOLDS,
  runScenario,
  type Simulation,
  type SimulationOptions,
} from './experiment/simulation.js';
export type { RunResult, StageTimeline } from './experiment/runResult.js';
/** Start, final and mean of the key indicators, and the stage timeline. */
export { summarizeRun, type RunSummary } from './experiment/runSummary.js';
/** Expands an experiment into runs (pure; seeds derived per run). */
export { planExperiment, type ExperimentPlan, type PlannedRun } from './experiment/plan.js';
/** Executes planned runs on a pool of worker threads, streaming each result to sinks. */
export { executeRuns } from './experiment/workerPool.js';
/** Means, t-based CIs, percentiles, and paired comparisons with the baseline. */
export { summarizeExperiment, type ExperimentSummary } from './experiment/experimentSummary.js';

// Reports: atomic writers.
/** Tidy `month,region,indicator,value` CSV of a run's series. */
export { timeseriesCsv } from './report/timeseriesCsv.js';
/**
 * Writes a run folder (manifest.json, timeseries.csv, summary.json, events.csv) atomically;
 * `RunManifest` is what manifest.json records (provenance: version, scenario as resolved,
 * seeds, command line, timings). kopsim never overwrites a folder it did not write.
 */
export { writeRunFolder, type RunManifest } from './report/runFolder.js';
/**
 * Renders a run's charts (SVG and PNG) and its report.html in memory, then
 * `writeRunReport(dir, report)` writes them into a run folder.
 */
export { renderRunReport, writeRunReport, type RenderedRunReport } from './report/runReport.js';
/** What a run report is drawn from (manifest, summary, tidy rows, events), built from a run in memory. */
export { runReportInput, type RunReportInput } from './report/runReportInput.js';

// Sensitivity analysis and attribution (pure designs and estimators).
/** Morris elementary-effects design (r trajectories, p levels) and its mu, mu*, sigma. */
export { morrisDesign } from './experiment/sensitivity/morrisDesign.js';
export { morrisAnalyze } from './experiment/sensitivity/morrisAnalyze.js';
/** Saltelli design from a scrambled Sobol' sequence, and S1/ST/S2 with bootstrap CIs. */
export { saltelliDesign } from './experiment/sensitivity/saltelliDesign.js';
export { sobolAnalyze } from './experiment/sensitivity/sobolAnalyze.js';
/** Shapley values: exact over all coalitions, or by permutation sampling; with t intervals over replicates. */
export { shapleyExact, shapleyPermutation } from './experiment/sensitivity/shapley.js';
export { shapleyReplicates } from './experiment/sensitivity/shapleyReplicates.js';
export { meanInterval } from './experiment/meanInterval.js';
