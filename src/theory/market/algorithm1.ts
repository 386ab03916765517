/**
 * Algorithm 1 of seed 003 (§2.2, "non-strategic profit maximisation"), spec/003 §2.3:
 *
 *   for N in 1..⌊B/c_1⌋:  q_N = A({v_j}, N, ε);  m_{N,j} = m̃_j(N, q_N);  profit_N = Σ_j q_N(m_{N,j}) − c_1 N
 *   N+ = argmax_N profit_N;  m_j+ = m_{N+,j};  q_j+ = q_{N+}(m_j+)
 *
 * Departures from the printed algorithm:
 *  - range: the paper's line 6 (and the proof of Lemma 2) prints N ≤ |𝓑|/N^tot; the loop of line 2 and
 *    the argument "valuations ≤ 1, so revenue ≤ B" give N ≤ ⌊B/c_1⌋ (spec/003 §2.3 erratum), used here;
 *  - minN (default 1): M* needs N+ ≥ 2 (spec/003 §3, gaps), so Algorithm 2 runs this with minN = 2;
 *  - pruning (spec/003 §2.3, "valid pruning"): IRB gives profit_N ≤ Σ_j v_j(N) − c_1 N, so N is skipped
 *    when this is ≤ the best profit so far (it cannot beat it; ties go to the smaller N anyway), and the
 *    search stops at the first N with Σ_j v_j(N_max) − c_1 N ≤ best, which bounds profit_{N'} for every
 *    N' ≥ N (v non-decreasing). Neither changes N+ or the returned scheme; prune: false searches all N;
 *  - ties in profit_N go to the smallest N (a later N must win by more than 1e-12).
 * OPT here is max over the searched N; the paper's OPT also allows N = 0 (no market, profit 0).
 */
import { ApproxPricingSweep, type ApproxMethod } from './approx-pricing.js';
import { ExactPricingSweep } from './exact-pricing.js';
import { DEFAULT_MAX_ALLOCATIONS, DEFAULT_TIE_TOL, type PricingScheme, type ValuationInput, tabulateAll } from './oip.js';

export interface Algorithm1Options {
  /** The OIP algorithm A: exact enumeration (default) or the ε-approximate solver. */
  pricing?: 'exact' | 'approx';
  /** ε of the approximate solver (required for pricing: 'approx'). */
  epsilon?: number;
  /** Approximate solver's method (default 'auto'). */
  method?: ApproxMethod;
  /** Smallest N searched (default 1; 2 for M*). */
  minN?: number;
  /** Truncate the search range below ⌊B/c_1⌋ (the result is then optimal over minN..maxN only). */
  maxN?: number;
  /** Skip/stop by the bound Σ_j v_j(N) − c_1 N (default true). */
  prune?: boolean;
  tieTol?: number;
  maxAllocations?: number;
}

export interface Algorithm1Row {
  N: number;
  /** 'solved': A was run; 'pruned': skipped because upperBound ≤ the best profit so far. */
  status: 'solved' | 'pruned';
  /** Σ_j v_j(N) − c_1 N ≥ profit_N.  spec/003 §2.3 */
  upperBound: number;
  /** rev̄(N, q_N) (null if pruned). */
  revenue: number | null;
  /** profit_N = rev̄(N, q_N) − c_1 N (null if pruned).  seed 003, Alg. 1 line 5 */
  profit: number | null;
  allocation: number[] | null;
  prices: number[] | null;
  /** Proven loss of the approximate solver at this N (0 for exact). */
  approxBound: number | null;
}

export interface Algorithm1Result {
  /** N+ = argmax_N profit_N. */
  nPlus: number;
  /** m_j+ = m̃_j(N+, q_{N+}). */
  allocation: number[];
  /** q_j+ = q_{N+}(m_j+). */
  prices: number[];
  /** q_{N+}(0..N+). */
  curve: Float64Array;
  /** Q = Σ_j q_j+ = rev̄(N+, q_{N+}). */
  Q: number;
  /** profit_{N+} = Q − c_1 N+ (= OPT with exact pricing).  seed 003, eq. (3) */
  opt: number;
  c1: number;
  scheme: PricingScheme;
  /** Every N looked at, in order. */
  rows: Algorithm1Row[];
  /** [minN, maxN] of the search (maxN = ⌊B/c_1⌋ unless truncated). */
  range: [number, number];
  /** First N not looked at because of the stopping bound (null if the range was exhausted). */
  stoppedAt: number | null;
  /** opt ≥ OPT − guarantee (Lemma 2): the largest approxBound over solved N, 0 for exact pricing. */
  guarantee: number;
}

/**
 * Algorithm 1 (seed 003 §2.2; spec/003 §2.3 with the range erratum): the profit-maximising amount N+,
 * allocations and OIP prices. `costs` are the contributors' per-sample costs (sorted ascending, c_1 > 0)
 * or c_1 alone.
 */
export function algorithm1(valuations: readonly ValuationInput[], costs: readonly number[] | number, opts: Algorithm1Options = {}): Algorithm1Result {
  const cs = typeof costs === 'number' ? [costs] : costs;
  if (cs.length === 0) throw new RangeError('algorithm1: at least one contributor cost is required');
  for (let i = 1; i < cs.length; i++) {
    if (!((cs[i] as number) >= (cs[i - 1] as number))) throw new RangeError(`algorithm1: costs must be sorted ascending (c_${i + 1} = ${cs[i]} < c_${i} = ${cs[i - 1]})`); // seed 003 §2: c_1 ≤ c_2 ≤ …
  }
  const c1 = cs[0] as number;
  if (!(Number.isFinite(c1) && c1 > 0)) throw new RangeError(`algorithm1: c_1 must be a finite number > 0 (got ${c1}); the search range is ⌊B/c_1⌋`);
  const B = valuations.length;
  if (B === 0) throw new RangeError('algorithm1: at least one buyer is required');
  const fullMax = Math.floor(B / c1); // spec/003 §2.3 erratum: N ≤ ⌊|𝓑|/c_1⌋ (printed |𝓑|/N^tot)
  const minN = opts.minN ?? 1;
  const maxN = Math.min(fullMax, opts.maxN ?? fullMax);
  if (!(Number.isInteger(minN) && minN >= 1)) throw new RangeError(`algorithm1: minN must be an integer >= 1 (got ${minN})`);
  if (!(Number.isInteger(maxN) && maxN >= minN)) {
    throw new RangeError(`algorithm1: empty search range [${minN}, ${maxN}] (⌊B/c_1⌋ = ⌊${B}/${c1}⌋ = ${fullMax})`);
  }
  const pricing = opts.pricing ?? 'exact';
  const prune = opts.prune ?? true;
  const tables = tabulateAll(valuations, maxN);
  let solve: (N: number) => { scheme: PricingScheme; bound: number };
  if (pricing === 'exact') {
    const sweep = new ExactPricingSweep(tables, maxN, {
      tieTol: opts.tieTol ?? DEFAULT_TIE_TOL,
      maxAllocations: opts.maxAllocations ?? DEFAULT_MAX_ALLOCATIONS,
    });
    solve = (N) => ({ scheme: sweep.at(N), bound: 0 });
  } else if (pricing === 'approx') {
    if (opts.epsilon === undefined) throw new RangeError("algorithm1: pricing 'approx' needs epsilon");
    const sweep = new ApproxPricingSweep(tables, maxN, {
      epsilon: opts.epsilon,
      method: opts.method ?? 'auto',
      tieTol: opts.tieTol ?? DEFAULT_TIE_TOL,
      maxAllocations: opts.maxAllocations ?? DEFAULT_MAX_ALLOCATIONS,
    });
    solve = (N) => {
      const s = sweep.at(N);
      return { scheme: s, bound: s.bound };
    };
  } else {
    throw new RangeError(`algorithm1: unknown pricing '${String(pricing)}' (expected 'exact' or 'approx')`);
  }

  const sumAt = (N: number): number => tables.reduce((s, t) => s + (t[N] as number), 0);
  const sumTop = sumAt(maxN);
  const rows: Algorithm1Row[] = [];
  let best = -Infinity;
  let bestScheme: PricingScheme | null = null;
  let nPlus = minN;
  let stoppedAt: number | null = null;
  let guarantee = 0;
  for (let N = minN; N <= maxN; N++) {
    // spec/003 §2.3: profit_{N'} ≤ Σ_j v_j(N') − c_1 N' ≤ Σ_j v_j(maxN) − c_1 N for all N' ≥ N
    if (prune && sumTop - c1 * N <= best + 1e-12) {
      stoppedAt = N;
      break;
    }
    const upperBound = sumAt(N) - c1 * N; // spec/003 §2.3: profit_N ≤ Σ_j v_j(N) − c_1 N
    if (prune && upperBound <= best + 1e-12) {
      rows.push({ N, status: 'pruned', upperBound, revenue: null, profit: null, allocation: null, prices: null, approxBound: null });
      continue;
    }
    const { scheme, bound } = solve(N);
    const profit = scheme.revenue - c1 * N; // seed 003, Alg. 1 line 5
    guarantee = Math.max(guarantee, bound);
    rows.push({ N, status: 'solved', upperBound, revenue: scheme.revenue, profit, allocation: scheme.allocation, prices: scheme.prices, approxBound: bound });
    if (profit > best + 1e-12) {
      best = profit;
      bestScheme = scheme;
      nPlus = N; // seed 003, Alg. 1 line 6
    }
  }
  const s = bestScheme as PricingScheme; // N = minN is always solved (best = −∞ then)
  return {
    nPlus,
    allocation: s.allocation, // seed 003, Alg. 1 line 7: m_j+ = m_{N+,j}
    prices: s.prices, // q_j+ = q_{N+}(m_j+)
    curve: s.curve,
    Q: s.revenue,
    opt: s.revenue - c1 * nPlus,
    c1,
    scheme: s,
    rows,
    range: [minN, maxN],
    stoppedAt,
    guarantee,
  };
}
