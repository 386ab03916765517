import { defineStrategy } from '../src/core/strategy.js';

/** Submit the data plus `count` copies of a constant (spec/000 §5, "pad with an arbitrary constant"). */
export default defineStrategy({
  name: 'pad-constant',
  description: 'Submit the collected points plus `count` fabricated points all equal to `value`.',
  source: 'spec/000 §5; spec/002 D3',
  params: {
    count: { kind: 'int', min: 0, max: (info) => 4 * info.nRecommended, default: (info) => info.nRecommended, description: 'fabricated points' },
    value: { kind: 'real', min: (info) => -1000 * info.instance.sigma, max: (info) => 1000 * info.instance.sigma, default: 0, description: 'their value' },
  },
  meta: ({ count }) => ({ truthful: count === 0, equivariant: count === 0, stochastic: false }),
  build: ({ count, value }) => ({
    submit: (x) => {
      const y = new Float64Array(x.length + count);
      y.set(x as unknown as ArrayLike<number>);
      y.fill(value, x.length);
      return y;
    },
  }),
});
