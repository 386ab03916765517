import { sum } from '../../src/core/data.js';
import { collectOnK, estimateOnK, K_PARAM, N_PARAM, padded, submitOnK } from '../../src/hetero/deviations.js';
import { defineHeteroStrategy } from '../../src/hetero/strategy.js';

/**
 * Collect n of k, submit them plus `extra` fakes, then undo her own fakes:
 * the others' mean is (N·I − ΣY_i)/(N − |Y_i|) with N the total submitted
 * count including her fakes (spec/001 erratum 5), pooled with her real X_k.
 * Exact under M_SM (I is a plain mean); a test of any other mechanism.
 */
export default defineHeteroStrategy({
  name: 'debias',
  description: 'Pad distribution k with fakes, then remove them from the returned mean and pool in her own real data.',
  source: 'seed 001 §3.2 with spec/001 erratum 5 (fabrication de-bias)',
  params: { k: K_PARAM, n: N_PARAM, extra: { ...N_PARAM, default: (info) => info.nRecommended[0], description: 'fake points added on k' } },
  meta: { truthful: false, equivariant: true, stochastic: true },
  build: ({ k, n, extra }, info) => ({
    collect: collectOnK(k, n),
    submit: submitOnK(k, (x, _info, rng) => padded(x[k], extra, info.instance.sigma, rng)),
    estimate: estimateOnK(k, (x, y, a) => {
      const N = a.count[k];
      const others = N - y[k].length;
      const othersSum = others > 0 ? N * a.estimate[k] - sum(y[k]) : 0; // spec/001 erratum 5: N counts her fakes
      const total = others + x[k].length;
      return total > 0 ? (othersSum + sum(x[k])) / total : 0;
    }),
  }),
});
