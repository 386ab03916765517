import type { SimInstance } from './info.js';
import { heteroAmount } from './plays.js';

/**
 * Penalty of working alone (the `alone` strategy): n^IND = σ/√c of every
 * distribution she can sample, her own sample means (seed 001, Fact 1):
 * Σ_k σ²/n + c·n, at the integer amounts or (continuous) at n^IND itself,
 * where it is 2σ√c. +∞ if some distribution is beyond her reach.
 */
export function alonePenalty(inst: SimInstance, agent: number, continuous = false): number {
  const s = inst.sigma;
  let p = 0;
  for (const c of inst.costs[agent]) {
    if (c === Infinity) return Number.POSITIVE_INFINITY;
    const nInd = s / Math.sqrt(c); // seed 001, Fact 1
    const n = continuous ? nInd : heteroAmount(nInd);
    p += (s * s) / n + c * n; // σ²/n + cn (= 2σ√c at n^IND)
  }
  return p;
}
