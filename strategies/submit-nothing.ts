import { defineStrategy } from '../src/core/strategy.js';
import { nothing } from '../src/plays/submitters.js';

/** Collect n* but withhold it all (spec/000 §5). */
export default defineStrategy({
  name: 'submit-nothing',
  description: 'Collect the recommended amount but submit nothing.',
  source: 'spec/000 §5; spec/002 D6',
  params: {},
  meta: { truthful: false, equivariant: true, stochastic: false },
  build: () => ({ submit: nothing }),
});
