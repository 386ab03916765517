/**
 * Closed forms of the strategic data marketplace M* of seed 003 (Chen, Clinton, Kandasamy,
 * "Incentivizing Truthful Data Contributions in a Marketplace for Mean Estimation"), Algorithm 2,
 * eq. (13)–(15), with the simplified forms of spec/003 §2.4, the gaps of spec/003 §3 and the
 * baselines of spec/003 §2.5 (market-naive, market-single).
 *
 * Input: Algorithm 1's OUTPUT (N+, prices q_j+, optionally allocations m_j+ and OPT), the public
 * σ and the per-sample costs c_i in ANY order. Every per-contributor output is in the caller's
 * (file) order; "contributor 1" and "contributor 2" of the paper are the cheapest and second
 * cheapest, ties broken by file order (`roles`).
 *
 * Notation: N_i* = N_1*, N_2* (the split), N_{−i}* = N+ − N_i*, d_i = c_i(N_i*)²/σ²,
 * V = σ²(1/N_1* + 1/N_2*) (Var Δ under s*), D = d_1 + d_2, Δ = μ̂(Y_1) − μ̂(Y_2) = √V·Z on path.
 * Prices and payments are reported as affine functions `constant + slope·X²` of X = Δ or X = Z.
 *
 * Departures from the seed (each says why):
 * - marketOpen = false when N+ < 2 or W < 0 (spec/003 §3: M* divides by N_1* = N+ − 1, and IRC
 *   needs W ≥ 0, which the paper asserts but never guarantees). Then there is no market: the split,
 *   allocations, prices, payments, profit and utilities are all 0, and nothing divides by zero.
 * - Tied cheapest costs (c_1 = c_2): the default split is (⌈N+/2⌉, ⌊N+/2⌋) between the first two
 *   cheapest in file order (seed 003 §5 "Discussion" 1: split evenly to reach OPT; M* only ever uses
 *   two contributors, so the even split is between those two). split: 'paper' forces (N+ − 1, 1).
 * - μ̂(∅) (an empty submission) is undefined in the paper; mstarRealization uses a fixed,
 *   data-independent constant (option emptyMean, default 0). Such a report is a constant report,
 *   whose worst-case penalty over μ is unbounded (spec/003 §5.1), as for any fabricated constant.
 */
import { erfc } from '../special.js';

/**
 * Which (N_1*, N_2*) to use. 'auto' (default): (N+ − 1, 1) (seed 003, eq. (13)), or the even split
 * when the two cheapest costs are equal. 'paper': always (N+ − 1, 1). 'even': (⌈N+/2⌉, ⌊N+/2⌋).
 * An explicit { n1, n2 }: integers ≥ 1 with n1 + n2 = N+ (spec/003 §2.5, general split).
 */
export type MStarSplit = 'auto' | 'paper' | 'even' | { readonly n1: number; readonly n2: number };

/** Algorithm 1's output plus the public instance data M* needs. */
export interface MStarInput {
  /** σ > 0, the known noise sd. */
  readonly sigma: number;
  /** Per-sample costs c_i ≥ 0, any order (outputs follow this order); at least two contributors. */
  readonly costs: readonly number[];
  /** N+ from Algorithm 1 (integer ≥ 0). */
  readonly nPlus: number;
  /** q_j+ from Algorithm 1, one per buyer (B = prices.length ≥ 1). */
  readonly prices: readonly number[];
  /** m_j+ from Algorithm 1 (integers in [0, N+]), reported as m_j* (eq. (13)). */
  readonly allocations?: readonly number[];
  /** v_j(m_j+) (the buyers' values of their allocation under truthful data), for buyer utilities. */
  readonly buyerValues?: readonly number[];
  /** OPT from Algorithm 1; default Q − c_1·N+ (seed 003, Lemma 2: the single-collector profit). */
  readonly opt?: number;
  readonly split?: MStarSplit;
}

/** value = constant + slope·X² (X = Δ or X = Z ∼ N(0,1)). */
export interface AffineInSquare {
  readonly constant: number;
  readonly slope: number;
}

export interface MStarBuyer {
  /** m_j* = m_j+ (eq. (13)); 0 when the market is closed; undefined if allocations were not given. */
  readonly allocation: number | undefined;
  /** E[p_j*] under s* = q_j+ (seed 003, eq. (16)). */
  readonly expectedPrice: number;
  /** p_j* on path as a function of Δ²: q_j+ + DV/B − (D/B)Δ² (eq. (14) with I = (1,1)). */
  readonly priceInDelta: AffineInSquare;
  /** p_j* on path as a function of Z²: q_j+ + (DV/B)(1 − Z²) (spec/003 §2.4). */
  readonly priceInZ: AffineInSquare;
  readonly priceVariance: number;
  readonly priceSd: number;
  /** P(p_j* < 0) = P(Z² > 1 + B q_j+/(DV)) (spec/003 §2.4). */
  readonly probNegativePrice: number;
  /** v_j(m_j*) (0 when the market is closed); undefined without buyerValues. */
  readonly value: number | undefined;
  /** u_j^b = v_j(m_j*) − q_j+ (seed 003, Thm 5.1); undefined without buyerValues. */
  readonly utility: number | undefined;
}

export interface MStarContributor {
  /** N_i* (eq. (13); general split spec/003 §2.5). */
  readonly n: number;
  /** d_i = c_i(N_i*)²/σ² (seed 003, Algorithm 2); 0 for i ≥ 3. */
  readonly d: number;
  /** d_i·V = c_i N_i* N+/N_{−i}* (spec/003 §2.4). */
  readonly dv: number;
  /** π_i* on path as a function of Δ² (eq. (15) with I_i = 1). */
  readonly paymentInDelta: AffineInSquare;
  /** π_i* on path as a function of Z²: c_iN_i* + W N_i* / N+ + d_iV(1 − Z²) (spec/003 §2.4). */
  readonly paymentInZ: AffineInSquare;
  /** E[π_i*] = c_iN_i* + W N_i* / N+ (spec/003 §2.4). */
  readonly expectedPayment: number;
  readonly paymentVariance: number;
  readonly paymentSd: number;
  readonly probNegativePayment: number;
  /** u_i^c = E[π_i*] − c_iN_i* = W N_i* / N+ (seed 003, Thm 5.1). */
  readonly utility: number;
}

/** Σπ − Σp for each indicator pattern I = (I_1, I_2) (spec/003 §3). */
export interface BudgetResiduals {
  /** I = (1,1): 0 (seed 003, Thm 5.1 BB). */
  readonly onPath: number;
  /** I = (1,0): −N_1*N_2*(c_2 − c_1)/N+ (broker surplus). */
  readonly i10: number;
  /** I = (0,1): +N_1*N_2*(c_2 − c_1)/N+ (broker deficit). */
  readonly i01: number;
  /** I = (0,0): 0. */
  readonly i00: number;
  /** I = (1,1), the same as onPath. */
  readonly i11: number;
}

export interface MStarResult {
  readonly marketOpen: boolean;
  /** Why the market is closed ('N+ < 2' or 'W < 0'); undefined when open. */
  readonly closedReason: string | undefined;
  readonly sigma: number;
  /** The input costs, file order. */
  readonly costs: readonly number[];
  /** B = |𝓑|. */
  readonly buyerCount: number;
  readonly nPlus: number;
  /** q_j+ (input). */
  readonly prices: readonly number[];
  /** Q = Σ_j q_j+. */
  readonly revenue: number;
  /** File indices of the paper's contributor 1 (cheapest) and 2 (second cheapest). */
  readonly roles: readonly [number, number];
  /** c_1 ≤ c_2, the two smallest costs. */
  readonly c1: number;
  readonly c2: number;
  /** (N_1*, N_2*) for roles[0], roles[1]; (0, 0) when closed. */
  readonly n1: number;
  readonly n2: number;
  /** N_i* in file order. */
  readonly split: readonly number[];
  /**
   * W = Q − c_1N_1* − c_2N_2* (seed 003, Algorithm 2, with the paper's split Q − c_1(N+ − 1) − c_2).
   * Reported even when the market is closed (then with the paper's split), as a diagnostic.
   */
  readonly w: number;
  /** Expected profit of the broker's market: W when open, 0 when closed. */
  readonly profit: number;
  /** OPT (input, or Q − c_1N+). */
  readonly opt: number;
  /** OPT − (c_2 − c_1) (seed 003, Thm 4). */
  readonly bound: number;
  /** V = σ²(1/N_1* + 1/N_2*) (0 when closed). */
  readonly v: number;
  /** D·V (0 when closed). */
  readonly dv: number;
  /** D·V/B. */
  readonly dvPerBuyer: number;
  /** D/B, minus the Δ² slope of every price. */
  readonly dPerBuyer: number;
  readonly buyers: readonly MStarBuyer[];
  /** File order. */
  readonly contributors: readonly MStarContributor[];
  /** Σ_j u_j^b (undefined without buyerValues). */
  readonly buyerSurplus: number | undefined;
  /** Σ_j v_j(m_j*) − Σ_i c_iN_i* = W + buyer surplus (undefined without buyerValues). */
  readonly welfare: number | undefined;
  readonly budget: BudgetResiduals;
}

function checkFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new RangeError(`${what} must be finite (got ${x})`);
}

function checkCommon(sigma: number, costs: readonly number[], nPlus: number, prices: readonly number[]): void {
  if (!(Number.isFinite(sigma) && sigma > 0)) throw new RangeError(`sigma must be a finite number > 0 (got ${sigma})`);
  if (costs.length < 2) throw new RangeError(`M* needs at least two contributors (got ${costs.length} costs)`);
  costs.forEach((c, i) => {
    if (!(Number.isFinite(c) && c >= 0)) throw new RangeError(`costs[${i}] must be a finite number >= 0 (got ${c})`);
  });
  if (!(Number.isInteger(nPlus) && nPlus >= 0)) throw new RangeError(`nPlus must be an integer >= 0 (got ${nPlus})`);
  if (prices.length < 1) throw new RangeError('prices must have one entry per buyer (got none)');
  prices.forEach((q, j) => checkFinite(q, `prices[${j}]`));
}

/** File indices of the cheapest and second-cheapest contributors; ties by file order (stable). */
export function cheapestTwo(costs: readonly number[]): [number, number] {
  const order = costs.map((_, i) => i).sort((a, b) => (costs[a] as number) - (costs[b] as number) || a - b);
  return [order[0] as number, order[1] as number];
}

/** Resolve the split (N_1*, N_2*) for N+ ≥ 2. */
export function resolveSplit(nPlus: number, c1: number, c2: number, split: MStarSplit = 'auto'): [number, number] {
  // seed 003, eq. (13): N_1* = N+ − 1, N_2* = 1.
  const paper: [number, number] = [nPlus - 1, 1];
  // seed 003 §5 Discussion 1 (tied minimum costs): split evenly.
  const even: [number, number] = [Math.ceil(nPlus / 2), Math.floor(nPlus / 2)];
  if (split === 'paper') return paper;
  if (split === 'even') return even;
  if (split === 'auto') return c1 === c2 ? even : paper;
  const { n1, n2 } = split;
  if (!(Number.isInteger(n1) && Number.isInteger(n2) && n1 >= 1 && n2 >= 1 && n1 + n2 === nPlus)) {
    throw new RangeError(`split must be integers n1, n2 >= 1 with n1 + n2 = N+ = ${nPlus} (got ${n1}, ${n2})`);
  }
  return [n1, n2];
}

/** P(a + b·Z² < 0) for Z ∼ N(0,1), b ≤ 0: P(Z² > a/|b|) = erfc(√(a/(2|b|))); no division by zero. */
export function probNegativeAffineChi2(a: number, b: number): number {
  if (b > 0) throw new RangeError(`probNegativeAffineChi2 expects a non-positive Z² slope (got ${b})`);
  if (b === 0) return a < 0 ? 1 : 0;
  const t = a / -b;
  // P(Z² > t) = 2(1 − Φ(√t)) = erfc(√(t/2)) for t ≥ 0 (erfc keeps the tail's relative accuracy).
  return t <= 0 ? 1 : erfc(Math.sqrt(t / 2));
}

/** BB residual Σπ − Σp for indicators (I_1, I_2): Σ_i I_i(c_iN_i* − (c_1N_1* + c_2N_2*)N_i* / N+). spec/003 §3 */
export function offPathResidual(c1: number, c2: number, n1: number, n2: number, i1: 0 | 1, i2: 0 | 1): number {
  const nPlus = n1 + n2;
  if (nPlus === 0) return 0;
  const k = c1 * n1 + c2 * n2; // Q − W: the expected cost of the split
  // Written as Σ I_i c_iN_i* − K·(Σ I_i N_i*)/N+ so that I = (1,1) gives exactly K − K = 0.
  return i1 * c1 * n1 + i2 * c2 * n2 - k * ((i1 * n1 + i2 * n2) / nPlus);
}

/** The closed forms of M* (seed 003, Algorithm 2) from Algorithm 1's output. */
export function mstarTheory(input: MStarInput): MStarResult {
  const { sigma, costs, nPlus, prices } = input;
  checkCommon(sigma, costs, nPlus, prices);
  const B = prices.length;
  const { allocations, buyerValues } = input;
  if (allocations !== undefined) {
    if (allocations.length !== B) throw new RangeError(`allocations has ${allocations.length} entries, expected ${B} (one per buyer)`);
    allocations.forEach((m, j) => {
      if (!(Number.isInteger(m) && m >= 0 && m <= nPlus)) throw new RangeError(`allocations[${j}] must be an integer in [0, N+ = ${nPlus}] (got ${m})`);
    });
  }
  if (buyerValues !== undefined) {
    if (buyerValues.length !== B) throw new RangeError(`buyerValues has ${buyerValues.length} entries, expected ${B} (one per buyer)`);
    buyerValues.forEach((v, j) => checkFinite(v, `buyerValues[${j}]`));
  }
  const sigma2 = sigma * sigma;
  const roles = cheapestTwo(costs);
  const c1 = costs[roles[0]] as number;
  const c2 = costs[roles[1]] as number;
  // Q = Σ_j q_j+ (seed 003, Algorithm 2).
  const Q = prices.reduce((s, q) => s + q, 0);
  // OPT = rev(N+) − c_1N+ (seed 003, Algorithm 1 / Lemma 2), unless Algorithm 1 reported it.
  const opt = input.opt ?? Q - c1 * nPlus;
  checkFinite(opt, 'opt');
  // Thm 4: profit ≤ OPT − (c_2 − c_1) in any NE with data.
  const bound = opt - (c2 - c1);

  let n1 = 0;
  let n2 = 0;
  // W with the paper's split (seed 003, Algorithm 2): Q − c_1(N+ − 1) − c_2.
  let w = Q - c1 * (nPlus - 1) - c2;
  let closedReason: string | undefined;
  if (nPlus < 2) {
    closedReason = 'N+ < 2';
  } else {
    [n1, n2] = resolveSplit(nPlus, c1, c2, input.split);
    // W = Q − c_1N_1* − c_2N_2* (spec/003 §2.5, general split; = Algorithm 2's W for (N+ − 1, 1)).
    w = Q - c1 * n1 - c2 * n2;
    if (w < 0) closedReason = 'W < 0';
  }
  const open = closedReason === undefined;
  if (!open) {
    n1 = 0;
    n2 = 0;
  }

  // d_i = c_i(N_i*)²/σ² (seed 003, Algorithm 2).
  const d1 = open ? (c1 * n1 * n1) / sigma2 : 0;
  const d2 = open ? (c2 * n2 * n2) / sigma2 : 0;
  // V = σ²(1/N_1* + 1/N_2*) = Var Δ under s* (spec/003 §2.4).
  const V = open ? sigma2 * (1 / n1 + 1 / n2) : 0;
  const dv1 = d1 * V;
  const dv2 = d2 * V;
  const D = d1 + d2;
  const DV = dv1 + dv2;
  const profit = open ? w : 0;

  const buyers: MStarBuyer[] = prices.map((q, j) => {
    const qj = open ? q : 0;
    // eq. (14) with I = (1,1): Σ_i (q_j N_i* / N+ + (d_i/B)σ²/N_{−i}* + (d_i/B)σ²/N_i*) = q_j + DV/B.
    const constant = open ? qj + DV / B : 0;
    const priceInDelta = { constant, slope: -D / B };
    // spec/003 §2.4: p_j* = q_j+ + (DV/B)(1 − Z²).
    const priceInZ = { constant, slope: -DV / B };
    // Var(p_j*) = 2(DV/B)² (Var Z² = 2).
    const priceVariance = 2 * (DV / B) ** 2;
    const value = buyerValues === undefined ? undefined : open ? (buyerValues[j] as number) : 0;
    const allocation = allocations === undefined ? undefined : open ? (allocations[j] as number) : 0;
    return {
      allocation,
      expectedPrice: qj, // seed 003, eq. (16)
      priceInDelta,
      priceInZ,
      priceVariance,
      priceSd: Math.sqrt(priceVariance),
      probNegativePrice: probNegativeAffineChi2(priceInZ.constant, priceInZ.slope),
      value,
      // u_j^b = v_j(m_j*) − E p_j* (seed 003, eq. (9); Thm 5.1).
      utility: value === undefined ? undefined : value - qj,
    };
  });

  const contributors: MStarContributor[] = costs.map((c, i) => {
    const role = i === roles[0] ? 1 : i === roles[1] ? 2 : 0;
    const n = role === 1 ? n1 : role === 2 ? n2 : 0;
    const d = role === 1 ? d1 : role === 2 ? d2 : 0;
    const dv = role === 1 ? dv1 : role === 2 ? dv2 : 0;
    if (role === 0 || !open) {
      // π_i* = 0 for i ≥ 3 (eq. (15)); no market: nobody is paid.
      const zero = { constant: 0, slope: 0 };
      return { n, d, dv, paymentInDelta: zero, paymentInZ: zero, expectedPayment: 0, paymentVariance: 0, paymentSd: 0, probNegativePayment: 0, utility: 0 };
    }
    const nOther = nPlus - n;
    // eq. (15), I_i = 1: W N_i* / N+ + c_iN_i* + d_iσ²/N_{−i}* + d_iσ²/N_i* − d_iΔ².
    const constant = (w * n) / nPlus + c * n + (d * sigma2) / nOther + (d * sigma2) / n;
    // E[π_i*] = c_iN_i* + W N_i* / N+ (spec/003 §2.4).
    const expectedPayment = c * n + (w * n) / nPlus;
    // Var(π_i*) = 2(d_iV)² (spec/003 §2.4).
    const paymentVariance = 2 * dv * dv;
    const paymentInZ = { constant, slope: -dv };
    return {
      n,
      d,
      dv,
      paymentInDelta: { constant, slope: -d },
      paymentInZ,
      expectedPayment,
      paymentVariance,
      paymentSd: Math.sqrt(paymentVariance),
      probNegativePayment: probNegativeAffineChi2(constant, -dv),
      // u_i^c = E π_i* − c_iN_i* = W N_i* / N+ (seed 003, Thm 5.1).
      utility: (w * n) / nPlus,
    };
  });

  const split = contributors.map((k) => k.n);
  const buyerSurplus = buyerValues === undefined ? undefined : buyers.reduce((s, b) => s + (b.utility as number), 0);
  // Welfare = Σ_j v_j(m_j*) − Σ_i c_iN_i* (spec/003 §4, Example B).
  const welfare = buyerValues === undefined ? undefined : buyers.reduce((s, b) => s + (b.value as number), 0) - (c1 * n1 + c2 * n2);
  const residual = (a: 0 | 1, b: 0 | 1) => offPathResidual(c1, c2, n1, n2, a, b);
  const budget: BudgetResiduals = { onPath: residual(1, 1), i10: residual(1, 0), i01: residual(0, 1), i00: residual(0, 0), i11: residual(1, 1) };

  return {
    marketOpen: open,
    closedReason,
    sigma,
    costs: [...costs],
    buyerCount: B,
    nPlus,
    prices: [...prices],
    revenue: Q,
    roles,
    c1,
    c2,
    n1,
    n2,
    split,
    w,
    profit,
    opt,
    bound,
    v: V,
    dv: DV,
    dvPerBuyer: DV / B,
    dPerBuyer: D / B,
    buyers,
    contributors,
    buyerSurplus,
    welfare,
    budget,
  };
}

// ---------------------------------------------------------------------------------------------
// One realization of eq. (14)–(15)
// ---------------------------------------------------------------------------------------------

/** A submitted dataset, or just its size and sample mean. */
export type SubmissionLike = ArrayLike<number> | { readonly size: number; readonly mean: number };

export interface MStarRealization {
  /** p_j* for every buyer (eq. (14)). */
  readonly prices: number[];
  /** π_i* for every contributor, file order (eq. (15); 0 for i ≥ 3). */
  readonly payments: number[];
  /** Δ = μ̂(Y_1) − μ̂(Y_2). */
  readonly delta: number;
  /** (I_1, I_2) = (1(|Y_1| = N_1*), 1(|Y_2| = N_2*)). */
  readonly indicators: readonly [0 | 1, 0 | 1];
  /** Σ_j p_j*. */
  readonly totalPrice: number;
  /** Σ_i π_i*. */
  readonly totalPayment: number;
  /** Σπ − Σp (0 on path; spec/003 §3 off path). */
  readonly residual: number;
}

function summarize(y: SubmissionLike, emptyMean: number, what: string): { size: number; mean: number } {
  if (!('length' in y)) {
    if (!(Number.isInteger(y.size) && y.size >= 0)) throw new RangeError(`${what}.size must be an integer >= 0 (got ${y.size})`);
    if (y.size > 0) checkFinite(y.mean, `${what}.mean`);
    return { size: y.size, mean: y.size === 0 ? emptyMean : y.mean };
  }
  const n = y.length;
  if (n === 0) return { size: 0, mean: emptyMean };
  let s = 0;
  for (let k = 0; k < n; k++) s += y[k] as number;
  // μ̂(Y) = (1/|Y|)Σ y (seed 003 §1.1).
  return { size: n, mean: s / n };
}

/**
 * Price and payments of one realization, eq. (14) and (15) exactly as written, with
 * I_i = 1(|Y_i| = N_i*). y1 / y2 are the submissions of the paper's contributors 1 and 2
 * (m.roles[0], m.roles[1]); the others' submissions are ignored (Algorithm 2). When the market is
 * closed every price and payment is 0.
 */
export function mstarRealization(m: MStarResult, y1: SubmissionLike, y2: SubmissionLike, options: { readonly emptyMean?: number } = {}): MStarRealization {
  const emptyMean = options.emptyMean ?? 0;
  checkFinite(emptyMean, 'emptyMean');
  const a = summarize(y1, emptyMean, 'y1');
  const b = summarize(y2, emptyMean, 'y2');
  const B = m.buyerCount;
  const payments = m.costs.map(() => 0);
  if (!m.marketOpen) {
    return { prices: m.prices.map(() => 0), payments, delta: a.mean - b.mean, indicators: [0, 0], totalPrice: 0, totalPayment: 0, residual: 0 };
  }
  const sigma2 = m.sigma * m.sigma;
  const N = m.nPlus;
  const roles = [m.roles[0], m.roles[1]];
  const n = [m.n1, m.n2];
  const c = [m.c1, m.c2];
  const d = [(m.contributors[m.roles[0]] as MStarContributor).d, (m.contributors[m.roles[1]] as MStarContributor).d];
  // I_i = 1(|Y_i| = N_i*) (seed 003, Algorithm 2).
  const I: [0 | 1, 0 | 1] = [a.size === m.n1 ? 1 : 0, b.size === m.n2 ? 1 : 0];
  // Δ = μ̂(Y_i) − μ̂(Y_{−i}); only Δ² enters, the same for i = 1, 2.
  const delta = a.mean - b.mean;
  const delta2 = delta * delta;
  const prices = m.prices.map((q) => {
    let p = 0;
    for (let i = 0; i < 2; i++) {
      const ni = n[i] as number;
      const di = d[i] as number;
      // eq. (14): Σ_i I_i(q_j+ N_i* / N+ + (d_i/B)σ²/N_{−i}* + (d_i/B)σ²/N_i*) − Σ_i (d_i/B)Δ².
      p += (I[i] as number) * ((q * ni) / N + ((di / B) * sigma2) / (N - ni) + ((di / B) * sigma2) / ni) - (di / B) * delta2;
    }
    return p;
  });
  for (let i = 0; i < 2; i++) {
    const ni = n[i] as number;
    const di = d[i] as number;
    // eq. (15): I_i(W N_i* / N+ + c_iN_i* + d_iσ²/N_{−i}* + d_iσ²/N_i*) − d_iΔ².
    payments[roles[i] as number] =
      (I[i] as number) * ((m.w * ni) / N + (c[i] as number) * ni + (di * sigma2) / (N - ni) + (di * sigma2) / ni) - di * delta2;
  }
  const totalPrice = prices.reduce((s, p) => s + p, 0);
  const totalPayment = payments.reduce((s, p) => s + p, 0);
  return { prices, payments, delta, indicators: I, totalPrice, totalPayment, residual: totalPayment - totalPrice };
}

// ---------------------------------------------------------------------------------------------
// Baselines (spec/003 §2.5)
// ---------------------------------------------------------------------------------------------

export interface MarketNaiveResult {
  readonly marketOpen: boolean;
  readonly closedReason: string | undefined;
  /** N_i*, file order (the same split as M*). */
  readonly split: readonly number[];
  /** Buyer prices: q_j+ (deterministic; no Δ term). 0 when closed. */
  readonly prices: readonly number[];
  /** On-path π_i = c_iN_i* + W N_i* / N+, file order. */
  readonly payments: readonly number[];
  /** Truthful utility W N_i* / N+. */
  readonly utilities: readonly number[];
  /** Gain of n_i = 0 with N_i* fabricated points over truthful: c_iN_i* (spec/003 §2.5). */
  readonly fabricationGains: readonly number[];
  /** Utility of that fabrication: W N_i* / N+ + c_iN_i*. */
  readonly fabricationUtilities: readonly number[];
  readonly profit: number;
  /** Σπ − Σp on path (0: Σπ = W + c_1N_1* + c_2N_2* = Q). */
  readonly budgetResidual: number;
  /** false: the dominant strategy is to collect nothing (spec/003 §2.5). */
  readonly icc: false;
}

/**
 * market-naive: M*'s split and prices, but quantity-based payments π_i = I_i(c_iN_i* + W N_i* / N+)
 * with no Δ term (spec/003 §2.5, formalisation derived). Buyers pay q_j+ (the paper only says
 * "pay by quantity"; charging the OIP prices keeps BB: Σπ = Q = Σp on path).
 */
export function marketNaive(input: MStarInput): MarketNaiveResult {
  const m = mstarTheory(input);
  // π_i = I_i(c_iN_i* + W N_i* / N+) (spec/003 §2.5); on path I_i = 1, = E π_i* of M*.
  const payments = m.contributors.map((k) => k.expectedPayment);
  const prices = m.buyers.map((b) => b.expectedPrice);
  const utilities = m.contributors.map((k) => k.utility);
  // Collect 0, submit N_i* fabricated points: payment unchanged, cost c_iN_i* saved (spec/003 §2.5).
  const fabricationGains = m.costs.map((c, i) => c * (m.split[i] as number));
  return {
    marketOpen: m.marketOpen,
    closedReason: m.closedReason,
    split: m.split,
    prices,
    payments,
    utilities,
    fabricationGains,
    fabricationUtilities: utilities.map((u, i) => u + (fabricationGains[i] as number)),
    profit: m.profit,
    budgetResidual: payments.reduce((s, p) => s + p, 0) - prices.reduce((s, p) => s + p, 0),
    icc: false,
  };
}

export interface MarketSingleResult {
  readonly marketOpen: boolean;
  readonly closedReason: string | undefined;
  /** File index of the single collector (the cheapest, first in file order among ties). */
  readonly collector: number;
  /** N_1 = N+, others 0, file order. */
  readonly split: readonly number[];
  /** q_j+ (0 when closed). */
  readonly prices: readonly number[];
  /** π_1 = Q (all revenue to the collector), others 0, file order. */
  readonly payments: readonly number[];
  /** u_1 = Q − c_1N+, others 0. */
  readonly utilities: readonly number[];
  /** Q − c_1N+ (= OPT with an exact A; seed 003, Lemma 2). */
  readonly profit: number;
  /** Gain of collecting 0 and submitting N+ fabricated points: c_1N+ (seed 003, Claim 6). */
  readonly fabricationGain: number;
  /** false: a lone collector can fabricate undetectably (seed 003, Claim 6). */
  readonly icc: false;
}

/**
 * market-single: the OPT mechanism of Lemma 2 / eq. (1): contributor 1 collects N+, buyers get m_j+
 * at q_j+, and all revenue goes to contributor 1 (seed 003 §5: "all revenue can be allocated to
 * contributor 1"). IRB, EFB, IRC, BB hold; ICC does not. Open when N+ ≥ 1 and Q − c_1N+ ≥ 0.
 */
export function marketSingle(input: MStarInput): MarketSingleResult {
  const { sigma, costs, nPlus, prices } = input;
  checkCommon(sigma, costs, nPlus, prices);
  const collector = cheapestTwo(costs)[0];
  const c1 = costs[collector] as number;
  const Q = prices.reduce((s, q) => s + q, 0);
  // Profit of N_1 = N+ (seed 003, Lemma 2): Σ_j q_j+ − c_1N+.
  const profit = Q - c1 * nPlus;
  const closedReason = nPlus < 1 ? 'N+ < 1' : profit < 0 ? 'profit < 0' : undefined;
  const open = closedReason === undefined;
  const only = (x: number) => costs.map((_, i) => (i === collector && open ? x : 0));
  return {
    marketOpen: open,
    closedReason,
    collector,
    split: only(nPlus),
    prices: prices.map((q) => (open ? q : 0)),
    payments: only(Q),
    utilities: only(profit),
    profit: open ? profit : 0,
    fabricationGain: open ? c1 * nPlus : 0,
    icc: false,
  };
}

