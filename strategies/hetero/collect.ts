import { collectOnK, K_PARAM, N_PARAM } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** Collect n points of distribution k (under- or over-collection, free-riding at n = 0), truthful and accepting. */
export default defineHeteroStrategy({
  name: 'collect',
  description: 'Collect n points of distribution k instead of the recommendation; submit them all; accept.',
  source: 'spec/001 §6 (under-collection / free-riding)',
  params: { k: K_PARAM, n: N_PARAM },
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ k, n }) => ({ collect: collectOnK(k, n) }),
});
