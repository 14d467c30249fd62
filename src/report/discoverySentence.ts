import { short, type StrategyDiscovery } from '../experiment/discovery/discoveryAnalysis.js';
import { locale, type Locale } from '../i18n/locale.js';

/** "81%": a share for a sentence. */
function percent(L: Locale, share: number): string {
  return `${L.fmt.integer(100 * share)}%`;
}

/**
 * The box of a strategy in one plain sentence, in the language, e.g. "top-down: the outcome
 * (p0 - baseline.p0 > -0.02 at month 120) holds in 81% of runs where governance <= 0.35
 * (coverage 0.74, density 0.81), against 31% of all 400 runs." Parameter names and the
 * outcome expression are kept as written.
 */
export function discoverySentence(L: Locale, s: StrategyDiscovery, outcome: string): string {
  const count = s.cases.length;
  const interesting = s.interesting;
  const head = L.t('disc.sentence.head', { strategy: s.strategy, outcome });
  if (count === 0) return L.t('disc.sentence.noRuns', { head });
  if (interesting === 0) return L.t('disc.sentence.none', { head, n: count });
  if (s.limits.length === 0)
    return L.t('disc.sentence.noBox', { head, pct: percent(L, interesting / count), n: count });
  const conditions = s.limits.map((l) =>
    l.lowerRestricted && l.upperRestricted
      ? `${short(l.lower)} <= ${l.name} <= ${short(l.upper)}`
      : l.upperRestricted
        ? `${l.name} <= ${short(l.upper)}`
        : `${l.name} >= ${short(l.lower)}`,
  );
  const joined =
    conditions.length === 1
      ? conditions[0]
      : `${conditions.slice(0, -1).join(', ')} ${L.t('exp.verdict.and')} ${conditions[conditions.length - 1]}`;
  const box = s.trajectory[s.selected];
  return L.t('disc.sentence.box', {
    head,
    pct: percent(L, box.density),
    conditions: joined,
    coverage: L.fmt.fixed(box.coverage, 2),
    density: L.fmt.fixed(box.density, 2),
    all: percent(L, interesting / count),
    n: count,
  });
}

/** The sentence in English, as discovery.json and --json carry it. */
export function englishDiscoverySentence(s: StrategyDiscovery, outcome: string): string {
  return discoverySentence(locale('en'), s, outcome);
}
