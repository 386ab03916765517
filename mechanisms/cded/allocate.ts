import type { AllocationBuffer } from '../../src/core/allocation-buffer.js';
import type { SubmissionPool } from '../../src/core/submission-pool.js';
import type { Rng } from '../../src/random/index.js';
import { NO_DATA_ESTIMATE } from '../../src/plays/estimators.js';

/**
 * Algorithm 3 of seed 000 (CDED) for one agent:
 *   η_i² = β² (mean(Y_i) − mean(Y_{-i}))^{2k};
 *   Z_i  = { z + ε : z ∈ Y_{-i} },  ε ~ N(0, η_i²) iid (all of Y_{-i} is corrupted);
 *   the mechanism deploys the plain mean of Y_i ∪ Z_i.
 * Convention where the seed is silent: an empty Y_i or Y_{-i} has no mean,
 * so η_i² = +∞ and Z_i is withheld; the deployed mean of an empty set is
 * NO_DATA_ESTIMATE (its max risk over μ is infinite).
 */
export function allocateCDED(
  i: number,
  pool: SubmissionPool,
  rng: Rng,
  out: AllocationBuffer,
  beta2: number,
  k: number,
): void {
  const ny = pool.size(i);
  const P = pool.othersSize(i);
  const sy = pool.sums[i];
  let eta2 = Number.POSITIVE_INFINITY;
  if (ny > 0 && P > 0) {
    const d = sy / ny - pool.othersSum(i) / P;
    eta2 = beta2 * Math.pow(d * d, k); // seed 000, Algorithm 3, step 3
  }
  out.eta2 = eta2;
  if (!Number.isFinite(eta2)) {
    out.deployed = ny > 0 ? sy / ny : NO_DATA_ESTIMATE;
    return;
  }
  out.corruptedLength = P;
  let sz: number;
  if (out.materialize) {
    const z = out.reserveCorrupted(P);
    pool.copyOthers(i, z);
    rng.addNormal(z, 0, P, Math.sqrt(eta2));
    sz = 0;
    for (let t = 0; t < P; t++) sz += z[t];
  } else {
    sz = pool.othersSum(i) + Math.sqrt(eta2) * rng.sumNormals(P); // same law as summing Z_i
  }
  out.corruptedSum = sz;
  out.deployed = (sy + sz) / (ny + P); // seed 000, Algorithm 3: plain mean of Y_i ∪ Z_i
}
