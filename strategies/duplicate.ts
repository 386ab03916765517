import { defineStrategy } from '../src/core/strategy.js';

/** Submit every collected point `copies` times: same mean, larger |Y| (spec/000 §5). */
export default defineStrategy({
  name: 'duplicate',
  description: 'Submit each collected point several times (same mean, more points).',
  source: 'spec/000 §5',
  params: {
    copies: { kind: 'int', min: 1, max: 10, default: 2, description: 'copies of each point' },
  },
  meta: { truthful: false, equivariant: true, stochastic: false },
  build: ({ copies }) => ({
    submit: (x) => {
      const y = new Float64Array(copies * x.length);
      for (let r = 0; r < copies; r++) for (let j = 0; j < x.length; j++) y[r * x.length + j] = x[j];
      return y;
    },
  }),
});
