import { collectOnK, K_PARAM, N_PARAM, padded, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** Collect n points of k and submit them plus `extra` fakes ~ N(x̄, σ²) (spec/001 §6: padding to pass count checks). Accept. */
export default defineHeteroStrategy({
  name: 'pad',
  description: 'Collect n of distribution k, submit them plus `extra` fakes drawn around their mean; accept.',
  source: 'spec/001 §6 (fabrication: padding)',
  params: { k: K_PARAM, n: N_PARAM, extra: { ...N_PARAM, default: (info) => info.nRecommended[0], description: 'fake points added on k' } },
  meta: { truthful: false, equivariant: true, stochastic: true },
  build: ({ k, n, extra }, info) => ({
    collect: collectOnK(k, n),
    submit: submitOnK(k, (x, _info, rng) => padded(x[k], extra, info.instance.sigma, rng)),
  }),
});
