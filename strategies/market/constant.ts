import { defineMarketStrategy, MARKET_N_PARAM } from '../../src/market/strategy.js';

/** Collect nothing and submit `count` copies of value·σ (the constant report of spec/003 §5.1, §5.3). */
export default defineMarketStrategy({
  name: 'constant',
  description: 'Collect 0, submit `count` copies of value·σ.',
  source: 'spec/003 §5.1 (constant report), §5.3 (collusive profile)',
  params: {
    value: { kind: 'real', min: -1000, max: 1000, default: 0, description: 'reported value, in units of σ' },
    count: { ...MARKET_N_PARAM, description: 'copies submitted' },
  },
  meta: { truthful: false, equivariant: false, stochastic: false },
  build: ({ value, count }, info) => ({ collect: () => 0, submit: () => new Float64Array(count).fill(value * info.sigma) }),
  moments: ({ count }) => ({ n: 0, size: count, mse: null }),
});
