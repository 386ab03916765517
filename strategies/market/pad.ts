import { defineMarketStrategy, MARKET_N_PARAM, meanOf } from '../../src/market/strategy.js';

/** Collect n points and submit them plus `extra` copies of their mean (f_b of seed 003, Lemma 8). */
export default defineMarketStrategy({
  name: 'pad',
  description: 'Collect n, submit them padded with `extra` copies of their mean (0 if n = 0).',
  source: 'spec/003 §5.1 (under/over-collect, pad with copies of the mean)',
  params: {
    n: MARKET_N_PARAM,
    extra: { ...MARKET_N_PARAM, default: 0, description: 'copies of the mean appended' },
  },
  meta: ({ n }) => ({ truthful: false, equivariant: n > 0, stochastic: false }),
  build: ({ n, extra }) => ({
    collect: () => n,
    submit: (x) => {
      const y = new Float64Array(x.length + extra);
      for (let k = 0; k < x.length; k++) y[k] = x[k] as number;
      const mean = x.length > 0 ? meanOf(x) : 0;
      y.fill(mean, x.length);
      return y;
    },
  }),
  // The mean of the padded set is μ̂(X): MSE σ²/n (spec/003 §5.1).
  moments: ({ n, extra }, info) => ({ n, size: n + extra, mse: n > 0 ? (info.sigma * info.sigma) / n : null }),
});
