import { mean } from '../../src/core/data.js';
import { estimateOnK, K_PARAM } from '../../src/hetero/deviations.js';
import { acceptEstimate } from '../../src/hetero/plays.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** Estimate μ_k as w·mean(X_k) + (1 − w)·I_k (spec/001 §6: a non-accepting estimator that combines I with private data). */
export default defineHeteroStrategy({
  name: 'combine-own',
  description: "Blend her own mean of k with the mechanism's estimate: w·x̄ + (1−w)·I.",
  source: 'spec/001 §6 (combine with own data)',
  params: { k: K_PARAM, w: { kind: 'real', min: 0, max: 1, default: 0.5, description: 'weight on her own mean' } },
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ k, w }, info) => ({
    estimate: estimateOnK(k, acceptEstimate(info.instance.d), (x, _y, a) => {
      const own = x[k].length > 0 ? mean(x[k]) : a.estimate[k];
      const I = Number.isNaN(a.estimate[k]) ? own : a.estimate[k];
      return w * own + (1 - w) * I;
    }),
  }),
});
