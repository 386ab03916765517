import type { ReadonlyFloat64Array } from './data.js';

/**
 * What a mechanism returns to one agent (seed 000 §2: A_i).
 * - pool / PCS: `clean` = the others' pooled data.
 * - C3D: `clean` = Z_i, `corrupted` = Z'_i, `eta2` = η_i² (Algorithm 1).
 * - CDED: `corrupted` = Z_i and `deployed` = the mechanism's estimate (Algorithm 3).
 */
export interface Allocation {
  readonly clean: ReadonlyFloat64Array;
  readonly corrupted: ReadonlyFloat64Array;
  /** Variance of the noise added to each corrupted point; +Infinity when the corrupted data was withheld. */
  readonly eta2: number;
  /** The estimate the mechanism deploys for this agent, or null when the agent estimates herself. */
  readonly deployed: number | null;
}
