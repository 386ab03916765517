import { defineStrategy } from '../src/core/strategy.js';
import { nothing } from '../src/plays/submitters.js';

/** Collect nothing, submit nothing, use what the mechanism returns (spec/002 D1). */
export default defineStrategy({
  name: 'free-ride',
  description: 'Collect nothing and submit nothing; estimate from the allocation.',
  source: 'spec/002 D1',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({ collect: () => 0, submit: nothing }),
});
