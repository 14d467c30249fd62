import { memberNeighbourShare } from './awareness.js';
import { englishInteger } from '../core/groupedInteger.js';
import type { Rng } from '../core/rng.js';
import { allocateHouseholds, type Households, isProducer } from './households.js';
import { OCCUPATIONS } from './params.js';
import { book } from './ledger.js';
import { foodShare } from './engel.js';
import type { RegionState } from './region.js';
import { earners } from './earnings.js';
import { fullUseUnitCost, marketingTargetPrice, storeTargetPrice } from './prices.js';
import { emit, enterpriseCounts, type World } from './world.js';

/**
 * Process 3: joining and exiting.
 *
 * A non-member joins when (a) its awareness reaches its threshold, (b) the benefit it
 * expects beats its own cost, and (c) it can afford the entry fee and keep a small buffer.
 * The expected benefit is the store discount on the needs the cooperative covers, the
 * better price of the marketing arm for producers, last year's SHU per member and a
 * value it puts on cooperation itself (rising with awareness). Before the cooperative has
 * a store or a marketing arm, a household expects what they would offer at full use (the
 * campaign's promise). It perceives the material part through its member neighbours and
 * its trust. Its cost is simpanan wajib, simpanan pokok spread over `benefitHorizonMonths`,
 * trips to the cooperative (its own distance) and the working time meetings take (at its
 * own earnings per earner). Benefits grow with what a household buys and produces while
 * dues and trips do not, and the entry fee needs cash: the poorest join least.
 *
 * A member exits when its trust falls below its exit threshold (members of an inactive
 * cooperative lose `dormantTrustLoss` of trust a month) or it cannot pay this month's dues
 * (wajib, and the pokok instalment if any). A member in debt repays `loanRepaymentShare` of
 * its cash above a month's income. On exit its pokok, wajib and
 * sukarela are returned, less its debt; a cooperative without the cash returns what it
 * can, and the member loses the rest.
 */
export function membership(world: World, rng: Rng): void {
  // memberRegion's buffers (see its note), made once a month and reused by every region.
  const buffers: KernelBuffers = {
    k: new Float64Array(K_SIZE),
    books: new Float64Array(ACC_SIZE),
    tally: new Int32Array(TALLY_SIZE),
  };
  for (const region of world.regions) {
    if (region.coop) regionMembership(world, region, buffers);
  }
  void rng;
}

/** memberRegion's constants (`k`), the balances it changes and its sums (`books`), and its member counts (`tally`). */
interface KernelBuffers {
  readonly k: Float64Array;
  readonly books: Float64Array;
  readonly tally: Int32Array;
}

function regionMembership(world: World, region: RegionState, { k, books, tally }: KernelBuffers): void {
  const coop = region.coop!;
  const { params } = world;
  const m = params.membership;
  const mk = params.market;
  const h = world.households;
  const { offsets } = world.network;
  const counts = world.scratch.memberNeighbours;
  const canJoin = coop.active;
  const pokokUpfront = (m.simpananPokok * (1 - m.feeSubsidy)) / m.pokokInstalments;
  const pokokSubsidy = m.simpananPokok * m.feeSubsidy;
  const fixedCost = m.simpananWajib + (m.simpananPokok * (1 - m.feeSubsidy)) / m.benefitHorizonMonths;
  const ep = params.enterprises;
  const workDays = params.institution.workingDaysPerMonth;
  const earnerShare = params.households.earnerShare;
  // What membership offers this month, from the region's enterprises: the discount times
  // the share of a tier's spending the store covers, per tier; before any store or arm, what
  // one would offer at full use.
  const offer = [0, 0, 0, 0];
  let marketingGain = 0;
  let hasEnterprise = false;
  const toMiddleman = 1 - mk.middlemanMargin;
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    if (e.tier >= 0) {
      offer[e.tier] = (1 - e.price) * region.storeFill[e.tier] * mk.coopPurchaseShare;
      hasEnterprise = true;
    }
    if (e.kind === 'marketing') {
      marketingGain = (Math.max(0, e.price - toMiddleman) / toMiddleman) * region.marketingFill;
      hasEnterprise = true;
    }
  }
  if (!hasEnterprise) {
    const discount = 1 - storeTargetPrice(fullUseUnitCost('primaryStore', ep), mk, ep);
    offer.fill(discount * mk.coopPurchaseShare);
    const price = marketingTargetPrice(fullUseUnitCost('marketing', ep), ep.initialQuality, mk);
    marketingGain = Math.max(0, price - toMiddleman) / toMiddleman;
  }
  const nonFood = mk.tierSharesNonFood;
  const offerNonFood = offer[1] * nonFood[0] + offer[2] * nonFood[1] + offer[3] * nonFood[2];
  const shuMonthly = coop.expectedShuPerMember / 12;
  // SHU is shared by transactions and savings, which grow with what a household earns: a
  // household expects last year's SHU per member scaled by its income against the region's.
  // Only needed once there is SHU to expect: skip the extra pass over the region before that.
  const incomeSum = shuMonthly !== 0 ? sumOf(h.expectedIncome, region.start, region.end) : 0;
  k[K_CAN_JOIN] = canJoin ? 1 : 0;
  k[K_POKOK_UPFRONT] = pokokUpfront;
  k[K_POKOK_SUBSIDY] = pokokSubsidy;
  k[K_FIXED_COST] = fixedCost;
  k[K_LINE] = mk.povertyLine;
  k[K_SHARE_AT_LINE] = mk.engelFoodShareAtLine;
  k[K_SLOPE] = mk.engelSlope;
  k[K_FOOD_MIN] = mk.foodShareMin;
  k[K_FOOD_MAX] = mk.foodShareMax;
  k[K_OFFER_FOOD] = offer[0];
  k[K_OFFER_NON_FOOD] = offerNonFood;
  k[K_MARKETING_GAIN] = marketingGain;
  k[K_SHU_MONTHLY] = shuMonthly;
  k[K_MEAN_INCOME] = incomeSum / Math.max(1, region.end - region.start);
  // Material benefits are perceived through trust, and more so with members among one's
  // neighbours: the weight is (1 - neighbourWeight) + neighbourWeight x their share, rounded
  // to Float32 as when the share was stored per household (the same numbers).
  k[K_OWN_WEIGHT] = 1 - m.neighbourWeight;
  k[K_NEIGHBOUR_WEIGHT] = m.neighbourWeight;
  k[K_VALUE_OF_MEMBERSHIP] = m.valueOfMembership;
  k[K_MEETING_DAYS] = m.meetingDaysPerMonth;
  k[K_EARNER_SHARE] = earnerShare;
  k[K_WORK_DAYS] = workDays;
  k[K_TRAVEL_COST] = m.travelCostPerKm;
  k[K_AFFORDABILITY] = m.affordabilityBufferMonths;
  k[K_POKOK] = m.simpananPokok;
  k[K_DORMANT_TRUST_LOSS] = m.dormantTrustLoss;
  k[K_WAJIB] = m.simpananWajib;
  k[K_LOAN_RATE] = m.loanRate;
  k[K_REPAYMENT_SHARE] = m.loanRepaymentShare;
  books.fill(0);
  books[ACC_CASH] = coop.cash;
  books[ACC_SAVINGS_OWED] = coop.savingsOwed;
  books[ACC_MEMBER_LOANS] = coop.memberLoans;
  books[ACC_OTHER_INCOME] = coop.yearOtherIncome;
  books[ACC_UNPAID] = coop.yearUnpaid;
  books[ACC_SAVINGS_LOST] = region.flows.savingsLost;
  const leavers = enterpriseCounts(world, coop.enterprises.length);
  memberRegion(h, region.start, region.end, offsets, counts, k, books, tally, leavers);
  coop.cash = books[ACC_CASH];
  coop.savingsOwed = books[ACC_SAVINGS_OWED];
  coop.memberLoans = books[ACC_MEMBER_LOANS];
  coop.yearOtherIncome = books[ACC_OTHER_INCOME];
  coop.yearUnpaid = books[ACC_UNPAID];
  region.flows.savingsLost = books[ACC_SAVINGS_LOST];
  coop.memberCount += tally[TALLY_JOINED] - tally[TALLY_LEFT];
  leaveJobs(coop.enterprises, leavers);
  const joinedPaid = books[ACC_JOINED_PAID];
  const subsidy = books[ACC_SUBSIDY];
  const dues = books[ACC_DUES];
  const repaid = books[ACC_REPAID];
  const refunds = books[ACC_REFUNDS];
  const r = region.index;
  if (region.flows.savingsLost > 0)
    emit(
      world,
      r,
      'savings-lost',
      `${region.name}: members who left lost Rp${englishInteger(Math.round(region.flows.savingsLost))} of savings the cooperative could not pay back`,
    );
  coop.savingsOwed += joinedPaid + subsidy + dues;
  coop.cash += joinedPaid + subsidy + dues + repaid;
  book(
    world.ledger,
    'simpanan pokok',
    { region: r, account: 'householdCash' },
    { region: r, account: 'coopCash' },
    joinedPaid,
  );
  book(world.ledger, 'simpanan pokok subsidy', 'government', { region: r, account: 'coopCash' }, subsidy);
  book(
    world.ledger,
    'simpanan wajib and instalments',
    { region: r, account: 'householdCash' },
    { region: r, account: 'coopCash' },
    dues,
  );
  book(
    world.ledger,
    'member loan repayments',
    { region: r, account: 'householdCash' },
    { region: r, account: 'coopCash' },
    repaid,
  );
  book(
    world.ledger,
    'savings refunded on exit',
    { region: r, account: 'coopCash' },
    { region: r, account: 'householdCash' },
    refunds,
  );
}

/** Sum of `values[start..end)`, in order. */
function sumOf(values: Float32Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i];
  return sum;
}

/** Each enterprise loses the workers whose households left the cooperative (never below none). */
function leaveJobs(enterprises: readonly { workers: number }[], leavers: Uint32Array): void {
  for (let j = 0; j < enterprises.length; j++) {
    const e = enterprises[j];
    for (let n = leavers[j]; n > 0; n--) e.workers = Math.max(0, e.workers - 1);
  }
}

/*
 * memberRegion runs once a month per region over every household. Written inline in
 * regionMembership, with the cooperative's object inside the loop, its branches that
 * first run only later (the first loan, the first exit, a dormant cooperative) had no
 * type feedback when V8 optimized it, and each first meeting deoptimized it for a
 * recompile of some 50 ms in a fresh run. So the loop is a function of its own over typed
 * arrays and numbers: the cooperative's balances it changes come in and go back in
 * `books` (in the same order of operations, so the same numbers), its member count's
 * changes in `tally`, and the workers who leave per enterprise in `leavers` (leaveJobs
 * applies them). It runs once at module load on synthetic households that take every
 * branch (warmUpMemberRegion).
 */
const K_CAN_JOIN = 0;
const K_POKOK_UPFRONT = 1;
const K_POKOK_SUBSIDY = 2;
const K_FIXED_COST = 3;
const K_LINE = 4;
const K_SHARE_AT_LINE = 5;
const K_SLOPE = 6;
const K_FOOD_MIN = 7;
const K_FOOD_MAX = 8;
const K_OFFER_FOOD = 9;
const K_OFFER_NON_FOOD = 10;
const K_MARKETING_GAIN = 11;
const K_SHU_MONTHLY = 12;
const K_MEAN_INCOME = 13;
const K_OWN_WEIGHT = 14;
const K_NEIGHBOUR_WEIGHT = 15;
const K_VALUE_OF_MEMBERSHIP = 16;
const K_MEETING_DAYS = 17;
const K_EARNER_SHARE = 18;
const K_WORK_DAYS = 19;
const K_TRAVEL_COST = 20;
const K_AFFORDABILITY = 21;
const K_POKOK = 22;
const K_DORMANT_TRUST_LOSS = 23;
const K_WAJIB = 24;
const K_LOAN_RATE = 25;
const K_REPAYMENT_SHARE = 26;
const K_SIZE = 27;
/** The cooperative's and region's balances the loop changes (in and out), then its sums (out). */
const ACC_CASH = 0;
const ACC_SAVINGS_OWED = 1;
const ACC_MEMBER_LOANS = 2;
const ACC_OTHER_INCOME = 3;
const ACC_UNPAID = 4;
const ACC_SAVINGS_LOST = 5;
const ACC_JOINED_PAID = 6;
const ACC_SUBSIDY = 7;
const ACC_DUES = 8;
const ACC_REPAID = 9;
const ACC_REFUNDS = 10;
const ACC_SIZE = 11;
const TALLY_JOINED = 0;
const TALLY_LEFT = 1;
const TALLY_SIZE = 2;

/** The households start..end join, pay their dues and loans, or leave (see membership). */
function memberRegion(
  h: Households,
  start: number,
  end: number,
  offsets: Int32Array,
  counts: Uint16Array,
  k: Float64Array,
  books: Float64Array,
  tally: Int32Array,
  leavers: Uint32Array,
): void {
  const canJoin = k[K_CAN_JOIN] === 1;
  const pokokUpfront = k[K_POKOK_UPFRONT];
  const pokokSubsidy = k[K_POKOK_SUBSIDY];
  const fixedCost = k[K_FIXED_COST];
  const line = k[K_LINE];
  const shareAtLine = k[K_SHARE_AT_LINE];
  const slope = k[K_SLOPE];
  const foodMin = k[K_FOOD_MIN];
  const foodMax = k[K_FOOD_MAX];
  const offerFood = k[K_OFFER_FOOD];
  const offerNonFood = k[K_OFFER_NON_FOOD];
  const marketingGain = k[K_MARKETING_GAIN];
  const shuMonthly = k[K_SHU_MONTHLY];
  const meanIncome = k[K_MEAN_INCOME];
  const ownWeight = k[K_OWN_WEIGHT];
  const neighbourWeight = k[K_NEIGHBOUR_WEIGHT];
  const valueOfMembership = k[K_VALUE_OF_MEMBERSHIP];
  const meetingDays = k[K_MEETING_DAYS];
  const earnerShare = k[K_EARNER_SHARE];
  const workDays = k[K_WORK_DAYS];
  const travelCost = k[K_TRAVEL_COST];
  const affordability = k[K_AFFORDABILITY];
  const simpananPokok = k[K_POKOK];
  const dormantTrustLoss = k[K_DORMANT_TRUST_LOSS];
  const simpananWajib = k[K_WAJIB];
  const loanRate = k[K_LOAN_RATE];
  const repaymentShare = k[K_REPAYMENT_SHARE];
  const { expectedIncome, member, awareness, threshold, size, occupation, trust, distance, cash, pokok, pokokDue } = h;
  const { wajib, exitTrust, debt } = h;
  let joinedPaid = 0;
  let subsidy = 0;
  let dues = 0;
  let repaid = 0;
  let refunds = 0;
  let joined = 0;
  let left = 0;
  for (let i = start; i < end; i++) {
    const income = expectedIncome[i];
    if (!member[i]) {
      if (!canJoin || awareness[i] < threshold[i]) continue;
      const f = foodShare(income / size[i], line, shareAtLine, slope, foodMin, foodMax);
      const storeGain = income * (f * offerFood + (1 - f) * offerNonFood);
      const produce = isProducer(occupation[i]) ? marketingGain * income : 0;
      const shu = meanIncome > 0 ? (shuMonthly * income) / meanIncome : 0;
      const material =
        (storeGain + produce + shu) *
        trust[i] *
        (ownWeight + neighbourWeight * Math.fround(memberNeighbourShare(offsets, counts, i)));
      const benefit = material + awareness[i] * valueOfMembership;
      const time = (meetingDays * income) / (earners(size[i], earnerShare) * workDays);
      const cost = fixedCost + distance[i] * travelCost + time;
      if (benefit < cost) continue;
      if (cash[i] < pokokUpfront + affordability * income) continue;
      member[i] = 1;
      cash[i] -= pokokUpfront;
      pokok[i] = pokokUpfront + pokokSubsidy;
      pokokDue[i] = simpananPokok - pokok[i];
      joinedPaid += pokokUpfront;
      subsidy += pokokSubsidy;
      joined++;
      continue;
    }
    // A member: pays its dues, services its loan, or leaves. Members of a dormant
    // cooperative lose trust month by month until they leave.
    if (!canJoin) {
      // A dormant cooperative collects nothing; its members only drift away.
      trust[i] = Math.max(0, trust[i] - dormantTrustLoss);
      if (trust[i] < exitTrust[i]) {
        refunds += leave(h, i, books, leavers);
        left++;
      }
      continue;
    }
    let due = simpananWajib;
    const instalment = Math.min(pokokDue[i], pokokUpfront);
    due += instalment;
    if (trust[i] < exitTrust[i] || cash[i] < due) {
      refunds += leave(h, i, books, leavers);
      left++;
      continue;
    }
    cash[i] -= due;
    wajib[i] += simpananWajib;
    pokok[i] += instalment;
    pokokDue[i] -= instalment;
    dues += due;
    if (debt[i] > 0) {
      const interest = debt[i] * loanRate;
      debt[i] += interest;
      books[ACC_MEMBER_LOANS] += interest;
      books[ACC_OTHER_INCOME] += interest;
      const spare = cash[i] - income;
      if (spare > 0) {
        const pay = Math.min(debt[i], Math.max(spare * repaymentShare, 0));
        cash[i] -= pay;
        debt[i] -= pay;
        books[ACC_MEMBER_LOANS] -= pay;
        repaid += pay;
      }
    }
  }
  books[ACC_JOINED_PAID] = joinedPaid;
  books[ACC_SUBSIDY] = subsidy;
  books[ACC_DUES] = dues;
  books[ACC_REPAID] = repaid;
  books[ACC_REFUNDS] = refunds;
  tally[TALLY_JOINED] = joined;
  tally[TALLY_LEFT] = left;
}

/**
 * Takes household i out of its cooperative: nets its debt against its savings and pays
 * out the rest as far as the cooperative's cash (`books[ACC_CASH]`) allows. Returns the cash
 * paid, which the caller books; a worker's job is counted in `leavers` and freed after the
 * loop.
 */
function leave(h: Households, i: number, books: Float64Array, leavers: Uint32Array): number {
  const savings = h.pokok[i] + h.wajib[i] + h.sukarela[i];
  const owed = savings - h.debt[i];
  books[ACC_SAVINGS_OWED] -= savings;
  books[ACC_MEMBER_LOANS] -= h.debt[i];
  if (owed < 0) books[ACC_OTHER_INCOME] += owed; // unrecovered loan: a bad debt
  const paid = owed > 0 ? Math.min(owed, Math.max(0, books[ACC_CASH])) : 0;
  if (paid < owed) {
    // The cooperative cannot pay the member back in full: the member loses the rest.
    books[ACC_UNPAID] += owed - paid;
    books[ACC_SAVINGS_LOST] += owed - paid;
  }
  books[ACC_CASH] -= paid;
  h.cash[i] += paid;
  h.pokok[i] = 0;
  h.wajib[i] = 0;
  h.sukarela[i] = 0;
  h.debt[i] = 0;
  h.pokokDue[i] = 0;
  h.member[i] = 0;
  h.patronage[i] = 0;
  const job = h.employer[i];
  if (job >= 0) {
    if (job < leavers.length) leavers[job]++;
    h.employer[i] = -1;
  }
  return paid;
}

/**
 * Runs memberRegion on a few synthetic households (joining and not, paying, borrowing and
 * repaying, leaving with and without a job, a dormant cooperative), so that it has type
 * feedback for every branch before it first meets a real region. Results are discarded.
 */
function warmUpMemberRegion(): void {
  const n = 48;
  const h = allocateHouseholds(n);
  const offsets = Int32Array.from({ length: n + 1 }, (_, i) => 2 * i);
  const counts = Uint16Array.from({ length: n }, (_, i) => i % 3);
  const k = new Float64Array(K_SIZE);
  const books = new Float64Array(ACC_SIZE);
  const tally = new Int32Array(TALLY_SIZE);
  const leavers = new Uint32Array(4);
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < n; i++) {
      h.size[i] = 1 + (i % 5);
      h.occupation[i] = i % OCCUPATIONS.length;
      h.member[i] = i % 2;
      h.expectedIncome[i] = 400_000.3 + 10_000.3 * i;
      h.awareness[i] = (i % 4) / 4;
      h.threshold[i] = 0.3;
      h.trust[i] = i % 5 === 0 ? 0.1 : 0.8;
      h.exitTrust[i] = 0.2;
      h.distance[i] = 1.3;
      h.cash[i] = i % 7 === 0 ? 10.3 : 5_000_000.3;
      h.pokok[i] = 50_000.3;
      h.pokokDue[i] = i % 3 === 0 ? 10_000.3 : 0;
      h.wajib[i] = 20_000.3;
      h.debt[i] = i % 4 === 1 ? 100_000.3 : 0;
      h.employer[i] = i % 6 === 4 ? i % 4 : -1;
    }
    const values = [
      round === 2 ? 0 : 1,
      25_000.3,
      0.3,
      30_000.3,
      580_000.3,
      0.6,
      0.1,
      0.25,
      0.8,
      0.05,
      0.04,
      0.1,
      round === 1 ? 1_000.3 : 0,
      900_000.3,
      0.3,
      0.3,
      50_000.3,
      1,
      0.3,
      22,
      1_000.3,
      1,
      100_000.3,
      0.05,
      10_000.3,
      0.01,
      0.3,
    ];
    values.forEach((v, j) => (k[j] = v));
    books.fill(0);
    books[ACC_CASH] = round === 1 ? 0 : 10_000_000.3;
    leavers.fill(0);
    memberRegion(h, 0, n, offsets, counts, k, books, tally, leavers);
  }
}

warmUpMemberRegion();
