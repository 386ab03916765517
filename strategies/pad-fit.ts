import { mean } from '../src/core/data.js';
import { defineStrategy } from '../src/core/strategy.js';

/** Submit the data plus `count` draws from the fitted N(mean(X), σ²) (spec/000 §5, spec/002 D4). */
export default defineStrategy({
  name: 'pad-fit',
  description: 'Submit the collected points plus `count` fabricated draws from N(mean X, σ²).',
  source: 'spec/000 §5; spec/002 D4',
  params: {
    count: { kind: 'int', min: 0, max: (info) => 4 * info.nRecommended, default: (info) => info.nRecommended, description: 'fabricated points' },
  },
  meta: { truthful: false, equivariant: true, stochastic: true },
  build: ({ count }, info) => ({
    submit: (x, _info, rng) => {
      const y = new Float64Array(x.length + count);
      y.set(x as unknown as ArrayLike<number>);
      if (x.length > 0) rng.fillNormal(y, x.length, count, mean(x), info.instance.sigma);
      return x.length > 0 ? y : x;
    },
  }),
});
