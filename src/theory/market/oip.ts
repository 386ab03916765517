/**
 * Envy-free pricing ≡ ordered-item pricing (OIP) for seed 003 (spec/003 §2.1–§2.2): the buyer choice
 * rule m̃_j(N, q) (seed 003, eq. (4)), curve revenue rev̄(N, q) (eq. (5)), the Lemma 1 step curve,
 * the maximal envy-free prices of an allocation (shortest paths, spec/003 §2.2), EF/IR audits, and the
 * allocation-enumeration engine shared by exact-pricing.ts and approx-pricing.ts.
 *
 * Conventions: buyers are 0-indexed; a curve is a Float64Array q[0..N] with q[0] = 0; valuations are
 * given either as functions of m (ValuationLike) or as tables [v(0), v(1), …] covering every m used.
 */
import { type ValuationLike, tabulateValuation } from './valuations.js';

/** Absolute tolerance of the choice rule: the largest m within this of the best utility is chosen. spec/003 §2.2 */
export const DEFAULT_TIE_TOL = 1e-9;
/** Default cap on the number of allocations an enumeration may visit in the worst case (brief: (N+1)^B > 5e6 is too large). */
export const DEFAULT_MAX_ALLOCATIONS = 5e6;
/** An allocation must beat the incumbent revenue by more than this to replace it (first found wins ties). */
const IMPROVE_TOL = 1e-12;
/** A cycle of weight below −CYCLE_TOL in the difference-constraint graph makes an allocation infeasible. */
const CYCLE_TOL = 1e-12;

/** A valuation as a function of m or as a table [v(0), v(1), …]. */
export type ValuationInput = ValuationLike | ArrayLike<number>;

/** An envy-free pricing scheme produced from a curve q (spec/003 §2.1, "curve ⇒ EF scheme"). */
export interface PricingScheme {
  /** Data available to the broker. */
  N: number;
  /** rev̄(N, q) = Σ_j q(m̃_j).  seed 003, eq. (5) */
  revenue: number;
  /** m_j = m̃_j(N, q), ties to the largest m within tieTol.  seed 003, eq. (4) */
  allocation: number[];
  /** p_j = q(m_j). */
  prices: number[];
  /** The posted curve q(0..N), q(0) = 0. */
  curve: Float64Array;
  /** Σ_j p_j of the EF scheme the curve was built from (the solver's LP optimum; Lemma 1 says revenue ≥ lpRevenue). */
  lpRevenue: number;
  /** That scheme's allocation and maximal EF prices (before the buyers re-choose on the curve). */
  lpAllocation: number[];
  lpPrices: number[];
}

// ───────────────────────────── small helpers ─────────────────────────────

function valueAt(v: ValuationInput, m: number): number {
  if (typeof v === 'function') return v(m);
  if (m >= v.length) throw new RangeError(`valuation table has ${v.length} entries, needs v(${m})`);
  return v[m] as number;
}

function checkN(N: number, who: string): void {
  if (!(Number.isInteger(N) && N >= 0)) throw new RangeError(`${who}: N must be an integer >= 0 (got ${N})`);
}

/** Tables [v_j(0..N)] of every buyer (checks v(0) = 0, range [0, 1] and monotonicity). */
export function tabulateAll(valuations: readonly ValuationInput[], N: number): Float64Array[] {
  checkN(N, 'tabulateAll');
  return valuations.map((v, j) => {
    try {
      if (typeof v === 'function') return tabulateValuation(v, N);
      const t = Float64Array.from({ length: N + 1 }, (_, m) => valueAt(v, m));
      return tabulateValuation((m) => t[m], N);
    } catch (e) {
      throw new RangeError(`buyer ${j}: ${(e as Error).message}`);
    }
  });
}

// ───────────────────────────── choice rule, curve revenue ─────────────────────────────

/**
 * m̃(N, q) = max{argmax_{m ≤ N} v(m) − q(m)}: the largest m whose utility is within `tol` of the best.
 * seed 003, eq. (4); the tolerance is spec/003 §2.2's (optimal curves make buyers exactly indifferent).
 */
export function chooseQuantity(v: ValuationInput, q: ArrayLike<number>, N = q.length - 1, tol = DEFAULT_TIE_TOL): number {
  checkN(N, 'chooseQuantity');
  if (q.length < N + 1) throw new RangeError(`chooseQuantity: curve has ${q.length} entries, needs q(0..${N})`);
  let best = -Infinity;
  for (let m = 0; m <= N; m++) {
    const u = valueAt(v, m) - (q[m] as number);
    if (u > best) best = u;
  }
  for (let m = N; m > 0; m--) if (valueAt(v, m) - (q[m] as number) >= best - tol) return m; // seed 003, eq. (4): largest maximiser
  return 0;
}

/** Each buyer's choice on q, her price q(m̃_j) and rev̄(N, q) = Σ_j q(m̃_j).  seed 003, eqs. (4)–(5) */
export function evaluateCurve(
  valuations: readonly ValuationInput[],
  q: ArrayLike<number>,
  N = q.length - 1,
  tol = DEFAULT_TIE_TOL,
): { allocation: number[]; prices: number[]; revenue: number } {
  if (q[0] !== 0) throw new RangeError(`evaluateCurve: the curve must have q(0) = 0 (got ${q[0]})`); // seed 003, Def. 1
  const allocation = valuations.map((v) => chooseQuantity(v, q, N, tol));
  const prices = allocation.map((m) => q[m] as number);
  return { allocation, prices, revenue: prices.reduce((s, p) => s + p, 0) }; // seed 003, eq. (5)
}

/**
 * The Lemma 1 step curve of an EF scheme (seed 003, §2.3 proof of Lemma 1): with the allocations
 * sorted, q(m) = p_1 for m ≤ m_1, p_k for m_{k−1} < m ≤ m_k, and p_B for m_{B−1} < m ≤ N.
 * Departures from the printed construction, both revenue-neutral or better:
 *  - q(0) = 0 (Def. 1 requires it; the printed curve would charge p_1 for nothing). The option (0, 0)
 *    does not attract anyone from an IR scheme, so Lemma 1's m̃_j ≥ m_j still holds.
 *  - negative prices are clipped to 0: raising the price of items bought at a negative price keeps
 *    every other buyer's choice (her own item is unchanged, others got weakly dearer) and makes the
 *    buyers of those items pay ≥ 0, so revenue does not fall.
 * Buyers sharing an allocation have equal prices in an EF scheme; the maximum is used if they differ.
 */
export function stepCurve(allocation: readonly number[], prices: readonly number[], N: number): Float64Array {
  checkN(N, 'stepCurve');
  if (allocation.length !== prices.length) throw new RangeError(`stepCurve: ${allocation.length} allocations but ${prices.length} prices`);
  const levels = new Map<number, number>();
  allocation.forEach((m, j) => {
    if (!(Number.isInteger(m) && m >= 0 && m <= N)) throw new RangeError(`stepCurve: allocation[${j}] = ${m} is not an integer in [0, ${N}]`);
    const p = prices[j] as number;
    levels.set(m, Math.max(levels.get(m) ?? -Infinity, p));
  });
  const q = new Float64Array(N + 1);
  const sorted = [...levels.keys()].filter((m) => m > 0).sort((a, b) => a - b);
  let prev = 0;
  let last = 0;
  for (const m of sorted) {
    last = Math.max(0, levels.get(m) as number); // clip (see above)
    for (let x = prev + 1; x <= m; x++) q[x] = last; // seed 003 §2.3: q = p_k on (m_{k−1}, m_k]
    prev = m;
  }
  for (let x = prev + 1; x <= N; x++) q[x] = last; // seed 003 §2.3: p_B up to N
  return q;
}

// ───────────────────────────── EF prices of an allocation, audits ─────────────────────────────

/**
 * Maximal envy-free prices of an allocation: the shortest-path distances from the null node 0 in the
 * graph with edges 0→j of weight v_j(m_j) (IRB) and k→j of weight v_j(m_j) − v_j(m_k) (EFB), by
 * Floyd–Warshall on B+1 nodes; null if a negative cycle makes the allocation infeasible.  spec/003 §2.2
 */
export function maxEnvyFreePrices(valuations: readonly ValuationInput[], allocation: readonly number[]): number[] | null {
  const B = valuations.length;
  if (allocation.length !== B) throw new RangeError(`maxEnvyFreePrices: ${B} buyers but ${allocation.length} allocations`);
  const n = B + 1;
  const D = new Float64Array(n * n).fill(Infinity);
  D[0] = 0;
  for (let j = 0; j < B; j++) {
    const vj = valuations[j] as ValuationInput;
    const own = valueAt(vj, allocation[j] as number);
    D[j + 1] = own; // spec/003 §2.2: p_j ≤ v_j(m_j)
    for (let k = 0; k < B; k++) D[(k + 1) * n + j + 1] = k === j ? 0 : own - valueAt(vj, allocation[k] as number); // p_j − p_k ≤ v_j(m_j) − v_j(m_k)
  }
  if (!floydWarshall(D, n)) return null;
  return Array.from({ length: B }, (_, j) => D[j + 1] as number);
}

/** In-place Floyd–Warshall on an n×n row-major matrix; false if some diagonal entry goes below −CYCLE_TOL. */
function floydWarshall(D: Float64Array, n: number): boolean {
  for (let k = 1; k < n; k++) {
    // node 0 has no incoming edges, so it is never an intermediate node
    const kn = k * n;
    for (let i = 0; i < n; i++) {
      const dik = D[i * n + k];
      if (dik === Infinity) continue;
      const in_ = i * n;
      for (let j = 1; j < n; j++) {
        const alt = dik + D[kn + j];
        if (alt < D[in_ + j]) D[in_ + j] = alt;
      }
    }
  }
  for (let i = 1; i < n; i++) if (D[i * n + i] < -CYCLE_TOL) return false;
  return true;
}

/** u_j(m_k, p_k) = v_j(m_k) − p_k, rows j, columns k (spec/003 §4, Example B's utility matrix). */
export function utilityMatrix(valuations: readonly ValuationInput[], allocation: readonly number[], prices: readonly number[]): number[][] {
  return valuations.map((v) => allocation.map((m, k) => valueAt(v, m) - (prices[k] as number)));
}

/**
 * Worst violations of a scheme's constraints (0 when satisfied): envy = max_{j,k} u_j(m_k, p_k) − u_j(m_j, p_j),
 * ir = max_j −u_j(m_j, p_j).  spec/003 §1.6 (IRB, EFB)
 */
export function schemeViolations(
  valuations: readonly ValuationInput[],
  allocation: readonly number[],
  prices: readonly number[],
): { envy: number; ir: number } {
  const U = utilityMatrix(valuations, allocation, prices);
  let envy = 0;
  let ir = 0;
  U.forEach((row, j) => {
    const own = row[j] as number;
    ir = Math.max(ir, -own);
    for (const u of row) envy = Math.max(envy, u - own);
  });
  return { envy, ir };
}

// ───────────────────────────── buyer types ─────────────────────────────

/** Buyers with identical tables over 0..N form one type; identical buyers choose identically on any curve (eq. (4)). */
export interface BuyerTypes {
  /** typeOf[j] = type of buyer j. */
  typeOf: Int32Array;
  /** A representative buyer of each type. */
  reps: number[];
  /** Number of buyers of each type. */
  weights: Float64Array;
}

export function groupBuyerTypes(tables: readonly Float64Array[], merge = true): BuyerTypes {
  const typeOf = new Int32Array(tables.length);
  const reps: number[] = [];
  const counts: number[] = [];
  tables.forEach((t, j) => {
    let found = -1;
    if (merge) {
      found = reps.findIndex((r) => {
        const u = tables[r] as Float64Array;
        if (u.length !== t.length) return false;
        for (let m = 0; m < t.length; m++) if (u[m] !== t[m]) return false;
        return true;
      });
    }
    if (found < 0) {
      found = reps.length;
      reps.push(j);
      counts.push(0);
    }
    typeOf[j] = found;
    counts[found] = (counts[found] as number) + 1;
  });
  return { typeOf, reps, weights: Float64Array.from(counts) };
}

// ───────────────────────────── enumeration engine ─────────────────────────────

/** Best type-level allocation found so far: revenue Σ_t w_t p_t, allocations x_t and maximal EF prices p_t. */
export class Incumbent {
  revenue = 0;
  readonly x: Int32Array;
  readonly p: Float64Array;
  constructor(K: number) {
    this.x = new Int32Array(K);
    this.p = new Float64Array(K);
  }
  copyFrom(o: Incumbent): void {
    this.revenue = o.revenue;
    this.x.set(o.x);
    this.p.set(o.p);
  }
}

/**
 * Branch-and-bound enumeration of type allocations x ∈ P^K (P a sorted point set, 0 ∈ P) whose largest
 * entry is P's last point, with the maximal EF prices of spec/003 §2.2 steps 1–3: shortest paths from
 * the null node in the difference-constraint graph, infeasible on a negative cycle.
 *
 * The shortest paths are built incrementally along the depth-first search: placing type t adds one
 * node to the graph of types 0..t−1, and the all-pairs distances are updated in O(t²) (distances
 * into and out of the new node, then every pair through it). The result equals Floyd–Warshall on the
 * full graph (maxEnvyFreePrices; the tests compare them), at O(K²) per leaf instead of O(K³).
 *
 * Pruning, both valid upper bounds on Σ_t w_t p_t over every completion of a partial allocation:
 *  - IRB: p_t ≤ v_t(x_t) ≤ v_t(top). Points are tried from the top down, so once a point fails this
 *    bound no smaller point can pass it (v is non-decreasing) and the loop stops;
 *  - partial prices: adding nodes only adds constraints, so each placed type's final price is at most
 *    its current distance from the null node; a negative cycle among placed types kills the subtree.
 *
 * Identical buyers are one type with weight w_t: under a curve they choose alike, so the optimum over
 * symmetric allocations equals rev^OPT (Lemma 1 and the curve ⇒ scheme direction of §2.1).
 */
export class AllocationSearch {
  readonly K: number;
  /** Flattened tables V[t·stride + m] = v_t(m). */
  private readonly V: Float64Array;
  private readonly stride: number;
  private readonly w: Float64Array;
  /** levels[t]: (K+1)×(K+1) distance matrix over nodes 0..t (node s+1 = type s), row-major. */
  private readonly levels: Float64Array[];
  private readonly din: Float64Array;
  private readonly x: Int32Array;
  /** restTop[t] = Σ_{s ≥ t} w_s v_s(top) for the current call. */
  private readonly restTop: Float64Array;
  /** Complete allocations priced since construction. */
  leaves = 0;
  private pts: Int32Array = new Int32Array(0);
  private count = 0;
  private prune = true;
  private out: Incumbent;

  constructor(typeTables: readonly Float64Array[], weights: Float64Array) {
    const K = typeTables.length;
    this.K = K;
    this.stride = typeTables[0]?.length ?? 1;
    this.V = new Float64Array(K * this.stride);
    typeTables.forEach((t, i) => this.V.set(t, i * this.stride));
    this.w = Float64Array.from(weights);
    const n = K + 1;
    this.levels = Array.from({ length: n }, () => new Float64Array(n * n).fill(Infinity));
    (this.levels[0] as Float64Array)[0] = 0; // the null node alone
    this.din = new Float64Array(n);
    this.x = new Int32Array(K);
    this.restTop = new Float64Array(K + 1);
    this.out = new Incumbent(K);
  }

  /**
   * Searches allocations over points[0..count) (ascending, points[0] = 0) that use points[count−1] at
   * least once; replaces `best` if one beats best.revenue by more than 1e-12. Returns true if replaced.
   */
  searchTop(points: Int32Array, count: number, best: Incumbent, prune = true): boolean {
    const K = this.K;
    if (count < 1 || K === 0) return false;
    const top = points[count - 1] as number;
    this.pts = points;
    this.count = count;
    this.prune = prune;
    this.out = best;
    this.restTop[K] = 0;
    for (let t = K - 1; t >= 0; t--) this.restTop[t] = (this.restTop[t + 1] as number) + (this.w[t] as number) * (this.V[t * this.stride + top] as number);
    const before = best.revenue;
    this.dfs(0, 0, false);
    return best.revenue !== before;
  }

  private dfs(t: number, irPartial: number, usedTop: boolean): void {
    const K = this.K;
    const V = this.V;
    const base = t * this.stride;
    const wt = this.w[t] as number;
    const rest = this.restTop[t + 1] as number;
    const last = t === K - 1;
    const lo = last && !usedTop ? this.count - 1 : 0; // the top point must be used by someone
    const C = this.levels[t + 1] as Float64Array;
    for (let i = this.count - 1; i >= lo; i--) {
      const m = this.pts[i] as number;
      const irUb = irPartial + wt * (V[base + m] as number);
      if (this.prune && irUb + rest <= this.out.revenue + IMPROVE_TOL) break; // IRB bound; smaller m only lower it
      this.x[t] = m;
      if (!this.insert(t)) continue; // negative cycle: no completion is feasible
      let pricePartial = 0;
      for (let s = 0; s <= t; s++) pricePartial += (this.w[s] as number) * (C[s + 1] as number); // Σ_{s ≤ t} w_s d(0, s)
      if (this.prune && pricePartial + rest <= this.out.revenue + IMPROVE_TOL) continue;
      if (last) {
        this.leaves++;
        const best = this.out;
        if (pricePartial > best.revenue + IMPROVE_TOL) {
          best.revenue = pricePartial; // Σ_j p_j with p = shortest-path distances (spec/003 §2.2 step 2)
          best.x.set(this.x);
          for (let s = 0; s < K; s++) best.p[s] = C[s + 1] as number;
        }
      } else this.dfs(t + 1, irUb, usedTop || i === this.count - 1);
    }
  }

  /**
   * Adds node u = t+1 (type t at x_t) to the distances over nodes 0..t (levels[t]) and writes levels[t+1].
   * Edges (spec/003 §2.2): 0→u weight v_t(x_t) (IRB); s+1→u weight v_t(x_t) − v_t(x_s) and u→s+1 weight
   * v_s(x_s) − v_s(x_t) (EFB). Returns false on a negative cycle through u.
   */
  private insert(t: number): boolean {
    const n = this.K + 1;
    const P = this.levels[t] as Float64Array;
    const C = this.levels[t + 1] as Float64Array;
    const V = this.V;
    const S = this.stride;
    const x = this.x;
    const u = t + 1;
    const xt = x[t] as number;
    const baseT = t * S;
    const own = V[baseT + xt] as number;
    const din = this.din;
    // din[i] = d(i, u) = min_k d(i, k) + w(k, u) over old nodes k (w(0, u) = own)
    for (let i = 0; i <= t; i++) {
      const row = i * n;
      let best = (P[row] as number) + own; // via k = 0 (finite only for i = 0)
      for (let k = 1; k <= t; k++) {
        const alt = (P[row + k] as number) + own - (V[baseT + (x[k - 1] as number)] as number);
        if (alt < best) best = alt;
      }
      din[i] = best;
    }
    // a cycle through u: u → k (edge) then k ⇝ u, weight w(u, k) + din[k]
    for (let k = 1; k <= t; k++) {
      const bk = (k - 1) * S;
      const wuk = (V[bk + (x[k - 1] as number)] as number) - (V[bk + xt] as number);
      if (wuk + (din[k] as number) < -CYCLE_TOL) return false;
    }
    // dout[j] = d(u, j) = min_k w(u, k) + d(k, j), stored directly in row u of C
    const rowU = u * n;
    C[rowU] = Infinity; // no edge into the null node
    for (let j = 1; j <= t; j++) {
      let best = Infinity;
      for (let k = 1; k <= t; k++) {
        const bk = (k - 1) * S;
        const alt = (V[bk + (x[k - 1] as number)] as number) - (V[bk + xt] as number) + (P[k * n + j] as number);
        if (alt < best) best = alt;
      }
      C[rowU + j] = best;
    }
    C[rowU + u] = 0;
    // every old pair, possibly through u
    for (let i = 0; i <= t; i++) {
      const row = i * n;
      const di = din[i] as number;
      C[row] = P[row] as number;
      for (let j = 1; j <= t; j++) {
        const alt = di + (C[rowU + j] as number);
        const old = P[row + j] as number;
        C[row + j] = alt < old ? alt : old;
      }
      C[row + u] = di;
    }
    return true;
  }
}

/** The PricingScheme of a type-level EF scheme: Lemma 1 curve, then every buyer re-chooses on it (eq. (4)). */
export function schemeFromTypes(
  tables: readonly Float64Array[],
  N: number,
  types: BuyerTypes,
  inc: Incumbent,
  tol = DEFAULT_TIE_TOL,
): PricingScheme {
  const lpAllocation = Array.from(types.typeOf, (t) => inc.x[t] as number);
  const lpPrices = Array.from(types.typeOf, (t) => inc.p[t] as number);
  const curve = stepCurve(lpAllocation, lpPrices, N); // seed 003 §2.3 (Lemma 1)
  const { allocation, prices, revenue } = evaluateCurve(tables, curve, N, tol);
  return { N, revenue, allocation, prices, curve, lpRevenue: inc.revenue, lpAllocation, lpPrices };
}

/**
 * Incremental rev^OPT over a point grid G (sorted, 0 ∈ G, Nmax ∈ G): at level N the feasible set is
 * P_N = (G ∩ [0, N]) ∪ {N}. The best allocation over G ∩ [0, N] is kept across levels (each new grid
 * point g adds the allocations whose largest entry is g); if N ∉ G, the allocations that use N are
 * searched on top of it without being kept. With G = {0..Nmax} this is the exact rev^OPT(N) for every N,
 * at the cost of one enumeration up to Nmax.
 */
export class EnumerationSweep {
  readonly K: number;
  private readonly search: AllocationSearch;
  private readonly grid: Int32Array;
  private readonly onGrid: Uint8Array;
  private readonly pts: Int32Array;
  private readonly cum: Incumbent;
  private readonly level: Incumbent;
  /** Number of grid points already merged into `cum`. */
  private merged = 1;
  private lastN = 0;

  constructor(
    typeTables: readonly Float64Array[],
    weights: Float64Array,
    grid: Int32Array,
    private readonly opts: { maxAllocations: number; prune: boolean; who: string; buyers: number },
  ) {
    this.K = typeTables.length;
    this.search = new AllocationSearch(typeTables, weights);
    this.grid = grid;
    const Nmax = grid[grid.length - 1] as number;
    this.onGrid = new Uint8Array(Nmax + 1);
    for (const g of grid) this.onGrid[g] = 1;
    this.pts = new Int32Array(grid.length + 1);
    this.cum = new Incumbent(this.K);
    this.level = new Incumbent(this.K);
  }

  get leaves(): number {
    return this.search.leaves;
  }

  /** Throws a RangeError naming the size if points^K exceeds maxAllocations. */
  guard(points: number, N: number): void {
    const size = points ** this.K;
    if (size > this.opts.maxAllocations) {
      throw new RangeError(
        `${this.opts.who}: enumerating ${points}^${this.K} = ${size.toExponential(3)} allocations at N = ${N} ` +
          `(B = ${this.opts.buyers} buyers, K = ${this.K} distinct valuations, ${points} candidate amounts) exceeds ` +
          `maxAllocations = ${this.opts.maxAllocations}; use approxPricing, a coarser grid, or raise maxAllocations`,
      );
    }
  }

  /** The best type allocation with max entry ≤ N over P_N (N must not decrease between calls). */
  at(N: number): Incumbent {
    if (N < this.lastN) throw new RangeError(`${this.opts.who}: levels must be visited in non-decreasing order (${N} after ${this.lastN})`);
    if (N >= this.onGrid.length) throw new RangeError(`${this.opts.who}: N = ${N} exceeds the tabulated range ${this.onGrid.length - 1}`);
    this.lastN = N;
    const g = this.grid;
    while (this.merged < g.length && (g[this.merged] as number) <= N) {
      this.guard(this.merged + 1, g[this.merged] as number);
      this.search.searchTop(g, this.merged + 1, this.cum, this.opts.prune);
      this.merged++;
    }
    this.level.copyFrom(this.cum);
    if (!this.onGrid[N]) {
      this.pts.set(g.subarray(0, this.merged));
      this.pts[this.merged] = N;
      this.guard(this.merged + 1, N);
      this.search.searchTop(this.pts, this.merged + 1, this.level, this.opts.prune);
    }
    return this.level;
  }

  /** Number of candidate amounts |P_N| at the last level visited. */
  pointsAt(N: number): number {
    let c = 0;
    while (c < this.grid.length && (this.grid[c] as number) <= N) c++;
    return this.onGrid[N] ? c : c + 1;
  }
}
