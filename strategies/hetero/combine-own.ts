import { mean } from '../../src/core/data.js';
import { estimateOnK, K_PARAM } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/**
 * Estimate μ_k as w·mean(X_k) + (1 − w)·h*_k, where h*_k is the recommended
 * estimate (I_k itself under sm and cbl) (spec/001 §6: a non-accepting
 * estimator that combines I with private data).
 */
export default defineHeteroStrategy({
  name: 'combine-own',
  description: "Blend her own mean of k with the recommended estimate (I under sm, cbl): w·x̄ + (1−w)·h*.",
  source: 'spec/001 §6 (combine with own data)',
  params: { k: K_PARAM, w: { kind: 'real', min: 0, max: 1, default: 0.5, description: 'weight on her own mean' } },
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ k, w }) => ({
    estimate: estimateOnK(k, (x, _y, _a, _info, recommended) => {
      const own = x[k].length > 0 ? mean(x[k]) : recommended[k];
      return w * own + (1 - w) * recommended[k];
    }),
  }),
});
