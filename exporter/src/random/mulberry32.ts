/**
 * mulberry32: a 32-bit seeded PRNG. The demo must replay the same traffic for the same
 * seed and tick sequence (tests compare whole /metrics texts), which `Math.random`
 * cannot do. Its statistical quality is plenty for synthetic traffic; it is not for crypto.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1), fully determined by `seed` (any integer; taken modulo 2^32). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
