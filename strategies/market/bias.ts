import { defineMarketStrategy } from '../../src/market/strategy.js';

/** Collect N_i* and submit x + δσ (a constant bias: MSE σ²/N_i* + δ²σ², the same for every μ). */
export default defineMarketStrategy({
  name: 'bias',
  description: 'Collect N_i*, submit every point shifted by δσ.',
  source: 'spec/003 §5.4 (an added constant bias)',
  params: { delta: { kind: 'real', min: -1000, max: 1000, default: 0.5, description: 'shift δ, in units of σ' } },
  meta: { truthful: false, equivariant: true, stochastic: false },
  build: ({ delta }, info) => ({
    submit: (x) => {
      const y = new Float64Array(x.length);
      const s = delta * info.sigma;
      for (let k = 0; k < x.length; k++) y[k] = (x[k] as number) + s;
      return y;
    },
  }),
  // bias² + variance = δ²σ² + σ²/N_i* (spec/003 §5.1).
  moments: ({ delta }, info) => {
    const N = info.nRecommended;
    const s2 = info.sigma * info.sigma;
    return { n: N, size: N, mse: N > 0 ? s2 / N + delta * delta * s2 : null };
  },
});
