import { defineStrategy } from '../src/core/strategy.js';
import { pointwise } from '../src/plays/submitters.js';

/** Submit every point scaled by λ (spec/000 §5). Not equivariant unless λ = 1. */
export default defineStrategy({
  name: 'shrink',
  description: 'Submit y = λ·x.',
  source: 'spec/000 §5; spec/002 D6',
  params: {
    lambda: { kind: 'real', min: -2, max: 2, default: 0.5, description: 'scale λ' },
  },
  meta: ({ lambda }) => ({ truthful: lambda === 1, equivariant: lambda === 1, stochastic: false }),
  build: ({ lambda }) => ({ submit: pointwise((v) => lambda * v) }),
});
