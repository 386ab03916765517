import { integerAmount } from '../core/rounding.js';
import type { StrategyMeta } from '../core/strategy.js';
import { NO_DATA_ESTIMATE } from '../plays/estimators.js';
import type { HeteroCollector, HeteroEstimator, HeteroPlay, HeteroSubmitter } from './strategy.js';

/** The integer amount standing for a continuous n*_{i,k}: 0 stays 0, anything else is ⌈n*⌉ (src/core/rounding.ts). */
export function heteroAmount(nStar: number): number {
  return nStar > 0 ? integerAmount(nStar) : 0;
}

/**
 * The integer amount nearest a continuous optimum n* that does best under the
 * convex penalty f: ⌊n*⌋ or ⌈n*⌉ (at least 1; 0 stays 0). Rounding up
 * instead can leave a real, if tiny, gain to whoever collects one point less.
 */
export function bestNeighbour(nStar: number, f: (n: number) => number): number {
  if (!(nStar > 0)) return 0;
  const hi = heteroAmount(nStar);
  const lo = Math.max(1, hi - 1);
  return lo !== hi && f(lo) < f(hi) ? lo : hi;
}

/** n_i = the mechanism's integer recommendation. */
export const collectRecommended: HeteroCollector = (info) => info.nRecommended;

/** f = id: submit every collected point of every distribution (seed 001, eq. (9)). */
export const submitTruthfully: HeteroSubmitter = (x) => x;

/**
 * h^ACC(·, ·, I) = I: accept the mechanism's estimate (seed 001, eq. (9)).
 * Where the mechanism had no data for k, the estimate is NO_DATA_ESTIMATE
 * (its max risk over μ is infinite; the evaluator scores it on the μ grid).
 */
export function acceptEstimate(d: number): HeteroEstimator {
  const out = new Float64Array(d);
  return (_x, _y, a) => {
    for (let k = 0; k < d; k++) {
      const e = a.estimate[k];
      out[k] = Number.isNaN(e) ? NO_DATA_ESTIMATE : e;
    }
    return out;
  };
}

/** s*_i = (n*_i, id, h^ACC) (seed 001, eq. (9)). */
export function acceptingPlay(d: number): HeteroPlay {
  return { collect: collectRecommended, submit: submitTruthfully, estimate: acceptEstimate(d) };
}

export const acceptingMeta: StrategyMeta = { truthful: true, equivariant: true, stochastic: false };

/** n̄[i][k] = heteroAmount(n[i][k]) for a whole allocation. */
export function integerAllocation(n: readonly (readonly number[])[]): number[][] {
  return n.map((row) => row.map(heteroAmount));
}
