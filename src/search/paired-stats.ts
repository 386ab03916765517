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

  constructor(readonly grid: number) {
    this.sumB = new Float64Array(grid);
    this.sumD = new Float64Array(grid);
    this.sumDiff = new Float64Array(grid);
    this.sumDiff2 = new Float64Array(grid);
  }

  add(g: number, vb: number, vd: number): void {
    const d = vb - vd;
    this.sumB[g] += vb;
    this.sumD[g] += vd;
    this.sumDiff[g] += d;
    this.sumDiff2[g] += d * d;
  }

  /** The summary over `n` rounds at the grid point where the deviation did worst. */
  summary(n: number): PairedSummary {
    if (n < 2) throw new Error('need at least 2 rounds');
    let g = 0;
    for (let k = 1; k < this.grid; k++) if (this.sumD[k] > this.sumD[g]) g = k;
    const gain = this.sumDiff[g] / n;
    const variance = Math.max(0, (this.sumDiff2[g] / n - gain * gain) * (n / (n - 1)));
    const stderr = Math.sqrt(variance / n);
    return {
      rounds: n,
      gain,
      stderr,
      ci: [gain - Z95 * stderr, gain + Z95 * stderr],
      deviationPenalty: this.sumD[g] / n,
      baselinePenalty: this.sumB[g] / n,
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
