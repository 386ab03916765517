import type { ReadonlyFloat64Array } from './data.js';

/**
 * What a mechanism returns to one agent (seed 000 §2: A_i).
 * - pool / PCS: `clean` = the others' pooled data.
 * - C3D: `clean` = Z_i, `corrupted` = Z'_i, `eta2` = η_i² (Algorithm 1).
 * - CDED: `corrupted` = Z_i and `deployed` = the mechanism's estimate (Algorithm 3).
 *
 * The sums and counts are always filled. The corrupted points themselves are
 * materialised only for estimators that read points; an estimator marked
 * with `usesSumsOnly` (src/core/sufficient.ts) gets an empty `corrupted`
 * array and reads `corruptedSum` and `corruptedCount` instead, which saves
 * writing and re-reading (m−2)n* noisy points per agent and round.
 */
export interface Allocation {
  readonly clean: ReadonlyFloat64Array;
  readonly corrupted: ReadonlyFloat64Array;
  readonly cleanSum: number;
  readonly corruptedSum: number;
  /** Number of corrupted points (equals corrupted.length when they are materialised). */
  readonly corruptedCount: number;
  /** Variance of the noise added to each corrupted point; +Infinity when the corrupted data was withheld. */
  readonly eta2: number;
  /** The estimate the mechanism deploys for this agent, or null when the agent estimates herself. */
  readonly deployed: number | null;
}
