import { defineStrategy } from '../src/core/strategy.js';
import { ignoreCorrupted } from '../src/plays/estimators.js';

/** Use only the clean data: the mean of X ∪ Z (spec/000 §5; seed 000, A.4). */
export default defineStrategy({
  name: 'ignore-corrupted',
  description: "Estimate with the mean of X ∪ Z, ignoring the corrupted Z'.",
  source: 'spec/000 §5 and §8 item 4',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({ estimate: ignoreCorrupted }),
});
