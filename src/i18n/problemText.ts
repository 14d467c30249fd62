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
 * layers know no language) and translated where they are printed. The shapes users meet
 * most (flags, files, output folders, scenario fields, the limits of plans) are here; zod's
 * own messages are translated by zod's locale (the CLI sets it). A shape not listed prints
 * in English; the path it names is never translated.
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
  return message;
}
