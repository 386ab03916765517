import type { SimInstance } from './info.js';
import { bestNeighbour } from './plays.js';

/** The integer amount of working alone on a distribution: the better neighbour of n^IND = σ/√c (seed 001, Fact 1). */
export function aloneAmount(sigma: number, c: number): number {
  return c === Infinity ? 0 : bestNeighbour(sigma / Math.sqrt(c), (n) => (sigma * sigma) / n + c * n); // σ²/n + cn
}

/**
 * Penalty of working alone (the `alone` strategy): n^IND = σ/√c of every
 * distribution she can sample, her own sample means (seed 001, Fact 1):
 * Σ_k σ²/n + c·n, at the integer amounts (aloneAmount) or (continuous) at n^IND itself,
 * where it is 2σ√c. +∞ if some distribution is beyond her reach.
 */
export function alonePenalty(inst: SimInstance, agent: number, continuous = false): number {
  const s = inst.sigma;
  let p = 0;
  for (const c of inst.costs[agent]) {
    if (c === Infinity) return Number.POSITIVE_INFINITY;
    const n = continuous ? s / Math.sqrt(c) : aloneAmount(s, c); // seed 001, Fact 1: n^IND = σ/√c
    p += (s * s) / n + c * n; // σ²/n + cn (= 2σ√c at n^IND)
  }
  return p;
}
