import { mean, type ReadonlyFloat64Array } from '../core/data.js';
import type { ParamSpec } from '../core/params.js';
import type { Rng } from '../random/index.js';
import { amountCeiling, type HeteroInfo } from './info.js';
import type { HeteroCollector, HeteroEstimator, HeteroSubmitter, OwnData } from './strategy.js';

/**
 * Building blocks for deviations that change one distribution k and play the
 * recommended strategy on every other (spec/001 §6: "search n per k
 * separately; the penalty is separable").
 */

/** The distribution a deviation acts on. */
export const K_PARAM: ParamSpec<HeteroInfo> = { kind: 'int', min: 0, max: (info) => info.instance.d - 1, default: 0, description: 'distribution k it acts on (0-based)' };

/** An amount to collect on k, from 0 to a few times the larger of n^IND and the recommendation. */
export const N_PARAM: ParamSpec<HeteroInfo> = {
  kind: 'int',
  min: 0,
  max: (info) => Math.max(...info.costs.map((_, k) => amountCeiling(info, k))),
  default: (info) => info.nRecommended[0],
  description: 'points collected on k',
};

/** Collect the recommendation everywhere but k, and n on k (0 where k cannot be sampled). */
export function collectOnK(k: number, n: number): HeteroCollector {
  return (info) => {
    const out = [...info.nRecommended];
    out[k] = info.costs[k] === Infinity ? 0 : n;
    return out;
  };
}

/** Submit truthfully everywhere but k, where Y_k = f(X, rng). */
export function submitOnK(k: number, f: (x: OwnData, info: HeteroInfo, rng: Rng) => ArrayLike<number>): HeteroSubmitter {
  return (x, info, rng) => x.map((xk, j) => (j === k ? f(x, info, rng) : xk));
}

/** Estimate as recommended everywhere but k, where the estimate is g(…, recommended), given the recommended estimate. */
export function estimateOnK(
  k: number,
  g: (x: OwnData, y: OwnData, a: Parameters<HeteroEstimator>[2], info: HeteroInfo, recommended: ArrayLike<number>) => number,
): HeteroEstimator {
  let out = new Float64Array(0); // reused: the round player reads the estimate before the next call
  return (x, y, a, info) => {
    const base = info.recommendedEstimate(x, y, a, info);
    if (out.length !== base.length) out = new Float64Array(base.length);
    out.set(base);
    out[k] = g(x, y, a, info, base);
    return out;
  };
}

/** `count` fake points ~ N(center, σ²) (spec/001 §6: fabrication). */
export function fakes(rng: Rng, count: number, center: number, sigma: number): Float64Array {
  const out = new Float64Array(count);
  rng.fillNormal(out, 0, count, center, sigma);
  return out;
}

/** Her real points of k followed by `extra` fakes drawn around their mean (padding, spec/001 §6). */
export function padded(xk: ReadonlyFloat64Array, extra: number, sigma: number, rng: Rng): Float64Array {
  const out = new Float64Array(xk.length + extra);
  out.set(xk as unknown as ArrayLike<number>);
  if (extra > 0 && xk.length > 0) rng.fillNormal(out, xk.length, extra, mean(xk), sigma);
  return out;
}

/** A new array with f applied to every point of xk. */
export function mapPoints(xk: ReadonlyFloat64Array, f: (v: number) => number): Float64Array {
  const out = new Float64Array(xk.length);
  for (let j = 0; j < xk.length; j++) out[j] = f(xk[j]);
  return out;
}
