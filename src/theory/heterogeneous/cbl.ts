/**
 * Seed 001 (Clinton et al., ICML 2025): mechanism M_CBL (Alg. 2), its corruption coefficients
 * α_{i,k} (App. B, eq. (11) with spec/001 errata 1–2) and the analytic penalty engine of
 * spec/001 §3, plus the pool-everything baseline M_SM (Fact 2). Indices are 0-based, n[i][k].
 */
import { erfcx, firstRootAbove } from '../index.js';
import { type Allocation, type HeteroInstance, dims } from './types.js';
import {
  DEFAULT_REL_TOL,
  alonePenaltyK,
  checkAllocation,
  columnTotal,
  computeNApprox,
  costTimes,
  favorableCondition,
  nIndividual,
  smPenaltyK,
} from './compute-n-approx.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** The quantities G_{i,k} depends on: T_k, n*_{i,k}, D_{i,k} = T_k − 2n*_{i,k}, c_{i,k}, σ. */
export interface CblGParams {
  T: number;
  nStar: number;
  D: number;
  c: number;
  sigma: number;
}

/**
 * G_{i,k}(α) of seed 001 eq. (11), corrected per spec/001 erratum 1 (exp term 4α²/T, as in
 * Lemma 1's proof and Lemma 15), with e^{x²}Erfc(x) evaluated as erfcx(x).
 */
export function cblG(alpha: number, p: CblGParams): number {
  const { T, nStar: n, D, c, sigma } = p;
  const a2 = alpha * alpha;
  // seed 001 eq. (11), first term: (4α/√T)(4α²T/(D n*) − 1 − 16 c α² T n*/(σ² D))
  const first = ((4 * alpha) / Math.sqrt(T)) * ((4 * a2 * T) / (D * n) - 1 - (16 * c * a2 * T * n) / (sigma * sigma * D));
  // eq. (11), second term with erratum 1: erfcx(√(T/8α²))·((4α²/T)(T/n* + 1) − 1)·√(2π)
  const second = erfcx(Math.sqrt(T / (8 * a2))) * (((4 * a2) / T) * (T / n + 1) - 1) * SQRT_2PI;
  return first - second;
}

/**
 * G_UB(α) of seed 001 eq. (12) (Erfc replaced by Lemma 8's lower bound), with spec/001 erratum 2
 * (c-term over D, not D²) and erratum 1's α² in the exp term. Used to check Lemma 14.
 */
export function cblGUpperBound(alpha: number, p: CblGParams): number {
  const { T, nStar: n, D, c, sigma } = p;
  const a2 = alpha * alpha;
  const x = Math.sqrt(T / (8 * a2));
  const erfcxLB = (1 / x - 1 / (2 * x ** 3)) / Math.sqrt(Math.PI); // seed 001 Lemma 8: e^{x²}·Erfc_LB(x)
  // seed 001 eq. (12) with errata 1 and 2
  const first = (4 * alpha * (-1 + (4 * T * a2) / (n * D) - (16 * c * n * T * a2) / (D * sigma * sigma))) / Math.sqrt(T);
  return first - SQRT_2PI * (-1 + (4 * (1 + T / n) * a2) / T) * erfcxLB;
}

/** Lemma 14's closed form of G_UB(√n*). */
export function cblLemma14(p: CblGParams): number {
  const { T, nStar: n, D, c, sigma } = p;
  const s2 = sigma * sigma;
  return (-64 * n ** 1.5 * (c * n * T ** 3 + (2 * n * n - T * T) * s2)) / (T ** 2.5 * D * s2); // seed 001, Lemma 14
}

/** Geometric ratio of the α scan (spec/001 §2.6). */
export const ALPHA_SCAN_RATIO = 1.01;
/** The scan gives up beyond √n*·ALPHA_SCAN_SPAN (G grows like α³, Lemma 1). */
const ALPHA_SCAN_SPAN = 1e8;

/**
 * α_{i,k}: the smallest α ≥ √n* with G(α) = 0 (seed 001 App. B, Lemma 1), found by a geometric scan
 * from √n* (ratio 1.01) to the first sign change, then Brent (spec/001 §2.6).
 */
export function cblAlpha(p: CblGParams): number {
  const start = Math.sqrt(p.nStar); // seed 001 Lemma 1: α ≥ √n*
  return firstRootAbove((a) => cblG(a, p), start, {
    step: start * (ALPHA_SCAN_RATIO - 1),
    growth: ALPHA_SCAN_RATIO,
    max: start * ALPHA_SCAN_SPAN,
  });
}

/** Case C sizes and coefficient: z = |Z|, D' = |Z'|, α. */
export interface CaseCParams {
  z: number;
  Dprime: number;
  alpha: number;
  c: number;
  sigma: number;
}

/** E[1/(L + x²)], x ~ N(0,1): √(π/(2L))·erfcx(√(L/2)). */
function expectInvShift(L: number): number {
  return Math.sqrt(Math.PI / (2 * L)) * erfcx(Math.sqrt(L / 2)); // spec/001 §3: E[1/(x²+a)] identity
}

/**
 * Case C penalty of an agent who collects n, submits truthfully and accepts (spec/001 §3, general form):
 * p(n) = E[σ²/(S + D'/(1+βx²))] + cn = σ²/S − (σ²D'/(S²β))·√(π/2L)·erfcx(√(L/2)) + cn,
 * S = n + z, β = α²(1/n + 1/z), L = (S + D')/(Sβ); p(0) = σ²/z.
 */
export function cblCaseCPenalty(n: number, p: CaseCParams): number {
  const { z, Dprime, alpha, c, sigma } = p;
  const s2 = sigma * sigma;
  if (n === 0) return s2 / z; // spec/001 §3: p(0) = σ²/z (limit β → ∞)
  const S = n + z;
  const beta = alpha * alpha * (1 / n + 1 / z); // spec/001 §3: β = α²(1/n + 1/z)
  const L = (S + Dprime) / (S * beta); // spec/001 §3: L = (S + D')/(Sβ)
  // spec/001 §3 [derived closed form, quad-verified]
  return s2 / S - ((s2 * Dprime) / (S * S * beta)) * expectInvShift(L) + costTimes(c, n);
}

/** The integrand of spec/001 §3's case-C expectation, σ²/(S + D'/(1+βx²)), for quadrature checks. */
export function cblCaseCIntegrand(n: number, p: CaseCParams): (x: number) => number {
  const S = n + p.z; // spec/001 §3: S = n + z
  const beta = p.alpha * p.alpha * (1 / n + 1 / p.z); // spec/001 §3: β = α²(1/n + 1/z)
  return (x) => (p.sigma * p.sigma) / (S + p.Dprime / (1 + beta * x * x)); // seed 001 eq. (64) integrand
}

/** Case C penalty at s* (seed 001 Lemma 16): σ²/(2n*) − (σ²D/(8α²n*))·α√(2π/T)·erfcx(√(T/8α²)) + cn*. */
export function cblCaseCAtStar(alpha: number, p: CblGParams): number {
  const { T, nStar: n, D, c, sigma } = p;
  const s2 = sigma * sigma;
  const a2 = alpha * alpha;
  // seed 001, Lemma 16 (spec/001 §3, C at s*)
  return s2 / (2 * n) - ((s2 * D) / (8 * a2 * n)) * alpha * Math.sqrt((2 * Math.PI) / T) * erfcx(Math.sqrt(T / (8 * a2))) + c * n;
}

/** Case C penalty at s* after substituting G(α) = 0 (seed 001 Lemma 17); valid only at the root α. */
export function cblCaseCLemma17(alpha: number, p: CblGParams): number {
  const { T, nStar: n, c, sigma } = p;
  const s2 = sigma * sigma;
  const a2 = alpha * alpha;
  // seed 001, Lemma 17
  const frac = (alpha * (16 * c * n * n * T * a2 + (n * (T - 2 * n) - 4 * T * a2) * s2)) / (-n * T * alpha + 4 * (n + T) * alpha ** 3);
  return (2 * c * n * n + s2 + frac) / (2 * n);
}

/** Lemma 15: ∂p_{i,k}/∂n at n* = −σ²D/(64α³√T n*)·G(α) (with erratum 1's G). */
export function cblLemma15Slope(alpha: number, p: CblGParams): number {
  return ((-p.sigma * p.sigma * p.D) / (64 * alpha ** 3 * Math.sqrt(p.T) * p.nStar)) * cblG(alpha, p); // seed 001, Lemma 15
}

export type CblCase = 'A' | 'B' | 'C' | 'NL';
export type CblBranch = 'leverage' | 'no-leverage';

export interface CblTheory {
  branch: CblBranch;
  favorableCondition: boolean;
  /** Recommended amounts n*[i][k] of eq. (9) (Alg. 1 output, or n^NL in the no-leverage branch). */
  nStar: number[][];
  /** Alg. 1's V_k (0-based agents), reported in both branches. */
  V: number[][];
  /** Alg. 1's T_k, reported in both branches. */
  T: number[];
  cases: CblCase[][];
  /** α_{i,k}; null unless case C. */
  alpha: (number | null)[][];
  /** p_{i,k}(M_CBL, s*). */
  penalties: number[][];
  agentPenalties: number[];
  socialPenalty: number;
  /** P(M_SM, input allocation n) = Σ_k (mσ²/N_k + Σ_i c n). */
  baseline: number;
  /** socialPenalty / baseline. */
  ratio: number;
  individuallyRational: boolean[];
}

/** p_i^IND = 2σ Σ_k √c_{i,k} (∞ if some c_{i,k} = ∞). */
export function cblIndividualPenalty(inst: HeteroInstance, i: number): number {
  return inst.costs[i].reduce((s, c) => s + alonePenaltyK(inst.sigma, c), 0); // seed 001, Fact 1
}

/** Thm 2/3 lower bound p_i^IND/2 = σ Σ_k √c_{i,k}, per agent. */
export function thm23LowerBound(inst: HeteroInstance): number[] {
  return inst.costs.map((_, i) => cblIndividualPenalty(inst, i) / 2); // seed 001, Thms 2–3
}

/** p ≤ p^IND within a relative tolerance (IR; vacuous when p^IND = ∞). */
function isIR(p: number, pInd: number, relTol: number): boolean {
  return pInd === Number.POSITIVE_INFINITY || p <= pInd * (1 + relTol); // seed 001 (6)
}

/** Whether agent i is among the cheapest for distribution k (exact ties). */
function isCheapest(inst: HeteroInstance, i: number, k: number): boolean {
  return inst.costs[i][k] === Math.min(...inst.costs.map((row) => row[k]));
}

/** Eq. (9), NL branch: n^NL_{i,k} = n^IND_{i,k} if i ∈ argmin_j c_{j,k}, else 0. */
function noLeverageAmounts(inst: HeteroInstance): number[][] {
  return inst.costs.map((row, i) => row.map((c, k) => (isCheapest(inst, i, k) ? nIndividual(inst.sigma, c) : 0))); // seed 001 (9)
}

/** Σ_{j≠i} nStar[j][k]. */
function othersTotal(nStar: readonly (readonly number[])[], i: number, k: number): number {
  return columnTotal(nStar, k) - nStar[i][k]; // |Y_{−i,k}| under s* (seed 001 Alg. 2 line 10)
}

/** Alg. 2 case of (i,k) in the leverage branch. */
function leverageCase(V: readonly (readonly number[])[], nStar: readonly (readonly number[])[], i: number, k: number): CblCase {
  if (V[k].includes(i)) return 'A'; // seed 001 Alg. 2 line 13
  return nStar[i][k] === 0 ? 'B' : 'C'; // Alg. 2 lines 16 / 18
}

/** G's parameters for case-C (i,k). */
function gParams(inst: HeteroInstance, nStar: readonly (readonly number[])[], T: readonly number[], i: number, k: number): CblGParams {
  const n = nStar[i][k];
  return { T: T[k], nStar: n, D: T[k] - 2 * n, c: inst.costs[i][k], sigma: inst.sigma }; // seed 001 App. B: D = T − 2n*
}

/** The parts of a CblTheory that cblPenaltyAt reads. */
export type CblPenaltyContext = Pick<CblTheory, 'cases' | 'nStar' | 'T' | 'alpha'>;

/**
 * Agent i's penalty on distribution k when she collects n (truthful, h^ACC) and everyone else
 * follows s* (spec/001 §3): A: σ²/n + cn; B: σ²/Σ_{j≠i}n*_{j,k} + cn; C: the general case-C form
 * with z = n*, D' = D (sizes fixed by the mechanism); NL: own data if cheapest, else others' data.
 */
export function cblPenaltyAt(inst: HeteroInstance, theory: CblPenaltyContext, i: number, k: number, n: number): number {
  const { sigma } = inst;
  const c = inst.costs[i][k];
  const s2 = sigma * sigma;
  const own = (): number => (n > 0 ? s2 / n : Number.POSITIVE_INFINITY) + costTimes(c, n); // spec/001 §3 A: σ²/n + cn
  const others = (): number => s2 / othersTotal(theory.nStar, i, k) + costTimes(c, n); // spec/001 §3 B (h^ACC)
  switch (theory.cases[i][k]) {
    case 'A':
      return own();
    case 'B':
      return others();
    case 'NL':
      return isCheapest(inst, i, k) ? own() : others(); // seed 001 Alg. 2 lines 26–29
    case 'C': {
      const alpha = theory.alpha[i][k];
      if (alpha === null) throw new Error(`cblPenaltyAt: no α for case-C (${i}, ${k})`);
      const z = theory.nStar[i][k];
      return cblCaseCPenalty(n, { z, Dprime: theory.T[k] - 2 * z, alpha, c, sigma }); // spec/001 §3: z = n*, D' = D
    }
  }
}

/** p_{i,k}(M_CBL, s*) for one (i,k); case C uses Lemma 16. */
function penaltyAtStar(inst: HeteroInstance, ctx: CblPenaltyContext, i: number, k: number): number {
  const alpha = ctx.alpha[i][k];
  if (alpha !== null) return cblCaseCAtStar(alpha, gParams(inst, ctx.nStar, ctx.T, i, k)); // seed 001 Lemma 16
  return cblPenaltyAt(inst, ctx, i, k, ctx.nStar[i][k]);
}

/** P(M_SM, s^COM_n) = Σ_k (mσ²/N_k + Σ_i c_{i,k} n_{i,k}) (seed 001 eq. (5)). */
export function smSocialPenalty(inst: HeteroInstance, n: Allocation): number {
  return smTheory(inst, n).socialPenalty;
}

/** Cases, α and n* for both branches. */
function cblContext(inst: HeteroInstance, n: Allocation, fav: boolean): CblPenaltyContext & { V: number[][] } {
  const { nStar: nApprox, V, T } = computeNApprox(inst, n); // seed 001 Alg. 2 line 3
  if (!fav) {
    const nStar = noLeverageAmounts(inst);
    return { nStar, V, T, cases: nStar.map((row) => row.map(() => 'NL' as const)), alpha: nStar.map((row) => row.map(() => null)) };
  }
  const cases = nApprox.map((row, i) => row.map((_, k) => leverageCase(V, nApprox, i, k)));
  const alpha = cases.map((row, i) => row.map((cs, k) => (cs === 'C' ? cblAlpha(gParams(inst, nApprox, T, i, k)) : null)));
  return { nStar: nApprox, V, T, cases, alpha };
}

/** Everything `arena theory cbl` prints for (M_CBL, s*) run with input allocation n. */
export function cblTheory(inst: HeteroInstance, n: Allocation): CblTheory {
  checkAllocation(inst, n);
  const fav = favorableCondition(inst, n); // seed 001 Alg. 2 line 11
  const ctx = cblContext(inst, n, fav);
  const penalties = ctx.nStar.map((row, i) => row.map((_, k) => penaltyAtStar(inst, ctx, i, k)));
  const agentPenalties = penalties.map((row) => row.reduce((s, v) => s + v, 0)); // spec/001 §3: p_i = Σ_k p_{i,k}
  const socialPenalty = agentPenalties.reduce((s, v) => s + v, 0); // seed 001: P = Σ_i p_i
  const baseline = smSocialPenalty(inst, n);
  return {
    branch: fav ? 'leverage' : 'no-leverage',
    favorableCondition: fav,
    ...ctx,
    penalties,
    agentPenalties,
    socialPenalty,
    baseline,
    ratio: socialPenalty / baseline, // efficiency ratio, seed 001 §3.3 (ρ-efficiency)
    individuallyRational: agentPenalties.map((p, i) => isIR(p, cblIndividualPenalty(inst, i), DEFAULT_REL_TOL)),
  };
}

export interface SmTheory {
  penalties: number[][];
  agentPenalties: number[];
  socialPenalty: number;
  individuallyRational: boolean[];
}

/** Pool-everything M_SM with compliant agents at allocation n (seed 001 Fact 2). */
export function smTheory(inst: HeteroInstance, n: Allocation): SmTheory {
  checkAllocation(inst, n);
  const { d } = dims(inst);
  const N = Array.from({ length: d }, (_, k) => columnTotal(n, k));
  // seed 001 Fact 2: p_i = Σ_k (σ²/N_k + c_{i,k} n_{i,k})
  const penalties = n.map((row, i) => row.map((v, k) => smPenaltyK(inst.sigma, inst.costs[i][k], v, N[k])));
  const agentPenalties = penalties.map((row) => row.reduce((s, v) => s + v, 0));
  return {
    penalties,
    agentPenalties,
    socialPenalty: agentPenalties.reduce((s, v) => s + v, 0), // seed 001 eq. (5)
    individuallyRational: agentPenalties.map((p, i) => isIR(p, cblIndividualPenalty(inst, i), DEFAULT_REL_TOL)),
  };
}
