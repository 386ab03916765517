import { K_PARAM, N_PARAM, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** Collect the recommendation but submit only the first `keep` points of k (spec/001 §6: withholding). */
export default defineHeteroStrategy({
  name: 'withhold',
  description: 'Submit only the first `keep` collected points of distribution k; accept.',
  source: 'spec/001 §6 (withholding)',
  params: { k: K_PARAM, keep: { ...N_PARAM, default: 0, description: 'points of k submitted' } },
  meta: { truthful: false, equivariant: true, stochastic: false },
  build: ({ k, keep }) => ({ submit: submitOnK(k, (x) => x[k].subarray(0, Math.min(keep, x[k].length))) }),
});
