import { defineMechanism } from '../../src/core/mechanism.js';
import { integerAmount } from '../../src/core/rounding.js';
import { globalN } from '../../src/theory/index.js';
import { info, truthfulMeta, truthfulWeighted } from '../recommended.js';
import { allocatePooled } from './allocate.js';
import { poolTheory } from './theory.js';

/**
 * M_pool: every agent receives everyone else's submissions (seed 000 §2.1,
 * spec/002 M1). The recommended profile reaches the global minimum but is
 * not an equilibrium: free-riding pays (spec/002 D1, D2).
 */
export default defineMechanism({
  name: 'pool',
  description: 'Naive pool-and-share: A_i = Y_{-i}. Efficient at s*, but free-riding pays.',
  source: 'seed 000 §2.1; spec/002 M1',
  params: {},
  setup(inst) {
    const nStar = globalN(inst.m, inst.sigma, inst.cost); // seed 000 §2.1: n_i = σ/√(cm)
    const nBar = integerAmount(nStar);
    return {
      info: info('pool', nStar, nBar),
      recommended: truthfulWeighted,
      recommendedMeta: truthfulMeta,
      deploysEstimate: false,
      allocate: (i, pool, _rng, out) => allocatePooled(i, pool, out),
      theory: poolTheory(inst, nStar, nBar, 0),
    };
  },
});
