import { defineMarketStrategy, MARKET_N_PARAM, meanOf } from '../../src/market/strategy.js';

/** Collect n points, fit N(μ̂, σ²) and submit `count` fresh draws from the fit (fit-and-resample, spec/003 §5.1). */
export default defineMarketStrategy({
  name: 'resample',
  description: 'Collect n, submit `count` draws from N(mean of the data, σ²).',
  source: 'spec/003 §5.1 (fit-and-resample), §5.4',
  params: {
    n: MARKET_N_PARAM,
    count: { ...MARKET_N_PARAM, description: 'points drawn and submitted' },
  },
  meta: ({ n }) => ({ truthful: false, equivariant: n > 0, stochastic: true }),
  build: ({ n, count }, info) => ({
    collect: () => n,
    submit: (x, _info, rng) => {
      const y = new Float64Array(count);
      rng.fillNormal(y, 0, count, x.length > 0 ? meanOf(x) : 0, info.sigma);
      return y;
    },
  }),
  // mean of the draws = μ̂(X) + N(0, σ²/count): MSE σ²/n + σ²/count (spec/003 §5.1); n = 0 centres on 0 (unbounded)
  moments: ({ n, count }, info) => ({ n, size: count, mse: n > 0 && count > 0 ? (info.sigma * info.sigma) * (1 / n + 1 / count) : null }),
});
