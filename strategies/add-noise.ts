import { defineStrategy } from '../src/core/strategy.js';

/** Submit each point plus independent N(0, τ²) noise (spec/000 §5). */
export default defineStrategy({
  name: 'add-noise',
  description: 'Submit y = x + N(0, τ²) for every collected point.',
  source: 'spec/000 §5; spec/002 D6',
  params: {
    tau: { kind: 'real', min: 0, max: (info) => 10 * info.instance.sigma, default: (info) => info.instance.sigma, description: 'noise standard deviation τ' },
  },
  meta: { truthful: false, equivariant: true, stochastic: true },
  build: ({ tau }) => ({
    submit: (x, _info, rng) => {
      const y = Float64Array.from(x);
      rng.addNormal(y, 0, y.length, tau);
      return y;
    },
  }),
});
