import { defineStrategy } from '../src/core/strategy.js';

/** s*: whatever the mechanism recommends (seed 000, eq. (8) for C3D). */
export default defineStrategy({
  name: 'recommended',
  description: "Play the mechanism's recommended strategy s* = (n*, f*, h*).",
  source: 'seed 000, eq. (8); Algorithms 2 and 3',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({}),
});
