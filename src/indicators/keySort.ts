/**
 * The one sort of kopsim's welfare distributions: a stable sort of Float64 values that
 * carry a 32-bit payload. The monthly statistics sort real consumption per capita (stored
 * as Float32, widened exactly to Float64) and income per capita with it, the payload
 * packing each household's region and persons; `sortSample` sorts a caller's sample with
 * it, the payload being each entry's position.
 *
 * Order: numeric, with -0 before +0 and NaN by its bits (a positive NaN after +Infinity),
 * which is the order of the values' IEEE-754 bits once mapped to unsigned integers (flip
 * the sign bit of a positive value, every bit of a negative one). Equal values keep their
 * input order.
 *
 * Method (exact and stable):
 * 1. LSD radix sort, in at most two passes of up to 12 bits, on the top 24 significant
 *    bits of `key - minKey`, the key being the mapped high word (sign, exponent and 20
 *    bits of mantissa). Values of one month span a few dozen binades, so 24 bits of the
 *    offset key keep about 18 bits of mantissa: few distinct values share a truncated key.
 *    Up to SMALL_SORT values (a small scenario's month), one pass on the top 12 bits
 *    instead: the insertion pass then has more to do, but a whole scatter pass is saved
 *    (2,500 values: about 40 us a sort instead of 58; from 10,000 values on, two passes
 *    are faster). Either way the result is the same, the stable order of the full values.
 * 2. One insertion-sort pass on the full value puts each run of equal truncated keys in
 *    order. Both steps are stable, so equal values stay in input order.
 * If the insertion pass would do more than a few moves per element (adversarial input:
 * many distinct values that differ only in their lowest bits), it stops and the order is
 * finished by a full LSD radix sort on all 64 mapped bits, which is exact from any
 * intermediate state because neither step ever reorders equal values. A sample with a
 * NaN (which the insertion pass cannot compare) goes to the full sort directly.
 *
 * Why Float64 only: the Float32 consumption values used to be sorted as Float32 keys by
 * a second copy of every loop (about 4 ns an element faster at 100k); one implementation
 * for both widths was chosen over that (issue 11), see docs/performance.md.
 */

/**
 * Two ping-pong buffers of `capacity` slots, 12 bytes a slot: the values in `f64`, the
 * payloads in `pay`.
 */
export interface KeySortBuffers {
  readonly capacity: number;
  readonly a: SlotBuffer;
  readonly b: SlotBuffer;
  /** Two 4096-bucket histograms (12-bit digits), or 8 x 256 for the full sort. */
  readonly histogram: Uint32Array;
  /** Smallest and largest mapped high word, and whether a NaN was seen (keyRange). */
  readonly range: Float64Array;
}

/** One buffer of slots, seen through the views the sort and the statistics read. */
export interface SlotBuffer {
  /** Values. */
  readonly f64: Float64Array;
  /** The bits of `f64` (`[2i + HIGH_WORD]` is value i's sign and exponent word). */
  readonly u32: Uint32Array;
  /** Payload per slot. */
  readonly pay: Uint32Array;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** Offset of the high (sign and exponent) word of a Float64 within its pair of Uint32s. */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/** Bytes per slot of {@link KeySortBuffers}, for the memory benchmark. */
export const KEY_SORT_BYTES_PER_SLOT = 24;

/**
 * A buffer of `capacity` slots on `buffer` (12 bytes a slot; a new ArrayBuffer when not
 * given, or a SharedArrayBuffer that another thread writes keys to).
 */
export function slotBuffer(capacity: number, buffer: ArrayBufferLike = new ArrayBuffer(12 * capacity)): SlotBuffer {
  return {
    f64: new Float64Array(buffer, 0, capacity),
    u32: new Uint32Array(buffer, 0, 2 * capacity),
    pay: new Uint32Array(buffer, 8 * capacity, capacity),
  };
}

/** Allocates the buffers for sorting up to `capacity` values (24 bytes a slot), or 12 with a given `a`. */
export function createKeySortBuffers(capacity: number, a?: SlotBuffer): KeySortBuffers {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`createKeySortBuffers: capacity must be a non-negative integer, got ${capacity}`);
  }
  if (a !== undefined && a.f64.length < capacity)
    throw new RangeError(`createKeySortBuffers: the given buffer holds ${a.f64.length} slots, not ${capacity}`);
  return {
    capacity,
    a: a ?? slotBuffer(capacity),
    b: slotBuffer(capacity),
    histogram: new Uint32Array(8 * 1024),
    range: new Float64Array(3),
  };
}

/**
 * Sorts the values in `buffers.a.f64[0..count)` as described above, carrying
 * `buffers.a.pay`. Returns the buffer that holds the result (`a` or `b`).
 */
export function sortKeys(buffers: KeySortBuffers, count: number): SlotBuffer {
  if (count > buffers.capacity)
    throw new RangeError(`sortKeys: ${count} values exceed the capacity ${buffers.capacity}`);
  const hist = buffers.histogram;
  let src = buffers.a;
  let dst = buffers.b;
  if (count < 2) return src;
  const range = buffers.range;
  keyRange(src.u32, count, range);
  if (range[2] !== 0) {
    fullSort(src, dst, count, hist);
    return src;
  }
  const minKey = range[0];
  const { shift, passes, bits } = plan((range[1] - minKey) >>> 0, count <= SMALL_SORT ? 12 : 24);
  const mask = (1 << bits) - 1;
  if (passes > 0) {
    hist.fill(0, 0, 2 << bits);
    histogram(src.u32, count, hist, minKey, shift, bits, mask);
    for (let pass = 0; pass < passes; pass++) {
      const offset = pass << bits;
      if (!prefixSums(hist, offset, 1 << bits, count)) continue;
      scatter(src, dst, count, hist, offset, minKey, shift + pass * bits, mask);
      const t = src;
      src = dst;
      dst = t;
    }
  }
  if (!insertionFix(src.f64, src.pay, count)) fullSort(src, dst, count, hist);
  return src;
}

/** Number of significant bits of a non-negative 32-bit integer. */
function bitLength(x: number): number {
  return 32 - Math.clz32(x);
}

/** Most values sorted on a 12-bit truncated key in one pass (see step 1 above). */
const SMALL_SORT = 8192;

/** Digit plan for the truncated key `(key - min) >>> shift` of at most `keyBits` (12 or 24) bits: 0 to 2 passes of `bits` bits. */
function plan(range: number, keyBits: number): { shift: number; passes: number; bits: number } {
  const length = bitLength(range);
  const shift = length > keyBits ? length - keyBits : 0;
  const significant = length - shift;
  if (significant <= 12) return { shift, passes: significant === 0 ? 0 : 1, bits: 12 };
  return { shift, passes: 2, bits: Math.ceil(significant / 2) };
}

/** A high word mapped so that unsigned order is numeric order (flip the sign bit of positives, every bit of negatives). */
function mapHigh(hi: number): number {
  return (hi & 0x80000000 ? ~hi : hi ^ 0x80000000) >>> 0;
}

/*
 * Every loop over the entries is a function of its own, with nothing after the loop.
 * These run a few times a month over up to millions of entries, so V8 optimizes them
 * mid-loop (on-stack replacement); code after a loop that had not yet run when that
 * happened has no type feedback, and on Node 20 the cached OSR code then deoptimizes
 * there on every later call, finishing the call in the interpreter. With one loop per
 * function and a warm-up on a small input (warmUpKeySort), that never happens.
 */

/** Smallest and largest mapped high word into `range[0..1]`, and `range[2]` = 1 if a value is NaN. */
function keyRange(words: Uint32Array, count: number, range: Float64Array): void {
  let min = 0xffffffff;
  let max = 0;
  let nan = 0;
  for (let i = 0; i < count; i++) {
    const hi = words[2 * i + HI];
    const key = mapHigh(hi);
    if (key < min) min = key;
    if (key > max) max = key;
    // NaN: exponent all ones and a non-zero mantissa (either sign).
    if ((hi & 0x7fffffff) > 0x7ff00000 || ((hi & 0x7fffffff) === 0x7ff00000 && words[2 * i + LO] !== 0)) nan = 1;
  }
  range[0] = min;
  range[1] = max;
  range[2] = nan;
}

/** The two digit histograms of the truncated keys. */
function histogram(
  words: Uint32Array,
  count: number,
  hist: Uint32Array,
  min: number,
  shift: number,
  bits: number,
  mask: number,
): void {
  const high = 1 << bits;
  for (let i = 0; i < count; i++) {
    const t = ((mapHigh(words[2 * i + HI]) - min) >>> shift) >>> 0;
    hist[t & mask]++;
    hist[high + (t >>> bits)]++;
  }
}

/** Exclusive prefix sums of one histogram in place; false when one bucket holds everything (the pass would move nothing). */
function prefixSums(hist: Uint32Array, offset: number, buckets: number, count: number): boolean {
  let position = 0;
  for (let b = 0; b < buckets; b++) {
    const c = hist[offset + b];
    if (c === count) return false;
    hist[offset + b] = position;
    position += c;
  }
  return true;
}

function scatter(
  from: SlotBuffer,
  to: SlotBuffer,
  count: number,
  hist: Uint32Array,
  offset: number,
  min: number,
  shift: number,
  mask: number,
): void {
  const fv = from.f64;
  const fw = from.u32;
  const fp = from.pay;
  const tv = to.f64;
  const tp = to.pay;
  for (let i = 0; i < count; i++) {
    const at = hist[offset + ((((mapHigh(fw[2 * i + HI]) - min) >>> 0) >>> shift) & mask)]++;
    tv[at] = fv[i];
    tp[at] = fp[i];
  }
}

/** Whether `a` comes after `b` in the sort order: numerically greater, or +0 against -0. */
function after(a: number, b: number): boolean {
  return a > b || (a === 0 && b === 0 && 1 / a > 1 / b);
}

/**
 * Insertion sort by the full value, stable (moves an element only past values that come
 * strictly after it). Gives up, returning false, once it has moved more than about 4
 * elements per element plus a constant; the array is then a stable rearrangement still
 * to be sorted.
 */
function insertionFix(values: Float64Array, pay: Uint32Array, count: number): boolean {
  let budget = 4 * count + 4096;
  for (let i = 1; i < count; i++) {
    const v = values[i];
    if (!after(values[i - 1], v)) continue;
    const p = pay[i];
    let j = i;
    do {
      values[j] = values[j - 1];
      pay[j] = pay[j - 1];
      j--;
    } while (j > 0 && after(values[j - 1], v));
    values[j] = v;
    pay[j] = p;
    budget -= i - j;
    if (budget < 0) return false;
  }
  return true;
}

function byteHistograms(words: Uint32Array, count: number, hist: Uint32Array): void {
  for (let i = 0; i < count; i++) {
    const rawHi = words[2 * i + HI];
    const lo = rawHi & 0x80000000 ? ~words[2 * i + LO] : words[2 * i + LO];
    const hi = mapHigh(rawHi);
    hist[lo & 255]++;
    hist[256 + ((lo >>> 8) & 255)]++;
    hist[512 + ((lo >>> 16) & 255)]++;
    hist[768 + (lo >>> 24)]++;
    hist[1024 + (hi & 255)]++;
    hist[1280 + ((hi >>> 8) & 255)]++;
    hist[1536 + ((hi >>> 16) & 255)]++;
    hist[1792 + (hi >>> 24)]++;
  }
}

/** One byte pass of the full sort: byte `shift / 8` of the mapped low (`high` false) or high word. */
function byteScatter(
  from: SlotBuffer,
  to: SlotBuffer,
  count: number,
  hist: Uint32Array,
  offset: number,
  high: boolean,
  shift: number,
): void {
  const fv = from.f64;
  const fw = from.u32;
  const fp = from.pay;
  const tv = to.f64;
  const tp = to.pay;
  for (let i = 0; i < count; i++) {
    const rawHi = fw[2 * i + HI];
    const word = high ? mapHigh(rawHi) : rawHi & 0x80000000 ? ~fw[2 * i + LO] : fw[2 * i + LO];
    const at = hist[offset + ((word >>> shift) & 255)]++;
    tv[at] = fv[i];
    tp[at] = fp[i];
  }
}

/** Full stable LSD sort on the 64 mapped bits, eight byte passes from `src` back into `src`. */
function fullSort(src: SlotBuffer, tmp: SlotBuffer, count: number, hist: Uint32Array): void {
  hist.fill(0, 0, 8 * 256);
  byteHistograms(src.u32, count, hist);
  let from = src;
  let to = tmp;
  for (let pass = 0; pass < 8; pass++) {
    // Every pass runs (no skipping), so an even number of moves ends back in `src`.
    const offset = pass * 256;
    prefixSumsAll(hist, offset, 256);
    byteScatter(from, to, count, hist, offset, pass >= 4, (pass & 3) * 8);
    const t = from;
    from = to;
    to = t;
  }
}

function prefixSumsAll(hist: Uint32Array, offset: number, buckets: number): void {
  let position = 0;
  for (let b = 0; b < buckets; b++) {
    const c = hist[offset + b];
    hist[offset + b] = position;
    position += c;
  }
}

/**
 * Runs the sort on small inputs that take its paths (the truncated radix with the
 * insertion pass, and the full sort), so that V8 has type feedback for all of its code
 * before it first optimizes it in the middle of a large sort (see the note above
 * keyRange). Results are discarded; cheap (about a hundred entries).
 */
export function warmUpKeySort(): void {
  const n = 96;
  const buffers = createKeySortBuffers(n);
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < n; i++) {
      // Values over several binades with some ties, out of order; a NaN in the last round.
      buffers.a.f64[i] = round === 2 && i === 7 ? Number.NaN : 1000 + ((i * 7919) % 97) * 1013.25 * (1 + (i % 3));
      buffers.a.pay[i] = ((i % 3) << 8) | (1 + (i % 5));
    }
    sortKeys(buffers, n);
  }
}
