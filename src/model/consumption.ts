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
  // Loop invariants and columns in locals: the loop below makes no calls that could
  // change them, and TurboFan then keeps them in registers. Results are unchanged: every
  // sum accumulates the same terms in the same order as the per-tier arrays did.
  const purchaseShare = mk.coopPurchaseShare;
  const adjust = hp.consumptionAdjust;
  const bufferMonths = hp.consumptionBufferMonths;
  const shareAtLine = mk.engelFoodShareAtLine;
  const slope = mk.engelSlope;
  const loanMultiple = m.loanMultiple;
  const nf0 = nonFood[0];
  const nf1 = nonFood[1];
  const nf2 = nonFood[2];
  const { size: sizeCol, expectedIncome, cash: cashCol, member: memberCol, pokok, wajib, sukarela, debt, patronage, consumption: consumptionCol, realConsumptionPc } = h;
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
    const serve0 = serve[0];
    const serve1 = serve[1];
    const serve2 = serve[2];
    const serve3 = serve[3];
    const inv0 = privateInv[0];
    const inv1 = privateInv[1];
    const inv2 = privateInv[2];
    const inv3 = privateInv[3];
    // Per-tier sums of member demand, store sales and unmet demand (from zero each month).
    let demand0 = 0;
    let demand1 = 0;
    let demand2 = 0;
    let demand3 = 0;
    let sales0 = 0;
    let sales1 = 0;
    let sales2 = 0;
    let sales3 = 0;
    let unmet0 = 0;
    let unmet1 = 0;
    let unmet2 = 0;
    let unmet3 = 0;
    let privateSpending = 0;
    let borrowed = 0;
    let food = 0;
    let total = 0;
    let coopCash = coop ? coop.cash : 0;
    const lending = coop !== null && coop.active;
    for (let i = region.start; i < region.end; i++) {
      const size = sizeCol[i];
      const y = expectedIncome[i];
      let cash = cashCol[i];
      const floor = 0.7 * line * size;
      if (cash < floor && memberCol[i] && lending && coopCash > 0) {
        const room = loanMultiple * (pokok[i] + wajib[i] + sukarela[i]) - debt[i];
        const loan = Math.min(floor - cash, room, coopCash);
        if (loan > 0) {
          debt[i] += loan;
          coopCash -= loan;
          cash += loan;
          borrowed += loan;
        }
      }
      let spend = y + adjust * (cash - bufferMonths * y);
      if (spend > cash) spend = cash;
      if (spend < 0) spend = 0;
      const f = foodShare(spend / size, line, shareAtLine, slope);
      const rest = 1 - f;
      // The four need tiers: food (f of spending), then the non-food shares of the rest.
      const tier0 = spend * f;
      const tier1 = spend * (rest * nf0);
      const tier2 = spend * (rest * nf1);
      const tier3 = spend * (rest * nf2);
      let real = 0;
      if (memberCol[i] === 1) {
        demand0 += tier0 * purchaseShare;
        const atCoop0 = tier0 * serve0;
        sales0 += atCoop0;
        unmet0 += tier0 * purchaseShare - atCoop0;
        real += atCoop0 / coopPrice + (tier0 - atCoop0) * inv0;
        demand1 += tier1 * purchaseShare;
        const atCoop1 = tier1 * serve1;
        sales1 += atCoop1;
        unmet1 += tier1 * purchaseShare - atCoop1;
        real += atCoop1 / coopPrice + (tier1 - atCoop1) * inv1;
        demand2 += tier2 * purchaseShare;
        const atCoop2 = tier2 * serve2;
        sales2 += atCoop2;
        unmet2 += tier2 * purchaseShare - atCoop2;
        real += atCoop2 / coopPrice + (tier2 - atCoop2) * inv2;
        demand3 += tier3 * purchaseShare;
        const atCoop3 = tier3 * serve3;
        sales3 += atCoop3;
        unmet3 += tier3 * purchaseShare - atCoop3;
        real += atCoop3 / coopPrice + (tier3 - atCoop3) * inv3;
        let coopSpend = 0;
        coopSpend += atCoop0;
        coopSpend += atCoop1;
        coopSpend += atCoop2;
        coopSpend += atCoop3;
        privateSpending += spend - coopSpend;
        patronage[i] += coopSpend;
      } else {
        real += tier0 * inv0;
        real += tier1 * inv1;
        real += tier2 * inv2;
        real += tier3 * inv3;
        privateSpending += spend - 0;
      }
      cashCol[i] = cash - spend;
      consumptionCol[i] = spend;
      realConsumptionPc[i] = real / size;
      food += f * spend;
      total += spend;
    }
    demand[0] = demand0;
    demand[1] = demand1;
    demand[2] = demand2;
    demand[3] = demand3;
    sales[0] = sales0;
    sales[1] = sales1;
    sales[2] = sales2;
    sales[3] = sales3;
    const unmet = region.unmetDemand;
    unmet[0] = unmet0;
    unmet[1] = unmet1;
    unmet[2] = unmet2;
    unmet[3] = unmet3;
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
