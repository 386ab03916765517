import { defineMarketStrategy, MARKET_N_PARAM } from '../../src/market/strategy.js';

/** Collect n points (default N_i* + 1) and submit only the first `keep` of them (default N_i*). */
export default defineMarketStrategy({
  name: 'truncate',
  description: 'Collect n, submit the first `keep` points.',
  source: 'spec/003 §5.1 (collect 17, submit 16)',
  params: {
    n: { ...MARKET_N_PARAM, default: (info) => info.nRecommended + 1 },
    keep: { ...MARKET_N_PARAM, description: 'points submitted' },
  },
  meta: ({ keep }) => ({ truthful: false, equivariant: keep > 0, stochastic: false }),
  build: ({ n, keep }) => ({ collect: () => n, submit: (x) => x.subarray(0, Math.min(keep, x.length)) }),
  moments: ({ n, keep }, info) => {
    const k = Math.min(n, keep);
    return { n, size: k, mse: k > 0 ? (info.sigma * info.sigma) / k : null };
  },
});
