/**
 * All agents' submissions of one round, concatenated in one typed array:
 * Y_j = values[offsets[j] .. offsets[j+1]). Written by the round player,
 * read by mechanisms. Reused across rounds; grows, never shrinks.
 */
export class SubmissionPool {
  values = new Float64Array(1024);
  readonly offsets: Int32Array;
  readonly sums: Float64Array;
  totalSum = 0;

  constructor(readonly m: number) {
    this.offsets = new Int32Array(m + 1);
    this.sums = new Float64Array(m);
  }

  /** Number of submitted points of agent j. */
  size(j: number): number {
    return this.offsets[j + 1] - this.offsets[j];
  }

  get total(): number {
    return this.offsets[this.m];
  }

  /** |Y_{-i}|: the number of points submitted by everyone but i. */
  othersSize(i: number): number {
    return this.total - this.size(i);
  }

  /** Σ Y_{-i}. */
  othersSum(i: number): number {
    return this.totalSum - this.sums[i];
  }

  /** Maps an index k into Y_{-i} (0 ≤ k < |Y_{-i}|) to its index in `values`. */
  othersIndex(i: number, k: number): number {
    return k < this.offsets[i] ? k : k + this.size(i);
  }

  /** Copies Y_{-i} into out[0..|Y_{-i}|). */
  copyOthers(i: number, out: Float64Array): void {
    const lo = this.offsets[i];
    const hi = this.offsets[i + 1];
    out.set(this.values.subarray(0, lo), 0);
    out.set(this.values.subarray(hi, this.total), lo);
  }

  /** Starts a round: all agents empty. */
  reset(): void {
    this.offsets.fill(0);
    this.sums.fill(0);
    this.totalSum = 0;
  }

  /** Appends agent j's submission; agents must be appended in order 0..m-1. Returns false if a value is not finite. */
  append(j: number, y: ArrayLike<number>): boolean {
    const start = this.offsets[j];
    const n = y.length;
    if (start + n > this.values.length) {
      const grown = new Float64Array(Math.max(2 * this.values.length, start + n));
      grown.set(this.values.subarray(0, start));
      this.values = grown;
    }
    const v = this.values;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const x = y[k];
      v[start + k] = x;
      s += x;
    }
    if (!Number.isFinite(s)) return false;
    this.sums[j] = s;
    this.totalSum += s;
    this.offsets[j + 1] = start + n;
    return true;
  }
}
