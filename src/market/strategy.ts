import type { ReadonlyFloat64Array } from '../core/data.js';
import type { ParamSpecs, ParamValues } from '../core/params.js';
import type { StrategyMeta } from '../core/strategy.js';
import type { Rng } from '../random/index.js';
import type { MarketInfo } from './info.js';
import type { MarketMoments } from './mechanism.js';

/** n_i: how many points to collect. */
export type MarketCollector = (info: MarketInfo, rng: Rng) => number;
/** f_i: Y_i = f_i(X_i), any size (may fabricate). May return `x` itself. */
export type MarketSubmitter = (x: ReadonlyFloat64Array, info: MarketInfo, rng: Rng) => ArrayLike<number>;

/** A contributor's strategy s_i = (n_i, f_i) (seed 003 §1.3). */
export interface MarketPlay {
  readonly collect: MarketCollector;
  readonly submit: MarketSubmitter;
}

/** A strategy plugin of the market family; `build` returns the parts it changes (the rest is the recommended play). */
export interface MarketStrategyPlugin<S extends ParamSpecs<MarketInfo> = ParamSpecs<MarketInfo>> {
  readonly kind: 'market-strategy';
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly params: S;
  readonly meta: StrategyMeta | ((p: ParamValues<S>) => StrategyMeta);
  build(params: ParamValues<S>, info: MarketInfo): Partial<MarketPlay>;
  /** n_i, |Y_i| and sup_μ MSE of μ̂(Y_i) for the closed forms of spec/003 §5.1 (omit if not mean-based). */
  moments?(params: ParamValues<S>, info: MarketInfo): MarketMoments;
}

export function defineMarketStrategy<S extends ParamSpecs<MarketInfo>>(plugin: Omit<MarketStrategyPlugin<S>, 'kind'>): MarketStrategyPlugin<S> {
  return Object.freeze({ kind: 'market-strategy' as const, ...plugin });
}

/** The recommended play s_i* = (N_i*, I) (seed 003 §1.5). */
export const RECOMMENDED_MARKET_PLAY: MarketPlay = Object.freeze({
  collect: (info: MarketInfo) => info.nRecommended,
  submit: (x: ReadonlyFloat64Array) => x,
});

export const RECOMMENDED_MARKET_META: StrategyMeta = Object.freeze({ truthful: true, equivariant: true, stochastic: false });

/** Parameter n (points to collect), default N_i*. */
export const MARKET_N_PARAM = {
  kind: 'int',
  min: 0,
  max: (info: MarketInfo) => Math.max(1000, 100 * info.nPlus),
  default: (info: MarketInfo) => info.nRecommended,
  description: 'points collected',
} as const;

/** Mean of x (NaN for an empty array). */
export function meanOf(x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k] as number;
  return s / x.length;
}
