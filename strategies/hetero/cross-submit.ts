import { collectOnK, K_PARAM, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/**
 * Collect nothing of k and submit her data of distribution `from` as if it
 * came from k (spec/001 §1: Y_{i,k} may depend on X_{i,ℓ} for ℓ ≠ k). Its
 * risk depends on μ_k − μ_from, so it is scored on the μ grid.
 */
export default defineHeteroStrategy({
  name: 'cross-submit',
  description: "Collect nothing of k; submit distribution `from`'s points as k's; accept.",
  source: 'spec/001 §1, §6 (cross-distribution submissions)',
  params: { k: K_PARAM, from: { ...K_PARAM, default: (info) => Math.min(1, info.instance.d - 1), description: 'distribution whose points are submitted as k' } },
  meta: { truthful: false, equivariant: false, stochastic: false },
  build: ({ k, from }) => ({ collect: collectOnK(k, 0), submit: submitOnK(k, (x) => x[from]) }),
});
