import type { MarketStrategyPlugin } from '../../src/market/strategy.js';
import bias from './bias.js';
import collect from './collect.js';
import constant from './constant.js';
import fabricate from './fabricate.js';
import pad from './pad.js';
import recommended from './recommended.js';
import resample from './resample.js';
import shrink from './shrink.js';
import truncate from './truncate.js';

/** The built-in contributor strategies of the market family (seed 003), in catalogue order. */
export const builtinMarketStrategies: readonly MarketStrategyPlugin[] = [
  recommended,
  collect,
  fabricate,
  pad,
  truncate,
  resample,
  bias,
  shrink,
  constant,
] as readonly MarketStrategyPlugin[];
