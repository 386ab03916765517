import { collectOnK, fakes, K_PARAM, N_PARAM, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/**
 * Collect n points of k but submit `count` fakes ~ N(guess·σ, σ²) instead
 * (spec/001 §6: "collect 0, submit 20 fakes ~N(0,σ²)", which looks good at
 * μ = 0 only). Accept the mechanism's estimate.
 */
export default defineHeteroStrategy({
  name: 'fabricate',
  description: 'Collect n of distribution k, submit `count` fakes drawn around a guess instead; accept.',
  source: 'spec/001 §6 (fabrication around a guess)',
  params: {
    k: K_PARAM,
    n: { ...N_PARAM, default: 0 },
    count: { ...N_PARAM, default: (info) => info.nRecommended[0], description: 'fake points submitted on k' },
    guess: { kind: 'real', min: -10, max: 10, default: 0, description: 'centre of the fakes, in units of σ' },
  },
  meta: { truthful: false, equivariant: false, stochastic: true },
  build: ({ k, n, count, guess }, info) => ({
    collect: collectOnK(k, n),
    submit: submitOnK(k, (_x, _info, rng) => fakes(rng, count, guess * info.instance.sigma, info.instance.sigma)),
  }),
});
