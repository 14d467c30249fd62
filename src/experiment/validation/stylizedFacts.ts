import { median, sampleStandardDeviation } from 'simple-statistics';
import { indicatorAt, indicatorSum, hasIndicator, meanOf, regionScopes } from './runValues.js';
import { compareScale, SCALE_MONTH, SCALE_REGION_ARM, SCALE_VILLAGES_ARM, scaleArms } from './scaleInvariance.js';
import { band, verdictOf, type StylizedFact, type Verdict } from './stylizedFact.js';
import type { RunMeasures } from './validationProbe.js';
import type { ArmMeasures, ValidationArm } from './validationRuns.js';

/*
 * The stylized facts of docs/validation.md, as data: what each is, how it is measured,
 * its band and source. Nothing here is tuned to the model; a miss is reported, and
 * docs/validation.md says why it happens.
 */

/** Arm labels (see validationArms). */
export const STATUS_QUO = 'status-quo';
export const ROADMAP = 'seed-roadmap';
export const TOP_DOWN = 'top-down';
export const LONG_RUN = 'long-run';

/** Months of the main arms (the bundled scenarios' 20 years) and of the long run. */
export const MAIN_MONTHS = 240;
export const LONG_MONTHS = 1200;
/** Month the baseline is read at: after the first year, so the model's own dynamics have acted. */
export const BASELINE_MONTH = 12;

/** Every run validation needs, on the base seeds given (at least 5 for the table). */
export function validationArms(seeds: readonly number[]): ValidationArm[] {
  return [
    { label: STATUS_QUO, scenario: 'status-quo', sets: [], months: MAIN_MONTHS, seeds },
    { label: ROADMAP, scenario: 'seed-roadmap', sets: [], months: MAIN_MONTHS, seeds },
    { label: TOP_DOWN, scenario: 'top-down', sets: [], months: MAIN_MONTHS, seeds },
    ...scaleArms(seeds),
    { label: LONG_RUN, scenario: 'default', sets: [], months: LONG_MONTHS, seeds },
  ];
}

const fixed =
  (digits: number) =>
  (x: number): string =>
    x.toFixed(digits);
const pct =
  (digits: number) =>
  (x: number): string =>
    `${(x * 100).toFixed(digits)}%`;
const points = (x: number): string => `${(x * 100).toFixed(1)} pts`;
const count = (x: number): string => String(Math.round(x));

function runsOf(measures: ArmMeasures, label: string): readonly RunMeasures[] {
  return measures.get(label) ?? [];
}

const notMeasured = (reason: string): Verdict => ({ kind: 'not-measured', reason });

/** A fact read from one indicator of one arm at one month (total scope), mean over seeds in the band. */
function indicatorFact(
  id: string,
  indicator: string,
  arm: string,
  month: number,
  description: string,
  b: [number, number],
  format: (x: number) => string,
  source: string,
): StylizedFact {
  return {
    id,
    description,
    measured: `\`${indicator}\` of \`${arm}\` at month ${month}, whole district, mean over seeds`,
    band: band(b[0], b[1], format),
    source,
    arms: [arm],
    format,
    measure: (measures) => {
      const runs = runsOf(measures, arm);
      if (!hasIndicator(runs, indicator)) return notMeasured(`no indicator ${indicator}`);
      return verdictOf(
        runs.map((m) => indicatorAt(m, indicator, month)),
        band(b[0], b[1], format),
      );
    },
  };
}

/** Paired by seed: f(a, b) for the runs of two arms on the same seed. */
function paired(measures: ArmMeasures, a: string, b: string, f: (x: RunMeasures, y: RunMeasures) => number): number[] {
  const xs = runsOf(measures, a);
  const ys = runsOf(measures, b);
  return xs.map((x, k) => (ys[k] && ys[k].seed === x.seed ? f(x, ys[k]) : Number.NaN));
}

/** Member shares of the village-runs whose cooperative is active at the month. */
function activeVillageMemberShares(m: RunMeasures, month: number): number[] {
  return regionScopes(m)
    .filter((r) => indicatorAt(m, 'cooperatives_active', month, r) > 0)
    .map((r) => indicatorAt(m, 'member_share', month, r));
}

function memberShareMedianFact(month: number): StylizedFact {
  const b = band(0.2, 0.6, fixed(2));
  return {
    id: `member-share-m${month}`,
    description: `Take-up is partial: the median member share of villages with an active cooperative at month ${month} is between 0.2 and 0.6`,
    measured: `\`member_share\` of each village of \`${ROADMAP}\` whose cooperative is active (\`cooperatives_active\` > 0) at month ${month}; median over villages, per seed`,
    band: b,
    source: 'issue 12 target, from cooperative membership studies (partial, heterogeneous take-up)',
    arms: [ROADMAP],
    format: fixed(2),
    measure: (measures) => {
      const runs = runsOf(measures, ROADMAP);
      const perSeed = runs.map((m) => {
        const xs = activeVillageMemberShares(m, month);
        return xs.length > 0 ? median(xs) : Number.NaN;
      });
      return verdictOf(perSeed, b);
    },
  };
}

/** Unpaid at maturity over principal, pooled over a run's matured programme loans (NaN if none matured). */
function arrearsAtMaturity(m: RunMeasures): number {
  let principal = 0;
  let unpaid = 0;
  for (const l of m.maturedLoans) {
    principal += l.principal;
    unpaid += l.unpaid;
  }
  return principal > 0 ? unpaid / principal : Number.NaN;
}

/** Unpaid programme-loan amounts at maturity per cooperative that ever existed in the run, rupiah. */
function arrearsPerCooperative(m: RunMeasures): number {
  const unpaid = m.maturedLoans.reduce((a, l) => a + l.unpaid, 0);
  return m.cooperativesAtEnd > 0 ? unpaid / m.cooperativesAtEnd : 0;
}

/** Share of cooperative-months dormant. */
function dormantShare(m: RunMeasures): number {
  return m.coopMonths > 0 ? m.dormantMonths / m.coopMonths : Number.NaN;
}

function stageMonths(m: RunMeasures, stage: number): number[] {
  return m.stageTimeline.map((t) => t.stages[stage - 1]).filter((x): x is number => x !== null);
}

function distinctFact(
  id: string,
  description: string,
  measured: string,
  values: (m: RunMeasures) => number[],
): StylizedFact {
  const b: StylizedFact['band'] = { low: 2, high: Number.POSITIVE_INFINITY, text: '>= 2 distinct' };
  return {
    id,
    description,
    measured,
    band: b,
    source: 'issue 12, item 5: no gate may be a timer',
    arms: [ROADMAP],
    format: count,
    measure: (measures) => {
      const all = runsOf(measures, ROADMAP).flatMap(values);
      if (all.length === 0) return notMeasured('no village-run reached the stages');
      const distinct = new Set(all).size;
      return {
        kind: 'measured',
        value: distinct,
        low: Math.min(...all),
        high: Math.max(...all),
        pass: distinct >= b.low,
        detail: `${distinct} distinct values among ${all.length} village-runs; [range] is the range of the values`,
      };
    },
  };
}

const BPS = 'BPS (Badan Pusat Statistik)';
/** The impact literature, short; docs/validation.md gives the full references. */
const IMPACT =
  'Ahmed & Mesfin 2017 (coop members +few% to ~20%); McKenzie 2021 (training +5-10%); Bernard, Taffesse & Gabre-Madhin 2008 (price premium 5-10%)';

function scaleFact(outcome: string, index: number, format: (x: number) => string): StylizedFact {
  return {
    id: `scale-${outcome.replace(/ /g, '-').replace(/_/g, '-')}`,
    description: `Scale invariance: ${outcome} at month ${SCALE_MONTH} of one region of 25,000 households (per-cooperative amounts scaled as the national scenario scales them) agrees with 50 villages of 500`,
    measured: `\`${SCALE_REGION_ARM}\` against \`${SCALE_VILLAGES_ARM}\` (seed roadmap, ${SCALE_MONTH} months, same seeds); value = region mean, [range] over seeds; stage months are the region's, against the median over the 50 villages`,
    band: { low: Number.NaN, high: Number.NaN, text: '95% CIs overlap' },
    source: 'issue 12, item 7: grouping households differently must not change per-household outcomes',
    arms: [SCALE_REGION_ARM, SCALE_VILLAGES_ARM],
    format,
    measure: (measures) => {
      const c = compareScale(runsOf(measures, SCALE_REGION_ARM), runsOf(measures, SCALE_VILLAGES_ARM))[index];
      if (!c) return notMeasured('no comparison');
      const r = c.regionStats;
      const v = c.villageStats;
      const ci = (s: typeof r): string =>
        s.n >= 2
          ? `${format(s.mean)} [CI ${format(s.ciLow)} to ${format(s.ciHigh)}]`
          : s.n === 1
            ? format(s.mean)
            : 'not reached';
      const finite = c.region.filter(Number.isFinite);
      return {
        kind: 'measured',
        value: r.mean,
        low: finite.length > 0 ? Math.min(...finite) : Number.NaN,
        high: finite.length > 0 ? Math.max(...finite) : Number.NaN,
        pass: c.agree,
        detail: `region ${ci(r)} vs 50 villages ${ci(v)}: ${c.reason}`,
      };
    },
  };
}

/** The stylized facts, in the order the table prints them. */
export const STYLIZED_FACTS: readonly StylizedFact[] = [
  indicatorFact(
    'baseline-gini',
    'gini',
    STATUS_QUO,
    BASELINE_MONTH,
    'Without cooperatives the district has rural Indonesia’s consumption inequality',
    [0.28, 0.33],
    fixed(3),
    `${BPS}: rural Gini ratio 0.306, March 2024`,
  ),
  indicatorFact(
    'baseline-p0',
    'p0',
    STATUS_QUO,
    BASELINE_MONTH,
    'Without cooperatives the rural poverty headcount P0 is about 11%',
    [0.09, 0.14],
    pct(1),
    `${BPS}: rural P0 11.79% (March 2024), 11.03% (March 2025)`,
  ),
  indicatorFact(
    'baseline-p1',
    'p1',
    STATUS_QUO,
    BASELINE_MONTH,
    'Without cooperatives the rural poverty gap P1 is about 0.019',
    [0.0145, 0.024],
    fixed(4),
    `${BPS}: rural P1 1.918 (i.e. 0.01918), September 2024`,
  ),
  indicatorFact(
    'baseline-p2',
    'p2',
    STATUS_QUO,
    BASELINE_MONTH,
    'Without cooperatives the rural poverty severity P2 is about 0.003',
    [0.0022, 0.0045],
    fixed(4),
    `${BPS}: rural P2 about 0.32 (i.e. 0.0032), September 2024`,
  ),
  indicatorFact(
    'baseline-food-share',
    'food_share',
    STATUS_QUO,
    BASELINE_MONTH,
    'Without cooperatives food is about half of rural spending',
    [0.45, 0.55],
    pct(1),
    `${BPS}: food about 50% of rural spending per capita, March 2024`,
  ),
  {
    id: 'no-drift-consumption',
    description:
      'Without cooperatives nothing drifts: mean real consumption per capita at month 240 is within 2% of month 12',
    measured: `\`consumption_pc_mean\` of \`${STATUS_QUO}\`, month 240 over month 12 minus 1, per seed`,
    band: band(-0.02, 0.02, pct(1)),
    source: 'model property: the status quo is a stationary baseline (no growth is modelled)',
    arms: [STATUS_QUO],
    format: pct(1),
    measure: (measures) =>
      verdictOf(
        runsOf(measures, STATUS_QUO).map(
          (m) =>
            indicatorAt(m, 'consumption_pc_mean', MAIN_MONTHS) / indicatorAt(m, 'consumption_pc_mean', BASELINE_MONTH) -
            1,
        ),
        band(-0.02, 0.02, pct(1)),
      ),
  },
  {
    id: 'no-drift-p0',
    description: 'Without cooperatives nothing drifts: P0 at month 240 is within 1 point of month 12',
    measured: `\`p0\` of \`${STATUS_QUO}\`, month 240 minus month 12, per seed`,
    band: band(-0.01, 0.01, points),
    source: 'model property: the status quo is a stationary baseline (no growth is modelled)',
    arms: [STATUS_QUO],
    format: points,
    measure: (measures) =>
      verdictOf(
        runsOf(measures, STATUS_QUO).map(
          (m) => indicatorAt(m, 'p0', MAIN_MONTHS) - indicatorAt(m, 'p0', BASELINE_MONTH),
        ),
        band(-0.01, 0.01, points),
      ),
  },
  {
    id: 'roadmap-consumption-gain',
    description:
      'The seed roadmap’s 20-year gain in mean real consumption per capita over the status quo is positive and at most about 15%',
    measured: `\`consumption_pc_mean\` at month ${MAIN_MONTHS}, \`${ROADMAP}\` over \`${STATUS_QUO}\` minus 1, paired by seed`,
    band: band(0, 0.15, pct(1)),
    source: IMPACT,
    arms: [ROADMAP, STATUS_QUO],
    format: pct(1),
    measure: (measures) =>
      verdictOf(
        paired(
          measures,
          ROADMAP,
          STATUS_QUO,
          (a, b) =>
            indicatorAt(a, 'consumption_pc_mean', MAIN_MONTHS) / indicatorAt(b, 'consumption_pc_mean', MAIN_MONTHS) - 1,
        ),
        band(0, 0.15, pct(1)),
      ),
  },
  {
    id: 'roadmap-p0-fall',
    description: 'The seed roadmap lowers P0 by a few points in 20 years',
    measured: `\`p0\` at month ${MAIN_MONTHS}, \`${STATUS_QUO}\` minus \`${ROADMAP}\`, paired by seed`,
    band: band(0, 0.05, points),
    source: IMPACT,
    arms: [ROADMAP, STATUS_QUO],
    format: points,
    measure: (measures) =>
      verdictOf(
        paired(
          measures,
          STATUS_QUO,
          ROADMAP,
          (a, b) => indicatorAt(a, 'p0', MAIN_MONTHS) - indicatorAt(b, 'p0', MAIN_MONTHS),
        ),
        band(0, 0.05, points),
      ),
  },
  memberShareMedianFact(120),
  memberShareMedianFact(240),
  {
    id: 'member-share-spread',
    description: 'Villages differ visibly in take-up',
    measured: `sd of \`member_share\` over the villages of \`${ROADMAP}\` with an active cooperative at month ${MAIN_MONTHS}, per seed (between villages, not between seeds); the median over seeds (the typical run) must reach the band`,
    band: band(0.05, 1, fixed(3)),
    source: 'issue 12, item 4 ("villages differ visibly"); threshold chosen for this table',
    arms: [ROADMAP],
    format: fixed(3),
    measure: (measures) => {
      const sds = runsOf(measures, ROADMAP).map((m) => {
        const xs = activeVillageMemberShares(m, MAIN_MONTHS);
        return xs.length >= 2 ? sampleStandardDeviation(xs) : Number.NaN;
      });
      const v = verdictOf(sds, band(0.05, 1, fixed(3)));
      const finite = sds.filter(Number.isFinite);
      if (v.kind === 'not-measured') return v;
      const typical = median(finite);
      return {
        ...v,
        value: typical,
        pass: typical >= 0.05,
        detail: `median over seeds; per seed ${finite.map(fixed(3)).join(', ')}`,
      };
    },
  },
  {
    id: 'poorest-under-represented',
    description: 'The poorest are under-represented among members',
    measured: `member share of the bottom consumption quintile at month 0 over that of the top quintile, \`${ROADMAP}\` at month ${MAIN_MONTHS} (quintiles of households by real consumption per capita at month 0, read from the world); passes when below 1 in every seed`,
    band: { low: 0, high: 1, text: '< 1 in every seed' },
    source: 'Bernard & Spielman 2009, Food Policy 34(1): the poorest participate less in producer organisations',
    arms: [ROADMAP],
    format: fixed(2),
    measure: (measures) => {
      const ratios = runsOf(measures, ROADMAP).map((m) => {
        const q = m.quintileMemberShare[MAIN_MONTHS];
        return q && q[4] > 0 ? q[0] / q[4] : Number.NaN;
      });
      const v = verdictOf(ratios, band(0, 1, fixed(2)));
      return v.kind === 'measured' ? { ...v, pass: ratios.every((r) => r < 1) } : v;
    },
  },
  {
    id: 'top-down-dormancy',
    description: 'Top-down founding leaves more cooperatives dormant than bottom-up',
    measured: `share of cooperative-months (months 1..${MAIN_MONTHS}) in which the cooperative is not active, \`${TOP_DOWN}\` minus \`${ROADMAP}\` (bottom-up), paired by seed`,
    band: { low: Number.MIN_VALUE, high: 1, text: '> 0' },
    source:
      'KUD history: government-founded village cooperatives often dormant within a decade (docs/ODD.md, section 1)',
    arms: [TOP_DOWN, ROADMAP],
    format: points,
    measure: (measures) => {
      const diff = paired(measures, TOP_DOWN, ROADMAP, (a, b) => dormantShare(a) - dormantShare(b));
      const td = meanOf(runsOf(measures, TOP_DOWN).map(dormantShare));
      const bu = meanOf(runsOf(measures, ROADMAP).map(dormantShare));
      return verdictOf(
        diff,
        { low: Number.MIN_VALUE, high: 1, text: '> 0' },
        `top-down ${pct(1)(td)} vs bottom-up ${pct(1)(bu)} of cooperative-months dormant`,
      );
    },
  },
  {
    id: 'top-down-arrears',
    description: 'Top-down founding leaves more programme-loan arrears than bottom-up',
    measured: `programme-loan principal plus arrears unpaid at each loan's maturity, summed, per cooperative, \`${TOP_DOWN}\` minus \`${ROADMAP}\`, paired by seed (millions of rupiah)`,
    band: { low: Number.MIN_VALUE, high: Number.POSITIVE_INFINITY, text: '> 0' },
    source:
      'KUT (Kredit Usaha Tani) 1985-1991: about 29% in arrears under top-down KUD lending (docs/ODD.md, section 1)',
    arms: [TOP_DOWN, ROADMAP],
    format: (x) => `Rp${(x / 1e6).toFixed(0)}M`,
    measure: (measures) => {
      const diff = paired(measures, TOP_DOWN, ROADMAP, (a, b) => arrearsPerCooperative(a) - arrearsPerCooperative(b));
      const loans = (label: string): number => runsOf(measures, label).reduce((a, m) => a + m.loansGranted, 0);
      return verdictOf(
        diff,
        { low: Number.MIN_VALUE, high: Number.POSITIVE_INFINITY, text: '> 0' },
        `programme loans granted over all seeds: top-down ${loans(TOP_DOWN)}, bottom-up ${loans(ROADMAP)}`,
      );
    },
  },
  {
    id: 'rat-held',
    description: 'About half of cooperatives hold their annual member meeting (RAT)',
    measured: `RATs held over RATs held or skipped (events \`rat-held\`, \`rat-skipped\`) in \`${ROADMAP}\` over ${MAIN_MONTHS} months, per seed`,
    band: band(0.42, 0.62, pct(0)),
    source: 'Ministry of Cooperatives and SMEs: about 52% of cooperatives held an RAT, 2017 (docs/ODD.md, section 1)',
    arms: [ROADMAP],
    format: pct(1),
    measure: (measures) =>
      verdictOf(
        runsOf(measures, ROADMAP).map((m) => {
          const held = m.eventCounts['rat-held'] ?? 0;
          const skipped = m.eventCounts['rat-skipped'] ?? 0;
          return held + skipped > 0 ? held / (held + skipped) : Number.NaN;
        }),
        band(0.42, 0.62, pct(0)),
      ),
  },
  {
    id: 'shu-share',
    description: 'SHU is about 4% of business volume',
    measured: `total SHU of all annual closes (the surplus before its split: change in reserves plus payouts to members, education and social funds, read from the world and the ledger) over \`business_volume\` summed over months 1..${MAIN_MONTHS}, \`${ROADMAP}\`, per seed`,
    band: band(0.02, 0.06, pct(0)),
    source: 'Ministry of Cooperatives and SMEs: SHU about 4% of business volume, 2020 (docs/ODD.md, section 1)',
    arms: [ROADMAP],
    format: pct(1),
    measure: (measures) => {
      const runs = runsOf(measures, ROADMAP);
      if (!hasIndicator(runs, 'business_volume')) return notMeasured('no indicator business_volume');
      const paid = hasIndicator(runs, 'shu_paid')
        ? `; paid to members only: ${pct(1)(meanOf(runs.map((m) => indicatorSum(m, 'shu_paid') / indicatorSum(m, 'business_volume'))))}`
        : '';
      return verdictOf(
        runs.map((m) => {
          const volume = indicatorSum(m, 'business_volume');
          return volume > 0 ? m.annualShu.reduce((a, c) => a + c.shu, 0) / volume : Number.NaN;
        }),
        band(0.02, 0.06, pct(0)),
        `total SHU over business volume${paid}`,
      );
    },
  },
  {
    id: 'inactive-after-10-years',
    description: 'About 30% of cooperatives are inactive 10 years after founding (top-down)',
    measured: `share of the cooperatives of \`${TOP_DOWN}\` that are not active 120 months after their founding (read from the world), per seed`,
    band: band(0.2, 0.4, pct(0)),
    source:
      'Ministry of Cooperatives and SMEs registry: about 30% of registered cooperatives inactive, 2016 (docs/ODD.md, section 1)',
    arms: [TOP_DOWN],
    format: pct(1),
    measure: (measures) =>
      verdictOf(
        runsOf(measures, TOP_DOWN).map((m) =>
          m.tenYearChecks.length > 0
            ? m.tenYearChecks.filter((c) => c.inactive).length / m.tenYearChecks.length
            : Number.NaN,
        ),
        band(0.2, 0.4, pct(0)),
      ),
  },
  {
    id: 'programme-arrears',
    description: 'Programme-loan arrears at maturity under top-down are near the KUT history',
    measured: `programme-loan principal plus arrears unpaid at each loan's maturity over the principal lent, pooled over the matured loans of a run of \`${TOP_DOWN}\`, per seed`,
    band: band(0.2, 0.4, pct(0)),
    source: 'KUT (Kredit Usaha Tani) 1985-1991: arrears about 29% (docs/ODD.md, section 1)',
    arms: [TOP_DOWN],
    format: pct(1),
    measure: (measures) => {
      const runs = runsOf(measures, TOP_DOWN);
      if (runs.every((m) => m.maturedLoans.length === 0))
        return notMeasured('no programme loan matured within the run');
      return verdictOf(runs.map(arrearsAtMaturity), band(0.2, 0.4, pct(0)));
    },
  },
  distinctFact(
    'stage2-month-varies',
    'The month stage 2 opens differs between village-runs',
    `distinct stage-2 start months over all villages and seeds of \`${ROADMAP}\``,
    (m) => stageMonths(m, 2),
  ),
  distinctFact(
    'stage-gap-varies',
    'The gap between stage 3 and stage 4 is not constant',
    `distinct (stage-4 start minus stage-3 start) over the villages and seeds of \`${ROADMAP}\` that reached both`,
    (m) =>
      m.stageTimeline
        .filter((t) => t.stages[2] !== null && t.stages[3] !== null)
        .map((t) => (t.stages[3] as number) - (t.stages[2] as number)),
  ),
  scaleFact('consumption_pc_mean', 0, (x) => `Rp${Math.round(x).toLocaleString('en-US')}`),
  scaleFact('member_share', 1, fixed(3)),
  scaleFact('p0', 2, pct(1)),
  scaleFact('stage 2 month', 3, fixed(0)),
  scaleFact('stage 3 month', 4, fixed(0)),
  scaleFact('stage 4 month', 5, fixed(0)),
  {
    id: 'finite-1200-months',
    description: 'Nothing is NaN or infinite over 1,200 months',
    measured: `every indicator in every scope at every month of \`${LONG_RUN}\` (the default scenario) run for ${LONG_MONTHS} months; value = non-finite values per run`,
    band: band(0, 0, count),
    source: 'model property: numerical soundness',
    arms: [LONG_RUN],
    format: count,
    measure: (measures) => {
      const runs = runsOf(measures, LONG_RUN);
      const bad = runs.map((m) => m.series.values.reduce((a, v) => a + (Number.isFinite(v) ? 0 : 1), 0));
      const short = runs.filter((m) => m.months < LONG_MONTHS).length;
      return verdictOf(
        bad,
        band(0, 0, count),
        short > 0 ? `${short} runs stopped before month ${LONG_MONTHS}` : undefined,
      );
    },
  },
];
