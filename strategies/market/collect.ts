import { defineMarketStrategy, MARKET_N_PARAM } from '../../src/market/strategy.js';

/** Collect n points instead of N_i* and submit them all (under/over-collection; n = 0 submits nothing). */
export default defineMarketStrategy({
  name: 'collect',
  description: 'Collect n points, submit all of them.',
  source: 'spec/003 §5.1 (submit the wrong count truthfully), §5.4',
  params: { n: MARKET_N_PARAM },
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ n }) => ({ collect: () => n }),
  // |Y_i| = n, MSE σ²/n; an empty report has a constant mean (unbounded over μ).
  moments: ({ n }, info) => ({ n, size: n, mse: n > 0 ? (info.sigma * info.sigma) / n : null }),
});
