/** Normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** The paired comparison of one agent's penalty under a baseline and a deviation, at the deviation's worst grid point. */
export interface PairedSummary {
  readonly rounds: number;
  /** p_i(baseline) − p_i(deviation): positive means the deviation pays. */
  readonly gain: number;
  readonly stderr: number;
  /** 95% confidence interval of the gain. */
  readonly ci: readonly [number, number];
  readonly deviationPenalty: number;
  readonly baselinePenalty: number;
  /** Index of the grid point (μ) at which the deviation was worst. */
  readonly worst: number;
}

/**
 * Running sums of paired per-round values (baseline vb, deviation vd) at each
 * μ grid point g. The gain's standard error comes from the per-round
 * differences, which common random numbers make small.
 */
export class PairedStats {
  private readonly sumB: Float64Array;
  private readonly sumD: Float64Array;
  private readonly sumDiff: Float64Array;
  private readonly sumDiff2: Float64Array;
  /** With separate worst points: this round's values and the cross sums Σ B_h², Σ D_g², Σ B_h D_g. */
  private readonly roundB: Float64Array | null;
  private readonly roundD: Float64Array | null;
  private readonly sumB2: Float64Array | null;
  private readonly sumD2: Float64Array | null;
  private readonly sumBD: Float64Array | null;

  /**
   * `separateWorst`: compare the deviation at ITS worst grid point with the baseline at ITS OWN worst
   * point (inf_μ u_D − inf_μ u_B), as a baseline that is not translation-equivariant needs; the
   * caller then ends every round with endRound(). Otherwise both are read at the deviation's worst point.
   */
  constructor(
    readonly grid: number,
    readonly separateWorst = false,
  ) {
    this.sumB = new Float64Array(grid);
    this.sumD = new Float64Array(grid);
    this.sumDiff = new Float64Array(grid);
    this.sumDiff2 = new Float64Array(grid);
    this.roundB = separateWorst ? new Float64Array(grid) : null;
    this.roundD = separateWorst ? new Float64Array(grid) : null;
    this.sumB2 = separateWorst ? new Float64Array(grid) : null;
    this.sumD2 = separateWorst ? new Float64Array(grid) : null;
    this.sumBD = separateWorst ? new Float64Array(grid * grid) : null;
  }

  add(g: number, vb: number, vd: number): void {
    const d = vb - vd;
    this.sumB[g] += vb;
    this.sumD[g] += vd;
    this.sumDiff[g] += d;
    this.sumDiff2[g] += d * d;
    if (this.roundB !== null) {
      this.roundB[g] = vb;
      this.roundD![g] = vd;
    }
  }

  /** Ends a round (separateWorst only): accumulates the cross sums of its values at every pair of grid points. */
  endRound(): void {
    if (this.roundB === null) return;
    const b = this.roundB;
    const d = this.roundD!;
    const G = this.grid;
    for (let h = 0; h < G; h++) {
      const bh = b[h] as number;
      this.sumB2![h] += bh * bh;
      this.sumD2![h] += (d[h] as number) * (d[h] as number);
      for (let g = 0; g < G; g++) this.sumBD![h * G + g] += bh * (d[g] as number);
    }
  }

  /** The summary over `n` rounds at the grid point where the deviation did worst (and the baseline's own worst point with separateWorst). */
  summary(n: number): PairedSummary {
    if (n < 2) throw new Error('need at least 2 rounds');
    let g = 0;
    for (let k = 1; k < this.grid; k++) if (this.sumD[k] > this.sumD[g]) g = k;
    let h = g;
    if (this.separateWorst) for (let k = 0; k < this.grid; k++) if (this.sumB[k] > this.sumB[h]) h = k;
    let gain: number;
    let meanSq: number;
    if (h === g) {
      gain = this.sumDiff[g] / n;
      meanSq = this.sumDiff2[g] / n;
    } else {
      // d_r = B_r(h) − D_r(g), paired by round: E[d²] = E[B_h²] − 2E[B_h D_g] + E[D_g²]
      gain = (this.sumB[h] - this.sumD[g]) / n;
      meanSq = (this.sumB2![h]! - 2 * this.sumBD![h * this.grid + g]! + this.sumD2![g]!) / n;
    }
    const variance = Math.max(0, (meanSq - gain * gain) * (n / (n - 1)));
    const stderr = Math.sqrt(variance / n);
    return {
      rounds: n,
      gain,
      stderr,
      ci: [gain - Z95 * stderr, gain + Z95 * stderr],
      deviationPenalty: this.sumD[g] / n,
      baselinePenalty: this.sumB[h] / n,
      worst: g,
    };
  }
}

/**
 * Adds rounds (doubling) until the 95% interval excludes 0 or is narrower
 * than `tolerance`, or `maxRounds` is reached.
 */
export function adaptiveRounds<R extends { readonly ci: readonly [number, number] }>(
  c: { readonly rounds: number; extend(more: number): unknown; result(): R },
  tolerance: number,
  initial: number,
  maxRounds: number,
): R {
  if (c.rounds < initial) c.extend(initial - c.rounds);
  for (;;) {
    const r = c.result();
    const decisive = r.ci[0] > 0 || r.ci[1] < 0;
    if (decisive || r.ci[1] - r.ci[0] <= tolerance || c.rounds >= maxRounds) return r;
    c.extend(Math.min(c.rounds, maxRounds - c.rounds));
  }
}
