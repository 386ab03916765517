import type { MarketModel } from './model.js';

/** Prices and payments of one realization, written by MarketRun.settle. */
export interface MarketSettlement {
  /** p_j, one per buyer. */
  readonly prices: Float64Array;
  /** π_i, one per contributor (file order). */
  readonly payments: Float64Array;
  /** Δ = μ̂(Y_1) − μ̂(Y_2) for M*; NaN for mechanisms without one. */
  delta: number;
}

/**
 * What a deviation does to the moments the closed forms need (spec/003 §5.1): n_i collected, the
 * submitted size |Y_i| (data-independent), and sup_μ E_μ[(μ̂(Y_i) − μ)²] (null when unbounded over μ,
 * e.g. fabrication around a guess, shrinkage, a constant report).
 */
export interface MarketMoments {
  readonly n: number;
  readonly size: number;
  readonly mse: number | null;
}

/** A mechanism set up on one market instance. */
export interface MarketRun {
  readonly mechanism: string;
  readonly marketOpen: boolean;
  readonly closedReason: string | undefined;
  /** N_i*, file order (all 0 when closed). */
  readonly split: readonly number[];
  /** m_j*, one per buyer (0 when closed). */
  readonly allocations: readonly number[];
  /** Contributors (file indices) whose submissions form the pool the buyers draw from. */
  readonly pool: readonly number[];
  /** Closed forms on path: E[p_j] and u_i^c (file order). */
  readonly expectedPrices: readonly number[];
  readonly utilities: readonly number[];
  /** Computes p_j and π_i from the submissions only (one array per contributor, file order). */
  settle(submissions: readonly ArrayLike<number>[], out: MarketSettlement): void;
  /**
   * Every contributor's u_i^c (inf over μ) when contributor `agent` deviates with the given moments and
   * the others play s*; null entries where there is no finite closed form.
   */
  closedForm(agent: number, moments: MarketMoments): (number | null)[];
}

export interface MarketMechanismPlugin {
  readonly kind: 'market-mechanism';
  readonly name: string;
  readonly description: string;
  readonly source: string;
  setup(market: MarketModel): MarketRun;
}

export function defineMarketMechanism(plugin: Omit<MarketMechanismPlugin, 'kind'>): MarketMechanismPlugin {
  return Object.freeze({ kind: 'market-mechanism' as const, ...plugin });
}

/** Algorithm 1's output as M* input (seed 003, Algorithm 2 step 1), with v_j^d(m_j+) for buyer utilities. */
export function mstarInputOf(market: MarketModel) {
  const { a1 } = market;
  return {
    sigma: market.sigma,
    costs: market.costs,
    nPlus: a1.nPlus,
    prices: a1.prices,
    allocations: a1.allocation,
    buyerValues: a1.allocation.map((m, j) => (market.valuations[j] as (m: number) => number)(m)),
    opt: a1.opt,
  };
}
