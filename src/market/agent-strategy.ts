import type { StrategyMeta } from '../core/strategy.js';
import { bindParts } from '../engine/agent-strategy.js';
import type { MarketInfo } from './info.js';
import type { MarketMoments, MarketRun } from './mechanism.js';
import type { MarketModel } from './model.js';
import { RECOMMENDED_MARKET_META, RECOMMENDED_MARKET_PLAY, type MarketPlay, type MarketStrategyPlugin } from './strategy.js';

/** A market strategy bound to parameters, a mechanism and a contributor. */
export interface MarketAgentStrategy {
  readonly plugin: MarketStrategyPlugin;
  readonly params: Readonly<Record<string, number>>;
  readonly label: string;
  readonly play: MarketPlay;
  readonly meta: StrategyMeta;
  readonly info: MarketInfo;
  /** The plugin's moments (spec/003 §5.1), null if it declares none. */
  readonly moments: MarketMoments | null;
}

export function marketInfo(model: MarketModel, run: MarketRun, agent: number): MarketInfo {
  return Object.freeze({
    sigma: model.sigma,
    costs: model.costs,
    agent,
    cost: model.costs[agent] as number,
    nRecommended: run.split[agent] as number,
    nPlus: model.a1.nPlus,
    mechanism: run.mechanism,
  });
}

/** Binds `plugin` with parameters `given` for contributor `agent` under `run`. */
export function bindMarketStrategy(
  plugin: MarketStrategyPlugin,
  given: Readonly<Record<string, number>>,
  model: MarketModel,
  run: MarketRun,
  agent: number,
): MarketAgentStrategy {
  const info = marketInfo(model, run, agent);
  const bound = bindParts<MarketInfo, MarketPlay>(plugin, given, info, RECOMMENDED_MARKET_PLAY, RECOMMENDED_MARKET_META);
  const moments = plugin.moments ? plugin.moments(bound.params as never, info) : null;
  return { plugin, ...bound, info, moments };
}
