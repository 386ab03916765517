import { mean } from '../../src/core/data.js';
import { aloneAmount } from '../../src/hetero/alone.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';
import { NO_DATA_ESTIMATE } from '../../src/plays/estimators.js';

/**
 * Work alone: collect n^IND = σ/√c on every distribution she can sample and
 * estimate with her own sample means (seed 001, Fact 1). Her estimate on a
 * distribution she cannot sample rests on no data: p^IND = ∞.
 */
export default defineHeteroStrategy({
  name: 'alone',
  description: 'Collect σ/√c of every distribution she can sample; estimate with her own means, ignoring the mechanism.',
  source: 'seed 001, Fact 1',
  params: {},
  meta: { truthful: true, equivariant: true, stochastic: false, optsOut: true },
  build: (_p, info) => {
    const n = info.costs.map((c) => aloneAmount(info.instance.sigma, c)); // seed 001, Fact 1
    return {
      collect: () => n,
      estimate: (x) => x.map((xk) => (xk.length > 0 ? mean(xk) : NO_DATA_ESTIMATE)),
    };
  },
});
