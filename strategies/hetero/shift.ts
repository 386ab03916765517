import { K_PARAM, mapPoints, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** Submit distribution k's points shifted by δ·σ (spec/001 §6: falsification by shifting). */
export default defineHeteroStrategy({
  name: 'shift',
  description: 'Submit y = x + δσ on distribution k.',
  source: 'spec/001 §6 (shift)',
  params: { k: K_PARAM, delta: { kind: 'real', min: -3, max: 3, default: 0.1, description: 'shift, in units of σ' } },
  meta: { truthful: false, equivariant: true, stochastic: false },
  build: ({ k, delta }, info) => ({ submit: submitOnK(k, (x) => mapPoints(x[k], (v) => v + delta * info.instance.sigma)) }),
});
