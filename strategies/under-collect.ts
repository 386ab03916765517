import { defineStrategy } from '../src/core/strategy.js';

/** Collect n points instead of n*, otherwise play s* (spec/002 D2, D7). */
export default defineStrategy({
  name: 'under-collect',
  description: 'Collect n points (any n, below or above n*), then play the recommended f and h.',
  source: 'spec/002 D2, D7; seed 000, Lemma 6',
  params: {
    n: {
      kind: 'int',
      min: 0,
      max: (info) => Math.max(4 * info.nRecommended, Math.ceil(info.instance.sigma / Math.sqrt(info.instance.cost))),
      default: (info) => Math.floor(info.nRecommended / 2),
      description: 'number of points collected',
    },
  },
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ n }) => ({ collect: () => n }),
});
