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
}

/** Creates an Alea-backed {@link Rng} from a 32-bit integer or string seed. */
export function createRng(seed: number | string): Rng {
  const uniform = seedrandom.alea(String(seed)) as unknown as () => number;
  // Box-Muller produces normals in pairs; the spare is kept in this closure, not globally,
  // in a typed array: a double in a closure variable would allocate a heap number per draw.
  const spare = new Float64Array(1);
  let hasSpare = false;
  return {
    uniform,
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
