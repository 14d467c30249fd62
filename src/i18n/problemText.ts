import type { MessageKey } from './en.js';
import type { Locale } from './locale.js';

/**
 * One shape of an English problem message that the catalogues translate. The message is
 * matched whole; named groups fill the key's placeholders (names, paths, numbers and values
 * are kept as they are), and a group named `msg` is itself a message, translated in turn.
 */
export interface ProblemPattern {
  readonly pattern: RegExp;
  readonly key: MessageKey;
  /** A message of this shape, as kopsim writes it (a test checks that it matches and reads back). */
  readonly example: string;
}

/*
 * Problems are written in English where they are found (the scenario, experiment and report
 * layers know no language) and translated where they are printed. Every message literal in
 * src has its shape here (test/i18n/problemCoverage.test.ts checks); zod's own messages are
 * translated by zod's locale (the CLI sets it). A shape not listed prints in English; the
 * path it names is never translated. Specific shapes come before general ones (the first
 * match wins).
 */
export const PROBLEM_PATTERNS: readonly ProblemPattern[] = [
  {
    pattern: /^(?<msg>.+) \(in extends parent (?<file>[^()]+)\)$/s,
    key: 'problem.inParent',
    example: 'is required (in extends parent base.yaml)',
  },
  { pattern: /^(?<msg>.+) \(in (?<file>[^()]+)\)$/s, key: 'problem.inFile', example: 'is required (in plan.json)' },
  {
    pattern: /^(?<msg>.+): kopsim never deletes or overwrites files it did not write; choose another (?<flag>\S+)$/s,
    key: 'problem.neverOverwrites',
    example:
      'exists and is not a folder: kopsim never deletes or overwrites files it did not write; choose another --out',
  },
  {
    pattern: /^is not empty and is not a kopsim (?<kind>\w+) folder \(it holds (?<entries>.*)\)$/s,
    key: 'problem.notKopsimFolder',
    example: 'is not empty and is not a kopsim run folder (it holds notes.txt)',
  },
  {
    pattern: /^holds files kopsim did not write \((?<entries>.*)\)$/s,
    key: 'problem.foreignFiles',
    example: 'holds files kopsim did not write (notes.txt)',
  },
  { pattern: /^exists and is not a folder$/, key: 'problem.notAFolder', example: 'exists and is not a folder' },
  { pattern: /^is not a scenario field$/, key: 'problem.notScenarioField', example: 'is not a scenario field' },
  {
    pattern: /^is not a field of scenario (?<label>.+) \(see kopsim schema\)$/,
    key: 'problem.notFieldOf',
    example: 'is not a field of scenario default (see kopsim schema)',
  },
  { pattern: /^is required$/, key: 'problem.required', example: 'is required' },
  {
    pattern: /^must be an integer from (?<min>-?\d+) to (?<max>-?\d+)$/,
    key: 'problem.intRange',
    example: 'must be an integer from 1 to 1200',
  },
  { pattern: /^must be one of (?<values>.+)$/, key: 'problem.oneOf', example: 'must be one of en, id' },
  { pattern: /^must be a positive integer$/, key: 'problem.positiveInt', example: 'must be a positive integer' },
  { pattern: /^must be a finite number$/, key: 'problem.finite', example: 'must be a finite number' },
  { pattern: /^must be true or false$/, key: 'problem.trueFalse', example: 'must be true or false' },
  { pattern: /^must not be empty$/, key: 'problem.notEmpty', example: 'must not be empty' },
  {
    pattern: /^must not contain control characters \(such as ESC or a line break\)$/,
    key: 'problem.controlCharactersName',
    example: 'must not contain control characters (such as ESC or a line break)',
  },
  {
    pattern: /^must not contain control characters \(such as ESC\)$/,
    key: 'problem.controlCharacters',
    example: 'must not contain control characters (such as ESC)',
  },
  {
    pattern: /^no such scenario file or bundled scenario$/,
    key: 'problem.noScenarioFile',
    example: 'no such scenario file or bundled scenario',
  },
  {
    pattern: /^no such scenario file \(looked in (?<a>.+) and (?<b>.+)\)$/,
    key: 'problem.noScenarioFileIn',
    example: 'no such scenario file (looked in my-project and kopsim/scenarios)',
  },
  { pattern: /^no such scenario$/, key: 'problem.noScenario', example: 'no such scenario' },
  { pattern: /^no such folder$/, key: 'problem.noFolder', example: 'no such folder' },
  { pattern: /^no such state file$/, key: 'problem.noStateFile', example: 'no such state file' },
  {
    pattern: /^must be an object of scenario fields$/,
    key: 'problem.scenarioObject',
    example: 'must be an object of scenario fields',
  },
  {
    pattern: /^must be a scenario name or path$/,
    key: 'problem.scenarioRef',
    example: 'must be a scenario name or path',
  },
  {
    pattern: /^is not valid (?<kind>JSON|YAML|CSV)(?<sep>: | \()(?<detail>.*)$/s,
    key: 'problem.notValid',
    example: 'is not valid YAML: Map keys must be unique at line 3',
  },
  { pattern: /^cannot read: (?<detail>.*)$/s, key: 'problem.cannotRead', example: 'cannot read: EACCES' },
  {
    pattern: /^is too large \((?<size>\d+) bytes; at most (?<max>\d+) bytes are read\)$/,
    key: 'problem.tooLarge',
    example: 'is too large (20000000 bytes; at most 10485760 bytes are read)',
  },
  {
    pattern: /^is nested too deeply \(at most (?<n>\d+) levels\)$/,
    key: 'problem.nested',
    example: 'is nested too deeply (at most 64 levels)',
  },
  {
    pattern: /^has too many keys \((?<keys>\d+); at most (?<max>\d+)\)$/,
    key: 'problem.tooManyKeys',
    example: 'has too many keys (200000; at most 100000)',
  },
  { pattern: /^must sum to 1 \(sum is (?<sum>.+)\)$/, key: 'problem.sumTo1', example: 'must sum to 1 (sum is 1.1)' },
  {
    pattern: /^parts must sum to 1 \(sum is (?<sum>.+)\)$/,
    key: 'problem.partsSumTo1',
    example: 'parts must sum to 1 (sum is 0.9)',
  },
  {
    pattern: /^duplicates (?<what>\S+) \(names are compared trimmed, ignoring case\)$/,
    key: 'problem.duplicateName',
    example: 'duplicates regions[0].name (names are compared trimmed, ignoring case)',
  },
  { pattern: /^duplicates (?<what>\S+)$/, key: 'problem.duplicates', example: 'duplicates indicators[0]' },
  {
    pattern: /^circular extends: (?<chain>.+)$/,
    key: 'problem.circular',
    example: 'circular extends: a.yaml -> b.yaml -> a.yaml',
  },
  {
    pattern: /^is reserved for the aggregate of all regions$/,
    key: 'problem.reservedRegion',
    example: 'is reserved for the aggregate of all regions',
  },
  {
    pattern:
      /^would simulate (?<work>\S+) household-months \((?<what>.+)\), more than the cap of (?<max>\S+): use fewer runs, months or households, or raise the cap with (?<flag>\S+) <n>$/,
    key: 'problem.maxWork',
    example:
      'would simulate 2.4e12 household-months (30 runs x 1200 months x 20,000,000 households), more than the cap of 1e12: use fewer runs, months or households, or raise the cap with --max-work <n>',
  },
  {
    pattern: /^is not an indicator(?: \([^()]*\))?$/,
    key: 'problem.notIndicator',
    example: 'is not an indicator (docs/ODD.md lists them)',
  },
  {
    pattern: /^must list months or final, e\.g\. 60,final$/,
    key: 'problem.listMonths',
    example: 'must list months or final, e.g. 60,final',
  },
  {
    pattern: /^must name at least one strategy besides the baseline$/,
    key: 'problem.strategyBesides',
    example: 'must name at least one strategy besides the baseline',
  },
  {
    pattern: /^a comparison needs at least two scenarios$/,
    key: 'problem.twoScenarios',
    example: 'a comparison needs at least two scenarios',
  },
  {
    pattern: /^a baseline needs at least two scenarios$/,
    key: 'problem.baselineTwo',
    example: 'a baseline needs at least two scenarios',
  },
  {
    pattern: /^is after the last simulated month \((?<m>\d+)\)$/,
    key: 'problem.afterLastMonth',
    example: 'is after the last simulated month (120)',
  },
  {
    pattern: /^must be greater than (?<what>min|from) \((?<v>[^()]+)\)$/,
    key: 'problem.greaterThan',
    example: 'must be greater than min (0.2)',
  },
  {
    pattern:
      /^holds a different (?<what>experiment|calibration) \(plan (?<theirs>\w+), this command's is (?<ours>\w+)\): choose another --out or remove the folder$/,
    key: 'problem.differentPlan',
    example:
      "holds a different experiment (plan 1a2b3c4d5e6f, this command's is 0f9e8d7c6b5a): choose another --out or remove the folder",
  },
  {
    pattern:
      /^was written by kopsim (?<theirs>\S+), this is (?<ours>\S+); results would mix model versions: choose another --out$/,
    key: 'problem.otherVersion',
    example: 'was written by kopsim 0.0.9, this is 0.1.0; results would mix model versions: choose another --out',
  },
  {
    pattern: /^is a group of fields in scenario (?<label>.+), not a parameter: name one of its fields$/,
    key: 'problem.groupOfFields',
    example: 'is a group of fields in scenario default, not a parameter: name one of its fields',
  },
  { pattern: /^must list at least one value$/, key: 'problem.oneValue', example: 'must list at least one value' },
  {
    pattern: /^must list at least one parameter(?<toVary> to vary|)$/,
    key: 'problem.oneParameter',
    example: 'must list at least one parameter to vary',
  },
  {
    pattern: /^name at least one folder to merge$/,
    key: 'problem.oneFolder',
    example: 'name at least one folder to merge',
  },
  {
    pattern: /^scholarshipShare \+ healthShare must be at most 1$/,
    key: 'problem.sharesAtMost1',
    example: 'scholarshipShare + healthShare must be at most 1',
  },
  {
    pattern:
      /^awarenessWeight \+ ratWeight \+ managementWeight \+ supervisionWeight must be at most 1 \(sum is (?<sum>.+)\)$/,
    key: 'problem.governanceWeights',
    example: 'awarenessWeight + ratWeight + managementWeight + supervisionWeight must be at most 1 (sum is 1.2)',
  },
  {
    pattern: /^must be at most (?<field>[a-zA-Z][\w.]*) \((?<limit>[^()]+)\)$/,
    key: 'problem.atMostField',
    example: 'must be at most market.foodShareMax (0.8)',
  },
  {
    pattern: /^must be less than (?<field>[a-zA-Z][\w.]*) \((?<limit>[^()]+)\)$/,
    key: 'problem.lessThanField',
    example: 'must be less than federation.credit.termMonths (72)',
  },
  {
    pattern: /^at most 20,000,000 households in total \(found (?<total>.+)\)$/,
    key: 'problem.householdsTotal',
    example: 'at most 20,000,000 households in total (found 25000000)',
  },
  {
    pattern: /^needs one entry per region \((?<r>\d+) regions, (?<e>\d+) entries\)$/,
    key: 'problem.perRegion',
    example: 'needs one entry per region (3 regions, 2 entries)',
  },
  {
    pattern: /^the extends chain is longer than (?<n>\d+) files$/,
    key: 'problem.extendsDepth',
    example: 'the extends chain is longer than 16 files',
  },
  {
    pattern: /^"(?<key>.+)" is not allowed as a key \(it names an object's prototype\)$/,
    key: 'problem.prototypeKey',
    example: '"__proto__" is not allowed as a key (it names an object\'s prototype)',
  },
  {
    pattern: /^malformed path \(use a\.b\[2\]\.c\)$/,
    key: 'problem.malformedPath',
    example: 'malformed path (use a.b[2].c)',
  },
  { pattern: /^expected path=value$/, key: 'problem.pathValue', example: 'expected path=value' },
  {
    pattern: /^must be a non-empty scenario field path$/,
    key: 'problem.fieldPath',
    example: 'must be a non-empty scenario field path',
  },
  {
    pattern: /^is not a field of scenario (?<label>.+) \(kopsim schema lists the fields\)$/,
    key: 'problem.notFieldOfSchema',
    example: 'is not a field of scenario default (kopsim schema lists the fields)',
  },
  {
    pattern:
      /^is not a number field \(scenario (?<label>.+) has (?<v>.+) there\): only numbers can be varied over a range$/,
    key: 'problem.notNumberField',
    example:
      'is not a number field (scenario default has "seed-roadmap" there): only numbers can be varied over a range',
  },
  {
    pattern: /^sets (?<path>.+), which is not a number field of scenario (?<label>.+)$/,
    key: 'problem.setsNotNumber',
    example: 'sets strategy, which is not a number field of scenario default',
  },
  {
    pattern: /^must be lowercase letters, digits, dots, dashes and underscores$/,
    key: 'problem.idChars',
    example: 'must be lowercase letters, digits, dots, dashes and underscores',
  },
  {
    pattern: /^duplicates the id of scenarios\[(?<i>\d+)\] \((?<id>.+)\): give each variant its own id$/,
    key: 'problem.variantId',
    example: 'duplicates the id of scenarios[0] (base): give each variant its own id',
  },
  { pattern: /^is a folder; name a file$/, key: 'problem.isFolderNotFile', example: 'is a folder; name a file' },
  {
    pattern: /^is not a regular file \(a folder\)$/,
    key: 'problem.notRegularFolder',
    example: 'is not a regular file (a folder)',
  },
  {
    pattern: /^is not a regular file \(a FIFO\)$/,
    key: 'problem.notRegularFifo',
    example: 'is not a regular file (a FIFO)',
  },
  {
    pattern: /^is not a regular file \(a device or socket\)$/,
    key: 'problem.notRegularDevice',
    example: 'is not a regular file (a device or socket)',
  },
  { pattern: /^must hold a JSON object$/, key: 'problem.jsonObject', example: 'must hold a JSON object' },
  {
    pattern: /^(?<file>.+?) is not JSON: (?<detail>.+)$/,
    key: 'problem.notJson',
    example: 'summary.json is not JSON: Unexpected end of JSON input',
  },
  {
    pattern: /^must start with the header (?<header>.+)$/,
    key: 'problem.header',
    example: 'must start with the header month,indicator,region,value',
  },
  { pattern: /^must be a list of numbers$/, key: 'problem.listNumbers', example: 'must be a list of numbers' },
  { pattern: /^must be a list of parameters$/, key: 'problem.listParameters', example: 'must be a list of parameters' },
  {
    pattern: /^must be an object with name, min and max$/,
    key: 'problem.nameMinMax',
    example: 'must be an object with name, min and max',
  },
  { pattern: /^must be a string$/, key: 'problem.aString', example: 'must be a string' },
  { pattern: /^must be a number$/, key: 'problem.aNumber', example: 'must be a number' },
  { pattern: /^must be a list of strings$/, key: 'problem.listStrings', example: 'must be a list of strings' },
  {
    pattern: /^must be a whole number of months$/,
    key: 'problem.wholeMonths',
    example: 'must be a whole number of months',
  },
  { pattern: /^must be a number or empty$/, key: 'problem.numberOrEmpty', example: 'must be a number or empty' },
  {
    pattern: /^must be a number \(the resolved scenario is missing or incomplete\)$/,
    key: 'problem.numberResolved',
    example: 'must be a number (the resolved scenario is missing or incomplete)',
  },
  { pattern: /^(?<n>\d+) more bad lines$/, key: 'problem.moreBadLines', example: '12 more bad lines' },
  {
    pattern: /^(?<n>\d+) more values are not finite numbers$/,
    key: 'problem.moreNotFinite',
    example: '7 more values are not finite numbers',
  },
  {
    pattern: /^(?<msg>.+) \(not a file kopsim wrote, or edited since\)$/,
    key: 'problem.notWritten',
    example: 'is required (not a file kopsim wrote, or edited since)',
  },
  {
    pattern: /^(?<msg>.+) \(the scenario schema changed\)$/,
    key: 'problem.schemaChanged',
    example: 'is not a scenario field (the scenario schema changed)',
  },
  { pattern: /^is not a branch field$/, key: 'problem.notBranchField', example: 'is not a branch field' },
  { pattern: /^is not a discovery field$/, key: 'problem.notDiscoveryKindField', example: 'is not a discovery field' },
  { pattern: /^is not an experiment field$/, key: 'problem.notExperimentField', example: 'is not an experiment field' },
  {
    pattern: /^is not a sensitivity experiment field$/,
    key: 'problem.notSensitivityField',
    example: 'is not a sensitivity experiment field',
  },
  {
    pattern: /^is not a calibration targets field$/,
    key: 'problem.notCalibrationField',
    example: 'is not a calibration targets field',
  },
  {
    pattern: /^exists and is not a kopsim state file: kopsim does not overwrite a file it did not write$/,
    key: 'problem.notStateFile',
    example: 'exists and is not a kopsim state file: kopsim does not overwrite a file it did not write',
  },
  {
    pattern: /^cannot change a run continued from a state file$/,
    key: 'problem.stateFixed',
    example: 'cannot change a run continued from a state file',
  },
  {
    pattern: /^does not match the scenario hash recorded with it$/,
    key: 'problem.stateHash',
    example: 'does not match the scenario hash recorded with it',
  },
  {
    pattern: /^give a scenario or --from-state, not both$/,
    key: 'problem.scenarioOrState',
    example: 'give a scenario or --from-state, not both',
  },
  {
    pattern: /^reads differently under this kopsim \(the scenario schema changed since the state was saved\)$/,
    key: 'problem.readsDifferently',
    example: 'reads differently under this kopsim (the scenario schema changed since the state was saved)',
  },
  {
    pattern: /^cannot change mid-run \(the saved run has (?<saved>.+)\)$/,
    key: 'problem.midRun',
    example: 'cannot change mid-run (the saved run has 120)',
  },
  {
    pattern: /^is (?<saved>\d+), the scenario has (?<fresh>\d+)$/,
    key: 'problem.householdsSaved',
    example: 'is 1000, the scenario has 2000',
  },
  {
    pattern: /^is after the scenario's last month \((?<m>\d+)\)$/,
    key: 'problem.afterScenarioLast',
    example: "is after the scenario's last month (120)",
  },
  {
    pattern: /^must be after the state's month \((?<m>\d+)\)$/,
    key: 'problem.afterStateMonth',
    example: "must be after the state's month (60)",
  },
  {
    pattern: /^name at least one strategy to continue under, e\.g\. seed-roadmap$/,
    key: 'problem.strategyContinue',
    example: 'name at least one strategy to continue under, e.g. seed-roadmap',
  },
  {
    pattern: /^exists, is not empty and is not an experiment folder \(no plan\.json\): choose another --out$/,
    key: 'problem.notExperimentFolderOut',
    example: 'exists, is not empty and is not an experiment folder (no plan.json): choose another --out',
  },
  {
    pattern: /^exists, is not empty and is not a calibration folder \(no calibration\.json\): choose another --out$/,
    key: 'problem.notCalibrationFolderOut',
    example: 'exists, is not empty and is not a calibration folder (no calibration.json): choose another --out',
  },
  {
    pattern: /^holds files kopsim did not write there: kopsim does not replace them$/,
    key: 'problem.foreignThere',
    example: 'holds files kopsim did not write there: kopsim does not replace them',
  },
  {
    pattern: /^is not an experiment folder \(no plan\.json\)$/,
    key: 'problem.notExperimentFolder',
    example: 'is not an experiment folder (no plan.json)',
  },
  {
    pattern: /^is not a finished calibration folder \(no posterior\.json\): run kopsim calibrate first$/,
    key: 'problem.notCalibrationFinished',
    example: 'is not a finished calibration folder (no posterior.json): run kopsim calibrate first',
  },
  {
    pattern: /^missing: this does not look like a kopsim run folder$/,
    key: 'problem.notRunFolder',
    example: 'missing: this does not look like a kopsim run folder',
  },
  {
    pattern: /^is missing: no run has finished in this folder$/,
    key: 'problem.noRunFinished',
    example: 'is missing: no run has finished in this folder',
  },
  {
    pattern: /^is not a run line; the folder is damaged \(remove the line or the folder\)$/,
    key: 'problem.notRunLine',
    example: 'is not a run line; the folder is damaged (remove the line or the folder)',
  },
  {
    pattern:
      /^holds a different calibration \(plan (?<theirs>\w+), this command's is (?<ours>\w+)\): choose another --out$/,
    key: 'problem.differentCalibration',
    example: "holds a different calibration (plan 1a2b3c4d5e6f, this command's is 0f9e8d7c6b5a): choose another --out",
  },
  {
    pattern: /^holds shard (?<theirs>\S+) of this experiment, not (?<ours>\S+): choose another --out$/,
    key: 'problem.otherShard',
    example: 'holds shard 1/4 of this experiment, not 2/4: choose another --out',
  },
  {
    pattern:
      /^holds an experiment of kind (?<kind>\S+), not a sensitivity analysis or attribution: kopsim merge (?<dir>.+) --out (?<out>.+) recomputes its summaries$/,
    key: 'problem.kindNotAnalysis',
    example:
      'holds an experiment of kind sweep, not a sensitivity analysis or attribution: kopsim merge reports/a --out reports/a recomputes its summaries',
  },
  {
    pattern:
      /^belongs to another experiment \((?<name>.+), plan (?<hash>\w+)\) than (?<dir>.+) \((?<firstName>.+), plan (?<firstHash>\w+)\)$/,
    key: 'problem.otherExperiment',
    example: 'belongs to another experiment (a, plan 1a2b3c4d5e6f) than reports/b (b, plan 0f9e8d7c6b5a)',
  },
  {
    pattern: /^run (?<i>\d+) \((?<key>.+)\) differs from the same run in another folder$/,
    key: 'problem.runDiffers',
    example: 'run 3 (default/0) differs from the same run in another folder',
  },
  {
    pattern: /^run (?<i>\d+) \((?<key>.+)\) is not in the plan; the folder is damaged$/,
    key: 'problem.runNotInPlanDamaged',
    example: 'run 3 (default/0) is not in the plan; the folder is damaged',
  },
  {
    pattern: /^run (?<i>\d+) \((?<key>.+)\) is not in the plan$/,
    key: 'problem.runNotInPlan',
    example: 'run 3 (default/0) is not in the plan',
  },
  {
    pattern: /^run (?<i>\d+) \((?<key>.+)\) is not in this experiment's plan; the folder is damaged$/,
    key: 'problem.runNotInExperimentPlan',
    example: "run 3 (default/0) is not in this experiment's plan; the folder is damaged",
  },
  {
    pattern: /^run (?<i>\d+) appears twice with different results$/,
    key: 'problem.runTwice',
    example: 'run 3 appears twice with different results',
  },
  {
    pattern: /^no finished run yet: nothing to analyse$/,
    key: 'problem.nothingToAnalyse',
    example: 'no finished run yet: nothing to analyse',
  },
  {
    pattern: /^a discovery file needs a sweep block with its uncertain parameters$/,
    key: 'problem.discoverySweepBlock',
    example: 'a discovery file needs a sweep block with its uncertain parameters',
  },
  {
    pattern: /^a sweep needs a sweep block with its parameters$/,
    key: 'problem.sweepBlock',
    example: 'a sweep needs a sweep block with its parameters',
  },
  {
    pattern: /^kopsim sweep needs an experiment of kind sweep \(use kopsim experiment for other kinds\)$/,
    key: 'problem.sweepKind',
    example: 'kopsim sweep needs an experiment of kind sweep (use kopsim experiment for other kinds)',
  },
  {
    pattern: /^only a sweep has a sweep block \(kind is (?<kind>.+)\)$/,
    key: 'problem.onlySweepBlock',
    example: 'only a sweep has a sweep block (kind is replicate)',
  },
  {
    pattern: /^goes with replicate and compare, not with a sweep$/,
    key: 'problem.replicateCompare',
    example: 'goes with replicate and compare, not with a sweep',
  },
  {
    pattern: /^is a sensitivity experiment: run it with kopsim sensitivity \(docs\/sensitivity\.md\)$/,
    key: 'problem.isSensitivity',
    example: 'is a sensitivity experiment: run it with kopsim sensitivity (docs/sensitivity.md)',
  },
  {
    pattern: /^is also listed in scenarios: list only the strategies there$/,
    key: 'problem.alsoInScenarios',
    example: 'is also listed in scenarios: list only the strategies there',
  },
  {
    pattern: /^compared scenarios must run for the same months; they run for (?<list>.+): set months$/,
    key: 'problem.sameMonths',
    example: 'compared scenarios must run for the same months; they run for a 120, b 60: set months',
  },
  {
    pattern:
      /^has (?<runs>\S+) runs \((?<what>.+)\); a plan lists at most (?<max>\S+): use fewer replicates, points or steps$/,
    key: 'problem.tooManyRuns',
    example:
      'has 2,000,000 runs (3 scenarios x 30 replicates); a plan lists at most 1,000,000: use fewer replicates, points or steps',
  },
  {
    pattern: /^a range needs from and to \(or give values\)$/,
    key: 'problem.rangeFromTo',
    example: 'a range needs from and to (or give values)',
  },
  {
    pattern: /^give either values or a range \(from, to\), not both$/,
    key: 'problem.valuesOrRange',
    example: 'give either values or a range (from, to), not both',
  },
  {
    pattern: /^a factorial range needs steps \(the number of values, at least 2\)$/,
    key: 'problem.factorialSteps',
    example: 'a factorial range needs steps (the number of values, at least 2)',
  },
  {
    pattern: /^a Latin hypercube needs the number of points$/,
    key: 'problem.lhsPoints',
    example: 'a Latin hypercube needs the number of points',
  },
  {
    pattern: /^a Latin hypercube samples ranges: give from and to instead$/,
    key: 'problem.lhsFromTo',
    example: 'a Latin hypercube samples ranges: give from and to instead',
  },
  {
    pattern: /^a Latin hypercube samples the range itself: remove steps$/,
    key: 'problem.lhsSteps',
    example: 'a Latin hypercube samples the range itself: remove steps',
  },
  {
    pattern: /^only a Latin hypercube takes points \(a factorial has one per combination\)$/,
    key: 'problem.lhsOnlyPoints',
    example: 'only a Latin hypercube takes points (a factorial has one per combination)',
  },
  { pattern: /^duplicates an earlier point$/, key: 'problem.duplicatePoint', example: 'duplicates an earlier point' },
  {
    pattern: /^and (?<n>\d+) more invalid points$/,
    key: 'problem.moreInvalidPoints',
    example: 'and 40 more invalid points',
  },
  {
    pattern: /^must have one value per design point \((?<n>\d+)\)$/,
    key: 'problem.perDesignPoint',
    example: 'must have one value per design point (12)',
  },
  {
    pattern: /^must have one value per parameter \((?<n>\d+)\)$/,
    key: 'problem.perParameter',
    example: 'must have one value per parameter (3)',
  },
  {
    pattern: /^only method morris takes a morris block \(method is (?<method>.+)\)$/,
    key: 'problem.onlyMorris',
    example: 'only method morris takes a morris block (method is sobol)',
  },
  {
    pattern: /^only method sobol takes a sobol block \(method is (?<method>.+)\)$/,
    key: 'problem.onlySobol',
    example: 'only method sobol takes a sobol block (method is morris)',
  },
  {
    pattern: /^must be an even integer of at least 4$/,
    key: 'problem.evenInt4',
    example: 'must be an even integer of at least 4',
  },
  {
    pattern: /^must be an integer of at least 2$/,
    key: 'problem.intAtLeast2',
    example: 'must be an integer of at least 2',
  },
  {
    pattern: /^must be a power of two \(nearest: (?<a>\d+) or (?<b>\d+)\)$/,
    key: 'problem.powerOfTwoNearestTwo',
    example: 'must be a power of two (nearest: 512 or 1024)',
  },
  {
    pattern: /^must be a power of two \(nearest: (?<a>\d+)\)$/,
    key: 'problem.powerOfTwoNearest',
    example: 'must be a power of two (nearest: 2)',
  },
  { pattern: /^must be a power of two$/, key: 'problem.powerOfTwo', example: 'must be a power of two' },
  {
    pattern: /^must be from 2 to 2\^20 \((?<max>\d+)\)$/,
    key: 'problem.saltelliN',
    example: 'must be from 2 to 2^20 (1048576)',
  },
  {
    pattern:
      /^at most (?<max>\d+) parameters \(the Sobol' sequence has (?<dims>\d+) dimensions and the design needs two per parameter\)$/,
    key: 'problem.sobolMax',
    example: "at most 10 parameters (the Sobol' sequence has 21201 dimensions and the design needs two per parameter)",
  },
  { pattern: /^is not a part \((?<parts>.+)\)$/, key: 'problem.notPart', example: 'is not a part (month, year)' },
  {
    pattern: /^must be a number of household-months, at least 1$/,
    key: 'problem.householdMonths',
    example: 'must be a number of household-months, at least 1',
  },
  { pattern: /^N must be from 1 to 1000000$/, key: 'problem.nRange', example: 'N must be from 1 to 1000000' },
  {
    pattern: /^must be i\/N, e\.g\. 0\/4 \(shard i of N, counting from 0\)$/,
    key: 'problem.shardSpec',
    example: 'must be i/N, e.g. 0/4 (shard i of N, counting from 0)',
  },
  {
    pattern: /^i must be from 0 to N-1 \((?<max>\d+)\)$/,
    key: 'problem.shardRange',
    example: 'i must be from 0 to N-1 (3)',
  },
  {
    pattern: /^must be a positive integer \(the number of stage orders\)$/,
    key: 'problem.stageOrders',
    example: 'must be a positive integer (the number of stage orders)',
  },
  {
    pattern: /^must be at most (?<max>\d+) \(720 orders of 6 stages exist; sampling more is the exact method\)$/,
    key: 'problem.maxStageOrders',
    example: 'must be at most 720 (720 orders of 6 stages exist; sampling more is the exact method)',
  },
  {
    pattern: /^must be a list indexed by coalition$/,
    key: 'problem.listByCoalition',
    example: 'must be a list indexed by coalition',
  },
  {
    pattern: /^must hold at least one player order$/,
    key: 'problem.playerOrder',
    example: 'must hold at least one player order',
  },
  {
    pattern: /^must have (?<n>\d+) replicates like the other coalitions$/,
    key: 'problem.coalitionReplicates',
    example: 'must have 10 replicates like the other coalitions',
  },
  {
    pattern: /^needs at least one replicate's outcome for coalition (?<mask>.+)$/,
    key: 'problem.coalitionOutcome',
    example: "needs at least one replicate's outcome for coalition 101",
  },
  { pattern: /^must be abc-smc or rejection$/, key: 'problem.abcMethod', example: 'must be abc-smc or rejection' },
  {
    pattern: /^must be a number strictly between 0 and 1$/,
    key: 'problem.between01',
    example: 'must be a number strictly between 0 and 1',
  },
  {
    pattern: /^must be at least particles \((?<n>\d+)\)$/,
    key: 'problem.atLeastParticles',
    example: 'must be at least particles (200)',
  },
  {
    pattern: /^give either (?<a>\w+) or (?<b>\w+) \(one of them\)$/,
    key: 'problem.eitherOf',
    example: 'give either month or window (one of them)',
  },
  {
    pattern: /^must not be before window\[0\] \((?<v>.+)\)$/,
    key: 'problem.notBeforeWindow',
    example: 'must not be before window[0] (12)',
  },
  {
    pattern: /^must not be below band\[0\] \((?<v>.+)\)$/,
    key: 'problem.notBelowBand',
    example: 'must not be below band[0] (0.2)',
  },
  {
    pattern: /^a pending target has no simulation yet: leave it out$/,
    key: 'problem.pendingTarget',
    example: 'a pending target has no simulation yet: leave it out',
  },
  {
    pattern: /^at least one target must not be pending$/,
    key: 'problem.notAllPending',
    example: 'at least one target must not be pending',
  },
  {
    pattern: /^is not an indicator \(docs\/ODD\.md lists them\); mark the target pending if it needs a new one$/,
    key: 'problem.notIndicatorPending',
    example: 'is not an indicator (docs/ODD.md lists them); mark the target pending if it needs a new one',
  },
  {
    pattern: /^matches no fact \(docs\/validation\.md lists them\)$/,
    key: 'problem.noFact',
    example: 'matches no fact (docs/validation.md lists them)',
  },
  {
    pattern: /^is required for a (?<d>\w+) prior$/,
    key: 'problem.requiredForPrior',
    example: 'is required for a normal prior',
  },
  {
    pattern: /^is not a parameter of a (?<d>\w+) prior$/,
    key: 'problem.notPriorParam',
    example: 'is not a parameter of a beta prior',
  },
  {
    pattern: /^must be positive for a loguniform distribution$/,
    key: 'problem.logDistribution',
    example: 'must be positive for a loguniform distribution',
  },
  {
    pattern: /^must be positive for a loguniform prior$/,
    key: 'problem.logPrior',
    example: 'must be positive for a loguniform prior',
  },
  { pattern: /^must be positive on a log scale$/, key: 'problem.logScale', example: 'must be positive on a log scale' },
  {
    pattern: /^must have a positive weight somewhere$/,
    key: 'problem.positiveWeight',
    example: 'must have a positive weight somewhere',
  },
  {
    pattern: /^(?<p>.+) is in two posterior blocks \((?<a>.+) and (?<b>.+)\)$/,
    key: 'problem.twoPosterior',
    example: 'adoption.rate is in two posterior blocks (first and second)',
  },
  {
    pattern: /^its blocks combine into (?<size>\S+) particles, more than (?<max>\S+): calibrate with fewer particles$/,
    key: 'problem.particlesBlocks',
    example: 'its blocks combine into 4000000 particles, more than 1000000: calibrate with fewer particles',
  },
  { pattern: /^goes with --posterior$/, key: 'problem.withPosterior', example: 'goes with --posterior' },
  {
    pattern: /^PRIM needs numbers: give a numeric range \(from, to\) or numeric values$/,
    key: 'problem.primNumbers',
    example: 'PRIM needs numbers: give a numeric range (from, to) or numeric values',
  },
  {
    pattern: /^is not a discovery field \(the outcome names the indicators recorded\)$/,
    key: 'problem.notDiscoveryField',
    example: 'is not a discovery field (the outcome names the indicators recorded)',
  },
  {
    pattern: /^must be a mapping of discovery fields$/,
    key: 'problem.discoveryMapping',
    example: 'must be a mapping of discovery fields',
  },
  {
    pattern: /^the trajectory of (?<s>.+) has (?<n>\d+) boxes \(0 to (?<last>\d+)\)$/,
    key: 'problem.trajectoryBoxes',
    example: 'the trajectory of seed-roadmap has 5 boxes (0 to 4)',
  },
  {
    pattern:
      /^is not a folder \(expected a run folder holding manifest\.json, summary\.json, timeseries\.csv and events\.csv\)$/,
    key: 'problem.notRunFolderExpected',
    example:
      'is not a folder (expected a run folder holding manifest.json, summary.json, timeseries.csv and events.csv)',
  },
  {
    pattern:
      /^scheduled needs a timeline: set strategy\.timeline \(per region\) or strategy\.mode scheduled with strategy\.schedule$/,
    key: 'problem.scheduledTimeline',
    example:
      'scheduled needs a timeline: set strategy.timeline (per region) or strategy.mode scheduled with strategy.schedule',
  },
  {
    pattern:
      /^does not match its own hash: it was changed after the runs were planned, so the runs cannot be trusted to belong to it$/,
    key: 'problem.ownHash',
    example:
      'does not match its own hash: it was changed after the runs were planned, so the runs cannot be trusted to belong to it',
  },
  {
    pattern: /^is not a posterior\.json field$/,
    key: 'problem.notPosteriorField',
    example: 'is not a posterior.json field',
  },
  { pattern: /^is not a blocks\.json field$/, key: 'problem.notBlocksField', example: 'is not a blocks.json field' },
  {
    pattern:
      /^no replicate is finished at every one of the (?<n>\d+) design points \((?<done>\d+) of (?<planned>\d+) runs finished\): run the same command again to complete them$/,
    key: 'problem.noReplicateAtEveryPoint',
    example:
      'no replicate is finished at every one of the 12 design points (5 of 24 runs finished): run the same command again to complete them',
  },
  {
    pattern:
      /^no replicate is finished in every one of the (?<n>\d+) coalitions \((?<done>\d+) of (?<planned>\d+) runs finished\): run the same command again to complete them$/,
    key: 'problem.noReplicateInEveryCoalition',
    example:
      'no replicate is finished in every one of the 64 coalitions (5 of 640 runs finished): run the same command again to complete them',
  },
  {
    pattern: /^cannot be created: (?<dir>.+) is not a folder$/,
    key: 'problem.cannotCreate',
    example: 'cannot be created: reports/notes.txt is not a folder',
  },
  {
    pattern: /^cannot be written \((?<dir>.+): read-only file system\)$/,
    key: 'problem.readOnly',
    example: 'cannot be written (reports: read-only file system)',
  },
  {
    pattern: /^cannot be written \((?<dir>.+): permission denied\)$/,
    key: 'problem.permissionDenied',
    example: 'cannot be written (reports: permission denied)',
  },
  {
    pattern: /^cannot be written \((?<dir>.+): no space left on device\)$/,
    key: 'problem.noSpace',
    example: 'cannot be written (reports: no space left on device)',
  },
  {
    pattern: /^cannot be written \((?<dir>.+): (?<code>[A-Z0-9_]+)\)$/,
    key: 'problem.cannotWrite',
    example: 'cannot be written (reports: EIO)',
  },
  {
    pattern: /^unexpected character '(?<c>.+)' at position (?<n>\d+)$/,
    key: 'problem.unexpectedCharacter',
    example: "unexpected character '#' at position 4",
  },
  {
    pattern: /^'(?<name>.+)' at position (?<n>\d+) is not an indicator$/,
    key: 'problem.notIndicatorAt',
    example: "'p1' at position 0 is not an indicator",
  },
  { pattern: /^names no indicator$/, key: 'problem.namesNoIndicator', example: 'names no indicator' },
  {
    pattern: /^expected (?<msg>.+) at position (?<n>\d+) \('(?<token>.+)'\)$/,
    key: 'problem.expectedAt',
    example: "expected an indicator at position 3 ('<')",
  },
  {
    pattern: /^expected (?<msg>.+) at the end$/,
    key: 'problem.expectedAtEnd',
    example: 'expected a whole month number at the end',
  },
  { pattern: /^a whole month number$/, key: 'problem.aWholeMonth', example: 'a whole month number' },
  { pattern: /^a number or an indicator$/, key: 'problem.aNumberOrIndicator', example: 'a number or an indicator' },
  { pattern: /^an indicator$/, key: 'problem.anIndicator', example: 'an indicator' },
  {
    pattern: /^a comparison \(<, <=, >, >=, ==, !=\)$/,
    key: 'problem.aComparison',
    example: 'a comparison (<, <=, >, >=, ==, !=)',
  },
  {
    pattern: /^the end \(or 'and', 'or', 'at month N'\)$/,
    key: 'problem.theEnd',
    example: "the end (or 'and', 'or', 'at month N')",
  },
  {
    pattern: /^(?<path>[^\s:;]+): (?<msg>[^;]+) \(scenario (?<label>[^();]+)\)$/,
    key: 'problem.scenarioAtPoint',
    example: 'regions[0].households: must be a positive integer (scenario default)',
  },
  {
    pattern: /^is not a number field of scenario (?<label>.+): only numbers can be calibrated$/,
    key: 'problem.notNumberFieldCalibrated',
    example: 'is not a number field of scenario default: only numbers can be calibrated',
  },
  {
    pattern: /^is not a kopsim state file \(it does not start with KOPSTATE\)$/,
    key: 'problem.stateNotKopstate',
    example: 'is not a kopsim state file (it does not start with KOPSTATE)',
  },
  { pattern: /^is truncated \((?<n>\d+) bytes\)$/, key: 'problem.stateTruncated', example: 'is truncated (12 bytes)' },
  {
    pattern: /^is truncated: its header alone needs (?<need>\d+) bytes, the file has (?<has>\d+)$/,
    key: 'problem.stateHeaderTruncated',
    example: 'is truncated: its header alone needs 400 bytes, the file has 120',
  },
  {
    pattern: /^is corrupt or truncated: its checksum does not match its contents$/,
    key: 'problem.stateChecksum',
    example: 'is corrupt or truncated: its checksum does not match its contents',
  },
  {
    pattern: /^has an unreadable header: (?<detail>.+)$/,
    key: 'problem.stateHeader',
    example: 'has an unreadable header: Unexpected token',
  },
  {
    pattern: /^is truncated: blob at (?<from>\d+) runs past the end$/,
    key: 'problem.stateBlob',
    example: 'is truncated: blob at 4096 runs past the end',
  },
  { pattern: /^must be a sha256 in hex$/, key: 'problem.sha256', example: 'must be a sha256 in hex' },
  {
    pattern: /^must list at least one strategy$/,
    key: 'problem.oneStrategy',
    example: 'must list at least one strategy',
  },
  {
    pattern: /^must list at least one free parameter$/,
    key: 'problem.oneFreeParameter',
    example: 'must list at least one free parameter',
  },
  { pattern: /^must list at least one target$/, key: 'problem.oneTarget', example: 'must list at least one target' },
  {
    pattern: /^must list at least one indicator$/,
    key: 'problem.oneIndicator',
    example: 'must list at least one indicator',
  },
  {
    pattern: /^must list at least one scenario$/,
    key: 'problem.oneScenario',
    example: 'must list at least one scenario',
  },
  { pattern: /^must list at least one month$/, key: 'problem.oneMonth', example: 'must list at least one month' },
  {
    pattern: /^has too many keys \((?<n>\d+) colons; at most (?<max>\d+) keys\)$/,
    key: 'problem.tooManyColons',
    example: 'has too many keys (200000 colons; at most 100000 keys)',
  },
  {
    pattern: /^is nested too deeply \((?<n>\d+) levels of brackets; at most (?<max>\d+)\)$/,
    key: 'problem.nestedBrackets',
    example: 'is nested too deeply (100 levels of brackets; at most 64)',
  },
  {
    pattern: /^must be a scenario field path like awareness\.peerWeight or (?<example>.+)$/,
    key: 'problem.fieldPathLike',
    example: 'must be a scenario field path like awareness.peerWeight or regions[0].households',
  },
  {
    pattern: /^must be lowercase letters, digits and dashes$/,
    key: 'problem.idDashes',
    example: 'must be lowercase letters, digits and dashes',
  },
  {
    pattern: /^must be the name of a folder beside blocks\.json$/,
    key: 'problem.folderBesideBlocks',
    example: 'must be the name of a folder beside blocks.json',
  },
  { pattern: /^is not (?<what>.+) field$/, key: 'problem.notKindField', example: 'is not a posterior field' },
  // The command line's undeclared words (src/cli/commandLineProblems.ts).
  {
    pattern: /^is not an option of (?<command>kopsim(?: [a-z]+)?); did you mean one of (?<suggestions>.+)\?$/,
    key: 'problem.notOptionSuggestMany',
    example: 'is not an option of kopsim run; did you mean one of --seed, --set?',
  },
  {
    pattern: /^is not an option of (?<command>kopsim(?: [a-z]+)?); did you mean (?<suggestion>.+)\?$/,
    key: 'problem.notOptionSuggest',
    example: 'is not an option of kopsim run; did you mean --months?',
  },
  {
    pattern: /^is not an option of (?<command>kopsim(?: [a-z]+)?)$/,
    key: 'problem.notOption',
    example: 'is not an option of kopsim run',
  },
  { pattern: /^takes no value$/, key: 'problem.takesNoValue', example: 'takes no value' },
  { pattern: /^needs a value$/, key: 'problem.needsValue', example: 'needs a value' },
  {
    pattern: /^is an argument too many: (?<command>kopsim [a-z]+) takes at most (?<n>\d+)$/,
    key: 'problem.argumentTooMany',
    example: 'is an argument too many: kopsim run takes at most 1',
  },
  {
    pattern: /^is missing: (?<command>kopsim [a-z]+) needs it$/,
    key: 'problem.argumentMissing',
    example: 'is missing: kopsim validate needs it',
  },
  // Commander's own messages (unknown options and commands, arguments), printed before kopsim's.
  {
    pattern: /^error: unknown option '(?<flag>[^']+)'\n\(Did you mean one of (?<suggestions>.+)\?\)$/,
    key: 'problem.unknownOptionSuggestMany',
    example: "error: unknown option '--sed'\n(Did you mean one of --seed, --set?)",
  },
  {
    pattern: /^error: unknown option '(?<flag>[^']+)'\n\(Did you mean (?<suggestion>.+)\?\)$/,
    key: 'problem.unknownOptionSuggest',
    example: "error: unknown option '--sed'\n(Did you mean --seed?)",
  },
  {
    pattern: /^error: unknown option '(?<flag>[^']+)'$/,
    key: 'problem.unknownOption',
    example: "error: unknown option '--zzz'",
  },
  {
    pattern: /^error: unknown command '(?<name>[^']+)'\n\(Did you mean (?<suggestion>.+)\?\)$/,
    key: 'problem.unknownCommandSuggest',
    example: "error: unknown command 'rnu'\n(Did you mean run?)",
  },
  {
    pattern: /^error: unknown command '(?<name>[^']+)'$/,
    key: 'problem.unknownCommand',
    example: "error: unknown command 'zzz'",
  },
  {
    pattern: /^error: missing required argument '(?<name>[^']+)'$/,
    key: 'problem.missingArgument',
    example: "error: missing required argument 'file'",
  },
  {
    pattern: /^error: option '(?<flag>.+)' argument missing$/,
    key: 'problem.optionArgument',
    example: "error: option '--seed <n>' argument missing",
  },
];

/**
 * A problem message (as kopsim writes it, in English) in the locale's language: the sentence
 * is translated, the names, paths and values in it are kept. Unknown shapes are returned as
 * they are.
 */
export function problemMessage(L: Locale, message: string): string {
  if (L.lang === 'en') return message;
  for (const { pattern, key } of PROBLEM_PATTERNS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const params: Record<string, string> = { ...m.groups };
    if (params.msg !== undefined) params.msg = problemMessage(L, params.msg);
    return L.t(key, params);
  }
  // Several problems joined by '; ' (a scenario invalid at a design point in more than one
  // field) are translated one by one.
  if (message.includes('; '))
    return message
      .split('; ')
      .map((part) => problemMessage(L, part))
      .join('; ');
  return message;
}
