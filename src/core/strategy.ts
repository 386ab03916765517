import type { Allocation } from './allocation.js';
import type { ReadonlyFloat64Array } from './data.js';
import type { ParamSpecs, ParamValues } from './params.js';
import type { PublicInfo } from './public-info.js';
import type { Rng } from '../random/index.js';

/** n_i: how many points to collect (a non-negative integer). */
export type Collector = (info: PublicInfo, rng: Rng) => number;
/** f_i: what to submit, given the agent's own data X_i. May return `x` itself. */
export type Submitter = (x: ReadonlyFloat64Array, info: PublicInfo, rng: Rng) => ArrayLike<number>;
/** h_i: the agent's estimate of μ from her data, her submission and her allocation. */
export type Estimator = (x: ReadonlyFloat64Array, y: ReadonlyFloat64Array, a: Allocation, info: PublicInfo) => number;

/** A full strategy s_i = (n_i, f_i, h_i) (seed 000 §2). */
export interface Play {
  readonly collect: Collector;
  readonly submit: Submitter;
  readonly estimate: Estimator;
}

/** Facts about a strategy that the evaluator and the search rely on. */
export interface StrategyMeta {
  /** Submits its data unaltered. */
  readonly truthful: boolean;
  /** f(X + t) = f(X) + t and h shifts with t, so the risk does not depend on μ (spec/000 §5). */
  readonly equivariant: boolean;
  /** Uses its random stream. */
  readonly stochastic: boolean;
  /**
   * Takes no part in the mechanism: her own estimate stands even where the
   * mechanism deploys one (the IR benchmark of working alone).
   */
  readonly optsOut?: boolean;
}

/**
 * A strategy plugin: a deviation from (or replacement of) the mechanism's
 * recommended play. `build` returns only the parts it changes; the rest
 * comes from the recommended profile.
 */
export interface StrategyPlugin<S extends ParamSpecs = ParamSpecs> {
  readonly kind: 'strategy';
  readonly name: string;
  readonly description: string;
  /** Where the strategy comes from, e.g. "spec/002 D1". */
  readonly source: string;
  readonly params: S;
  readonly meta: StrategyMeta | ((p: ParamValues<S>) => StrategyMeta);
  build(params: ParamValues<S>, info: PublicInfo): Partial<Play>;
}

/** Identity helper that gives a strategy file full type inference. */
export function defineStrategy<S extends ParamSpecs>(plugin: Omit<StrategyPlugin<S>, 'kind'>): StrategyPlugin<S> {
  return Object.freeze({ kind: 'strategy' as const, ...plugin });
}

export function metaOf<S extends ParamSpecs>(plugin: StrategyPlugin<S>, params: ParamValues<S>): StrategyMeta {
  return typeof plugin.meta === 'function' ? plugin.meta(params) : plugin.meta;
}
