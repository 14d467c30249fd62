import type { AttributionOutputResult, Estimate, StageValue } from '../experiment/attributionAnalysis.js';
import type { AttributionDesign } from '../experiment/attributionPlan.js';
import { STAGE_NAMES } from '../model/stages.js';

/**
 * A value for a sentence, in the output's unit: rupiah as Rp61k / Rp1.2M / Rp3.4bn, shares
 * in percentage points, indices to three decimals, other numbers to three significant digits.
 *
 * @example compactValue(61_234, 'rupiah per person per month') // => 'Rp61k'
 * @example compactValue(-0.021, 'share') // => '-2.1 points'
 * @example compactValue(0.00042, 'index') // => '0.00042'
 */
export function compactValue(x: number, unit: string): string {
  if (!Number.isFinite(x)) return 'n/a';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (unit.startsWith('rupiah')) {
    if (a >= 1e9) return `${sign}Rp${Number((a / 1e9).toPrecision(3))}bn`;
    if (a >= 1e6) return `${sign}Rp${Number((a / 1e6).toPrecision(3))}M`;
    if (a >= 1e3) return `${sign}Rp${Math.round(a / 1e3)}k`;
    return `${sign}Rp${Math.round(a)}`;
  }
  if (unit === 'share') return `${sign}${Number((a * 100).toPrecision(2))} points`;
  if (unit === 'index') return `${sign}${Number(a.toPrecision(2))}`;
  return `${sign}${Number(a.toPrecision(3))}`;
}

function withInterval(e: Estimate, unit: string): string {
  if (!(Number.isFinite(e.lower) && Number.isFinite(e.upper))) return compactValue(e.value, unit);
  // Shares: "3.2 points [2.1, 4.2]", the unit said once.
  const bound = (x: number): string => compactValue(x, unit).replace(/ points$/, '');
  const v = compactValue(e.value, unit);
  return unit === 'share'
    ? `${bound(e.value)} [${bound(e.lower)}, ${bound(e.upper)}] points`
    : `${v} [${bound(e.lower)}, ${bound(e.upper)}]`;
}

/** Whether an interval excludes 0 (false when there is no interval). */
function clear(e: Estimate): boolean {
  return e.lower > 0 || e.upper < 0;
}

function subject(s: StageValue, design: AttributionDesign): string {
  return design === 'roadmap'
    ? `Having stage ${s.stage} (${s.name}) in the roadmap`
    : `Stage ${s.stage}'s programmes (${s.name})`;
}

/** What the difference between a stage's Shapley value and its add-one and leave-one-out effects says. */
function interactionClause(s: StageValue, unit: string): string {
  const phi = s.value;
  const shared = phi - s.addOne.value;
  const partner = s.partner ? `, above all stage ${s.partner.stage} (${STAGE_NAMES[s.partner.stage]})` : '';
  if (phi !== 0 && Math.sign(shared) === Math.sign(phi) && Math.abs(shared) >= 0.5 * Math.abs(phi))
    return `most of it (${compactValue(Math.abs(shared), unit)}) needs other stages to be active${partner} (interaction): alone the stage ${effect(s.addOne, unit)}`;
  if (phi !== 0 && Math.sign(shared) !== Math.sign(phi) && Math.abs(shared) >= 0.25 * Math.abs(phi))
    return `alone the stage would ${effect(s.addOne, unit, true)}, more than beside the others, which partly do the same work${partner} (interaction)`;
  const near = (x: number): boolean => Math.abs(x - phi) <= 0.25 * Math.abs(phi);
  if (near(s.addOne.value) && near(s.leaveOneOut.value))
    return `alone (${compactValue(s.addOne.value, unit)}) and added last (${compactValue(s.leaveOneOut.value, unit)}) it does about the same: little interaction`;
  return `alone it ${effect(s.addOne, unit)}, added last it ${effect(s.leaveOneOut, unit)}; the differences are interaction with the other stages${partner}`;
}

/**
 * "adds Rp61k [48k, 74k]" or "takes away Rp5k [3k, 7k]" (the size, not a negative number);
 * `plural` gives "add" / "take away".
 */
function effect(e: Estimate, unit: string, plural = false): string {
  const negative = e.value < 0;
  const size = negative ? { value: -e.value, lower: -e.upper, upper: -e.lower } : e;
  const verb = negative ? (plural ? 'take away' : 'takes away') : plural ? 'add' : 'adds';
  return `${verb} ${withInterval(size, unit)}`;
}

/**
 * Sentences that read an attribution table for a researcher: the stages whose values are
 * clearly non-zero, largest first, each with its interval and what its add-one and
 * leave-one-out effects say about interaction; the stages not distinguishable from zero;
 * and the total.
 *
 * @example "Stage 4's programmes (education institution) add Rp61k [48k, 74k] to real
 *   consumption per capita (mean) at month 240; most of it (Rp52k) needs other stages to be
 *   active, above all stage 2 (enterprises and integration) (interaction): ..."
 */
export function attributionInterpretation(
  o: AttributionOutputResult,
  design: AttributionDesign,
  replicates: number,
): string[] {
  if (o.error || o.stages.length === 0) return [];
  const unit = o.unit;
  const what = `${o.label.charAt(0).toLowerCase()}${o.label.slice(1)} at month ${o.output.month}`;
  const sentences: string[] = [];
  const ranked = [...o.stages].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const clearOnes = ranked.filter(clear);
  for (const s of clearOnes.slice(0, 3)) {
    sentences.push(
      `${subject(s, design)} ${effect(s, unit, design !== 'roadmap')} ${s.value < 0 ? 'from' : 'to'} ${what}; ${interactionClause(s, unit)}.`,
    );
  }
  if (clearOnes.length > 3)
    sentences.push(
      `Also clearly non-zero: ${clearOnes
        .slice(3)
        .map((s) => `stage ${s.stage} (${withInterval(s, unit)})`)
        .join(', ')}.`,
    );
  const unclear = ranked.filter((s) => !clear(s));
  if (unclear.length > 0) {
    const list = unclear.map((s) => `${s.stage}`).join(', ');
    const why =
      replicates < 2
        ? 'with one replicate there are no intervals'
        : `their intervals include zero at ${replicates} replicates`;
    sentences.push(
      unclear.length === o.stages.length
        ? `No stage's value is distinguishable from zero (${why}).`
        : `The values of stage${unclear.length === 1 ? '' : 's'} ${list} are not distinguishable from zero (${why}).`,
    );
  }
  sentences.push(
    `All six stages together ${effect({ value: o.total, lower: o.totalLower, upper: o.totalUpper }, unit, true)}.`,
  );
  return sentences;
}
