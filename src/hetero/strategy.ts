import type { ReadonlyFloat64Array } from '../core/data.js';
import type { ParamSpecs, ParamValues } from '../core/params.js';
import type { StrategyMeta } from '../core/strategy.js';
import type { Rng } from '../random/index.js';
import type { HeteroAllocation } from './allocation.js';
import type { HeteroInfo } from './info.js';

/** Her own data X_i: one read-only array per distribution k (spec/001 §1). */
export type OwnData = readonly ReadonlyFloat64Array[];

/** n_i ∈ ℕ^d: how many points to collect from each distribution. */
export type HeteroCollector = (info: HeteroInfo, rng: Rng) => ArrayLike<number>;
/** f_i: Y_i = f_i(X_i), one array per distribution; Y_{i,k} may depend on X_{i,ℓ} for ℓ ≠ k. May return `x` itself. */
export type HeteroSubmitter = (x: OwnData, info: HeteroInfo, rng: Rng) => readonly ArrayLike<number>[];
/** h_i(X_i, Y_i, I_i) ∈ R^d. */
export type HeteroEstimator = (x: OwnData, y: OwnData, a: HeteroAllocation, info: HeteroInfo) => ArrayLike<number>;

/** A strategy s_i = (n_i, f_i, h_i) of the d-distribution family (spec/001 §1). */
export interface HeteroPlay {
  readonly collect: HeteroCollector;
  readonly submit: HeteroSubmitter;
  readonly estimate: HeteroEstimator;
}

/**
 * A strategy plugin of the d-distribution family: like a seed-000 strategy
 * (src/core/strategy.ts), `build` returns only the parts it changes and the
 * rest comes from the mechanism's recommended play.
 */
export interface HeteroStrategyPlugin<S extends ParamSpecs<HeteroInfo> = ParamSpecs<HeteroInfo>> {
  readonly kind: 'hetero-strategy';
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly params: S;
  readonly meta: StrategyMeta | ((p: ParamValues<S>) => StrategyMeta);
  build(params: ParamValues<S>, info: HeteroInfo): Partial<HeteroPlay>;
}

export function defineHeteroStrategy<S extends ParamSpecs<HeteroInfo>>(plugin: Omit<HeteroStrategyPlugin<S>, 'kind'>): HeteroStrategyPlugin<S> {
  return Object.freeze({ kind: 'hetero-strategy' as const, ...plugin });
}
