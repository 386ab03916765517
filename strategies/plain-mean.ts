import { defineStrategy } from '../src/core/strategy.js';
import { plainMean } from '../src/plays/estimators.js';

/** Average everything received with equal weights (spec/000 §5; spec/002 D6). */
export default defineStrategy({
  name: 'plain-mean',
  description: "Estimate with the unweighted mean of X ∪ Z ∪ Z' instead of h*.",
  source: 'spec/000 §5 and §8 item 4; spec/002 D6',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: () => ({ estimate: plainMean }),
});
