import { defineMechanism } from '../../src/core/mechanism.js';
import { integerAmount } from '../../src/core/rounding.js';
import { cdedBeta2, globalN } from '../../src/theory/index.js';
import { info, truthfulMeta, truthfulWeighted } from '../recommended.js';
import { allocateCDED } from './allocate.js';
import { cdedTheory } from './theory.js';

/**
 * M_CDED (seed 000 §4.2, Algorithm 3): the mechanism corrupts all of the
 * others' data in proportion to (mean(Y_i) − mean(Y_{-i}))^{2k} and deploys
 * the plain mean itself, so agents choose only (n, f). PR = 1 + 1/(2k)
 * (Theorem 3). Cai et al.'s mechanism is k = 1.
 */
export default defineMechanism({
  name: 'cded',
  description: 'Corrupt all shared data by (mean Y_i − mean Y_{-i})^{2k} and deploy the mean (agents cannot choose h).',
  source: 'seed 000 §4.2, Algorithm 3, Theorem 3',
  params: {
    k: { kind: 'int', min: 1, max: 50, default: 1, description: 'k = ⌈1/(2ε)⌉; PR = 1 + 1/(2k)' },
  },
  setup(inst, { k }) {
    const nStar = globalN(inst.m, inst.sigma, inst.cost); // seed 000 §4.2: n* = σ/√(cm)
    const nBar = integerAmount(nStar);
    let beta2 = Number.NaN;
    let betaTotal = -1;
    return {
      info: info('cded', nStar, nBar),
      recommended: truthfulWeighted,
      recommendedMeta: truthfulMeta,
      deploysEstimate: true,
      allocate(i, pool, rng, out) {
        if (pool.total !== betaTotal) {
          // seed 000, Algorithm 3, step 2 (β² depends on Σ_j |Y_j|)
          betaTotal = pool.total;
          beta2 = cdedBeta2({ totalSubmitted: betaTotal, m: inst.m, sigma: inst.sigma, c: inst.cost, k });
        }
        allocateCDED(i, pool, rng, out, beta2, k);
      },
      theory: cdedTheory(inst, nStar, nBar, k),
    };
  },
});
