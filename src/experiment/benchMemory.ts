import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCollector } from '../indicators/collector.js';
import { MONTHLY_STATS_BYTES_PER_HOUSEHOLD } from '../indicators/monthlyStats.js';
import { createWorld } from '../model/initialise.js';
import { step } from '../model/step.js';
import type { Scenario } from '../scenario/schema.js';
import { typedArrayBytes } from './benchStats.js';

/** Memory of a world and its indicator collector, per household. */
export interface MemoryFigure {
  readonly households: number;
  /** Typed arrays of the world (household columns, network, scratch, ledger), bytes per household. */
  readonly worldTypedArrays: number;
  /** Typed arrays of the indicator collector (sort buffers, the series), bytes per household. */
  readonly indicatorTypedArrays: number;
  /** Growth of the JS heap (objects, not array buffers) after GC, bytes per household. */
  readonly heapGrowth: number;
  /** Growth of array-buffer memory after GC, bytes per household. */
  readonly arrayBufferGrowth: number;
  /** heapGrowth + arrayBufferGrowth: what the run costs, bytes per household. */
  readonly total: number;
  /** Whether a full GC could be forced before each reading (else the figures are upper bounds). */
  readonly gcForced: boolean;
}

/** A function that forces a full garbage collection, or null if the engine refuses. */
function forceGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    // Without --expose-gc on the command line: enable it now and take gc from a fresh context.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * Builds the world of `scenario` with its collector, runs `months` months (so that every
 * lazily made buffer exists), and measures what it holds: its typed arrays, and the
 * growth of heap and array-buffer memory between before and after, each after a full GC.
 */
export function measureMemory(scenario: Scenario, seed: number, months = 3): MemoryFigure {
  const gc = forceGc();
  const settle = (): NodeJS.MemoryUsage => {
    if (gc) {
      gc();
      gc();
    }
    return process.memoryUsage();
  };
  const before = settle();
  const { world, rng } = createWorld(scenario, seed);
  const collector = createCollector(world);
  collector.collect(world);
  for (let m = 0; m < months && m < scenario.months; m++) {
    step(world, rng);
    collector.collect(world);
  }
  const after = settle();
  const n = world.households.count;
  const worldBytes = typedArrayBytes(world);
  // The collector's buffers are in its closure; count them from what it exposes and what it allocates.
  const indicatorBytes = typedArrayBytes(collector) + MONTHLY_STATS_BYTES_PER_HOUSEHOLD * n;
  const heapGrowth = (after.heapUsed - before.heapUsed) / n;
  const arrayBufferGrowth = (after.arrayBuffers - before.arrayBuffers) / n;
  // Keep the world alive until after the reading.
  if (world.month < 0) throw new Error('unreachable');
  return {
    households: n,
    worldTypedArrays: worldBytes / n,
    indicatorTypedArrays: indicatorBytes / n,
    heapGrowth,
    arrayBufferGrowth,
    total: heapGrowth + arrayBufferGrowth,
    gcForced: gc !== null,
  };
}
