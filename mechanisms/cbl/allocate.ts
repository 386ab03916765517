import type { SubmissionPool } from '../../src/core/submission-pool.js';
import type { HeteroAllocationBuffer } from '../../src/hetero/allocation.js';
import type { Rng } from '../../src/random/index.js';
import type { IdentityPermutation } from '../../src/random/identity-permutation.js';

/** What M_CBL fixed at publish time for a case-C pair (i, k) (seed 001, Alg. 2 lines 18–23). */
export interface CaseCPlan {
  /** |Y'| = T_k − n*_{i,k} (rounded to an integer), the cap on the others' points she can see. */
  readonly yPrime: number;
  /** |Z| = n*_{i,k} (integer), the others' points compared with hers. */
  readonly z: number;
  readonly alpha2: number;
  readonly sigma2: number;
}

/**
 * Case C of Algorithm 2 (seed 001) for agent i on distribution k:
 *   Y' ← |Y'| points of Y_{−i,k} without replacement (all of them if fewer);
 *   Z  ← min(|Y'|, n*) points of Y' without replacement;
 *   η² ← α²(mean(Y_{i,k}) − mean(Z))²;  Z' ← Y' ∖ Z, each point plus N(0, η²);
 *   I  ← the inverse-variance mean of Y_{i,k} ∪ Z (variance σ²) and Z' (σ² + η²)
 *        (spec/001 erratum 3: the printed numerator weights Σy by 1/(σ²|Y∪Z|)).
 * One partial shuffle draws Y' in random order: its first |Z| indices are Z.
 * When Y' is all of Y_{−i} only Z is drawn and ΣZ' = ΣY_{−i} − ΣZ. The agent
 * receives only I, so only sums are formed, and the sum of |Z'| iid N(0, η²)
 * draws is drawn as η√|Z'|·N(0, 1) (the same distribution).
 * With Y_{i,k} empty, η² = ∞ and I = mean(Z) (spec/001 §2.6 [impl choice]).
 */
export function allocateCaseC(i: number, k: number, pool: SubmissionPool, rng: Rng, out: HeteroAllocationBuffer, plan: CaseCPlan, scratch: IdentityPermutation): void {
  const P = pool.othersSize(i);
  const yp = Math.min(plan.yPrime, P);
  const z = Math.min(yp, plan.z);
  const idx = scratch.prepare(P);
  const all = yp === P;
  const drawn = all ? z : yp;
  rng.partialShuffle(idx, P, drawn);
  const values = pool.values;
  let sumZ = 0;
  for (let j = 0; j < z; j++) sumZ += values[pool.othersIndex(i, idx[j])];
  let sumZp = 0;
  if (all) sumZp = pool.othersSum(i) - sumZ;
  else for (let j = z; j < yp; j++) sumZp += values[pool.othersIndex(i, idx[j])];
  scratch.restore(drawn);
  const ny = pool.size(i);
  const sumY = pool.sums[i];
  const dp = yp - z;
  out.count[k] = ny + yp;
  if (ny === 0 || z === 0) {
    // No cross-check possible: Z' is worthless (η² = ∞), I is the mean of the clean points.
    out.estimate[k] = ny + z > 0 ? (sumY + sumZ) / (ny + z) : Number.NaN;
    return;
  }
  const gap = sumY / ny - sumZ / z;
  const eta2 = plan.alpha2 * gap * gap; // seed 001, Alg. 2 line 21: η² = α²(ȳ − z̄)²
  const noisy = dp > 0 ? sumZp + Math.sqrt(eta2 * dp) * rng.normal() : 0; // Alg. 2 line 22: z + N(0, η²) for each z ∈ Z'
  const wClean = 1 / plan.sigma2;
  const wCorrupt = 1 / (plan.sigma2 + eta2);
  // spec/001 erratum 3: I = (Σ_{Y∪Z} y/σ² + Σ_{Z'} z/(σ²+η²)) / (|Y∪Z|/σ² + |Z'|/(σ²+η²))
  out.estimate[k] = (wClean * (sumY + sumZ) + wCorrupt * noisy) / (wClean * (ny + z) + wCorrupt * dp);
}
