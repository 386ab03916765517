import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/** s*_i: whatever the mechanism recommends (seed 001, eq. (9): (n*_i, id, h^ACC) for M_CBL). */
export default defineHeteroStrategy({
  name: 'recommended',
  description: "Play the mechanism's recommended strategy.",
  source: 'seed 001, eq. (9)',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({}),
});
