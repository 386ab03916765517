import { defineMarketStrategy, MARKET_N_PARAM } from '../../src/market/strategy.js';

/** Collect n points, discard them and submit `count` fakes ~ N(guess·σ, σ²) (spec/003 §5.1, i.i.d. fake report). */
export default defineMarketStrategy({
  name: 'fabricate',
  description: 'Collect n, submit `count` fakes drawn from N(guess·σ, σ²) instead.',
  source: 'spec/003 §5.1 (fabrication with n = 0), §2.5 (naive best response)',
  params: {
    n: { ...MARKET_N_PARAM, default: 0 },
    count: { ...MARKET_N_PARAM, default: (info) => info.nRecommended, description: 'fake points submitted' },
    guess: { kind: 'real', min: -1000, max: 1000, default: 0, description: 'centre of the fakes, in units of σ' },
  },
  meta: { truthful: false, equivariant: false, stochastic: true },
  build: ({ n, count, guess }, info) => ({
    collect: () => n,
    submit: (_x, _info, rng) => {
      const y = new Float64Array(count);
      rng.fillNormal(y, 0, count, guess * info.sigma, info.sigma);
      return y;
    },
  }),
  moments: ({ n, count }) => ({ n, size: count, mse: null }), // centred on a guess: sup_μ bias² = ∞
});
