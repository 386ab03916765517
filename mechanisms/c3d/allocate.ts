import type { AllocationBuffer } from '../../src/core/allocation-buffer.js';
import type { SubmissionPool } from '../../src/core/submission-pool.js';
import type { Rng } from '../../src/random/index.js';

/**
 * Algorithm 1 of seed 000 (C3D) for one agent, m ≥ 5:
 *   Z_i  = a uniform subset of Y_{-i} of size min(|Y_{-i}|, n̄), without replacement;
 *   η_i² = α² (mean(Y_i) − mean(Z_i))²;
 *   Z'_i = { z + ε : z ∈ Y_{-i} \ Z_i },  ε ~ N(0, η_i²) iid.
 * Conventions where the seed is silent (spec/000 §8): if Y_i or Z_i is empty
 * the mean is undefined and η_i² = +∞; Z'_i then carries no information and
 * is withheld. `idx` is scratch space of at least |Y_{-i}| entries.
 */
export function allocateC3D(
  i: number,
  pool: SubmissionPool,
  rng: Rng,
  out: AllocationBuffer,
  alpha2: number,
  nBar: number,
  idx: Int32Array,
): void {
  const P = pool.othersSize(i);
  const ny = pool.size(i);
  const k = Math.min(P, nBar);
  for (let t = 0; t < P; t++) idx[t] = t;
  rng.partialShuffle(idx, P, k);

  const values = pool.values;
  const z = out.reserveClean(k);
  let sumZ = 0;
  for (let t = 0; t < k; t++) {
    const v = values[pool.othersIndex(i, idx[t])];
    z[t] = v;
    sumZ += v;
  }
  out.cleanLength = k;

  if (ny === 0 || k === 0) {
    out.eta2 = Number.POSITIVE_INFINITY;
    return;
  }
  const d = pool.sums[i] / ny - sumZ / k;
  const eta2 = alpha2 * d * d; // seed 000, Algorithm 1, step 4
  out.eta2 = eta2;
  if (!Number.isFinite(eta2)) return;

  const nzp = P - k;
  const zp = out.reserveCorrupted(nzp);
  for (let t = 0; t < nzp; t++) zp[t] = values[pool.othersIndex(i, idx[k + t])];
  rng.addNormal(zp, 0, nzp, Math.sqrt(eta2)); // seed 000, Algorithm 1, step 5
  out.corruptedLength = nzp;
}
