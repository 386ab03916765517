import { defineMechanism } from '../../src/core/mechanism.js';
import { integerAmount } from '../../src/core/rounding.js';
import { globalN } from '../../src/theory/index.js';
import { allocatePooled } from '../pool/allocate.js';
import { poolTheory } from '../pool/theory.js';
import { info, truthfulMeta, truthfulWeighted } from '../recommended.js';

/**
 * M_PCS: pool, but share only with agents who submit at least n* points
 * (seed 000, Algorithm 2; the slides' "work-around", spec/002 M2). Efficient
 * when agents can only submit subsets of their data; with fabrication,
 * padding the submission with fakes and discarding them pays (spec/002 D3).
 */
export default defineMechanism({
  name: 'pcs',
  description: 'Pool, but check the size: A_i = Y_{-i} if |Y_i| >= n*, else nothing.',
  source: 'seed 000 §4.1, Algorithm 2; spec/002 M2',
  params: {},
  setup(inst) {
    const nStar = globalN(inst.m, inst.sigma, inst.cost); // seed 000 §4.1: threshold σ/√(cm)
    const nBar = integerAmount(nStar); // |Y_i| ≥ n* ⇔ |Y_i| ≥ ⌈n*⌉ for integer sizes
    return {
      info: info('pcs', nStar, nBar, { threshold: nBar }),
      recommended: truthfulWeighted,
      recommendedMeta: truthfulMeta,
      deploysEstimate: false,
      allocate(i, pool, _rng, out) {
        if (pool.size(i) >= nBar) allocatePooled(i, pool, out); // Algorithm 2: else A_i = ∅
      },
      theory: poolTheory(inst, nStar, nBar, nBar),
    };
  },
});
