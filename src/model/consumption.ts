import { STAGE } from './params.js';
import type { Rng } from '../core/rng.js';
import { foodShare } from './engel.js';
import { book } from './ledger.js';
import { programmeActive } from './region.js';
import { investableCash } from './cooperative.js';
import type { Enterprise } from './enterprise.js';
import { allocateHouseholds, type Households } from './households.js';
import type { World } from './world.js';

/**
 * Process 5: consumption across four need tiers.
 *
 * A household spends its expected income plus a share of the gap between its cash and a
 * buffer of `consumptionBufferMonths` of income (a buffer-stock rule: it saves when
 * rich in cash and dissaves when short), never more than its cash. A member short of a
 * subsistence floor (`subsistenceFloor` of the poverty line per person) may borrow from the cooperative
 * up to `loanMultiple` times its savings.
 *
 * Spending is split by Engel's law into food (primary) and three non-food tiers. Members
 * buy a tier at the cooperative's store, when it has one: `coopPurchaseShare` of the
 * tier's spending (the rest of the assortment is bought elsewhere), times the share of
 * that demand the store could serve last month, at the store's cost-plus price
 * (prices.ts). Demand a tier's store cannot serve, or that no store serves, is the unmet
 * demand that founding new stores answers. With stage 6 active, a cooperative store also
 * pulls the private price of its tier down for everyone (the yardstick effect).
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
  const stores: (Enterprise | null)[] = [null, null, null, null];
  const serve = new Float64Array(4);
  const privateInv = new Float64Array(4);
  const demand = new Float64Array(4);
  const sales = new Float64Array(4);
  // The loop over a region's households is spendRegion, a function of its own over typed
  // arrays (see its note); the constants it needs go in `k`, its sums come back in `acc`.
  const k = new Float64Array(K_SIZE);
  k[K_LINE] = line;
  k[K_ADJUST] = hp.consumptionAdjust;
  k[K_BUFFER_MONTHS] = hp.consumptionBufferMonths;
  k[K_SHARE_AT_LINE] = mk.engelFoodShareAtLine;
  k[K_SLOPE] = mk.engelSlope;
  k[K_LOAN_MULTIPLE] = m.loanMultiple;
  k[K_NON_FOOD] = nonFood[0];
  k[K_NON_FOOD + 1] = nonFood[1];
  k[K_NON_FOOD + 2] = nonFood[2];
  k[K_PURCHASE_SHARE] = mk.coopPurchaseShare;
  k[K_FLOOR] = hp.subsistenceFloor;
  k[K_FOOD_MIN] = mk.foodShareMin;
  k[K_FOOD_MAX] = mk.foodShareMax;
  const acc = new Float64Array(ACC_SIZE);
  for (const region of world.regions) {
    const coop = region.coop;
    const yardstick = programmeActive(world, region, STAGE.social, world.month) ? params.market.yardstickEffect : 0;
    stores.fill(null);
    if (coop && coop.active)
      for (const e of coop.enterprises) if (e.tier >= 0 && e.status === 'active') stores[e.tier] = e;
    for (let t = 0; t < 4; t++) {
      const store = stores[t];
      serve[t] = store ? region.storeFill[t] * mk.coopPurchaseShare : 0;
      region.privatePrice[t] = store ? 1 - yardstick * (1 - store.price) : 1;
      privateInv[t] = 1 / region.privatePrice[t];
      k[K_SERVE + t] = serve[t];
      k[K_INV + t] = privateInv[t];
      k[K_COOP_INV + t] = store && store.price > 0 ? 1 / store.price : 1;
    }
    k[K_LENDING] = coop !== null && coop.active ? 1 : 0;
    acc.fill(0);
    // Members borrow only what the cooperative holds above its liquidity reserve.
    const lendable = coop ? Math.max(0, investableCash(coop, params.enterprises.liquidityReserve)) : 0;
    acc[ACC_COOP_CASH] = lendable;
    spendRegion(h, region.start, region.end, k, acc);
    const privateSpending = acc[ACC_PRIVATE];
    const borrowed = acc[ACC_BORROWED];
    const food = acc[ACC_FOOD];
    const total = acc[ACC_TOTAL];
    const coopCash = acc[ACC_COOP_CASH];
    const unmet = region.unmetDemand;
    for (let t = 0; t < 4; t++) {
      demand[t] = acc[ACC_DEMAND + t];
      sales[t] = acc[ACC_SALES + t];
      unmet[t] = acc[ACC_UNMET + t];
    }
    region.retailVolume = privateSpending;
    region.flows.foodSpending += food;
    region.flows.totalSpending += total;
    const r = region.index;
    book(world.ledger, 'private purchases', { region: r, account: 'householdCash' }, 'outsideEconomy', privateSpending);
    if (coop) {
      coop.memberLoans += borrowed;
      coop.cash -= lendable - coopCash;
      book(
        world.ledger,
        'member loans',
        { region: r, account: 'coopCash' },
        { region: r, account: 'householdCash' },
        borrowed,
      );
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
      book(
        world.ledger,
        'cooperative store sales',
        { region: r, account: 'householdCash' },
        { region: r, account: 'enterpriseCapital' },
        storeSales,
      );
    }
  }
}

/*
 * spendRegion runs once a month per region over thousands to millions of households, so
 * V8 optimizes it mid-loop (on-stack replacement). Code or branches that had not run
 * before that (a member's first loan, the stores after the loop) have no type feedback
 * there, and on Node 20 the cached mid-loop code then deoptimizes at that point on every
 * later call, finishing the region in the interpreter (and allocating a heap number per
 * intermediate double). So the loop is a function of its own over typed arrays, and it
 * runs once at module load on a few synthetic households that take every branch
 * (warmUpSpendRegion). Its arithmetic is exactly the loop it replaces: every sum adds
 * the same terms in the same order.
 */
const K_LINE = 0;
const K_ADJUST = 1;
const K_BUFFER_MONTHS = 2;
const K_SHARE_AT_LINE = 3;
const K_SLOPE = 4;
const K_LOAN_MULTIPLE = 5;
const K_NON_FOOD = 6; // 3 entries
const K_PURCHASE_SHARE = 9;
const K_FLOOR = 10;
const K_SERVE = 11; // 4 entries
const K_INV = 15; // 4 entries
const K_LENDING = 19;
const K_COOP_INV = 20; // 4 entries
const K_FOOD_MIN = 24;
const K_FOOD_MAX = 25;
const K_SIZE = 26;
const ACC_DEMAND = 0; // 4 entries
const ACC_SALES = 4; // 4 entries
const ACC_UNMET = 8; // 4 entries
const ACC_PRIVATE = 12;
const ACC_BORROWED = 13;
const ACC_FOOD = 14;
const ACC_TOTAL = 15;
const ACC_COOP_CASH = 16;
const ACC_SIZE = 17;

/** The households start..end spend (and members short of the floor borrow); sums into `acc`, which comes in zeroed but for the cooperative's cash. */
function spendRegion(h: Households, start: number, end: number, k: Float64Array, acc: Float64Array): void {
  const {
    size: sizeCol,
    expectedIncome,
    cash: cashCol,
    member: memberCol,
    pokok,
    wajib,
    sukarela,
    debt,
    patronage,
    consumption: consumptionCol,
    realConsumptionPc,
  } = h;
  const line = k[K_LINE];
  const adjust = k[K_ADJUST];
  const bufferMonths = k[K_BUFFER_MONTHS];
  const shareAtLine = k[K_SHARE_AT_LINE];
  const slope = k[K_SLOPE];
  const loanMultiple = k[K_LOAN_MULTIPLE];
  const nf0 = k[K_NON_FOOD];
  const nf1 = k[K_NON_FOOD + 1];
  const nf2 = k[K_NON_FOOD + 2];
  const purchaseShare = k[K_PURCHASE_SHARE];
  const floorShare = k[K_FLOOR];
  const foodMin = k[K_FOOD_MIN];
  const foodMax = k[K_FOOD_MAX];
  const coopInv0 = k[K_COOP_INV];
  const coopInv1 = k[K_COOP_INV + 1];
  const coopInv2 = k[K_COOP_INV + 2];
  const coopInv3 = k[K_COOP_INV + 3];
  const serve0 = k[K_SERVE];
  const serve1 = k[K_SERVE + 1];
  const serve2 = k[K_SERVE + 2];
  const serve3 = k[K_SERVE + 3];
  const inv0 = k[K_INV];
  const inv1 = k[K_INV + 1];
  const inv2 = k[K_INV + 2];
  const inv3 = k[K_INV + 3];
  const lending = k[K_LENDING] === 1;
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
  let coopCash = acc[ACC_COOP_CASH];
  for (let i = start; i < end; i++) {
    const size = sizeCol[i];
    const y = expectedIncome[i];
    let cash = cashCol[i];
    const floor = floorShare * line * size;
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
    const f = foodShare(spend / size, line, shareAtLine, slope, foodMin, foodMax);
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
      real += atCoop0 * coopInv0 + (tier0 - atCoop0) * inv0;
      demand1 += tier1 * purchaseShare;
      const atCoop1 = tier1 * serve1;
      sales1 += atCoop1;
      unmet1 += tier1 * purchaseShare - atCoop1;
      real += atCoop1 * coopInv1 + (tier1 - atCoop1) * inv1;
      demand2 += tier2 * purchaseShare;
      const atCoop2 = tier2 * serve2;
      sales2 += atCoop2;
      unmet2 += tier2 * purchaseShare - atCoop2;
      real += atCoop2 * coopInv2 + (tier2 - atCoop2) * inv2;
      demand3 += tier3 * purchaseShare;
      const atCoop3 = tier3 * serve3;
      sales3 += atCoop3;
      unmet3 += tier3 * purchaseShare - atCoop3;
      real += atCoop3 * coopInv3 + (tier3 - atCoop3) * inv3;
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
  acc[ACC_DEMAND] = demand0;
  acc[ACC_DEMAND + 1] = demand1;
  acc[ACC_DEMAND + 2] = demand2;
  acc[ACC_DEMAND + 3] = demand3;
  acc[ACC_SALES] = sales0;
  acc[ACC_SALES + 1] = sales1;
  acc[ACC_SALES + 2] = sales2;
  acc[ACC_SALES + 3] = sales3;
  acc[ACC_UNMET] = unmet0;
  acc[ACC_UNMET + 1] = unmet1;
  acc[ACC_UNMET + 2] = unmet2;
  acc[ACC_UNMET + 3] = unmet3;
  acc[ACC_PRIVATE] = privateSpending;
  acc[ACC_BORROWED] = borrowed;
  acc[ACC_FOOD] = food;
  acc[ACC_TOTAL] = total;
  acc[ACC_COOP_CASH] = coopCash;
}

/** Runs spendRegion on a few synthetic households (members and not, borrowing and not), so that it has type feedback for every branch before it first meets a real region. */
function warmUpSpendRegion(): void {
  const n = 40;
  const h = allocateHouseholds(n);
  const k = new Float64Array(K_SIZE);
  const acc = new Float64Array(ACC_SIZE);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < n; i++) {
      h.size[i] = 1 + (i % 5);
      h.expectedIncome[i] = 300_000.5 + 7_919.25 * i;
      h.cash[i] = i % 4 === 0 ? 1_000.5 : 2_000_000.25 + 1_000.5 * i;
      h.member[i] = i % 3 === 0 ? 0 : 1;
      h.pokok[i] = 100_000.5;
      h.wajib[i] = 20_000.25 * (i % 7);
      h.sukarela[i] = 0.5 * i;
      h.debt[i] = i % 8 === 1 ? 50_000.5 : 0;
      h.patronage[i] = 0;
    }
    const values = [
      580_000.5,
      0.2,
      3,
      0.6,
      0.1,
      3,
      0.4,
      0.35,
      0.25,
      0.5,
      0.7,
      0.5,
      0.25,
      0.75,
      0,
      1,
      1.05,
      1,
      1,
      round,
      1.04,
      1.02,
      1,
      1,
      0.25,
      0.8,
    ];
    values.forEach((v, j) => (k[j] = v));
    acc.fill(0);
    acc[ACC_COOP_CASH] = 10_000_000.5;
    spendRegion(h, 0, n, k, acc);
  }
}

warmUpSpendRegion();
