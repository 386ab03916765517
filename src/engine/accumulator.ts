/**
 * Running sums of per-round values v[g][i] (μ-grid point g, agent i), kept
 * per round for each agent's mean and standard error, and per batch of rounds
 * (batch b = round mod B) for the standard error of sums over agents that may
 * pick different worst-case μ (batch means; rounds are iid).
 */
export class PenaltyAccumulator {
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
  readonly batchSum: Float64Array;
  readonly batchCount: Float64Array;
  rounds = 0;

  constructor(
    readonly grid: number,
    readonly m: number,
    readonly batches: number,
  ) {
    this.sum = new Float64Array(grid * m);
    this.sumSq = new Float64Array(grid * m);
    this.batchSum = new Float64Array(batches * grid * m);
    this.batchCount = new Float64Array(batches);
  }

  /** Adds one round's values for grid point g (`values[i]` per agent). */
  add(round: number, g: number, values: Float64Array): void {
    const m = this.m;
    const b = round % this.batches;
    const base = g * m;
    const bbase = (b * this.grid + g) * m;
    for (let i = 0; i < m; i++) {
      const v = values[i];
      this.sum[base + i] += v;
      this.sumSq[base + i] += v * v;
      this.batchSum[bbase + i] += v;
    }
  }

  /** Marks a round complete (after all grid points were added). */
  endRound(round: number): void {
    this.batchCount[round % this.batches] += 1;
    this.rounds += 1;
  }

  mean(g: number, i: number): number {
    return this.sum[g * this.m + i] / this.rounds;
  }

  /** Standard error of mean(g, i) from the per-round spread. */
  stderr(g: number, i: number): number {
    const r = this.rounds;
    if (r < 2) return Number.NaN;
    const mu = this.mean(g, i);
    const v = (this.sumSq[g * this.m + i] / r - mu * mu) * (r / (r - 1));
    return Math.sqrt(Math.max(0, v) / r);
  }

  /** Mean and batch-means standard error of Σ_i v[pick[i]][i]. */
  sumOver(pick: readonly number[]): { mean: number; stderr: number } {
    const { m, grid, batches } = this;
    let total = 0;
    for (let i = 0; i < m; i++) total += this.mean(pick[i], i);
    let used = 0;
    let ss = 0;
    for (let b = 0; b < batches; b++) {
      const n = this.batchCount[b];
      if (n === 0) continue;
      let s = 0;
      for (let i = 0; i < m; i++) s += this.batchSum[(b * grid + pick[i]) * m + i];
      const d = s / n - total;
      ss += n * d * d; // weighted by batch size
      used += 1;
    }
    const stderr = used > 1 ? Math.sqrt(ss / (used - 1) / this.rounds) : Number.NaN;
    return { mean: total, stderr };
  }
}
