import { defineStrategy } from '../src/core/strategy.js';
import { aloneAmount } from '../mechanisms/summary.js';
import { ownMean } from '../src/plays/estimators.js';
import { nothing } from '../src/plays/submitters.js';

/** Work alone: collect σ/√c, share nothing, use the own sample mean (seed 000, eq. (6)). */
export default defineStrategy({
  name: 'alone',
  description: 'Ignore the mechanism: collect σ/√c points, submit nothing, use the own sample mean.',
  source: 'seed 000, eq. (6) (the IR benchmark)',
  params: {},
  meta: { truthful: false, equivariant: true, stochastic: false, optsOut: true },
  build: (_p, info) => {
    const n = aloneAmount(info.instance);
    return { collect: () => n, submit: nothing, estimate: ownMean };
  },
});
