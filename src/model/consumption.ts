import type { Rng } from '../core/rng.js';
import { foodShare } from './engel.js';
import { book } from './ledger.js';
import { stageActive } from './region.js';
import type { Enterprise } from './enterprise.js';
import type { World } from './world.js';

/**
 * Process 5: consumption across four need tiers.
 *
 * A household spends its expected income plus a share of the gap between its cash and a
 * buffer of `consumptionBufferMonths` of income (a buffer-stock rule: it saves when
 * rich in cash and dissaves when short), never more than its cash. A member short of a
 * subsistence floor (70% of the poverty line per person) may borrow from the cooperative
 * up to `loanMultiple` times its savings.
 *
 * Spending is split by Engel's law into food (primary) and three non-food tiers.
 * Members buy a tier at the cooperative's store, when it has one, at a price
 * `coopPriceDiscount` below the market: `coopPurchaseShare` of the tier's spending (the
 * rest of the assortment is bought elsewhere), times the share of that demand the store
 * could serve last month. Demand a tier's store cannot serve, or that no store serves,
 * is the unmet demand that founding new stores answers. With stage 6 active, a cooperative store also pulls the private price of
 * its tier down for everyone (the yardstick effect).
 *
 * Welfare is real consumption per capita: spending deflated by the prices paid, per
 * person, in rupiah of base-year prices, as in the national poverty statistics.
 */
export function consumption(world: World, rng: Rng): void {
  void rng;
  const { params } = world;
  const hp = params.households;
  const mk = params.market;
  const m = params.membership;
  const h = world.households;
  const line = mk.povertyLine;
  const nonFood = mk.tierSharesNonFood;
  const coopPrice = 1 - mk.coopPriceDiscount;
  const stores: (Enterprise | null)[] = [null, null, null, null];
  const serve = new Float64Array(4);
  const privateInv = new Float64Array(4);
  const demand = new Float64Array(4);
  const sales = new Float64Array(4);
  for (const region of world.regions) {
    const coop = region.coop;
    const yardstick = stageActive(region, 6, world.month) ? params.market.yardstickEffect : 0;
    stores.fill(null);
    if (coop && coop.active) for (const e of coop.enterprises) if (e.tier >= 0 && e.status === 'active') stores[e.tier] = e;
    for (let t = 0; t < 4; t++) {
      serve[t] = stores[t] ? region.storeFill[t] * mk.coopPurchaseShare : 0;
      region.privatePrice[t] = stores[t] ? 1 - yardstick * mk.coopPriceDiscount : 1;
      privateInv[t] = 1 / region.privatePrice[t];
    }
    demand.fill(0);
    sales.fill(0);
    region.unmetDemand.fill(0);
    let privateSpending = 0;
    let borrowed = 0;
    let food = 0;
    let total = 0;
    let coopCash = coop ? coop.cash : 0;
    for (let i = region.start; i < region.end; i++) {
      const size = h.size[i];
      const y = h.expectedIncome[i];
      let cash = h.cash[i];
      const floor = 0.7 * line * size;
      if (cash < floor && h.member[i] && coopCash > 0) {
        const room = m.loanMultiple * (h.pokok[i] + h.wajib[i] + h.sukarela[i]) - h.debt[i];
        const loan = Math.min(floor - cash, room, coopCash);
        if (loan > 0) {
          h.debt[i] += loan;
          coopCash -= loan;
          cash += loan;
          borrowed += loan;
        }
      }
      let spend = y + hp.consumptionAdjust * (cash - hp.consumptionBufferMonths * y);
      if (spend > cash) spend = cash;
      if (spend < 0) spend = 0;
      const f = foodShare(spend / size, line, mk.engelFoodShareAtLine, mk.engelSlope);
      const rest = 1 - f;
      let real = 0;
      let coopSpend = 0;
      const member = h.member[i] === 1;
      for (let t = 0; t < 4; t++) {
        const tierSpend = spend * (t === 0 ? f : rest * nonFood[t - 1]);
        if (member) {
          demand[t] += tierSpend * mk.coopPurchaseShare;
          const atCoop = tierSpend * serve[t];
          sales[t] += atCoop;
          coopSpend += atCoop;
          region.unmetDemand[t] += tierSpend * mk.coopPurchaseShare - atCoop;
          real += atCoop / coopPrice + (tierSpend - atCoop) * privateInv[t];
        } else {
          real += tierSpend * privateInv[t];
        }
      }
      privateSpending += spend - coopSpend;
      if (member) h.patronage[i] += coopSpend;
      h.cash[i] = cash - spend;
      h.consumption[i] = spend;
      h.realConsumptionPc[i] = real / size;
      food += f * spend;
      total += spend;
    }
    region.flows.foodSpending += food;
    region.flows.totalSpending += total;
    const r = region.index;
    book(world.ledger, 'private purchases', { region: r, account: 'householdCash' }, 'outsideEconomy', privateSpending);
    if (coop) {
      coop.memberLoans += borrowed;
      coop.cash = coopCash;
      book(world.ledger, 'member loans', { region: r, account: 'coopCash' }, { region: r, account: 'householdCash' }, borrowed);
      let storeSales = 0;
      for (let t = 0; t < 4; t++) {
        const store = stores[t];
        if (!store) continue;
        store.sales += sales[t];
        store.workingCapital += sales[t];
        store.demand = demand[t];
        storeSales += sales[t];
        region.storeFill[t] = demand[t] > 0 ? Math.min(1, store.capacity / demand[t]) : 1;
      }
      book(world.ledger, 'cooperative store sales', { region: r, account: 'householdCash' }, { region: r, account: 'enterpriseCapital' }, storeSales);
    }
  }
}
