import { memberNeighbourShare } from './awareness.js';
import { englishInteger } from '../core/groupedInteger.js';
import type { Rng } from '../core/rng.js';
import { isProducer } from './households.js';
import { book } from './ledger.js';
import { foodShare } from './engel.js';
import type { RegionState } from './region.js';
import { earners } from './earnings.js';
import { fullUseUnitCost, marketingTargetPrice, storeTargetPrice } from './prices.js';
import { emit, type World } from './world.js';

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
  for (const region of world.regions) {
    if (region.coop) regionMembership(world, region);
  }
  void rng;
}

function regionMembership(world: World, region: RegionState): void {
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
  let incomeSum = 0;
  if (shuMonthly !== 0) for (let i = region.start; i < region.end; i++) incomeSum += h.expectedIncome[i];
  const meanIncome = incomeSum / Math.max(1, region.end - region.start);
  const line = mk.povertyLine;
  // Material benefits are perceived through trust, and more so with members among one's
  // neighbours: the weight is (1 - neighbourWeight) + neighbourWeight x their share, rounded
  // to Float32 as when the share was stored per household (the same numbers).
  const ownWeight = 1 - m.neighbourWeight;

  let joinedPaid = 0;
  let subsidy = 0;
  let dues = 0;
  let repaid = 0;
  let refunds = 0;
  for (let i = region.start; i < region.end; i++) {
    const income = h.expectedIncome[i];
    if (!h.member[i]) {
      if (!canJoin || h.awareness[i] < h.threshold[i]) continue;
      const f = foodShare(
        income / h.size[i],
        line,
        mk.engelFoodShareAtLine,
        mk.engelSlope,
        mk.foodShareMin,
        mk.foodShareMax,
      );
      const storeGain = income * (f * offer[0] + (1 - f) * offerNonFood);
      const produce = isProducer(h.occupation[i]) ? marketingGain * income : 0;
      const shu = meanIncome > 0 ? (shuMonthly * income) / meanIncome : 0;
      const material =
        (storeGain + produce + shu) *
        h.trust[i] *
        (ownWeight + m.neighbourWeight * Math.fround(memberNeighbourShare(offsets, counts, i)));
      const benefit = material + h.awareness[i] * m.valueOfMembership;
      const time = (m.meetingDaysPerMonth * income) / (earners(h.size[i], earnerShare) * workDays);
      const cost = fixedCost + h.distance[i] * m.travelCostPerKm + time;
      if (benefit < cost) continue;
      if (h.cash[i] < pokokUpfront + m.affordabilityBufferMonths * income) continue;
      h.member[i] = 1;
      h.cash[i] -= pokokUpfront;
      h.pokok[i] = pokokUpfront + pokokSubsidy;
      h.pokokDue[i] = m.simpananPokok - h.pokok[i];
      joinedPaid += pokokUpfront;
      subsidy += pokokSubsidy;
      coop.memberCount++;
      continue;
    }
    // A member: pays its dues, services its loan, or leaves. Members of a dormant
    // cooperative lose trust month by month until they leave.
    if (!canJoin) {
      // A dormant cooperative collects nothing; its members only drift away.
      h.trust[i] = Math.max(0, h.trust[i] - m.dormantTrustLoss);
      if (h.trust[i] < h.exitTrust[i]) refunds += exit(world, region, i);
      continue;
    }
    let due = m.simpananWajib;
    const instalment = Math.min(h.pokokDue[i], pokokUpfront);
    due += instalment;
    if (h.trust[i] < h.exitTrust[i] || h.cash[i] < due) {
      refunds += exit(world, region, i);
      continue;
    }
    h.cash[i] -= due;
    h.wajib[i] += m.simpananWajib;
    h.pokok[i] += instalment;
    h.pokokDue[i] -= instalment;
    dues += due;
    if (h.debt[i] > 0) {
      const interest = h.debt[i] * m.loanRate;
      h.debt[i] += interest;
      coop.memberLoans += interest;
      coop.yearOtherIncome += interest;
      const spare = h.cash[i] - income;
      if (spare > 0) {
        const pay = Math.min(h.debt[i], Math.max(spare * m.loanRepaymentShare, 0));
        h.cash[i] -= pay;
        h.debt[i] -= pay;
        coop.memberLoans -= pay;
        repaid += pay;
      }
    }
  }
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

/**
 * Takes household i out of its cooperative: nets its debt against its savings and pays
 * out the rest as far as the cooperative's cash allows. Returns the cash paid, which the
 * caller books. Mutates coop.cash.
 */
export function exit(world: World, region: RegionState, i: number): number {
  const coop = region.coop!;
  const h = world.households;
  const savings = h.pokok[i] + h.wajib[i] + h.sukarela[i];
  const owed = savings - h.debt[i];
  coop.savingsOwed -= savings;
  coop.memberLoans -= h.debt[i];
  if (owed < 0) coop.yearOtherIncome += owed; // unrecovered loan: a bad debt
  const paid = owed > 0 ? Math.min(owed, Math.max(0, coop.cash)) : 0;
  if (paid < owed) {
    // The cooperative cannot pay the member back in full: the member loses the rest.
    coop.yearUnpaid += owed - paid;
    region.flows.savingsLost += owed - paid;
  }
  coop.cash -= paid;
  h.cash[i] += paid;
  h.pokok[i] = 0;
  h.wajib[i] = 0;
  h.sukarela[i] = 0;
  h.debt[i] = 0;
  h.pokokDue[i] = 0;
  h.member[i] = 0;
  h.patronage[i] = 0;
  if (h.employer[i] >= 0) {
    const e = coop.enterprises[h.employer[i]];
    if (e) e.workers = Math.max(0, e.workers - 1);
    h.employer[i] = -1;
  }
  coop.memberCount--;
  return paid;
}
