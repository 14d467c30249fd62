import { STAGE } from './params.js';
import type { Rng } from '../core/rng.js';
import { quickselect } from 'simple-statistics';
import { book } from './ledger.js';
import { programmeActive, type RegionState } from './region.js';
import type { World } from './world.js';

/**
 * Process 9: social programs (stage 6). The government puts `governmentBudget` a month
 * into the region's social fund, next to the social part of SHU; each month the programs
 * spend `fundSpendRate` of the fund plus the government money:
 * - health support (`healthShare`) reimburses this month's health expenses of the
 *   poorest households first;
 * - scholarships (`scholarshipShare`) pay school fees (outside the scenario) for poor
 *   households, raising their skill by `scholarshipSkillGain`;
 * - the rest is a cash transfer shared equally by the poorest `targetShare` of
 *   households by real consumption per capita last month, members or not.
 */
export function social(world: World, rng: Rng): void {
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, STAGE.social, world.month)) continue;
    runPrograms(world, region, rng);
  }
}

function runPrograms(world: World, region: RegionState, rng: Rng): void {
  const coop = region.coop!;
  const p = world.params.social;
  const h = world.households;
  const r = region.index;
  const fund = { region: r, account: 'socialFund' } as const;
  const hhCash = { region: r, account: 'householdCash' } as const;
  book(world.ledger, 'government social programs', 'government', fund, p.governmentBudget);
  coop.socialFund += p.governmentBudget;
  const budget = Math.min(
    coop.socialFund,
    p.fundSpendRate * (coop.socialFund - p.governmentBudget) + p.governmentBudget,
  );
  if (budget <= 0) return;
  const cutoff = poorestCutoff(world, region, p.targetShare);

  let health = budget * p.healthShare;
  let reimbursed = 0;
  for (let i = region.start; i < region.end && health > 0; i++) {
    if (h.healthExpense[i] <= 0 || h.realConsumptionPc[i] > cutoff) continue;
    const pay = Math.min(health, h.healthExpense[i]);
    h.cash[i] += pay;
    h.transfers[i] += pay;
    health -= pay;
    reimbursed += pay;
  }

  const scholarships = budget * p.scholarshipShare;
  const fee = p.scholarshipFee;
  // The poorest households, in order: the target group of scholarships and transfers. The
  // quantile buffer is free again once the cutoff is known.
  const { quantile } = world.scratch;
  const poorest = new Int32Array(quantile.buffer, quantile.byteOffset, region.end - region.start);
  const poor = listPoorest(h.realConsumptionPc, cutoff, region.start, region.end, poorest);
  const awards = poor > 0 && fee > 0 ? Math.floor(scholarships / fee) : 0;
  let paidFees = 0;
  for (let a = 0; a < awards; a++) {
    // A household drawn at random among the poorest (the target group).
    const i = poorest[rng.int(poor)];
    h.skill[i] += p.scholarshipSkillGain * (1 - h.skill[i]);
    paidFees += fee;
  }

  const transferBudget = budget - reimbursed - paidFees - health;
  // Nothing above changed consumption: the recipients are the same poorest households.
  const recipients = poor;
  const each = recipients > 0 ? transferBudget / recipients : 0;
  let transferred = 0;
  let reached = 0;
  for (let i = region.start; i < region.end; i++) {
    if (h.realConsumptionPc[i] > cutoff || each <= 0) {
      if (h.transfers[i] > 0) reached++;
      continue;
    }
    h.cash[i] += each;
    h.transfers[i] += each;
    transferred += each;
    reached++;
  }
  coop.socialFund -= reimbursed + paidFees + transferred;
  region.flows.socialTransfers += reimbursed + transferred;
  region.flows.householdsReached += reached;
  book(world.ledger, 'health support', fund, hhCash, reimbursed);
  book(world.ledger, 'scholarships', fund, 'outsideEconomy', paidFees);
  book(world.ledger, 'social transfers', fund, hhCash, transferred);
}

/** Writes the households `start..end` whose consumption is at most `cutoff`, in order, to `out`; returns how many. */
function listPoorest(consumption: Float32Array, cutoff: number, start: number, end: number, out: Int32Array): number {
  let n = 0;
  for (let i = start; i < end; i++) if (consumption[i] <= cutoff) out[n++] = i;
  return n;
}

/** Real consumption per capita below which a household is among the poorest `share`. */
function poorestCutoff(world: World, region: RegionState, share: number): number {
  const n = region.end - region.start;
  if (n === 0 || share <= 0) return -Infinity;
  const buffer = world.scratch.quantile.subarray(0, n);
  buffer.set(world.households.realConsumptionPc.subarray(region.start, region.end));
  const k = Math.min(n - 1, Math.max(0, Math.ceil(share * n) - 1));
  quickselect(buffer as unknown as number[], k);
  return buffer[k];
}
