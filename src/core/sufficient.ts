import type { Estimator } from './strategy.js';

const SUMS_ONLY = Symbol.for('arena.usesSumsOnly');

/**
 * Marks an estimator that reads the allocation only through its sums and
 * counts (cleanSum, corruptedSum, corruptedCount) and never the corrupted
 * points. The engine then lets the mechanism skip materialising them
 * (DESIGN: "only when the plugin declares it"). Returns the same function.
 */
export function usesSumsOnly<E extends Estimator>(estimator: E): E {
  Object.defineProperty(estimator, SUMS_ONLY, { value: true });
  return estimator;
}

export function isSumsOnly(estimator: Estimator): boolean {
  return (estimator as unknown as Record<symbol, unknown>)[SUMS_ONLY] === true;
}
