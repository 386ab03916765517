import { defineMechanism } from '../../src/core/mechanism.js';
import { integerAmount } from '../../src/core/rounding.js';
import { c3dAlpha, c3dNStar } from '../../src/theory/index.js';
import { allocatePooled } from '../pool/allocate.js';
import { poolTheory } from '../pool/theory.js';
import { info, truthfulMeta, truthfulWeighted } from '../recommended.js';
import { allocateC3D, SubsetScratch } from './allocate.js';
import { c3dTheory } from './theory.js';

/**
 * M_C3D, "Cross-Check and Corrupt based on Difference" (seed 000,
 * Algorithm 1; spec/002 M3). For m ≤ 4 it pools plainly; for m ≥ 5 it
 * returns a clean subset Z_i and the rest corrupted in proportion to how far
 * mean(Y_i) is from mean(Z_i). The recommended profile is a Nash
 * equilibrium with PR ≤ 2 (Theorem 1).
 */
export default defineMechanism({
  name: 'c3d',
  description: 'Cross-check and corrupt (MC3D): clean subset Z_i, the rest with noise α²(mean Y_i − mean Z_i)².',
  source: 'seed 000 §3, Algorithm 1, eq. (7)-(8); spec/002 M3',
  params: {},
  setup(inst) {
    const { m } = inst;
    const nStar = c3dNStar(m, inst.sigma, inst.cost); // seed 000, eq. (8)
    const nBar = integerAmount(nStar);
    if (m <= 4) {
      // seed 000, Algorithm 1, line 2: A_i = (Y_{-i}, ∅, 0)
      return {
        info: info('c3d', nStar, nBar),
        recommended: truthfulWeighted,
        recommendedMeta: truthfulMeta,
        deploysEstimate: false,
        allocate: (i, pool, _rng, out) => allocatePooled(i, pool, out),
        theory: poolTheory(inst, nStar, nBar, 0),
      };
    }
    const alpha = c3dAlpha(m, inst.sigma, inst.cost, nStar); // seed 000, eq. (7): α = A_m √n*
    const alpha2 = alpha * alpha;
    const scratch = new SubsetScratch();
    return {
      info: info('c3d', nStar, nBar, { alpha }),
      recommended: truthfulWeighted,
      recommendedMeta: truthfulMeta,
      deploysEstimate: false,
      allocate: (i, pool, rng, out) => allocateC3D(i, pool, rng, out, alpha2, nBar, scratch),
      theory: c3dTheory(inst, nStar, nBar, alpha),
    };
  },
});
