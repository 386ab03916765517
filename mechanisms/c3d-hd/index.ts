import { InputError } from '../../src/core/instance.js';
import type { StrategyMeta } from '../../src/core/strategy.js';
import type { SimInstance } from '../../src/hetero/info.js';
import { defineHeteroMechanism } from '../../src/hetero/mechanism.js';
import { collectRecommended, heteroAmount, submitTruthfully } from '../../src/hetero/plays.js';
import type { HeteroEstimator, HeteroPlay } from '../../src/hetero/strategy.js';
import { NO_DATA_ESTIMATE } from '../../src/plays/estimators.js';
import { c3dHdTheory } from '../../src/theory/c3d-hd.js';
import { allocateC3dHd, allocatePooledHd } from './allocate.js';
import { IdentityPermutation } from '../../src/random/identity-permutation.js';
import { c3dHdMechanismTheory } from './theory.js';

/** The per-coordinate cost c/d, which must be the same for every agent and coordinate (App. E is homogeneous). */
function homogeneousCost(inst: SimInstance): number {
  if (inst.m < 2) throw new InputError('costs', `c3d-hd needs at least 2 agents (got ${inst.m})`);
  if (inst.d < 1) throw new InputError('costs', 'c3d-hd needs at least one distribution');
  const c = inst.costs[0][0];
  if (!(Number.isFinite(c) && c > 0)) throw new InputError('costs[0][0]', `c3d-hd needs a finite cost > 0 (got ${c})`);
  for (let i = 0; i < inst.m; i++) {
    for (let k = 0; k < inst.d; k++) {
      if (inst.costs[i][k] !== c) {
        throw new InputError(
          `costs[${i}][${k}]`,
          `c3d-hd (seed 000, App. E) needs every agent to pay the same cost for every distribution; costs[0][0] = ${c} but costs[${i}][${k}] = ${inst.costs[i][k]}`,
        );
      }
    }
  }
  return c;
}

/**
 * h* of App. E: per coordinate, the inverse-variance mean of X ∪ Z (weight 1/σ²) and Z'
 * (weight 1/(σ² + τ²)) with the DETERMINISTIC τ² = 2α²σ²/n* (= E[η²] under s*), and the
 * corrected denominator (|X| + |Z|)/σ² + |Z'|/(σ²+τ²) (the paper prints |X ∪ Z'|;
 * spec/000 §2.2, §6). It reads the allocation's sums and counts, not η². A coordinate with
 * no data at all gets NO_DATA_ESTIMATE (cannot happen under s*).
 */
function fixedWeightEstimator(d: number, sigma: number, tau2: number): HeteroEstimator {
  const s2 = sigma * sigma;
  const w = s2 / (s2 + tau2); // weight of a Z' point relative to a clean one
  const out = new Float64Array(d);
  return (x, _y, a) => {
    for (let k = 0; k < d; k++) {
      const xk = x[k];
      let sx = 0;
      for (let j = 0; j < xk.length; j++) sx += xk[j];
      const nzp = a.corruptedCount[k];
      const num = sx + a.cleanSum[k] + (nzp > 0 ? w * a.corruptedSum[k] : 0);
      const den = xk.length + a.cleanCount[k] + (nzp > 0 ? w * nzp : 0);
      out[k] = den > 0 ? num / den : NO_DATA_ESTIMATE;
    }
    return out;
  };
}

const META: StrategyMeta = { truthful: true, equivariant: true, stochastic: false };

/**
 * High-dimensional M_C3D (seed 000, App. E; spec/000 §6; issue #5 item 3) in the
 * d-distribution family: each of the d coordinates has variance σ², and collecting a
 * point of R^d (one sample of every coordinate) costs c = d × the per-coordinate cost.
 * For m ≤ 4 it pools plainly; for m ≥ 5 each agent gets, per coordinate, a clean
 * subset Z of size ⌈n*⌉, n* = σ√(d/(cm)), and the rest Z' with N(0, η²_k) noise,
 * η²_k = α²(mean Y_{i,k} − mean Z_{i,k})², α = A_m √n*. The recommended h* uses the fixed
 * weight τ² = 2α²σ²/n*: a (1 + 5/m)-approximate equilibrium with PR < 2 + 10/m (Theorem 7).
 */
export default defineHeteroMechanism({
  name: 'c3d-hd',
  description: 'High-dimensional cross-check and corrupt (App. E): per-coordinate clean subset and η²_k-corrupted rest; fixed-τ² weighted estimate.',
  source: 'seed 000, App. E, Theorem 7, eq. (35)-(42); spec/000 §6',
  params: {},
  setup(inst, _allocation, _params) {
    const { m, d, sigma } = inst;
    const cPer = homogeneousCost(inst);
    const c = cPer * d; // cost of one point of R^d (App. E's c)
    const th = c3dHdTheory(m, sigma, c, d); // seed 000, App. E
    const nStar = th.nStar; // (σ/m)√(d/c) for m ≤ 4, σ√(d/(cm)) for m ≥ 5
    const nBar = heteroAmount(nStar);
    const alpha = th.alpha ?? 0;
    const alpha2 = alpha * alpha;
    const tau2 = th.tau2;
    const recommended: HeteroPlay = {
      collect: collectRecommended,
      submit: submitTruthfully,
      estimate: fixedWeightEstimator(d, sigma, tau2),
    };
    const scratch = new IdentityPermutation();
    const row = (v: number) => Object.freeze(Array.from({ length: d }, () => v));
    return {
      mechanism: 'c3d-hd',
      nStar: Object.freeze(Array.from({ length: m }, () => row(nStar))),
      nRecommended: Object.freeze(Array.from({ length: m }, () => row(nBar))),
      recommended,
      recommendedMeta: META,
      allocate:
        m <= 4
          ? (i, pool, _rng, out) => allocatePooledHd(i, pool, out) // seed 000, Algorithm 1, line 2
          : (i, pool, rng, out) => allocateC3dHd(i, pool, rng, out, alpha2, nBar, scratch),
      theory: c3dHdMechanismTheory(inst, { costPerCoordinate: cPer, nBar, alpha, tau2 }, th),
    };
  },
});
