import type { HeteroAllocationBuffer } from '../../src/hetero/allocation.js';
import type { HeteroPool } from '../../src/hetero/submissions.js';
import type { SubmissionPool } from '../../src/core/submission-pool.js';
import type { Rng } from '../../src/random/index.js';
import type { IdentityPermutation } from '../../src/random/identity-permutation.js';

/** True when every coordinate's pool holds the same number of points per agent, so index g of Y_{−i} is one point of R^d. */
function sameLayout(pool: HeteroPool): boolean {
  const first = pool.byK[0].offsets;
  for (let k = 1; k < pool.d; k++) {
    const o = pool.byK[k].offsets;
    for (let j = 0; j <= pool.m; j++) if (o[j] !== first[j]) return false;
  }
  return true;
}

/**
 * M_C3D for m ≤ 4 in d dimensions: A_i = (Y_{−i}, ∅, 0) on every coordinate
 * (seed 000, Algorithm 1, line 2; App. E changes nothing there).
 */
export function allocatePooledHd(i: number, pool: HeteroPool, out: HeteroAllocationBuffer): void {
  for (let k = 0; k < pool.d; k++) {
    const p = pool.byK[k];
    out.cleanSum[k] = p.othersSum(i);
    out.cleanCount[k] = p.othersSize(i);
    out.corruptedSum[k] = 0;
    out.corruptedCount[k] = 0;
    out.eta2[k] = 0; // Algorithm 1, line 2: η² = 0 (Z' is empty anyway)
  }
}

/**
 * Algorithm 1 of seed 000 with the changes of App. E (spec/000 §6), agent i, m ≥ 5, per coordinate k:
 *   Z_{i,k}  = a uniform subset of Y_{−i,k} of size min(|Y_{−i,k}|, n̄), without replacement;
 *   η²_{i,k} = α² (mean(Y_{i,k}) − mean(Z_{i,k}))²;
 *   Z'_{i,k} = { z + ε : z ∈ Y_{−i,k} \ Z_{i,k} },  ε ~ N(0, η²_{i,k}) iid.
 * When every coordinate has the same per-agent counts, one subset of indices serves all
 * coordinates: a point of R^d goes wholly to Z or wholly to Z' (App. E splits points, not
 * coordinates). Otherwise each coordinate draws its own subset. The expected penalty does
 * not depend on this choice (‖·‖² is a sum over coordinates).
 * Only sums and counts are written (the recommended h* and every deviation we know read
 * nothing else); the sum of |Z'| noises is one draw of sumNormals, scaled by η.
 * Where the seed is silent (spec/000 §8): if Y_{i,k} or Z_{i,k} is empty, mean(·) is
 * undefined and η²_{i,k} = +∞, so Z'_{i,k} carries no information and is withheld
 * (count 0), as in mechanisms/c3d.
 */
export function allocateC3dHd(
  i: number,
  pool: HeteroPool,
  rng: Rng,
  out: HeteroAllocationBuffer,
  alpha2: number,
  nBar: number,
  scratch: IdentityPermutation,
): void {
  const shared = sameLayout(pool); // then every coordinate has the same |Y_{−i}| and subset size
  let perm = scratch.prepare(0);
  let size = 0;
  for (let k = 0; k < pool.d; k++) {
    const p = pool.byK[k];
    const P = p.othersSize(i);
    if (!shared || k === 0) {
      // Step 3: Z_i uniform without replacement (partial Fisher-Yates), once for all coordinates when the layout is shared.
      size = Math.min(P, nBar);
      perm = scratch.prepare(P);
      rng.partialShuffle(perm, P, size);
    }
    coordinate(i, k, p, perm, size, rng, out, alpha2);
    if (!shared) scratch.restore(size);
  }
  if (shared) scratch.restore(size);
}

function coordinate(i: number, k: number, p: SubmissionPool, perm: Int32Array, size: number, rng: Rng, out: HeteroAllocationBuffer, alpha2: number): void {
  const values = p.values;
  let sumZ = 0;
  for (let c = 0; c < size; c++) sumZ += values[p.othersIndex(i, perm[c])];
  out.cleanSum[k] = sumZ;
  out.cleanCount[k] = size;
  const ny = p.size(i);
  if (ny === 0 || size === 0) {
    out.eta2[k] = Number.POSITIVE_INFINITY; // mean(∅) undefined: Z' worthless, withheld
    out.corruptedSum[k] = 0;
    out.corruptedCount[k] = 0;
    return;
  }
  const diff = p.sums[i] / ny - sumZ / size;
  const eta2 = alpha2 * diff * diff; // seed 000, Algorithm 1, step 4, per coordinate (App. E)
  const nzp = p.othersSize(i) - size;
  out.eta2[k] = eta2;
  out.corruptedCount[k] = nzp;
  // Step 5: Σ Z' = Σ (Y_{−i} \ Z) + η·Σ N(0, 1) over its |Z'| points.
  out.corruptedSum[k] = p.othersSum(i) - sumZ + (nzp > 0 ? Math.sqrt(eta2) * rng.sumNormals(nzp) : 0);
}
