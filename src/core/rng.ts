import seedrandom from 'seedrandom';

/**
 * A seeded random source. Every stochastic function takes one of these as an argument;
 * nothing in the model touches a global generator.
 *
 * `uniform` is Alea (seedrandom.alea): about 5 ns a draw, 2^116 period, and the same
 * sequence on every platform for the same seed.
 */
export interface Rng {
  /** Uniform draw in [0, 1). */
  readonly uniform: () => number;
  /** Standard normal draw (mean 0, sd 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A copy of the stream's whole state: {@link restoreRng} continues it with the same draws. */
  state(): RngState;
}

/** Everything a stream's future draws depend on (plain data, JSON-safe): Alea's registers and the normal spare. */
export interface RngState {
  readonly alea: { readonly c: number; readonly s0: number; readonly s1: number; readonly s2: number };
  /** The second normal of the last Box-Muller pair, or null when none is waiting. */
  readonly spare: number | null;
}

type Alea = (() => number) & { state(): RngState['alea'] };

/** Creates an Alea-backed {@link Rng} from a 32-bit integer or string seed. */
export function createRng(seed: number | string): Rng {
  return rngOf(seedrandom.alea(String(seed), { state: true }) as unknown as Alea, null);
}

/** Continues a stream from a {@link RngState} taken with `rng.state()`: the draws are those the original would have made. */
export function restoreRng(state: RngState): Rng {
  return rngOf(seedrandom.alea('', { state: { ...state.alea } }) as unknown as Alea, state.spare);
}

function rngOf(uniform: Alea, initialSpare: number | null): Rng {
  // Box-Muller produces normals in pairs; the spare is kept in this closure, not globally,
  // in a typed array: a double in a closure variable would allocate a heap number per draw.
  const spare = new Float64Array(1);
  let hasSpare = initialSpare !== null;
  if (initialSpare !== null) spare[0] = initialSpare;
  return {
    uniform,
    state(): RngState {
      return { alea: uniform.state(), spare: hasSpare ? spare[0] : null };
    },
    normal(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare[0];
      }
      let u = uniform();
      while (u <= 1e-300) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * v;
      spare[0] = r * Math.sin(theta);
      hasSpare = true;
      return r * Math.cos(theta);
    },
    int(n: number): number {
      return Math.floor(uniform() * n);
    },
    chance(p: number): boolean {
      return uniform() < p;
    },
  };
}
