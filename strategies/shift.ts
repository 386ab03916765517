import { defineStrategy } from '../src/core/strategy.js';
import { pointwise } from '../src/plays/submitters.js';

/** Submit every point shifted by δ (spec/000 §5). */
export default defineStrategy({
  name: 'shift',
  description: 'Submit y = x + δ.',
  source: 'spec/000 §5; spec/002 D6',
  params: {
    delta: { kind: 'real', min: (info) => -10 * info.instance.sigma, max: (info) => 10 * info.instance.sigma, default: (info) => 0.5 * info.instance.sigma, description: 'shift δ' },
  },
  meta: { truthful: false, equivariant: true, stochastic: false },
  build: ({ delta }) => ({ submit: pointwise((v) => v + delta) }),
});
