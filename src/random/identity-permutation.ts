/**
 * The index buffer for Rng.partialShuffle. Between calls it holds the
 * identity (perm[g] = g on its whole capacity), so a subset drawn from it
 * depends only on the generator's state and the population size, never on
 * earlier calls: replaying a round draws the same subsets (common random
 * numbers, the equivariance probe). Restoring the identity after a partial
 * shuffle of the first k positions costs O(k), not O(population).
 */
export class IdentityPermutation {
  private perm: Int32Array = new Int32Array(0);

  /** Positions 0..n−1 of the buffer (for checks: the identity between calls). */
  view(n: number): Int32Array {
    return this.perm.subarray(0, n);
  }

  /** The identity on 0..P−1 (or more), ready to shuffle; allocates only when P outgrows the buffer. */
  prepare(P: number): Int32Array {
    if (this.perm.length < P) this.perm = Int32Array.from({ length: Math.max(P, 2 * this.perm.length) }, (_, g) => g);
    return this.perm;
  }

  /**
   * Undoes partialShuffle(perm, P, k) started from the identity. Position
   * t < k is final once step t has run, so a position p ≥ k was touched iff
   * its original value p now sits in perm[0..k); resetting those and
   * perm[0..k) restores the identity.
   */
  restore(k: number): void {
    const perm = this.perm;
    for (let t = 0; t < k; t++) {
      const v = perm[t];
      if (v >= k) perm[v] = v;
    }
    for (let t = 0; t < k; t++) perm[t] = t;
  }
}
