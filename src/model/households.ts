import { OCCUPATIONS, type Occupation } from './params.js';
/**
 * Households as columns of typed arrays (struct of arrays): one slot per household, no
 * object per household. Households of a region occupy one contiguous range of slots
 * (`RegionState.start .. end`), so a household's region is not stored: it is the range
 * that holds its slot.
 *
 * Money columns are Float64 so that sums reconcile exactly enough with the ledger;
 * behavioural columns are Float32, which halves their memory and is ample precision.
 */
export interface Households {
  readonly count: number;
  /** Persons in the household. */
  readonly size: Uint8Array;
  /** Index into OCCUPATIONS. */
  readonly occupation: Uint8Array;
  /** Base productivity, rupiah per person per month (lognormal). */
  readonly productivity: Float32Array;
  /** Skill, 0..1. */
  readonly skill: Float32Array;
  /** Skill the household had at the start: without practice, skill decays back toward it. */
  readonly baseSkill: Float32Array;
  /** Distance to the cooperative's office and store, km. */
  readonly distance: Float32Array;
  /** Working days one earner spent in training last month (earnings forgone this month). */
  readonly trainingDays: Float32Array;
  /** Consumption quintile at month 0 (0 poorest .. 4 richest), for gains and losses by group. */
  readonly quintile0: Uint8Array;
  /** Real consumption per capita at month 0, rupiah: the baseline of the members' gain (difference in differences). */
  readonly consumption0: Float32Array;
  /** Income at month 0, rupiah per month: the baseline of the training effect (difference in differences). */
  readonly income0: Float32Array;
  /** Cash wealth, rupiah. */
  readonly cash: Float64Array;
  /** Paid-in simpanan pokok, rupiah. */
  readonly pokok: Float64Array;
  /** Simpanan pokok still owed under instalments, rupiah. */
  readonly pokokDue: Float32Array;
  /** Accumulated simpanan wajib, rupiah. */
  readonly wajib: Float64Array;
  /** Voluntary savings (simpanan sukarela), including converted business capital, rupiah. */
  readonly sukarela: Float64Array;
  /** Debt to the cooperative, rupiah. */
  readonly debt: Float64Array;
  /** Awareness of cooperative values, 0..1. */
  readonly awareness: Float32Array;
  /** Awareness needed before joining is considered, 0..1. */
  readonly threshold: Float32Array;
  /** Trust in the cooperative, 0..1. */
  readonly trust: Float32Array;
  /** Trust below which a member exits, 0..1. */
  readonly exitTrust: Float32Array;
  /** 1 if a member of its region's cooperative. */
  readonly member: Uint8Array;
  /** This year's transactions with the cooperative (patronage), rupiah. */
  readonly patronage: Float32Array;
  /** Capital of an existing local business (traders), rupiah; 0 if none. */
  readonly businessCapital: Float64Array;
  /**
   * Index of the cooperative enterprise employing a member of the household, or -1.
   * Int16: an enterprise's index is its place in its cooperative's list. Besides the 2
   * opened at a top-down founding, enterpriseGrowth founds an enterprise only where none of
   * the same kind, tier and potential is active (13 such kinds: 4 store tiers, marketing,
   * procurement, distribution, 6 potentials), so at most 13 a month however many foundings
   * a month are allowed, and conversion makes at most one store a month: at most
   * 2 + 14 x 1,200 = 16,802 in the longest run, below {@link MAX_ENTERPRISE_ID}
   * (newEnterprise refuses more).
   */
  readonly employer: Int16Array;
  /** Income this month, rupiah. */
  readonly income: Float64Array;
  /** Expected (smoothed) income, rupiah per month. */
  readonly expectedIncome: Float32Array;
  /** Nominal consumption this month, rupiah. */
  readonly consumption: Float64Array;
  /** Real consumption per capita this month, rupiah of base-year prices per person. */
  readonly realConsumptionPc: Float32Array;
  /** Social transfers received this month, rupiah. */
  readonly transfers: Float32Array;
  /** Health expense paid this month, rupiah. */
  readonly healthExpense: Float32Array;
}

/** Largest enterprise index `Households.employer` holds. */
export const MAX_ENTERPRISE_ID = 0x7fff;

/** Allocates zeroed columns for `count` households. */
export function allocateHouseholds(count: number): Households {
  return {
    count,
    size: new Uint8Array(count),
    occupation: new Uint8Array(count),
    productivity: new Float32Array(count),
    skill: new Float32Array(count),
    baseSkill: new Float32Array(count),
    distance: new Float32Array(count),
    trainingDays: new Float32Array(count),
    quintile0: new Uint8Array(count),
    consumption0: new Float32Array(count),
    income0: new Float32Array(count),
    cash: new Float64Array(count),
    pokok: new Float64Array(count),
    pokokDue: new Float32Array(count),
    wajib: new Float64Array(count),
    sukarela: new Float64Array(count),
    debt: new Float64Array(count),
    awareness: new Float32Array(count),
    threshold: new Float32Array(count),
    trust: new Float32Array(count),
    exitTrust: new Float32Array(count),
    member: new Uint8Array(count),
    patronage: new Float32Array(count),
    businessCapital: new Float64Array(count),
    employer: new Int16Array(count).fill(-1),
    income: new Float64Array(count),
    expectedIncome: new Float32Array(count),
    consumption: new Float64Array(count),
    realConsumptionPc: new Float32Array(count),
    transfers: new Float32Array(count),
    healthExpense: new Float32Array(count),
  };
}

/** Bytes held by the household columns (for the memory benchmark). */
export function householdBytes(h: Households): number {
  let bytes = 0;
  for (const value of Object.values(h)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}

/** Occupation codes, as stored in `Households.occupation`. */
export const OCC = Object.fromEntries(OCCUPATIONS.map((o, i) => [o, i])) as Readonly<Record<Occupation, number>>;

/** True for occupations whose output is sold (through the cooperative or to middlemen). */
export function isProducer(occupation: number): boolean {
  return occupation <= OCC.artisan;
}
