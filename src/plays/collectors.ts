import type { Collector } from '../core/strategy.js';

/** Collect a fixed number of points. */
export function fixed(n: number): Collector {
  return () => n;
}

/** Collect what the mechanism recommends (⌈n*⌉). */
export const recommendedAmount: Collector = (info) => info.nRecommended;
