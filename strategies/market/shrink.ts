import { defineMarketStrategy } from '../../src/market/strategy.js';

/** Collect N_i* and submit λx (shrinkage toward 0: bias (λ − 1)μ, unbounded over μ unless λ = 1). */
export default defineMarketStrategy({
  name: 'shrink',
  description: 'Collect N_i*, submit y = λx.',
  source: 'spec/003 §5.1 (shrinkage: sup_μ bias² = ∞)',
  params: { lambda: { kind: 'real', min: 0, max: 2, default: 0.5, description: 'scale λ' } },
  meta: ({ lambda }) => ({ truthful: lambda === 1, equivariant: lambda === 1, stochastic: false }),
  build: ({ lambda }) => ({
    submit: (x) => {
      const y = new Float64Array(x.length);
      for (let k = 0; k < x.length; k++) y[k] = lambda * (x[k] as number);
      return y;
    },
  }),
  moments: ({ lambda }, info) => {
    const N = info.nRecommended;
    // MSE = λ²σ²/N + (λ − 1)²μ²: finite over μ only for λ = 1.
    return { n: N, size: N, mse: lambda === 1 && N > 0 ? (info.sigma * info.sigma) / N : null };
  },
});
