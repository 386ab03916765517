import { defineStrategy } from '../src/core/strategy.js';
import { ownMean } from '../src/plays/estimators.js';

/** Estimate from the own data only, ignoring the allocation (spec/000 §5). */
export default defineStrategy({
  name: 'own-data',
  description: 'Estimate with the mean of the own data X, ignoring everything received.',
  source: 'spec/000 §5',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({ estimate: ownMean }),
});
