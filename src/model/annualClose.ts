import { englishInteger } from '../core/groupedInteger.js';
import { clamp01 } from './clamp.js';
import { coopCapital, investableCash, type Cooperative } from './cooperative.js';
import type { Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { splitShu } from './shu.js';
import type { RegionState } from './region.js';
import { emit, type World } from './world.js';

/**
 * Process 11: the annual close (months 12, 24, ...), for each active cooperative.
 *
 * 1. SHU = enterprises' profits for the year - depreciation - interest paid + other
 *    income (member-loan interest, less bad debts and mismanagement losses).
 * 2. A positive SHU is split by the bylaws (shu.ts). Patronage goes to members by their
 *    transactions with the cooperative this year, capital by their savings, the board
 *    part to the board (the five wealthiest members), staff by jobs held, education and
 *    social parts to their funds; the reserve stays as equity. Payouts are limited by
 *    cash: what cannot be paid is retained as reserve. Elite capture happens with
 *    probability `eliteCaptureBase * (1 - governance)`: the patronage and capital parts
 *    then go to the board. A negative SHU is a loss charged to reserves.
 * 3. The RAT is held with a probability that rises logistically with governance
 *    (`ratMidpoint`, `ratSteepness`); a cooperative that skips it two years running goes
 *    inactive.
 * 4. Trust moves with what each member received against the SHU per member it expected
 *    from last year, and with whether the RAT was held.
 */
export function annualClose(world: World, rng: Rng): void {
  if (world.month === 0 || world.month % 12 !== 0) return;
  for (const region of world.regions) {
    // A pre-cooperative with no members yet has no books to close and no RAT to hold.
    if (region.coop?.active && region.coop.memberCount > 0) closeYear(world, region, rng);
  }
}

function closeYear(world: World, region: RegionState, rng: Rng): void {
  const coop = region.coop!;
  const p = world.params;
  const h = world.households;
  const r = region.index;
  let profit = 0;
  for (const e of coop.enterprises) {
    profit += e.yearProfit;
    e.yearProfit = 0;
  }
  const shu = profit - coop.yearDepreciation - coop.yearInterest + coop.yearOtherIncome;
  coop.yearDepreciation = 0;
  coop.yearInterest = 0;
  coop.yearOtherIncome = 0;

  const board = wealthiestMembers(world, region, p.governance.boardSize);
  let patronageTotal = 0;
  let savingsTotal = 0;
  let staffCount = 0;
  for (let i = region.start; i < region.end; i++) {
    if (!h.member[i]) continue;
    patronageTotal += h.patronage[i];
    savingsTotal += h.pokok[i] + h.wajib[i] + h.sukarela[i];
    if (h.employer[i] >= 0) staffCount++;
  }
  const members = coop.memberCount;
  let paidToMembers = 0;
  let paid = 0;
  const expected = coop.expectedShuPerMember;
  const captured = rng.uniform() < p.governance.eliteCaptureBase * (1 - coop.governance);
  if (captured) emit(world, r, 'elite-capture', `${region.name}: the board captured this year's member SHU`);

  if (shu > 0 && members > 0) {
    const parts = splitShu(shu, p.shu);
    const payout = parts.patronage + parts.capital + parts.board + parts.staff + parts.education + parts.social;
    // Payouts come from what the cooperative holds above the cash it keeps to repay savings.
    const available = Math.max(0, investableCash(coop, p.enterprises.liquidityReserve));
    const scale = payout > 0 ? Math.min(1, available / payout) : 0;
    const toBoard = (parts.board + (captured ? parts.patronage + parts.capital : 0)) * scale;
    const patronage = captured ? 0 : parts.patronage * scale;
    const capital = captured ? 0 : parts.capital * scale;
    const staff = staffCount > 0 ? parts.staff * scale : 0;
    for (let i = region.start; i < region.end; i++) {
      if (!h.member[i]) continue;
      let amount = 0;
      if (patronageTotal > 0) amount += (patronage * h.patronage[i]) / patronageTotal;
      if (savingsTotal > 0) amount += (capital * (h.pokok[i] + h.wajib[i] + h.sukarela[i])) / savingsTotal;
      if (h.employer[i] >= 0) amount += staff / staffCount;
      if (board.includes(i)) amount += toBoard / board.length;
      h.cash[i] += amount;
      paidToMembers += amount;
      updateTrust(world, i, amount, expected);
    }
    const education = parts.education * scale;
    const social = parts.social * scale;
    coop.cash -= paidToMembers + education + social;
    coop.educationFund += education;
    coop.socialFund += social;
    coop.reserves += shu - paidToMembers - education - social;
    paid = paidToMembers;
    book(
      world.ledger,
      'SHU paid to members',
      { region: r, account: 'coopCash' },
      { region: r, account: 'householdCash' },
      paidToMembers,
    );
    book(
      world.ledger,
      'SHU to education fund',
      { region: r, account: 'coopCash' },
      { region: r, account: 'educationFund' },
      education,
    );
    book(
      world.ledger,
      'SHU to social fund',
      { region: r, account: 'coopCash' },
      { region: r, account: 'socialFund' },
      social,
    );
  } else {
    coop.reserves += shu;
    for (let i = region.start; i < region.end; i++) if (h.member[i]) updateTrust(world, i, 0, expected);
  }
  coop.shuPaid = paid;
  region.flows.shuPaid += paid;
  region.flows.surplus += shu;
  region.flows.ratDue += 1;
  coop.expectedShuPerMember = members > 0 ? (captured ? expected : paid / members) : 0;
  for (let i = region.start; i < region.end; i++) h.patronage[i] = 0;

  const held = rng.uniform() < ratProbability(coop.governance, p.governance.ratMidpoint, p.governance.ratSteepness);
  coop.ratHeldLastYear = held;
  if (held) {
    coop.ratSkipped = 0;
    region.flows.ratHeld = 1;
    emit(world, r, 'rat-held', `${region.name}: RAT held, SHU Rp${englishInteger(Math.round(shu))}`);
  } else {
    coop.ratSkipped++;
    emit(
      world,
      r,
      'rat-skipped',
      `${region.name}: RAT skipped (${coop.ratSkipped} year${coop.ratSkipped > 1 ? 's' : ''} running)`,
    );
  }
  const hazard = dormancyHazard(world, coop, shu, held);
  // Only a cooperative that once had the members to register can fall below them.
  const tooFew = coop.memberCount < p.dormancy.minMembers && coop.membersAtLastClose >= p.dormancy.minMembers;
  if (tooFew || rng.uniform() < 1 - Math.exp(-hazard)) {
    const why = tooFew
      ? `fewer than ${p.dormancy.minMembers} members`
      : `its finances and governance failed (yearly hazard ${hazard.toFixed(2)}: SHU Rp${englishInteger(Math.round(shu))}, governance ${coop.governance.toFixed(2)}, ${coop.yearUnpaid > 0 ? `Rp${englishInteger(Math.round(coop.yearUnpaid))} owed not paid, ` : ''}RAT ${held ? 'held' : 'skipped'}, ${coop.membersAtLastClose - coop.memberCount} members lost)`;
    goDormant(world, region, why);
  }
  coop.membersAtLastClose = coop.memberCount;
  coop.yearUnpaid = 0;
  const ratEffect = held ? p.governance.ratTrustGain : -p.governance.ratTrustLoss;
  for (let i = region.start; i < region.end; i++) if (h.member[i]) h.trust[i] = clamp01(h.trust[i] + ratEffect);
}

/** Probability that the RAT is held: logistic in governance, 0.5 at the midpoint. */
export function ratProbability(governance: number, midpoint: number, steepness: number): number {
  return 1 / (1 + Math.exp(-steepness * (governance - midpoint)));
}

/** Trust moves with SHU received against SHU expected (first year: a small reward for any SHU). */
function updateTrust(world: World, i: number, received: number, expected: number): void {
  const h = world.households;
  const w = world.params.governance.trustAdjust;
  let delta: number;
  const g = world.params.governance;
  if (expected > 0) delta = w * (Math.min(g.shuTrustCap, received / expected) - 1);
  else delta = received > 0 ? g.firstShuTrustGain : 0;
  h.trust[i] = clamp01(h.trust[i] + delta);
}

/** Up to k members with the most cash: the board. */
function wealthiestMembers(world: World, region: RegionState, k: number): number[] {
  const h = world.households;
  const top: number[] = [];
  for (let i = region.start; i < region.end; i++) {
    if (!h.member[i]) continue;
    if (top.length < k) top.push(i);
    else {
      let min = 0;
      for (let j = 1; j < top.length; j++) if (h.cash[top[j]] < h.cash[top[min]]) min = j;
      if (h.cash[i] > h.cash[top[min]]) top[min] = i;
    }
  }
  return top;
}

/**
 * The yearly hazard that a cooperative goes dormant, from what makes cooperatives fail:
 * the year's loss relative to its capital, what it could not pay of what it owed (loan
 * service, exit refunds) relative to its savings and loans, loan arrears relative to the loans, members lost since the last close, weak
 * governance and a skipped RAT (`dormancy.*`).
 */
export function dormancyHazard(world: World, coop: Cooperative, shu: number, ratHeld: boolean): number {
  const d = world.params.dormancy;
  const capital = coopCapital(coop);
  const loss = shu < 0 ? (capital > 0 ? Math.min(1, -shu / capital) : 1) : 0;
  let lent = 0;
  let arrears = 0;
  for (const l of coop.loans) {
    if (l.matured) continue;
    lent += l.amount;
    arrears += l.arrears;
  }
  const before = coop.membersAtLastClose;
  const lost = before > 0 ? Math.max(0, (before - coop.memberCount) / before) : 0;
  return (
    d.baseHazard +
    d.lossWeight * loss +
    d.illiquidityWeight * Math.min(1, coop.yearUnpaid / Math.max(1, coop.savingsOwed + lent)) +
    (lent > 0 ? d.arrearsWeight * Math.min(1, arrears / lent) : 0) +
    d.memberLossWeight * lost +
    d.governanceWeight * (1 - coop.governance) +
    (ratHeld ? 0 : d.ratSkippedWeight)
  );
}

/** The cooperative goes dormant: no new members or dues, its enterprises close, its stages stop advancing. */
export function goDormant(world: World, region: RegionState, why: string): void {
  const coop = region.coop!;
  coop.active = false;
  coop.dormantSince = world.month;
  emit(world, region.index, 'cooperative-inactive', `${region.name}: cooperative dormant: ${why}`);
}
