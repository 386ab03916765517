/**
 * ε-approximate ordered-item pricing (the black box A of seed 003 §2.2, Table 1) for many buyers with
 * few distinct valuations and large N.
 *
 * Method. Let K = number of distinct valuations (types) and η = ε/K. Build a value-adaptive grid G of
 * data amounts: 0 ∈ G, N ∈ G, and every m ≤ N rounds up to g(m) = min{g ∈ G: g ≥ m} with
 * v_t(g(m)) − v_t(m) ≤ η for every type t (greedy cells; |G| ≤ K/η + 2 = K²/ε + 2 whatever N is).
 * Solve OIP exactly with allocations restricted to G — by the enumeration of ./oip.ts (|G|^K), or, when
 * the types have increasing differences on G, by the screening DP below (O(K·|G|)) — and post the
 * Lemma 1 curve of the restricted optimum on all of {0..N}.
 *
 * Guarantee: revenue ≥ rev^OPT(N) − B·min(K, N)·η_N ≥ rev^OPT(N) − B·ε, where η_N ≤ η is the grid's
 * actual modulus max_t max_m [v_t(g(m)) − v_t(m)] (returned as `eta`, the bound as `bound`).
 * Proof. Take an optimal curve and keep only the items someone buys: a menu (m_k, P_k), k = 1..K*,
 * m_k and P_k increasing; K* ≤ min(K, N) because buyers of one type choose alike. Post instead the
 * items (g(m_k), P_k − kη_N) (and q(0) = 0). For buyer j, item k's utility rises by δ_jk + kη_N with
 * δ_jk ∈ [0, η_N]. If she bought k* before, every k < k* (and the null item, k = 0) now has utility
 * ≤ u_jk + (k+1)η_N ≤ u_jk* + k*η_N ≤ her new utility of k*, so ties aside (which go to larger m) she
 * moves only to items k' ≥ k* — or, if g(m_k) = g(m_k*), pays the cheapest price at that amount, which
 * is ≥ P_k'' − k''η_N for some k'' ≥ k* — and pays ≥ P_k* − K*η_N. Clipping negative prices to 0 only
 * raises revenue (see stepCurve in ./oip.ts). This curve has its breakpoints on G, so its EF scheme is
 * feasible for the restricted problem, whose optimum is therefore ≥ rev^OPT(N) − B·K*·η_N; and the Lemma 1
 * curve of the restricted optimum earns at least that optimum on {0..N} (Lemma 1). □
 * (The bound holds in exact arithmetic; the tie tolerance of the choice rule adds O(B·tieTol).)
 *
 * Why not a price grid: rounding prices to an ε-grid is not robust (a buyer may drop to a much cheaper
 * item that was within ε of her best); the quantity grid plus the increasing discount kη is what makes
 * the loss additive. Exact OIP is NP-hard in general (seed 003 §2.2, refs [17, 25]). When the buyers are all distinct (K = B) the
 * enumeration is still exponential in B; only the screening DP scales in B, and it needs increasing
 * differences (single crossing: v_{t+1} − v_t non-decreasing on G for types sorted by v(N)), under
 * which the optimal EF allocation is monotone in type and the downward-adjacent EF constraints bind
 * (the chain of spec/003 §4, Example B), so Σ_t w_t p_t = Σ_t S_t [v_t(x_t) − v_t(x_{t−1})] with
 * S_t = Σ_{s ≥ t} w_s decomposes over consecutive types.
 */
import {
  type BuyerTypes,
  DEFAULT_MAX_ALLOCATIONS,
  DEFAULT_TIE_TOL,
  EnumerationSweep,
  Incumbent,
  type PricingScheme,
  type ValuationInput,
  groupBuyerTypes,
  schemeFromTypes,
  tabulateAll,
} from './oip.js';

export type ApproxMethod = 'auto' | 'enumerate' | 'screening';

export interface ApproxPricingOptions {
  /** Target: revenue ≥ rev^OPT(N) − B·ε (ε ≥ 0; ε = 0 is exact). */
  epsilon: number;
  /** 'screening' needs increasing differences (throws otherwise); 'auto' (default) uses it when it applies. */
  method?: ApproxMethod;
  tieTol?: number;
  /** Worst-case allocations |P_N|^K for the enumeration (default 5e6). */
  maxAllocations?: number;
  mergeIdentical?: boolean;
}

export interface ApproxPricingScheme extends PricingScheme {
  epsilon: number;
  /** Actual grid modulus η_N = max_t max_{m ≤ N} [v_t(g(m)) − v_t(m)] (≤ ε/K). */
  eta: number;
  /** Proven loss: revenue ≥ rev^OPT(N) − bound, bound = B·min(K, N)·η_N ≤ B·ε. */
  bound: number;
  /** Candidate amounts P_N = (G ∩ [0, N]) ∪ {N}. */
  points: number[];
  method: 'enumerate' | 'screening';
}

/**
 * Value-adaptive grid on [0, Nmax]: greedy cells [a, g] with max_t v_t(g) − v_t(a) ≤ η, so every m in
 * a cell rounds up to its end g with a loss ≤ η for every type. Contains 0 and Nmax.
 */
export function valueGrid(tables: readonly Float64Array[], Nmax: number, eta: number): Int32Array {
  if (!(eta >= 0)) throw new RangeError(`valueGrid: eta must be >= 0 (got ${eta})`);
  const G = [0];
  let a = 1;
  while (a <= Nmax) {
    let g = a;
    for (;;) {
      if (g + 1 > Nmax) break;
      let ok = true;
      for (const t of tables) {
        if ((t[g + 1] as number) - (t[a] as number) > eta) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
      g++;
    }
    G.push(g);
    a = g + 1;
  }
  return Int32Array.from(G);
}

/** max_t max_{m ≤ P_last} v_t(g(m)) − v_t(m) for the sorted point set P (0 ∈ P): the worst cell (P_{i−1}, P_i]. */
export function gridModulus(tables: readonly Float64Array[], points: ArrayLike<number>): number {
  let eta = 0;
  for (let i = 1; i < points.length; i++) {
    const lo = (points[i - 1] as number) + 1;
    const hi = points[i] as number;
    for (const t of tables) eta = Math.max(eta, (t[hi] as number) - (t[lo] as number));
  }
  return eta;
}

/**
 * The order of the types (ascending v(top)) if they have increasing differences on the points, i.e.
 * v_b(P_i) − v_b(P_{i−1}) ≥ v_a(P_i) − v_a(P_{i−1}) for consecutive a < b (to 1e-14); else null.
 */
export function increasingDifferencesOrder(typeTables: readonly Float64Array[], points: ArrayLike<number>): number[] | null {
  const top = points[points.length - 1] as number;
  const order = typeTables.map((_, t) => t).sort((a, b) => (typeTables[a]![top] as number) - (typeTables[b]![top] as number) || a - b);
  for (let r = 1; r < order.length; r++) {
    const lo = typeTables[order[r - 1] as number] as Float64Array;
    const hi = typeTables[order[r] as number] as Float64Array;
    for (let i = 1; i < points.length; i++) {
      const m0 = points[i - 1] as number;
      const m1 = points[i] as number;
      if ((hi[m1] as number) - (hi[m0] as number) < (lo[m1] as number) - (lo[m0] as number) - 1e-14) return null;
    }
  }
  return order;
}

/**
 * Screening DP (exact under increasing differences): types in `order`, monotone allocations on the
 * points, chain prices p_1 = v_1(x_1), p_t = p_{t−1} + v_t(x_t) − v_t(x_{t−1}) (spec/003 §4, Example B's
 * binding chain), revenue Σ_t S_t [v_t(x_t) − v_t(x_{t−1})], x_0 = 0, maximised by
 * F_t(i) = S_t v_t(P_i) + max_{i' ≤ i} [F_{t−1}(i') − S_t v_t(P_{i'})] in O(K·|P|).
 */
export function screeningDp(typeTables: readonly Float64Array[], weights: ArrayLike<number>, order: readonly number[], points: ArrayLike<number>): Incumbent {
  const K = order.length;
  const n = points.length;
  const S = new Float64Array(K + 1);
  for (let r = K - 1; r >= 0; r--) S[r] = (S[r + 1] as number) + (weights[order[r] as number] as number);
  const arg = new Int32Array(K * n);
  let F = new Float64Array(n);
  let G = new Float64Array(n);
  const v0 = typeTables[order[0] as number] as Float64Array;
  for (let i = 0; i < n; i++) F[i] = (S[0] as number) * (v0[points[i] as number] as number); // x_0 = 0, v(0) = 0
  for (let r = 1; r < K; r++) {
    const v = typeTables[order[r] as number] as Float64Array;
    const s = S[r] as number;
    let best = -Infinity;
    let bi = 0;
    for (let i = 0; i < n; i++) {
      const vi = v[points[i] as number] as number;
      const c = (F[i] as number) - s * vi;
      if (c > best) {
        best = c;
        bi = i;
      }
      G[i] = s * vi + best;
      arg[r * n + i] = bi;
    }
    [F, G] = [G, F];
  }
  let iStar = 0;
  for (let i = 1; i < n; i++) if ((F[i] as number) > (F[iStar] as number)) iStar = i;
  const idx = new Int32Array(K);
  idx[K - 1] = iStar;
  for (let r = K - 1; r > 0; r--) idx[r - 1] = arg[r * n + (idx[r] as number)] as number;
  const inc = new Incumbent(K);
  let p = 0;
  let prevM = 0;
  for (let r = 0; r < K; r++) {
    const t = order[r] as number;
    const v = typeTables[t] as Float64Array;
    const m = points[idx[r] as number] as number;
    p += (v[m] as number) - (v[prevM] as number); // chain: p_t = p_{t−1} + v_t(x_t) − v_t(x_{t−1})
    inc.x[t] = m;
    inc.p[t] = p;
    inc.revenue += (weights[t] as number) * p;
    prevM = m;
  }
  return inc;
}

/** ε-approximate OIP for N = 0..Nmax, visited in non-decreasing order. */
export class ApproxPricingSweep {
  readonly Nmax: number;
  readonly B: number;
  readonly epsilon: number;
  /** Target modulus η = ε/K. */
  readonly etaTarget: number;
  readonly types: BuyerTypes;
  readonly tables: readonly Float64Array[];
  /** The value grid G on [0, Nmax]. */
  readonly grid: Int32Array;
  private readonly typeTables: Float64Array[];
  private readonly method: ApproxMethod;
  private readonly tieTol: number;
  private readonly maxAllocations: number;
  private enumeration: EnumerationSweep | null = null;
  private lastN = 0;

  constructor(valuations: readonly ValuationInput[], Nmax: number, opts: ApproxPricingOptions) {
    if (valuations.length === 0) throw new RangeError('approxPricing: at least one buyer is required');
    if (!(Number.isFinite(opts.epsilon) && opts.epsilon >= 0)) throw new RangeError(`approxPricing: epsilon must be a finite number >= 0 (got ${opts.epsilon})`);
    this.Nmax = Nmax;
    this.B = valuations.length;
    this.epsilon = opts.epsilon;
    this.tables = tabulateAll(valuations, Nmax);
    this.types = groupBuyerTypes(this.tables, opts.mergeIdentical ?? true);
    this.typeTables = this.types.reps.map((r) => this.tables[r] as Float64Array);
    this.etaTarget = opts.epsilon / this.types.reps.length;
    this.grid = valueGrid(this.typeTables, Nmax, this.etaTarget);
    this.method = opts.method ?? 'auto';
    this.tieTol = opts.tieTol ?? DEFAULT_TIE_TOL;
    this.maxAllocations = opts.maxAllocations ?? DEFAULT_MAX_ALLOCATIONS;
  }

  /** P_N = (G ∩ [0, N]) ∪ {N}. */
  pointsAt(N: number): Int32Array {
    let c = 0;
    while (c < this.grid.length && (this.grid[c] as number) <= N) c++;
    const onGrid = c > 0 && this.grid[c - 1] === N;
    const P = new Int32Array(onGrid ? c : c + 1);
    P.set(this.grid.subarray(0, c));
    if (!onGrid) P[c] = N;
    return P;
  }

  at(N: number): ApproxPricingScheme {
    if (!(Number.isInteger(N) && N >= 0 && N <= this.Nmax)) throw new RangeError(`approxPricing: N must be an integer in [0, ${this.Nmax}] (got ${N})`);
    if (N < this.lastN) throw new RangeError(`approxPricing: levels must be visited in non-decreasing order (${N} after ${this.lastN})`);
    this.lastN = N;
    const P = this.pointsAt(N);
    const K = this.typeTables.length;
    let inc: Incumbent;
    let method: 'enumerate' | 'screening';
    const order = this.method === 'enumerate' ? null : increasingDifferencesOrder(this.typeTables, P);
    if (order) {
      inc = screeningDp(this.typeTables, this.types.weights, order, P);
      method = 'screening';
    } else {
      if (this.method === 'screening') throw new RangeError(`approxPricing: method 'screening' needs increasing differences, which fail at N = ${N}`);
      this.enumeration ??= new EnumerationSweep(this.typeTables, this.types.weights, this.grid, {
        maxAllocations: this.maxAllocations,
        prune: true,
        who: 'approxPricing',
        buyers: this.B,
      });
      inc = this.enumeration.at(N);
      method = 'enumerate';
    }
    const scheme = schemeFromTypes(this.tables, N, this.types, inc, this.tieTol);
    const eta = gridModulus(this.typeTables, P);
    const bound = this.B * Math.min(K, N) * eta; // proven loss (see the header)
    return { ...scheme, epsilon: this.epsilon, eta, bound, points: Array.from(P), method };
  }
}

/** ε-approximate revenue-optimal EF scheme with N points: revenue ≥ rev^OPT(N) − B·ε (see the header). */
export function approxPricing(valuations: readonly ValuationInput[], N: number, opts: ApproxPricingOptions): ApproxPricingScheme {
  return new ApproxPricingSweep(valuations, N, opts).at(N);
}
