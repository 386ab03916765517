import type { MarketMechanismPlugin } from '../../src/market/mechanism.js';
import mstar from './mstar.js';
import naive from './naive.js';
import single from './single.js';

/** The market mechanisms of seed 003. */
export const builtinMarketMechanisms: readonly MarketMechanismPlugin[] = [mstar, naive, single];
