import type { AttributionOutputResult, Estimate, StageValue } from '../experiment/attributionAnalysis.js';
import type { AttributionDesign } from '../experiment/attributionPlan.js';
import { indicatorLabel, stageName } from '../i18n/labels.js';
import { locale, type Locale } from '../i18n/locale.js';
import { effectText } from './analysisNumbers.js';

/** "Rp61.0 k [Rp51.0 k, Rp71.0 k]": a size (not signed) with its interval, by the shared formatter. */
function withInterval(L: Locale, e: Estimate, unit: string): string {
  const v = effectText(L, e.value, unit);
  if (!(Number.isFinite(e.lower) && Number.isFinite(e.upper))) return v;
  return `${v} [${effectText(L, e.lower, unit)}, ${effectText(L, e.upper, unit)}]`;
}

/** Whether an interval excludes 0 (false when there is no interval). */
function clear(e: Estimate): boolean {
  return e.lower > 0 || e.upper < 0;
}

function subject(L: Locale, s: StageValue, design: AttributionDesign): string {
  return L.t(design === 'roadmap' ? 'an.read.subjectRoadmap' : 'an.read.subjectProgrammes', {
    k: s.stage,
    name: stageName(L, s.stage),
  });
}

/** What the difference between a stage's Shapley value and its add-one and leave-one-out effects says. */
function interactionClause(L: Locale, s: StageValue, unit: string): string {
  const phi = s.value;
  const shared = phi - s.addOne.value;
  const partner = s.partner ? L.t('an.read.partner', { k: s.partner.stage, name: stageName(L, s.partner.stage) }) : '';
  if (phi !== 0 && Math.sign(shared) === Math.sign(phi) && Math.abs(shared) >= 0.5 * Math.abs(phi))
    return L.t('an.read.needsOthers', {
      size: effectText(L, Math.abs(shared), unit),
      partner,
      effect: effect(L, s.addOne, unit),
    });
  if (phi !== 0 && Math.sign(shared) !== Math.sign(phi) && Math.abs(shared) >= 0.25 * Math.abs(phi))
    return L.t('an.read.wouldAlone', { effect: effect(L, s.addOne, unit, true), partner });
  const near = (x: number): boolean => Math.abs(x - phi) <= 0.25 * Math.abs(phi);
  if (near(s.addOne.value) && near(s.leaveOneOut.value))
    return L.t('an.read.little', {
      alone: effectText(L, s.addOne.value, unit, true),
      last: effectText(L, s.leaveOneOut.value, unit, true),
    });
  return L.t('an.read.differs', {
    alone: effect(L, s.addOne, unit),
    last: effect(L, s.leaveOneOut, unit),
    partner,
  });
}

/**
 * "adds Rp61.0 k [Rp48.0 k, Rp74.0 k]" or "takes away Rp5.00 k [...]" (the size, not a
 * negative number); `plural` gives "add" / "take away".
 */
function effect(L: Locale, e: Estimate, unit: string, plural = false): string {
  const negative = e.value < 0;
  const size = negative ? { value: -e.value, lower: -e.upper, upper: -e.lower } : e;
  const key = negative ? (plural ? 'an.read.takeAway' : 'an.read.takesAway') : plural ? 'an.read.add' : 'an.read.adds';
  return L.t(key, { v: withInterval(L, size, unit) });
}

/**
 * Sentences that read an attribution table for a researcher, in the locale's language: the
 * stages whose values are clearly non-zero, largest first, each with its interval and what
 * its add-one and leave-one-out effects say about interaction; the stages not
 * distinguishable from zero; and the total.
 *
 * @example "Stage 4's programmes (education institution) add Rp61.0 k [Rp48.0 k, Rp74.0 k]
 *   to real consumption per capita (mean) at month 240; most of it (Rp52.0 k) needs other
 *   stages to be active, above all stage 2 (enterprises and integration) (interaction): ..."
 */
export function attributionInterpretation(
  o: AttributionOutputResult,
  design: AttributionDesign,
  replicates: number,
  L: Locale = locale('en'),
): string[] {
  if (o.error || o.stages.length === 0) return [];
  const unit = o.unit;
  const label = indicatorLabel(L, o.output.indicator, o.label);
  const what = L.t('an.read.what', {
    label: `${label.charAt(0).toLowerCase()}${label.slice(1)}`,
    m: o.output.month,
  });
  const sentences: string[] = [];
  const ranked = [...o.stages].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const clearOnes = ranked.filter(clear);
  for (const s of clearOnes.slice(0, 3)) {
    sentences.push(
      L.t(s.value < 0 ? 'an.read.from' : 'an.read.to', {
        subject: subject(L, s, design),
        effect: effect(L, s, unit, design !== 'roadmap'),
        what,
        clause: interactionClause(L, s, unit),
      }),
    );
  }
  if (clearOnes.length > 3)
    sentences.push(
      L.t('an.read.also', {
        list: clearOnes
          .slice(3)
          .map((s) => L.t('an.read.alsoItem', { k: s.stage, v: withInterval(L, s, unit) }))
          .join(', '),
      }),
    );
  const unclear = ranked.filter((s) => !clear(s));
  if (unclear.length > 0) {
    const list = unclear.map((s) => `${s.stage}`).join(', ');
    const why = replicates < 2 ? L.t('an.read.oneReplicate') : L.t('an.read.includeZero', { n: replicates });
    sentences.push(
      unclear.length === o.stages.length
        ? L.t('an.read.noneClear', { why })
        : L.t(unclear.length === 1 ? 'an.read.unclearOne' : 'an.read.unclearMany', { list, why }),
    );
  }
  sentences.push(
    L.t('an.read.total', {
      effect: effect(L, { value: o.total, lower: o.totalLower, upper: o.totalUpper }, unit, true),
    }),
  );
  return sentences;
}
