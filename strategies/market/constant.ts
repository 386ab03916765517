import { defineMarketStrategy, MARKET_N_PARAM } from '../../src/market/strategy.js';

/**
 * Collect nothing and submit `count` copies of value·σ: the constant report of spec/003 §5.1 and, with
 * value set to the other contributor's known data-independent report ν, "copying or matching the
 * other's report" (§5.2 Lemma 5, §5.4) — the collusive profile of §5.3 is every collector playing it
 * with the same value. (A strategy never sees another contributor's submission: only a report that is
 * public because it is data-independent can be matched.)
 */
export default defineMarketStrategy({
  name: 'constant',
  description: 'Collect 0, submit `count` copies of value·σ.',
  source: 'spec/003 §5.1 (constant report), §5.3 (collusive profile), §5.4 (matching the other’s known report)',
  params: {
    value: { kind: 'real', min: -1000, max: 1000, default: 0, description: 'reported value, in units of σ' },
    count: { ...MARKET_N_PARAM, description: 'copies submitted' },
  },
  meta: { truthful: false, equivariant: false, stochastic: false },
  build: ({ value, count }, info) => ({ collect: () => 0, submit: () => new Float64Array(count).fill(value * info.sigma) }),
  moments: ({ count }) => ({ n: 0, size: count, mse: null }),
});
