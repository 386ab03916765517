import type { AllocationBuffer } from '../../src/core/allocation-buffer.js';
import type { SubmissionPool } from '../../src/core/submission-pool.js';
import type { Rng } from '../../src/random/index.js';

/**
 * Algorithm 1 of seed 000 (C3D) for one agent, m ≥ 5:
 *   Z_i  = a uniform subset of Y_{-i} of size min(|Y_{-i}|, n̄), without replacement;
 *   η_i² = α² (mean(Y_i) − mean(Z_i))²;
 *   Z'_i = { z + ε : z ∈ Y_{-i} \ Z_i },  ε ~ N(0, η_i²) iid.
 * Y_{-i} is copied into the corrupted buffer and a partial Fisher–Yates
 * moves a uniform k-subset to its tail, which becomes Z_i; the head is Z'_i.
 * Conventions where the seed is silent (spec/000 §8): if Y_i or Z_i is empty
 * the mean is undefined and η_i² = +∞; Z'_i then carries no information and
 * is withheld.
 */
export function allocateC3D(i: number, pool: SubmissionPool, rng: Rng, out: AllocationBuffer, alpha2: number, nBar: number): void {
  const P = pool.othersSize(i);
  const ny = pool.size(i);
  const k = Math.min(P, nBar);
  const w = out.reserveCorrupted(P);
  pool.copyOthers(i, w);
  for (let t = 0; t < k; t++) {
    const last = P - 1 - t;
    const j = rng.nextInt(last + 1); // Z_i: uniform without replacement (Algorithm 1, step 3)
    const v = w[j];
    w[j] = w[last];
    w[last] = v;
  }
  const z = out.reserveClean(k);
  let sumZ = 0;
  for (let t = 0; t < k; t++) {
    const v = w[P - k + t];
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
  rng.addNormal(w, 0, P - k, Math.sqrt(eta2)); // seed 000, Algorithm 1, step 5
  out.corruptedLength = P - k;
}
