import { alonePenalty } from '../../src/hetero/alone.js';
import { defineHeteroMechanism } from '../../src/hetero/mechanism.js';
import { acceptingMeta, acceptingPlay, integerAllocation } from '../../src/hetero/plays.js';
import { smTheory } from '../../src/theory/heterogeneous/cbl.js';
import { smDeviationPenalty } from './theory.js';

/**
 * M_SM (seed 001, Fact 2): pool every submission and return to everyone the
 * per-distribution sample means. With truthful, accepting agents collecting
 * the input allocation it attains the best possible penalties for that
 * allocation, but it is not incentive compatible: an agent whose share the
 * others more than cover free-rides (spec/001 §5.1, gain 0.320244).
 */
export default defineHeteroMechanism({
  name: 'sm',
  description: 'Pool everything and return the per-distribution sample means to every agent (M_SM).',
  source: 'seed 001, Fact 2, eq. (5); spec/001 §1',
  params: {},
  setup(inst, allocation) {
    const nBar = integerAllocation(allocation);
    const exact = smTheory(inst, allocation as number[][]);
    // M_SM with compliant agents is its own efficiency baseline (spec/001 §9): ratio 1.
    const summary = { ...exact, baseline: exact.socialPenalty, ratio: 1 };
    return {
      mechanism: 'sm',
      nStar: allocation,
      nRecommended: nBar,
      recommended: acceptingPlay(inst.d),
      recommendedMeta: acceptingMeta,
      allocate(_i, pool, _rng, out) {
        for (let k = 0; k < inst.d; k++) {
          const p = pool.byK[k];
          out.setMean(k, p.totalSum, p.total); // seed 001, Fact 2: I_k = mean of ∪_j Y_{j,k}
        }
      },
      theory: {
        summary: () => summary,
        penalty: (dev, agent, opts) =>
          dev.strategy === 'alone' ? alonePenalty(inst, agent, opts?.continuous) : smDeviationPenalty(inst, opts?.continuous ? allocation : nBar, dev, agent),
      },
    };
  },
});
