import type { IndicatorSeries } from '../../indicators/series.js';
import type { World } from '../../model/world.js';
import type { ProbeSession, RunProbe } from '../runProbe.js';
import type { StageTimeline } from '../runResult.js';

/** Months at which the probe records member shares by consumption quintile. */
export const QUINTILE_MONTHS = [60, 120, 240] as const;

/** Years after founding at which a cooperative's activity is checked (the registry figure). */
export const INACTIVE_AFTER_MONTHS = 120;

/** A programme loan that reached its maturity within the run. */
export interface MaturedLoan {
  readonly region: number;
  /** Principal as first seen, at the end of the month it was granted, rupiah. */
  readonly principal: number;
  /** Principal still outstanding plus arrears at the end of the maturity month, rupiah. */
  readonly unpaid: number;
}

/**
 * What validation needs of one run, measured in the run's own thread: its indicator
 * series (every scope), stage timeline and event counts, plus what the indicators do not
 * publish, read from the world as it goes.
 */
export interface RunMeasures {
  readonly seed: number;
  readonly months: number;
  readonly households: number;
  readonly series: IndicatorSeries;
  readonly stageTimeline: readonly StageTimeline[];
  /** Events of the whole run by kind (kinds that never happened are absent). */
  readonly eventCounts: Readonly<Record<string, number>>;
  /**
   * Member share of each consumption quintile at month 0 (index 0 the poorest fifth of
   * households by real consumption per capita), at each of {@link QUINTILE_MONTHS} reached.
   */
  readonly quintileMemberShare: Readonly<Record<number, readonly number[]>>;
  /** Region-months with a founded cooperative, and those of them in which it was not active. */
  readonly coopMonths: number;
  readonly dormantMonths: number;
  /** Cooperatives at the end of the run, and those of them not active. */
  readonly cooperativesAtEnd: number;
  readonly dormantAtEnd: number;
  /** Cooperatives old enough for the check, and whether each was inactive {@link INACTIVE_AFTER_MONTHS} after founding. */
  readonly tenYearChecks: readonly { readonly region: number; readonly founded: number; readonly inactive: boolean }[];
  /**
   * Total SHU of each annual close (months 12, 24, ...) over all cooperatives, rupiah: the
   * year's surplus before its split, that is the change in reserves over the close month
   * plus what the close paid out (to members, the education fund and the social fund;
   * ledger flows of that month). Reserves change only at the annual close, so this is
   * exact; a loss is negative.
   */
  readonly annualShu: readonly { readonly month: number; readonly shu: number }[];
  /** Programme loans granted (first seen) during the run. */
  readonly loansGranted: number;
  readonly maturedLoans: readonly MaturedLoan[];
}

/** Quintile (0..4) of each household by real consumption per capita; equal-count groups. */
function consumptionQuintiles(world: World): Uint8Array {
  const h = world.households;
  const order = Array.from({ length: h.count }, (_, i) => i);
  order.sort((a, b) => h.realConsumptionPc[a] - h.realConsumptionPc[b] || a - b);
  const q = new Uint8Array(h.count);
  order.forEach((i, rank) => {
    q[i] = Math.min(4, Math.floor((rank * 5) / h.count));
  });
  return q;
}

function memberShareByQuintile(world: World, quintile: Uint8Array): number[] {
  const members = [0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0];
  const h = world.households;
  for (let i = 0; i < h.count; i++) {
    counts[quintile[i]]++;
    members[quintile[i]] += h.member[i];
  }
  return members.map((m, k) => (counts[k] > 0 ? m / counts[k] : Number.NaN));
}

/**
 * The validation probe: loaded by the worker pool from this module's URL (runProbe.ts).
 * It only reads the world.
 */
export const probe: RunProbe = (sim): ProbeSession => {
  const world = sim.world;
  const quintile = consumptionQuintiles(world);
  const quintileMemberShare: Record<number, number[]> = {};
  const eventCounts: Record<string, number> = {};
  const count = (kind: string): void => {
    eventCounts[kind] = (eventCounts[kind] ?? 0) + 1;
  };
  for (const e of world.events) count(e.kind);
  const loanPrincipal = new Map<string, number>();
  const defaultedBefore = new Map<number, number>();
  const maturedLoans: MaturedLoan[] = [];
  const tenYearChecks: { region: number; founded: number; inactive: boolean }[] = [];
  let coopMonths = 0;
  let dormantMonths = 0;
  const annualShu: { month: number; shu: number }[] = [];
  const reserves = (): number => world.regions.reduce((a, r) => a + (r.coop?.reserves ?? 0), 0);
  let reservesBefore = reserves();
  return {
    afterMonth(): void {
      const month = world.month;
      const reservesNow = reserves();
      if (month % 12 === 0) {
        const flow = (name: string): number => world.ledger.flows.get(name) ?? 0;
        const shu =
          reservesNow -
          reservesBefore +
          flow('SHU paid to members') +
          flow('SHU to education fund') +
          flow('SHU to social fund');
        annualShu.push({ month, shu });
      }
      reservesBefore = reservesNow;
      for (const e of world.events) count(e.kind);
      if ((QUINTILE_MONTHS as readonly number[]).includes(month))
        quintileMemberShare[month] = memberShareByQuintile(world, quintile);
      for (const region of world.regions) {
        const coop = region.coop;
        if (!coop) continue;
        coopMonths++;
        if (!coop.active) dormantMonths++;
        if (month === coop.foundedMonth + INACTIVE_AFTER_MONTHS)
          tenYearChecks.push({ region: region.index, founded: coop.foundedMonth, inactive: !coop.active });
        coop.loans.forEach((loan, k) => {
          const key = `${region.index}/${loan.startMonth}/${k}`;
          if (!loanPrincipal.has(key)) loanPrincipal.set(key, loan.amount);
          if (month === loan.startMonth + loan.termMonths) {
            // At maturity the model settles the loan and records what went unpaid.
            const before = defaultedBefore.get(region.index) ?? 0;
            maturedLoans.push({ region: region.index, principal: loan.amount, unpaid: coop.defaultedArrears - before });
            defaultedBefore.set(region.index, coop.defaultedArrears);
          }
        });
      }
    },
    finish(result): RunMeasures {
      let cooperativesAtEnd = 0;
      let dormantAtEnd = 0;
      for (const region of world.regions) {
        if (!region.coop) continue;
        cooperativesAtEnd++;
        if (!region.coop.active) dormantAtEnd++;
      }
      return {
        seed: result.seed,
        months: result.months,
        households: result.households,
        series: result.series,
        stageTimeline: result.stageTimeline,
        eventCounts,
        quintileMemberShare,
        coopMonths,
        dormantMonths,
        cooperativesAtEnd,
        dormantAtEnd,
        tenYearChecks,
        annualShu,
        loansGranted: loanPrincipal.size,
        maturedLoans,
      };
    },
  };
};
