import type { Rng } from '../core/rng.js';
import { isProducer } from './households.js';
import { book } from './ledger.js';
import { foodShare } from './engel.js';
import type { RegionState } from './region.js';
import type { World } from './world.js';

/**
 * Process 3: joining and exiting.
 *
 * A non-member joins when (a) its awareness reaches its threshold, (b) the benefit it
 * expects beats the cost, and (c) it can afford the entry fee and keep a small buffer.
 * The expected benefit is the store discount on the needs the cooperative covers, the
 * better price of the marketing arm for producers, last year's SHU per member and a
 * value it puts on cooperation itself (rising with awareness). It perceives the material
 * part through its member neighbours and its trust; the cost is simpanan wajib plus
 * simpanan pokok spread over two years.
 *
 * A member exits when its trust falls below its exit threshold (members of an inactive
 * cooperative lose 0.02 of trust a month) or it cannot pay this month's dues (wajib, and the pokok instalment if any). On exit its pokok, wajib and
 * sukarela are returned, less its debt; a cooperative without the cash returns what it
 * can, and the member loses the rest.
 */
export function membership(world: World, rng: Rng): void {
  for (const region of world.regions) {
    if (region.coop) regionMembership(world, region);
  }
  void rng;
}

/** Monthly trust lost by members of an inactive (dormant) cooperative. */
const DORMANT_TRUST_LOSS = 0.02;

function regionMembership(world: World, region: RegionState): void {
  const coop = region.coop!;
  const { params } = world;
  const m = params.membership;
  const mk = params.market;
  const h = world.households;
  const share = world.scratch.memberNeighbourShare;
  const canJoin = coop.active;
  const pokokUpfront = (m.simpananPokok * (1 - m.feeSubsidy)) / m.pokokInstalments;
  const pokokSubsidy = m.simpananPokok * m.feeSubsidy;
  const monthlyCost = m.simpananWajib + (m.simpananPokok * (1 - m.feeSubsidy)) / 24;
  // What membership offers this month, from the region's enterprises.
  const covered = [0, 0, 0, 0];
  let hasMarketing = false;
  for (const e of coop.enterprises) {
    if (e.status !== 'active') continue;
    if (e.tier >= 0) covered[e.tier] = region.storeFill[e.tier] * mk.coopPurchaseShare;
    if (e.kind === 'marketing') hasMarketing = true;
  }
  const nonFood = mk.tierSharesNonFood;
  const coveredNonFood = covered[1] * nonFood[0] + covered[2] * nonFood[1] + covered[3] * nonFood[2];
  const marketingGain = hasMarketing
    ? ((mk.middlemanMargin - mk.coopMarketingMargin) / (1 - mk.middlemanMargin)) * region.marketingFill
    : 0;
  const shuMonthly = coop.expectedShuPerMember / 12;
  const line = mk.povertyLine;

  let joinedPaid = 0;
  let subsidy = 0;
  let dues = 0;
  let repaid = 0;
  let refunds = 0;
  for (let i = region.start; i < region.end; i++) {
    const income = h.expectedIncome[i];
    if (!h.member[i]) {
      if (!canJoin || h.awareness[i] < h.threshold[i]) continue;
      const f = foodShare(income / h.size[i], line, mk.engelFoodShareAtLine, mk.engelSlope);
      const storeGain = mk.coopPriceDiscount * income * (f * covered[0] + (1 - f) * coveredNonFood);
      const produce = isProducer(h.occupation[i]) ? marketingGain * income : 0;
      const material = (storeGain + produce + shuMonthly) * h.trust[i] * (0.5 + 0.5 * share[i]);
      const benefit = material + h.awareness[i] * m.valueOfMembership;
      if (benefit < monthlyCost) continue;
      if (h.cash[i] < pokokUpfront + m.affordabilityBufferMonths * income) continue;
      h.member[i] = 1;
      h.joinedMonth[i] = world.month;
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
      h.trust[i] = Math.max(0, h.trust[i] - DORMANT_TRUST_LOSS);
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
        const pay = Math.min(h.debt[i], Math.max(spare * 0.5, 0));
        h.cash[i] -= pay;
        h.debt[i] -= pay;
        coop.memberLoans -= pay;
        repaid += pay;
      }
    }
  }
  const r = region.index;
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
  coop.cash -= paid;
  h.cash[i] += paid;
  h.pokok[i] = 0;
  h.wajib[i] = 0;
  h.sukarela[i] = 0;
  h.debt[i] = 0;
  h.pokokDue[i] = 0;
  h.member[i] = 0;
  h.joinedMonth[i] = -1;
  h.patronage[i] = 0;
  if (h.employer[i] >= 0) {
    const e = coop.enterprises[h.employer[i]];
    if (e) e.workers = Math.max(0, e.workers - 1);
    h.employer[i] = -1;
  }
  coop.memberCount--;
  return paid;
}
