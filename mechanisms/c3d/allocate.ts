import type { AllocationBuffer } from '../../src/core/allocation-buffer.js';
import type { SubmissionPool } from '../../src/core/submission-pool.js';
import type { Rng } from '../../src/random/index.js';

/** Scratch space reused across calls: a membership flag per point of Y_{-i} (kept all-zero between calls) and the chosen indices. */
export class SubsetScratch {
  flags = new Uint8Array(0);
  chosen = new Int32Array(0);

  reserve(P: number, k: number): void {
    if (this.flags.length < P) this.flags = new Uint8Array(2 * P);
    if (this.chosen.length < k) this.chosen = new Int32Array(2 * k);
  }
}

/**
 * Algorithm 1 of seed 000 (C3D) for one agent, m ≥ 5:
 *   Z_i  = a uniform subset of Y_{-i} of size min(|Y_{-i}|, n̄), without replacement;
 *   η_i² = α² (mean(Y_i) − mean(Z_i))²;
 *   Z'_i = { z + ε : z ∈ Y_{-i} \ Z_i },  ε ~ N(0, η_i²) iid.
 * Z_i is drawn by Floyd's algorithm (k draws, exact uniform k-subset), so
 * Y_{-i} is never copied unless the agent's estimator reads Z'_i's points;
 * otherwise only Σ Z'_i is formed, with every noise draw still made.
 * Conventions where the seed is silent (spec/000 §8): if Y_i or Z_i is empty
 * the mean is undefined and η_i² = +∞; Z'_i then carries no information and
 * is withheld.
 */
export function allocateC3D(
  i: number,
  pool: SubmissionPool,
  rng: Rng,
  out: AllocationBuffer,
  alpha2: number,
  nBar: number,
  scratch: SubsetScratch,
): void {
  const P = pool.othersSize(i);
  const ny = pool.size(i);
  const k = Math.min(P, nBar);
  scratch.reserve(P, k);
  const { flags, chosen } = scratch;
  for (let j = P - k, c = 0; j < P; j++, c++) {
    let t = rng.nextInt(j + 1); // Floyd (1987): Z_i uniform without replacement (Algorithm 1, step 3)
    if (flags[t] === 1) t = j;
    flags[t] = 1;
    chosen[c] = t;
  }
  const values = pool.values;
  const z = out.reserveClean(k);
  let sumZ = 0;
  for (let c = 0; c < k; c++) {
    const v = values[pool.othersIndex(i, chosen[c])];
    z[c] = v;
    sumZ += v;
  }
  out.cleanLength = k;
  out.cleanSum = sumZ;

  if (ny > 0 && k > 0) {
    const d = pool.sums[i] / ny - sumZ / k;
    out.eta2 = alpha2 * d * d; // seed 000, Algorithm 1, step 4
  } else {
    out.eta2 = Number.POSITIVE_INFINITY;
  }
  if (Number.isFinite(out.eta2)) corrupt(i, pool, rng, out, P, k, flags);
  for (let c = 0; c < k; c++) flags[chosen[c]] = 0;
}

/** Z'_i = Y_{-i} \ Z_i plus N(0, η²) noise (seed 000, Algorithm 1, step 5); only its sum when that is all the agent reads. */
function corrupt(i: number, pool: SubmissionPool, rng: Rng, out: AllocationBuffer, P: number, k: number, flags: Uint8Array): void {
  const nzp = P - k;
  const eta = Math.sqrt(out.eta2);
  out.corruptedLength = nzp;
  if (!out.materialize) {
    out.corruptedSum = pool.othersSum(i) - out.cleanSum + eta * rng.sumNormals(nzp);
    return;
  }
  const w = out.reserveCorrupted(nzp);
  const values = pool.values;
  for (let g = 0, q = 0; g < P; g++) if (flags[g] === 0) w[q++] = values[pool.othersIndex(i, g)];
  rng.addNormal(w, 0, nzp, eta);
  let s = 0;
  for (let t = 0; t < nzp; t++) s += w[t];
  out.corruptedSum = s;
}
