import type { Rng } from '../../core/rng.js';
import { JOE_KUO_DIRECTIONS } from './joeKuo.js';

/** Dimensions the bundled Joe-Kuo table supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/** Bits per coordinate: points are multiples of 2^-32. */
const BITS = 32;
const TWO_32 = 2 ** 32;

/**
 * The first `count` points of a Sobol' sequence in `dimensions` dimensions, built from
 * the Joe-Kuo (2008) direction numbers, in Gray-code order (Antonov-Saleev), so that
 * without scrambling point i equals scipy.stats.qmc.Sobol(scramble=False, bits=32)'s.
 * Keep `count` a power of two: only then do the points form a balanced (t,m,s)-net.
 *
 * With `scramble`, each dimension is randomised by linear matrix scrambling (a random
 * lower-triangular binary matrix with unit diagonal applied to its direction numbers,
 * Matousek 1998) followed by a random digital shift (XOR with a random 32-bit word),
 * the same randomisation as scipy's `scramble=True`. This is not Owen's full nested
 * scrambling, but it keeps the net property, removes the all-zero first point and
 * makes every point uniform on [0,1)^d, so estimates from the points are unbiased.
 * All random draws come from the Rng passed in.
 *
 * @example sobolSequence(4, 2) // => [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 * @example sobolSequence(1024, 6, { scramble: createRng(42) }) // 1024 rows of 6 numbers in [0,1)
 */
export function sobolSequence(count: number, dimensions: number, options: { scramble?: Rng } = {}): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(
      `sobolSequence: dimensions must be an integer in 1..${SOBOL_MAX_DIMENSIONS}, got ${dimensions}`,
    );
  }
  if (!Number.isInteger(count) || count < 0 || count > TWO_32) {
    throw new RangeError(`sobolSequence: count must be an integer in 0..2^32, got ${count}`);
  }
  const directions: Uint32Array[] = [];
  const shifts = new Uint32Array(dimensions);
  for (let d = 0; d < dimensions; d++) {
    let v = directionNumbers(d);
    if (options.scramble) {
      v = scrambleDirections(v, options.scramble);
      shifts[d] = randomWord(options.scramble);
    }
    directions.push(v);
  }
  const points: number[][] = new Array(count);
  const x = Uint32Array.from(shifts);
  for (let i = 0; i < count; i++) {
    const row = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d++) row[d] = x[d] / TWO_32;
    points[i] = row;
    // Antonov-Saleev: the next Gray-code point differs from this one in one bit, the
    // lowest zero bit of i, so it is one XOR per dimension.
    const c = lowestZeroBit(i);
    if (c < BITS) for (let d = 0; d < dimensions; d++) x[d] ^= directions[d][c];
  }
  return points;
}

/**
 * Direction numbers v_1..v_32 of dimension d (0-based), as 32-bit words with v_k's
 * leading bit at position 32-k. The recurrence is Bratley and Fox (1988), eq. (2),
 * as used in Joe and Kuo's own generator.
 */
function directionNumbers(d: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (d === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const row = JOE_KUO_DIRECTIONS[d - 1];
  const s = row[1];
  const a = row[2];
  const m = row.slice(3);
  for (let k = 0; k < Math.min(s, BITS); k++) v[k] = (m[k] * 2 ** (BITS - 1 - k)) >>> 0;
  for (let k = s; k < BITS; k++) {
    let value = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
    for (let j = 1; j < s; j++) {
      if ((a >>> (s - 1 - j)) & 1) value = (value ^ v[k - j]) >>> 0;
    }
    v[k] = value;
  }
  return v;
}

/**
 * Left-multiplies every direction number by one random lower-triangular binary matrix
 * with unit diagonal. Digit 1 is the most significant bit; output digit k mixes input
 * digits 1..k, so the matrix is invertible and the scrambled set is still a net.
 */
function scrambleDirections(v: Uint32Array, rng: Rng): Uint32Array {
  const rows = new Uint32Array(BITS);
  for (let bit = BITS - 1; bit >= 0; bit--) {
    // Only more significant input bits (positions above `bit`) may feed output `bit`.
    const above = bit === BITS - 1 ? 0 : (0xffffffff << (bit + 1)) >>> 0;
    rows[bit] = ((randomWord(rng) & above) | (1 << bit)) >>> 0;
  }
  const out = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) {
    let word = 0;
    for (let bit = 0; bit < BITS; bit++) {
      if (parity(rows[bit] & v[k])) word |= 1 << bit;
    }
    out[k] = word >>> 0;
  }
  return out;
}

function randomWord(rng: Rng): number {
  return Math.floor(rng.uniform() * TWO_32) >>> 0;
}

function parity(word: number): number {
  let w = word >>> 0;
  w ^= w >>> 16;
  w ^= w >>> 8;
  w ^= w >>> 4;
  w ^= w >>> 2;
  w ^= w >>> 1;
  return w & 1;
}

/** Index of the lowest zero bit of a non-negative integer (0 for even numbers). */
function lowestZeroBit(i: number): number {
  let c = 0;
  let n = i;
  while (n % 2 === 1) {
    n = (n - 1) / 2;
    c++;
  }
  return c;
}
