/**
 * Exact revenue-optimal envy-free pricing rev^OPT(N) for small numbers of buyers: the reference
 * implementation of spec/003 §2.2 (the ε = 0 analogue of Chen et al.), with two exact reductions:
 *  - identical buyers form one weighted type (they choose alike on any curve, seed 003 eq. (4)), so
 *    the enumeration is over {0..N}^K, K = number of distinct valuations;
 *  - branch and bound on the IRB bound Σ_j p_j ≤ Σ_j v_j(m_j) (see AllocationSearch in ./oip.ts).
 * rev^OPT(N) is non-decreasing (EF(N) ⊆ EF(N+1)), so a sweep over N = 0..Nmax only enumerates, at each
 * N, the allocations whose largest entry is N: the whole table costs one enumeration up to Nmax.
 * The worst case (N+1)^K is guarded by maxAllocations (RangeError naming the size).
 *
 * The returned scheme is the Lemma 1 curve of the optimal allocation with every buyer re-choosing on it
 * (ties to the largest m within tieTol), so allocations are step ends and the top step reaches N.
 */
import {
  type BuyerTypes,
  DEFAULT_MAX_ALLOCATIONS,
  DEFAULT_TIE_TOL,
  EnumerationSweep,
  type PricingScheme,
  type ValuationInput,
  groupBuyerTypes,
  schemeFromTypes,
  tabulateAll,
} from './oip.js';

export interface ExactPricingOptions {
  /** Tie tolerance of the buyers' choice rule (default 1e-9, spec/003 §2.2). */
  tieTol?: number;
  /** Worst-case number of allocations (N+1)^K allowed (default 5e6). */
  maxAllocations?: number;
  /** Merge buyers with identical valuations into one weighted type (default true). */
  mergeIdentical?: boolean;
  /** Branch-and-bound pruning (default true; false visits every allocation whose partial EF graph has no negative cycle, for checks). */
  prune?: boolean;
}

/** rev^OPT(N) and its optimal scheme for N = 0..Nmax, visited in non-decreasing order. */
export class ExactPricingSweep {
  readonly Nmax: number;
  readonly B: number;
  readonly types: BuyerTypes;
  readonly tables: readonly Float64Array[];
  private readonly sweep: EnumerationSweep;
  private readonly tieTol: number;

  constructor(valuations: readonly ValuationInput[], Nmax: number, opts: ExactPricingOptions = {}) {
    if (valuations.length === 0) throw new RangeError('exact pricing: at least one buyer is required');
    this.Nmax = Nmax;
    this.B = valuations.length;
    this.tables = tabulateAll(valuations, Nmax);
    this.types = groupBuyerTypes(this.tables, opts.mergeIdentical ?? true);
    this.tieTol = opts.tieTol ?? DEFAULT_TIE_TOL;
    const typeTables = this.types.reps.map((r) => this.tables[r] as Float64Array);
    const grid = Int32Array.from({ length: Nmax + 1 }, (_, m) => m); // every amount: exact
    this.sweep = new EnumerationSweep(typeTables, this.types.weights, grid, {
      maxAllocations: opts.maxAllocations ?? DEFAULT_MAX_ALLOCATIONS,
      prune: opts.prune ?? true,
      who: 'exactPricing',
      buyers: this.B,
    });
  }

  /** Leaves (allocations priced by Floyd–Warshall) so far. */
  get leaves(): number {
    return this.sweep.leaves;
  }

  /** Throws the size RangeError now if reaching level N could enumerate more than maxAllocations allocations. */
  checkSize(N: number): void {
    this.sweep.guard(N + 1, N);
  }

  /** The revenue-optimal EF scheme with max_j m_j ≤ N (N must not decrease between calls). */
  at(N: number): PricingScheme {
    if (!(Number.isInteger(N) && N >= 0 && N <= this.Nmax)) throw new RangeError(`exactPricing: N must be an integer in [0, ${this.Nmax}] (got ${N})`);
    const inc = this.sweep.at(N);
    return schemeFromTypes(this.tables, N, this.types, inc, this.tieTol);
  }
}

/** The revenue-optimal envy-free scheme with N points (spec/003 §2.2, reference implementation). */
export function exactPricing(valuations: readonly ValuationInput[], N: number, opts: ExactPricingOptions = {}): PricingScheme {
  const sweep = new ExactPricingSweep(valuations, N, opts);
  sweep.checkSize(N);
  return sweep.at(N);
}

/** exactPricing for every N = 0..Nmax (entry N of the result), at the cost of one enumeration up to Nmax. */
export function exactPricingTable(valuations: readonly ValuationInput[], Nmax: number, opts: ExactPricingOptions = {}): PricingScheme[] {
  const sweep = new ExactPricingSweep(valuations, Nmax, opts);
  sweep.checkSize(Nmax);
  return Array.from({ length: Nmax + 1 }, (_, N) => sweep.at(N));
}
