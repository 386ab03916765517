import type { ReadonlyFloat64Array } from '../core/data.js';

/**
 * What a d-distribution mechanism returns to agent i (seed 001 §1: I_i).
 * - `estimate[k]`: the mechanism's estimate of μ_k (M_SM, M_CBL: 𝓘 = R^d);
 *   NaN where it returns data instead (c3d-hd) or had no data to average.
 * - `count[k]`: how many submitted points stand behind estimate[k] (M_SM's
 *   pooled count lets an agent de-bias her own fakes, spec/001 erratum 5).
 * - The data summaries per coordinate (c3d-hd, seed 000 App. E): the clean
 *   points Z (sum, count), the corrupted points Z' (sum, count) and the
 *   noise variance η²_k added to each of them (+∞ when Z' is worthless).
 */
export interface HeteroAllocation {
  readonly estimate: ReadonlyFloat64Array;
  readonly count: ReadonlyFloat64Array;
  readonly cleanSum: ReadonlyFloat64Array;
  readonly cleanCount: ReadonlyFloat64Array;
  readonly corruptedSum: ReadonlyFloat64Array;
  readonly corruptedCount: ReadonlyFloat64Array;
  readonly eta2: ReadonlyFloat64Array;
}

/** The writable buffers behind a HeteroAllocation, reused for every agent and round. */
export class HeteroAllocationBuffer implements HeteroAllocation {
  readonly estimate: Float64Array;
  readonly count: Float64Array;
  readonly cleanSum: Float64Array;
  readonly cleanCount: Float64Array;
  readonly corruptedSum: Float64Array;
  readonly corruptedCount: Float64Array;
  readonly eta2: Float64Array;
  private readonly frozen: HeteroAllocation;

  constructor(readonly d: number) {
    this.estimate = new Float64Array(d);
    this.count = new Float64Array(d);
    this.cleanSum = new Float64Array(d);
    this.cleanCount = new Float64Array(d);
    this.corruptedSum = new Float64Array(d);
    this.corruptedCount = new Float64Array(d);
    this.eta2 = new Float64Array(d);
    const ro = (a: Float64Array) => a as ReadonlyFloat64Array;
    this.frozen = Object.freeze({
      estimate: ro(this.estimate),
      count: ro(this.count),
      cleanSum: ro(this.cleanSum),
      cleanCount: ro(this.cleanCount),
      corruptedSum: ro(this.corruptedSum),
      corruptedCount: ro(this.corruptedCount),
      eta2: ro(this.eta2),
    });
  }

  reset(): void {
    this.estimate.fill(Number.NaN);
    this.count.fill(0);
    this.cleanSum.fill(0);
    this.cleanCount.fill(0);
    this.corruptedSum.fill(0);
    this.corruptedCount.fill(0);
    this.eta2.fill(Number.POSITIVE_INFINITY);
  }

  /** Sets estimate[k] to sum / count (NaN when count is 0) and records the count. */
  setMean(k: number, sum: number, count: number): void {
    this.estimate[k] = count > 0 ? sum / count : Number.NaN;
    this.count[k] = count;
  }

  /** The read-only view handed to estimators. */
  view(): HeteroAllocation {
    return this.frozen;
  }
}
