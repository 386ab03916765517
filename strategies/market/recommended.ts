import { defineMarketStrategy } from '../../src/market/strategy.js';

/** s_i* = (N_i*, I): collect what the mechanism asks, submit it all (seed 003 §1.5). */
export default defineMarketStrategy({
  name: 'recommended',
  description: 'Collect N_i*, submit truthfully.',
  source: 'seed 003 §1.5 (the well-behaved profile s*)',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({}),
  // |Y_i| = N_i*, MSE σ²/N_i* (seed 003 §1.1: μ̂ − μ ∼ N(0, σ²/m)).
  moments: (_p, info) => ({ n: info.nRecommended, size: info.nRecommended, mse: info.nRecommended > 0 ? (info.sigma * info.sigma) / info.nRecommended : null }),
});
