import { defineStrategy } from '../src/core/strategy.js';

/**
 * Collect n points (default none) and always answer μ₀. Zero risk at μ = μ₀,
 * unbounded in the worst case: the artefact D5 that the sup over μ removes.
 */
export default defineStrategy({
  name: 'constant-estimator',
  description: 'Collect n points (default 0) and estimate μ by the constant μ₀.',
  source: 'spec/002 D5',
  params: {
    mu0: { kind: 'real', min: (info) => -1000 * info.instance.sigma, max: (info) => 1000 * info.instance.sigma, default: 0, description: 'the constant estimate μ₀' },
    n: { kind: 'int', min: 0, max: (info) => 4 * info.nRecommended, default: 0, description: 'points collected' },
  },
  meta: { truthful: true, equivariant: false, stochastic: false },
  build: ({ mu0, n }) => ({ collect: () => n, estimate: () => mu0 }),
});
