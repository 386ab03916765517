/** What a contributor's strategy may know (spec/003 §1.4: the instance and the mechanism are public). */
export interface MarketInfo {
  readonly sigma: number;
  /** Every contributor's c_i, file order. */
  readonly costs: readonly number[];
  /** Her index in the file. */
  readonly agent: number;
  /** Her own c_i. */
  readonly cost: number;
  /** N_i*: how much the mechanism tells her to collect (0 when the market is closed). */
  readonly nRecommended: number;
  /** N+ of Algorithm 1. */
  readonly nPlus: number;
  readonly mechanism: string;
}

/** Largest number of points a strategy may collect or submit (guards memory). */
export const MARKET_MAX_POINTS = 10_000_000;
