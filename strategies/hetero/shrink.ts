import { K_PARAM, mapPoints, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** Submit distribution k's points scaled by λ (spec/001 §6: "shrink ×0.5" looks good near μ = 0 only). */
export default defineHeteroStrategy({
  name: 'shrink',
  description: 'Submit y = λx on distribution k.',
  source: 'spec/001 §6 (shrink)',
  params: { k: K_PARAM, lambda: { kind: 'real', min: 0, max: 2, default: 0.5, description: 'scale λ' } },
  meta: { truthful: false, equivariant: false, stochastic: false },
  build: ({ k, lambda }) => ({ submit: submitOnK(k, (x) => mapPoints(x[k], (v) => lambda * v)) }),
});
