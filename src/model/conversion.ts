import { STAGE } from './params.js';
import { createRng, type Rng } from '../core/rng.js';
import { book } from './ledger.js';
import { managementCapacityFactor, newEnterprise, startFill } from './founding.js';
import { OCC } from './households.js';
import type { EnterpriseKind } from './enterprise.js';
import { programmeActive } from './region.js';
import { memberShare } from './regionMeasures.js';
import { emit, type World } from './world.js';

/**
 * Process 6c: existing local businesses join the cooperative (stage 2). Each month the
 * owner of a business (a warung owner or a produce trader) joins with probability
 * `conversionProbability * awareness * governance * (conversionBase + member share)`: it rises with
 * the owner's awareness and the cooperative's strength. The owner becomes a member and
 * works in the enterprise; the business capital becomes its voluntary savings and the
 * enterprise's working capital; it adds capacity as any setup capital does, but to an
 * existing enterprise only as far as demand outruns its capacity. A warung joins
 * the primary store (or becomes it), a trader's business the marketing arm.
 */
export function conversion(world: World, rng: Rng): void {
  const p = world.params;
  const h = world.households;
  for (const region of world.regions) {
    const coop = region.coop;
    if (!coop || !coop.active || !programmeActive(world, region, STAGE.enterprises, world.month)) continue;
    const strength = coop.governance * (p.enterprises.conversionBase + memberShare(region));
    const base = p.enterprises.conversionProbability * strength;
    let moved = 0;
    const { businessCapital, awareness } = h;
    for (
      let i = nextConverting(businessCapital, awareness, region.start, region.end, base, rng);
      i >= 0;
      i = nextConverting(businessCapital, awareness, i + 1, region.end, base, rng)
    ) {
      const capital = businessCapital[i];
      const kind: EnterpriseKind = h.occupation[i] === OCC.shopkeeper ? 'primaryStore' : 'marketing';
      // A trader's business joins a marketing arm the cooperative has founded; it does not become one.
      if (kind === 'marketing' && !coop.enterprises.some((e) => e.status === 'active' && e.kind === 'marketing'))
        continue;
      const capacity =
        capital * p.enterprises.capacityPerSetup * managementCapacityFactor(coop.managementSkill, p.enterprises);
      let target = coop.enterprises.find((e) => e.status === 'active' && e.kind === kind);
      if (target) {
        // The business's stock and customers add capacity where demand outruns it, no further.
        target.capacity += Math.min(capacity, Math.max(0, target.demand - target.capacity));
        target.workingCapital += capital;
        emit(world, region.index, 'enterprise-joined', `${region.name}: a local business joined the ${kind}`);
      } else {
        const tier = kind === 'primaryStore' ? 0 : -1;
        target = newEnterprise(world, coop.enterprises.length, kind, tier, -1, 'converted', capacity, capital, 0);
        coop.enterprises.push(target);
        startFill(region, target);
        emit(
          world,
          region.index,
          'enterprise-joined',
          `${region.name}: a local business joined and became the ${kind}`,
        );
      }
      businessCapital[i] = 0;
      // The owner's simpanan pokok comes out of the business capital; the rest is sukarela.
      const pokok = h.member[i] ? 0 : Math.min(capital, p.membership.simpananPokok);
      h.pokok[i] += pokok;
      h.sukarela[i] += capital - pokok;
      coop.savingsOwed += capital;
      moved += capital;
      if (!h.member[i]) {
        h.member[i] = 1;
        coop.memberCount++;
      }
      if (h.employer[i] < 0) {
        h.employer[i] = target.id;
        target.workers++;
      }
    }
    book(
      world.ledger,
      'business capital brought in',
      { region: region.index, account: 'householdBusiness' },
      { region: region.index, account: 'enterpriseCapital' },
      moved,
    );
  }
}

/*
 * The scan for owners who convert, a function of its own over typed arrays: written inline,
 * the loop's rare body (enterprises, events) had no type feedback when V8 first optimized
 * the loop, and a fresh default run deoptimized and recompiled conversion three to five times. The
 * scan draws exactly what the inline loop drew, in the same order (one uniform per
 * household with business capital), and the body, which draws nothing, runs between scans.
 */

/** The first household from `from` on whose business converts this month (see conversion), or -1. */
function nextConverting(
  businessCapital: Float64Array,
  awareness: Float32Array,
  from: number,
  end: number,
  base: number,
  rng: Rng,
): number {
  // The inline loop's test negated (`capital <= 0 || draw >= p` skipped), so NaN behaves as it did.
  for (let i = from; i < end; i++) if (!(businessCapital[i] <= 0) && !(rng.uniform() >= base * awareness[i])) return i;
  return -1;
}

/** Runs nextConverting on a few synthetic households (found and not), with a stream of its own, so that it has type feedback before it meets a real region. */
function warmUpNextConverting(): void {
  const n = 32;
  const capital = Float64Array.from({ length: n }, (_, i) => (i % 2) * 1_000_000.3);
  const awareness = Float32Array.from({ length: n }, (_, i) => (i % 4) / 4);
  const rng = createRng('warm-up');
  for (let round = 0; round < 2; round++) {
    for (let i = nextConverting(capital, awareness, 0, n, round, rng); i >= 0; )
      i = nextConverting(capital, awareness, i + 1, n, round, rng);
  }
}

warmUpNextConverting();
