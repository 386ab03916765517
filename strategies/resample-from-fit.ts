import { defineStrategy } from '../src/core/strategy.js';
import { mean } from '../src/core/data.js';

/**
 * Collect k points, fit N(mean(X), σ²) (σ is known), submit K draws from the
 * fit, and estimate with the recommended estimator (spec/002 D4).
 */
export default defineStrategy({
  name: 'resample-from-fit',
  description: 'Collect k points, submit K draws from the fitted normal N(mean X, σ²).',
  source: 'spec/002 D4; spec/000 §5',
  params: {
    k: { kind: 'int', min: 1, max: (info) => 4 * info.nRecommended, default: 1, description: 'points collected' },
    K: { kind: 'int', min: 0, max: (info) => 10 * info.nRecommended, default: (info) => info.nRecommended, description: 'points submitted' },
  },
  meta: { truthful: false, equivariant: true, stochastic: true },
  build: ({ k, K }, info) => ({
    collect: () => k,
    submit: (x, _info, rng) => {
      const y = new Float64Array(K);
      rng.fillNormal(y, 0, K, mean(x), info.instance.sigma);
      return y;
    },
  }),
});
