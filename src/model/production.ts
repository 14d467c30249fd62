import { createRng, type Rng } from '../core/rng.js';
import { earners, returnToSkill, skillNormaliser } from './earnings.js';
import type { Enterprise } from './enterprise.js';
import { allocateHouseholds, type Households, isProducer, OCC } from './households.js';
import { OCCUPATIONS } from './params.js';
import { book } from './ledger.js';
import { shockFactor } from './shocks.js';
import { enterpriseCounts, type World } from './world.js';

/**
 * Process 4: production and income.
 *
 * Every household earns its earning potential times a lognormal income shock (mean 1).
 * Producers (farmers, fishers, artisans) sell their output. Middlemen (tengkulak) pay
 * `1 - middlemanMargin` of its value; productivity is calibrated net of that margin, so a
 * producer selling to middlemen earns exactly its earning potential. A member with an
 * active marketing arm sells it the share the arm could take last month, at the arm's
 * cost-plus price (prices.ts), when that price beats the middleman's.
 *
 * Produce traders and warung owners live off the village's trade: the share
 * `traderLocalShare` (`shopkeeperLocalShare`) of their earnings moves with the value of
 * produce still sold to middlemen (of villagers' purchases at private shops) last month,
 * relative to before the cooperative. What the cooperative takes over, they lose.
 * Laborers and the rest of traders' earnings come from the economy outside.
 *
 * A household with a cooperative job gives up one earner's share of its own work and earns
 * the wage; a household whose earner was in training last month forgoes those days.
 *
 * Skill not practised fades: each month a household loses `skillDepreciation` of its skill
 * above the level it started with (training and scholarships raise it, section 7.10).
 */
export function production(world: World, rng: Rng): void {
  const { params } = world;
  const hp = params.households;
  const mk = params.market;
  const h = world.households;
  const sd = params.shocks.incomeNoiseSd;
  const toMiddleman = 1 - mk.middlemanMargin;
  const wage = params.enterprises.wage;
  // The loop over a region's households is produceRegion, a function of its own over typed
  // arrays (see its note); the constants it needs go in `k`, its sums come back in `acc`.
  const k = new Float64Array(K_SIZE);
  k[K_SD] = sd;
  k[K_MEAN_CORRECTION] = -0.5 * sd * sd;
  k[K_TO_MIDDLEMAN] = toMiddleman;
  k[K_WAGE] = wage;
  k[K_SMOOTHING] = hp.incomeSmoothing;
  k[K_WORK_DAYS] = params.institution.workingDaysPerMonth;
  k[K_KEEP_SKILL] = 1 - hp.skillDepreciation;
  k[K_NORMALISER] = skillNormaliser(hp);
  k[K_SKILL_RETURN] = hp.skillReturn;
  k[K_CURVATURE] = hp.skillReturnCurvature;
  k[K_EARNER_SHARE] = hp.earnerShare;
  const acc = new Float64Array(ACC_SIZE);
  for (const region of world.regions) {
    const coop = region.coop;
    let marketing: Enterprise | null = null;
    if (coop && coop.active)
      for (const e of coop.enterprises) if (e.kind === 'marketing' && e.status === 'active') marketing = e;
    // Members sell to the arm only when its price beats the middleman's.
    const toCoop = marketing ? marketing.price : 0;
    k[K_TO_COOP] = toCoop;
    k[K_FILL] = marketing && toCoop > toMiddleman ? region.marketingFill : 0;
    k[K_SHOCK] = shockFactor(world, region.index);
    k[K_TRADER_FACTOR] = localBusinessFactor(hp.traderLocalShare, region.middlemenVolume, region.middlemenBaseline);
    k[K_SHOP_FACTOR] = localBusinessFactor(hp.shopkeeperLocalShare, region.retailVolume, region.retailBaseline);
    acc.fill(0);
    const jobs = enterpriseCounts(world, coop === null ? 0 : coop.enterprises.length);
    produceRegion(h, region.start, region.end, rng, k, acc, jobs);
    const own = acc[ACC_OWN];
    const middlemen = acc[ACC_MIDDLEMEN];
    const coopPurchases = acc[ACC_COOP_PURCHASES];
    const wages = acc[ACC_WAGES];
    const offered = acc[ACC_OFFERED];
    if (coop) payWages(coop.enterprises, jobs, wage);
    if (marketing) {
      marketing.workingCapital -= coopPurchases;
      marketing.costs += coopPurchases;
      marketing.goodsValue += acc[ACC_COOP_GOODS];
      marketing.demand += offered;
      // What the arm can take next month; nothing is known to be on offer before members produce.
      region.marketingFill = offered > 0 ? Math.min(1, marketing.capacity / offered) : 0;
    }
    region.memberOutputOffered = offered;
    region.middlemenVolume = acc[ACC_MIDDLEMEN_VALUE];
    const r = region.index;
    const hhCash = { region: r, account: 'householdCash' } as const;
    book(world.ledger, 'own earnings', 'outsideEconomy', hhCash, own);
    book(world.ledger, 'sales to middlemen', 'outsideEconomy', hhCash, middlemen);
    book(
      world.ledger,
      'produce bought by the cooperative',
      { region: r, account: 'enterpriseCapital' },
      hhCash,
      coopPurchases,
    );
    book(
      world.ledger,
      'wages from cooperative enterprises',
      { region: r, account: 'enterpriseCapital' },
      hhCash,
      wages,
    );
  }
}

/**
 * Each enterprise pays its workers' wages: the same subtractions and additions, one per
 * job, as when the household loop paid them one by one (nothing else touches these
 * fields in that loop), so the same numbers to the last bit.
 */
function payWages(enterprises: readonly Enterprise[], jobs: Uint32Array, wage: number): void {
  for (let j = 0; j < enterprises.length; j++) {
    const e = enterprises[j];
    for (let n = jobs[j]; n > 0; n--) {
      e.workingCapital -= wage;
      e.costs += wage;
      e.operatingCosts += wage;
    }
  }
}

/*
 * produceRegion runs once a month per region over thousands to millions of households.
 * Written inline in production, with the enterprises' objects inside the loop, its
 * branches that first run only later in a run (the first cooperative job, the first
 * marketing arm, the first training) had no type feedback when V8 optimized it: it was
 * deoptimized and recompiled six times in a fresh default run, 40 to 60 ms of compiling
 * each, while the loop ran unoptimized. So the loop is a function of its own over typed
 * arrays and numbers (jobs are counted per enterprise and paid after it, payWages), and it
 * runs once at module load on a few synthetic households that take every branch
 * (warmUpProduceRegion). Its arithmetic is exactly the loop it replaces: every sum adds
 * the same terms in the same order, and the normal draws come in the same order.
 */
const K_SD = 0;
const K_MEAN_CORRECTION = 1;
const K_TO_MIDDLEMAN = 2;
const K_WAGE = 3;
const K_SMOOTHING = 4;
const K_WORK_DAYS = 5;
const K_KEEP_SKILL = 6;
const K_NORMALISER = 7;
const K_SKILL_RETURN = 8;
const K_CURVATURE = 9;
const K_EARNER_SHARE = 10;
const K_TO_COOP = 11;
const K_FILL = 12;
const K_SHOCK = 13;
const K_TRADER_FACTOR = 14;
const K_SHOP_FACTOR = 15;
const K_SIZE = 16;
const ACC_OWN = 0;
const ACC_MIDDLEMEN = 1;
const ACC_MIDDLEMEN_VALUE = 2;
const ACC_COOP_PURCHASES = 3;
const ACC_COOP_GOODS = 4;
const ACC_OFFERED = 5;
const ACC_WAGES = 6;
const ACC_SIZE = 7;

/** The households start..end work, produce and sell; sums into `acc` (zeroed), jobs per enterprise into `jobs` (zeroed). */
function produceRegion(
  h: Households,
  start: number,
  end: number,
  rng: Rng,
  k: Float64Array,
  acc: Float64Array,
  jobs: Uint32Array,
): void {
  const {
    skill,
    baseSkill,
    productivity,
    size,
    occupation: occupationCol,
    trainingDays,
    employer,
    member,
    patronage,
    income: incomeCol,
    cash,
    expectedIncome,
  } = h;
  const sd = k[K_SD];
  const meanCorrection = k[K_MEAN_CORRECTION];
  const toMiddleman = k[K_TO_MIDDLEMAN];
  const wage = k[K_WAGE];
  const smoothing = k[K_SMOOTHING];
  const workDays = k[K_WORK_DAYS];
  const keepSkill = k[K_KEEP_SKILL];
  const normaliser = k[K_NORMALISER];
  const skillReturn = k[K_SKILL_RETURN];
  const curvature = k[K_CURVATURE];
  const earnerShare = k[K_EARNER_SHARE];
  const toCoop = k[K_TO_COOP];
  const fill = k[K_FILL];
  const shock = k[K_SHOCK];
  const traderFactor = k[K_TRADER_FACTOR];
  const shopFactor = k[K_SHOP_FACTOR];
  const trader = OCC.trader;
  const shopkeeper = OCC.shopkeeper;
  let own = 0;
  let middlemen = 0;
  let middlemenValue = 0;
  let coopPurchases = 0;
  let coopGoods = 0;
  let offered = 0;
  let wages = 0;
  for (let i = start; i < end; i++) {
    const base = baseSkill[i];
    if (skill[i] > base) skill[i] = base + keepSkill * (skill[i] - base);
    // earningPotential (earnings.ts), from the columns and numbers this loop has.
    const potential = productivity[i] * size[i] * returnToSkill(skill[i], skillReturn, curvature, normaliser);
    let earned = potential * Math.exp(sd * rng.normal() + meanCorrection);
    const occupation = occupationCol[i];
    if (occupation === trader) earned *= traderFactor;
    else if (occupation === shopkeeper) earned *= shopFactor;
    const perEarner = 1 / earners(size[i], earnerShare);
    const training = trainingDays[i];
    if (training > 0) {
      earned *= 1 - (perEarner * Math.min(training, workDays)) / workDays;
      trainingDays[i] = 0;
    }
    let income = 0;
    const job = employer[i];
    if (job >= 0) {
      earned *= 1 - perEarner;
      jobs[job]++;
      wages += wage;
      income += wage;
    }
    if (isProducer(occupation)) {
      const gross = (earned * shock) / toMiddleman;
      if (member[i]) offered += gross;
      if (fill > 0 && member[i]) {
        const sold = gross * fill;
        const paid = sold * toCoop;
        coopPurchases += paid;
        coopGoods += sold;
        patronage[i] += paid;
        const rest = gross - sold;
        middlemenValue += rest;
        middlemen += rest * toMiddleman;
        income += paid + rest * toMiddleman;
      } else {
        middlemenValue += gross;
        middlemen += gross * toMiddleman;
        income += gross * toMiddleman;
      }
    } else {
      own += earned;
      income += earned;
    }
    incomeCol[i] = income;
    cash[i] += income;
    expectedIncome[i] = smoothing * expectedIncome[i] + (1 - smoothing) * income;
  }
  acc[ACC_OWN] = own;
  acc[ACC_MIDDLEMEN] = middlemen;
  acc[ACC_MIDDLEMEN_VALUE] = middlemenValue;
  acc[ACC_COOP_PURCHASES] = coopPurchases;
  acc[ACC_COOP_GOODS] = coopGoods;
  acc[ACC_OFFERED] = offered;
  acc[ACC_WAGES] = wages;
}

/**
 * Runs produceRegion on a few synthetic households (every occupation, members and not,
 * trained, employed, skilled above their start; with and without a marketing arm and a
 * shock), with a random stream of its own, so that it has type feedback for every branch
 * before it first meets a real region. Results are discarded.
 */
function warmUpProduceRegion(): void {
  const n = 48;
  const h = allocateHouseholds(n);
  const k = new Float64Array(K_SIZE);
  const acc = new Float64Array(ACC_SIZE);
  const jobs = new Uint32Array(4);
  const rng = createRng('warm-up');
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < n; i++) {
      h.size[i] = 1 + (i % 5);
      h.occupation[i] = i % OCCUPATIONS.length;
      h.productivity[i] = 200_000.3 + 1_000.3 * i;
      h.baseSkill[i] = 0.25;
      h.skill[i] = i % 3 === 0 ? 0.5 : 0.25;
      h.trainingDays[i] = i % 4 === 1 ? 3 : 0;
      h.employer[i] = i % 6 === 2 ? i % 4 : -1;
      h.member[i] = i % 2;
      h.expectedIncome[i] = 500_000.3;
    }
    const values = [
      0.3,
      -0.045,
      0.7,
      1_500_000.3,
      0.8,
      22,
      0.98,
      1.1,
      0.5,
      0.6,
      0.5,
      0.8,
      round * 0.5,
      1 - 0.2 * round,
      0.9,
      1.1,
    ];
    values.forEach((v, j) => (k[j] = v));
    acc.fill(0);
    jobs.fill(0);
    produceRegion(h, 0, n, rng, k, acc, jobs);
  }
}

warmUpProduceRegion();

/**
 * Earnings multiplier of a local business: the local share moves with the business's
 * volume relative to its baseline, the rest does not.
 */
export function localBusinessFactor(localShare: number, volume: number, baseline: number): number {
  return baseline > 0 ? 1 - localShare + (localShare * volume) / baseline : 1;
}
