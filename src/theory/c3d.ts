/**
 * Closed forms for mechanism C3D (seed 000, Algorithm 1; spec/000 §2.2, §3, §6).
 *
 * Notation: n* = σ/sqrt(cm) (m >= 5), A = α/sqrt(n*), B = nx + nz clean points,
 * K = nz' corrupted points, s² = Var(mean(Y) − mean(Z)).
 *
 * Conventions (the paper leaves these open; spec/000 §8 "Other implementation points"):
 * - mean(∅) is undefined, so when the agent holds no data (nx = 0) or receives no clean
 *   points (nz = 0) the corruption η² is treated as +∞: Z' is worthless and h* ignores it.
 *   The risk is then σ²/(nx + nz), and +Infinity when nx + nz = 0.
 * - With nz' = 0 every estimator here reduces to the mean of X ∪ Z: risk σ²/(nx + nz).
 * - Sizes may be non-integer ("continuous n", as the paper's footnote 2 assumes).
 */
import { goldenSection } from './golden.js';
import { erfcx, expectSqRatio, erfcLowerBound, erfcUpperBound } from './special.js';
import { firstRootAbove } from './roots.js';
import { expectNormal } from './quadrature.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** C_m of the bracket A_m ∈ (1, 1 + C_m/m): 20 for m <= 20, 5 otherwise. seed 000, §A.2 / eq. (41) */
export function c3dBracketC(m: number): number {
  return m <= 20 ? 20 : 5;
}

/**
 * Normalised G (spec/000 §2.2, derived from seed 000, eq. (7) with α = A·sqrt(n*)):
 * G = (4A²(m−4)/(m−2) − 1)·4A/√m − (4(m+1)A²/m − 1)·√(2π)·erfcx(√m/(2√2 A)).
 * Depends on m only. Evaluated in the algebraically equal form (√(2π)·(√m/(4A))·erfcx(y) = √π·y·erfcx(y)
 * = 1 − J(L) with y = √m/(2√2A), L = 2y² = m/(4A²), J(L) = E[x²/(L+x²)], seed 000 eq. (62)):
 * G = (4A/√m)·[−4A²(3m−2)/(m(m−2)) + (4(m+1)A²/m − 1)·J(m/(4A²))],
 * which avoids the O(1/m) cancellation of the two printed terms (A_m stays exact up to m ~ 1e8).
 */
export function gNormalized(A: number, m: number): number {
  const A2 = A * A;
  const inner = (-4 * A2 * (3 * m - 2)) / (m * (m - 2)) + ((4 * (m + 1) * A2) / m - 1) * expectSqRatio(m / (4 * A2));
  return ((4 * A) / Math.sqrt(m)) * inner;
}

/** G as printed in spec/000 §2.2 (erfcx form, two terms that cancel to O(1/m)); for cross-checks. */
export function gNormalizedPrinted(A: number, m: number): number {
  const term1 = ((4 * A * A * (m - 4)) / (m - 2) - 1) * ((4 * A) / Math.sqrt(m));
  const term2 = ((4 * (m + 1) * A * A) / m - 1) * SQRT_2PI * erfcx(Math.sqrt(m) / (2 * Math.SQRT2 * A));
  return term1 - term2;
}

/**
 * G(α) exactly as printed in seed 000, eq. (7), in the original variables α, σ, c, m,
 * with exp(y²)·Erfc(y) evaluated as erfcx(y), y = √σ (m/c)^{1/4}/(2√2 α).
 * Algebraically gOriginal(A·sqrt(n*), m, σ, c) = gNormalized(A, m) for n* = σ/sqrt(cm).
 */
export function gOriginal(alpha: number, m: number, sigma: number, c: number): number {
  const nStar = sigma / Math.sqrt(c * m);
  const q = Math.sqrt(sigma) * (m / c) ** 0.25; // √σ (m/c)^{1/4}
  const term1 = (((m - 4) / (m - 2)) * ((4 * alpha * alpha) / nStar) - 1) * ((4 * alpha) / q);
  const term2 =
    ((4 * (m + 1) * alpha * alpha) / (sigma * Math.sqrt(m / c)) - 1) * SQRT_2PI * erfcx(q / (2 * Math.SQRT2 * alpha));
  return term1 - term2;
}

/**
 * The paper's bounds G_LB <= G <= G_UB (seed 000, §A.2, after eq. (12)), normalised:
 * erfc replaced by ErfcUB (11) in G_LB and by ErfcLB (12) in G_UB. Valid when
 * 4(m+1)A²/m − 1 > 0, i.e. A >= 1 (stated in §A.2).
 */
export function gNormalizedBounds(A: number, m: number): { lower: number; upper: number } {
  const y = Math.sqrt(m) / (2 * Math.SQRT2 * A);
  const term1 = ((4 * A * A * (m - 4)) / (m - 2) - 1) * ((4 * A) / Math.sqrt(m));
  const k = ((4 * (m + 1) * A * A) / m - 1) * SQRT_2PI * Math.exp(y * y);
  return { lower: term1 - k * erfcUpperBound(y), upper: term1 - k * erfcLowerBound(y) };
}

const aCache = new Map<number, number>();

/**
 * A_m = α/sqrt(n*): the first root above 1 of gNormalized(·, m) (seed 000, eq. (7):
 * "the smallest number larger than sqrt(n*)"). Found by an upward geometric scan from 1
 * (first step 0.05/m, growth 1.25, up to 200) and Brent on the first sign change; the
 * paper's bracket (1, 1 + C_m/m) is checked in the tests, not assumed.
 * Only defined for m >= 5: C3D pools without corruption for m <= 4 (Algorithm 1, line 9).
 */
export function solveA(m: number): number {
  if (!(m >= 5) || !Number.isFinite(m)) throw new RangeError(`solveA: needs m >= 5 (C3D pools for m <= 4), got ${m}`);
  const cached = aCache.get(m);
  if (cached !== undefined) return cached;
  const A = firstRootAbove((a) => gNormalized(a, m), 1, { step: 0.05 / m, growth: 1.25, max: 200 });
  aCache.set(m, A);
  return A;
}

/** Continuous n*: σ/(m√c) for m <= 4, σ/sqrt(cm) for m >= 5. seed 000, eq. (8) */
export function c3dNStar(m: number, sigma: number, c: number): number {
  return m <= 4 ? sigma / (m * Math.sqrt(c)) : sigma / Math.sqrt(c * m);
}

/** α = A_m·sqrt(n*), n* = σ/sqrt(cm) unless given (m >= 5). seed 000, eq. (7); spec/000 §2.2 */
export function c3dAlpha(m: number, sigma: number, c: number, nStar?: number): number {
  return solveA(m) * Math.sqrt(nStar ?? sigma / Math.sqrt(c * m));
}

export interface C3dRiskParams {
  sigma: number;
  alpha: number;
  /** |X_i|: the agent's own points. */
  nx: number;
  /** |Z_i|: clean points received. */
  nz: number;
  /** |Z'_i|: corrupted points received. */
  nzp: number;
  /** Extra variance of mean(Y) − mean(X), independent of the data (default 0). */
  extraVar?: number;
  /** Constant bias of mean(Y) − mean(X) (default 0). */
  shift?: number;
}

function checkRiskParams(p: C3dRiskParams): void {
  const { sigma, alpha, nx, nz, nzp } = p;
  const extraVar = p.extraVar ?? 0;
  if (!(sigma > 0)) throw new RangeError(`sigma must be > 0, got ${sigma}`);
  if (!(alpha >= 0)) throw new RangeError(`alpha must be >= 0, got ${alpha}`);
  if (!(nx >= 0 && nz >= 0 && nzp >= 0)) throw new RangeError(`sizes must be >= 0, got ${nx}, ${nz}, ${nzp}`);
  if (!(extraVar >= 0)) throw new RangeError(`extraVar must be >= 0, got ${extraVar}`);
  if (!Number.isFinite(p.shift ?? 0)) throw new RangeError(`shift must be finite, got ${p.shift}`);
}

/** Edge conventions shared by the C3D estimators (see file header); undefined if none applies. */
function edgeRisk(p: C3dRiskParams): number | undefined {
  const B = p.nx + p.nz;
  if (p.nzp === 0 || p.nx === 0 || p.nz === 0) return B === 0 ? Number.POSITIVE_INFINITY : (p.sigma * p.sigma) / B;
  return undefined;
}

/** s² = Var(mean(Y) − mean(Z)) = σ²(1/nx + 1/nz) + extraVar. seed 000, eq. (22)-(23) proof; spec/000 §5 */
function diffVar(p: C3dRiskParams): number {
  return p.sigma * p.sigma * (1 / p.nx + 1 / p.nz) + (p.extraVar ?? 0);
}

/**
 * The integrand of the max risk of h*: x ↦ 1/(K/(σ² + α²(s x + δ)²) + B/σ²), x ~ N(0,1).
 * seed 000, eq. (22)/(23) (with s² and the shift δ of spec/000 §5). Requires nx, nz > 0.
 */
export function c3dRiskIntegrand(p: C3dRiskParams): (x: number) => number {
  const s2 = p.sigma * p.sigma;
  const s = Math.sqrt(diffVar(p));
  const delta = p.shift ?? 0;
  const a2 = p.alpha * p.alpha;
  const B = p.nx + p.nz;
  return (x: number) => {
    const u = s * x + delta;
    return 1 / (p.nzp / (s2 + a2 * u * u) + B / s2);
  };
}

/**
 * Exact max risk over µ of h* (inverse-variance weighted mean with the CORRECTED denominator
 * (|X|+|Z|)/σ² + |Z'|/(σ²+η²); seed 000, eq. (8) prints |X ∪ Z'|, eq. (15) shows |X|+|Z|).
 *
 * shift = 0: closed form of spec/000 §3, R = (σ²/B)[1 − (K/(B a))·I(L)], a = α²s²/σ²,
 * L = (K+B)/(B a), I from seed 000, eq. (62). It is evaluated in the algebraically equal,
 * cancellation-free form R = σ²/(K+B)·[1 + (K/B)·J(L)], J(L) = E[x²/(L+x²)] = 1 − L·I(L).
 * shift != 0: the same expectation with η² = α²(s x + δ)², by adaptive quadrature.
 */
export function c3dRisk(p: C3dRiskParams): number {
  checkRiskParams(p);
  const edge = edgeRisk(p);
  if (edge !== undefined) return edge;
  const s2 = p.sigma * p.sigma;
  const B = p.nx + p.nz;
  const K = p.nzp;
  if (p.alpha === 0) return s2 / (B + K); // η² = 0: all points equally weighted
  if (p.alpha === Number.POSITIVE_INFINITY) return s2 / B;
  const delta = p.shift ?? 0;
  if (delta === 0) {
    const a = (p.alpha * p.alpha * diffVar(p)) / s2;
    const L = (K + B) / (B * a);
    return (s2 / (K + B)) * (1 + (K / B) * expectSqRatio(L)); // spec/000 §3, seed 000 eq. (62)
  }
  const s = Math.sqrt(diffVar(p));
  const x0 = -delta / s; // η² = 0 at x0: the integrand's dip
  const w = Math.sqrt(s2) / (p.alpha * s);
  return expectNormal(c3dRiskIntegrand(p), { points: [x0, x0 - w, x0 + w], relTol: 1e-14 });
}

/**
 * Max risk of the unweighted mean of X ∪ Z ∪ Z' (spec/000 §5 "plain mean" deviation):
 * σ²/(B+K) + K·E[η²]/(B+K)², E[η²] = α²(s² + δ²). The corruption noise is conditionally
 * zero-mean, so it adds K·E[η²] to the squared error of the sum; η² = ∞ edge → +Infinity.
 */
export function c3dPlainMeanRisk(p: C3dRiskParams): number {
  checkRiskParams(p);
  const B = p.nx + p.nz;
  const K = p.nzp;
  if (K === 0) return B === 0 ? Number.POSITIVE_INFINITY : (p.sigma * p.sigma) / B;
  if (p.nx === 0 || p.nz === 0) return Number.POSITIVE_INFINITY;
  const delta = p.shift ?? 0;
  const eEta2 = p.alpha * p.alpha * (diffVar(p) + delta * delta);
  return (p.sigma * p.sigma) / (B + K) + (K * eEta2) / ((B + K) * (B + K));
}

/** Risk of the mean of X ∪ Z, ignoring Z': σ²/(nx+nz) (+Infinity at 0). seed 000, §A.4 */
export function c3dIgnoreCorruptedRisk(p: { sigma: number; nx: number; nz: number }): number {
  const B = p.nx + p.nz;
  return B === 0 ? Number.POSITIVE_INFINITY : (p.sigma * p.sigma) / B;
}

/**
 * Max risk of the weighted mean with a fixed τ² in place of η² (seed 000, App. E, eq. (35)
 * with the corrected denominator; τ² = 2α²σ²/n* in the paper). With w = 1/(σ²+τ²):
 * [B/σ² + w²K(σ² + E[η²])]/(B/σ² + wK)², E[η²] = α²(s² + δ²) (eq. (39)-(40) for Gaussian data).
 * τ² = ∞ ignores Z'. With η² = ∞ (nx = 0 or nz = 0) and finite τ² the risk is +Infinity.
 */
export function c3dFixedWeightRisk(p: C3dRiskParams & { tau2: number }): number {
  checkRiskParams(p);
  if (!(p.tau2 >= 0)) throw new RangeError(`tau2 must be >= 0, got ${p.tau2}`);
  const s2 = p.sigma * p.sigma;
  const B = p.nx + p.nz;
  const K = p.nzp;
  if (K === 0 || p.tau2 === Number.POSITIVE_INFINITY) return B === 0 ? Number.POSITIVE_INFINITY : s2 / B;
  if (p.nx === 0 || p.nz === 0) return Number.POSITIVE_INFINITY;
  const delta = p.shift ?? 0;
  const eEta2 = p.alpha * p.alpha * (diffVar(p) + delta * delta);
  const w = 1 / (s2 + p.tau2);
  const den = B / s2 + w * K;
  return (B / s2 + w * w * K * (s2 + eEta2)) / (den * den);
}

export interface C3dEquilibrium {
  nStar: number;
  /** A_m (0 for m <= 4: no corruption). */
  A: number;
  /** α = A_m sqrt(n*) (0 for m <= 4). */
  alpha: number;
  /** p_i(s*) = risk + c n*. */
  agentPenalty: number;
  risk: number;
  socialPenalty: number;
  /** PR = social / (2σ sqrt(cm)). */
  ratio: number;
}

/**
 * The recommended equilibrium at continuous n*.
 * m <= 4 (seed 000, §A.1): pooling, p = (1 + 1/m)σ√c, social (m+1)σ√c, PR = (m+1)/(2√m).
 * m >= 5 (seed 000, §A.5, using G = 0): p = σ sqrt(c/m)·[(10A²−1)/(4A²(m+1)/m − 1) + 1],
 * PR = ½[(10A²−1)/(4A²(m+1)/m − 1) + 1].
 */
export function c3dEquilibrium(m: number, sigma: number, c: number): C3dEquilibrium {
  if (!(m >= 1) || !Number.isInteger(m)) throw new RangeError(`c3dEquilibrium: m must be an integer >= 1, got ${m}`);
  const nStar = c3dNStar(m, sigma, c);
  const globalMin = 2 * sigma * Math.sqrt(c * m);
  if (m <= 4) {
    const agentPenalty = (1 + 1 / m) * sigma * Math.sqrt(c); // seed 000, §A.1
    const socialPenalty = m * agentPenalty;
    return { nStar, A: 0, alpha: 0, agentPenalty, risk: sigma * Math.sqrt(c), socialPenalty, ratio: socialPenalty / globalMin };
  }
  const A = solveA(m);
  const A2 = A * A;
  const bracket = (10 * A2 - 1) / ((4 * A2 * (m + 1)) / m - 1); // seed 000, §A.5
  const unit = sigma * Math.sqrt(c / m); // = c n* = σ²/(m n*)
  const agentPenalty = unit * (bracket + 1);
  return {
    nStar,
    A,
    alpha: A * Math.sqrt(nStar),
    agentPenalty,
    risk: unit * bracket,
    socialPenalty: m * agentPenalty,
    ratio: 0.5 * (bracket + 1),
  };
}

/**
 * p(n*) before using G = 0 (seed 000, eq. (50)/(60); spec/000 §3):
 * (σ²/(2n*))[1 − ((m−2)/(4A))·sqrt(2π/m)·erfcx(√m/(2√2 A))] + c n*, for any A (default A_m).
 */
export function c3dPenaltyAtNStarEq60(m: number, sigma: number, c: number, A: number = solveA(m)): number {
  const nStar = sigma / Math.sqrt(c * m);
  const y = Math.sqrt(m) / (2 * Math.SQRT2 * A);
  return ((sigma * sigma) / (2 * nStar)) * (1 - ((m - 2) / (4 * A)) * Math.sqrt((2 * Math.PI) / m) * erfcx(y)) + c * nStar;
}

/**
 * p'(n*) for a corruption level α = A sqrt(n*), n* = σ/sqrt(cm) (seed 000, eq. (51) as derived
 * in Lemma 20's proof, in normalised form):
 * c − σ²/(4n*²)(1 − (m−2)/(4A²m)) + σ²/(4n*²)·(m−2)√(2π)/(16A³√m)·(4A²(m+1)/m − 1)·erfcx(√m/(2√2A)).
 * Equals −σ²(m−2)/(64 n*² A³ √m)·G(A) (with c = σ²/(m n*²)), so it vanishes at A_m (Lemma 6).
 * (Eq. (51) prints 4α²m/((m−2)n*) inside the bracket; substituting c gives the (m−4) of eq. (7).)
 */
export function c3dPenaltyDerivativeAtNStar(m: number, sigma: number, c: number, A: number = solveA(m)): number {
  const nStar = sigma / Math.sqrt(c * m);
  const k = (sigma * sigma) / (4 * nStar * nStar);
  const y = Math.sqrt(m) / (2 * Math.SQRT2 * A);
  const A2 = A * A;
  return (
    c -
    k * (1 - (m - 2) / (4 * A2 * m)) +
    k * (((m - 2) * SQRT_2PI) / (16 * A2 * A * Math.sqrt(m))) * ((4 * A2 * (m + 1)) / m - 1) * erfcx(y)
  );
}

export interface C3dDeviation {
  extraVar?: number;
  shift?: number;
  /** Override A (default A_m), e.g. to study other corruption levels. */
  A?: number;
}

/**
 * Agent penalty when she collects n and the others follow s*: c3dRisk with nx = n, nz = n*,
 * nz' = (m−2)n*, plus c·n (seed 000, eq. (23), Lemma 6). For m <= 4 (pooling, §A.1):
 * σ²/(n + (m−1)σ/(m√c)) + c n. n may be non-integer; n = 0 gives σ²/n* (m >= 5).
 */
export function c3dPenaltyAt(n: number, m: number, sigma: number, c: number, dev: C3dDeviation = {}): number {
  if (!(n >= 0)) throw new RangeError(`c3dPenaltyAt: n must be >= 0, got ${n}`);
  const nStar = c3dNStar(m, sigma, c);
  if (m <= 4) return c3dIgnoreCorruptedRisk({ sigma, nx: n, nz: (m - 1) * nStar }) + c * n;
  const alpha = (dev.A ?? solveA(m)) * Math.sqrt(nStar);
  const risk = c3dRisk({ sigma, alpha, nx: n, nz: nStar, nzp: (m - 2) * nStar, extraVar: dev.extraVar, shift: dev.shift });
  return risk + c * n;
}

/**
 * Agent penalty when she collects n and each of the m−1 others collects nOthersEach truthfully
 * (spec/000 §5 "effort dynamics"): the mechanism keeps |Z| = min((m−1)nOthersEach, n*) with
 * n* = σ/sqrt(cm) and |Z'| = the rest (Algorithm 1, lines 12-14); α stays at A_m sqrt(n*).
 * m <= 4: pooling, σ²/(n + (m−1)nOthersEach) + c n.
 */
export function c3dPenaltyVsOthers(n: number, nOthersEach: number, m: number, sigma: number, c: number): number {
  const total = (m - 1) * nOthersEach;
  if (m <= 4) return c3dIgnoreCorruptedRisk({ sigma, nx: n, nz: total }) + c * n;
  const nStar = sigma / Math.sqrt(c * m);
  const nz = Math.min(total, nStar);
  const alpha = solveA(m) * Math.sqrt(nStar);
  return c3dRisk({ sigma, alpha, nx: n, nz, nzp: total - nz }) + c * n;
}

/**
 * Minimiser of a convex (unimodal) function on [lo, hi] by golden-section search
 * (Kiefer 1953), to |x − x*| <= xtol (default 1e-10·max(1, hi)).
 */
export function minimizeConvex(f: (x: number) => number, lo: number, hi: number, xtol?: number): number {
  const x = goldenSection(f, lo, hi, { xtol: xtol ?? 1e-10 * Math.max(1, Math.abs(hi)) }).x;
  // The end points are candidates too (minimum on the boundary, e.g. n = 0).
  const cands = [lo, x, hi];
  let best = cands[0];
  for (const v of cands) if (f(v) < f(best)) best = v;
  return best;
}

/**
 * Best-response collection under C3D (h*, f = I), others each collecting nOthersEach
 * (default n*): argmin over n in [0, 4σ/√c] of c3dPenaltyVsOthers (convex in n, Lemma 6).
 * With `A` the others are at n* and the corruption level is A sqrt(n*) (Lemma 6 example).
 */
export function c3dBestResponse(m: number, sigma: number, c: number, opts: { nOthersEach?: number; A?: number } = {}): number {
  const hi = (4 * sigma) / Math.sqrt(c);
  if (opts.A !== undefined) {
    const A = opts.A;
    return minimizeConvex((n) => c3dPenaltyAt(n, m, sigma, c, { A }), 0, hi);
  }
  const nO = opts.nOthersEach ?? c3dNStar(m, sigma, c);
  return minimizeConvex((n) => c3dPenaltyVsOthers(n, nO, m, sigma, c), 0, hi);
}

/**
 * h* on data: [(Σ_{X∪Z} u)/σ² + (Σ_{Z'} u)/(σ²+η²)] / [(|X|+|Z|)/σ² + |Z'|/(σ²+η²)].
 * seed 000, eq. (8) with the denominator of eq. (15) (the printed |X ∪ Z'| is a typo).
 * η² = +Infinity gives Z' weight 0; η² = 0 gives the plain mean of X ∪ Z ∪ Z'.
 */
export function hStar(p: {
  sigma: number;
  eta2: number;
  x: readonly number[];
  z: readonly number[];
  zp: readonly number[];
}): number {
  const s2 = p.sigma * p.sigma;
  const w = p.eta2 === Number.POSITIVE_INFINITY ? 0 : 1 / (s2 + p.eta2);
  let clean = 0;
  for (const u of p.x) clean += u;
  for (const u of p.z) clean += u;
  let corrupt = 0;
  for (const u of p.zp) corrupt += u;
  const num = clean / s2 + (w === 0 ? 0 : w * corrupt);
  return num / ((p.x.length + p.z.length) / s2 + w * p.zp.length);
}

/**
 * E(m) = p_upper/p^N − 1 = 4A²((A²−1)m + 1 − 4A²)·m / ((4A²+m)((7A²−1)m + 2A²)), A = A_m.
 * seed 000, eq. (42); spec/000 §6.
 */
export function highDimE(m: number): number {
  const A2 = solveA(m) ** 2;
  return ((4 * A2 * ((A2 - 1) * m + 1 - 4 * A2)) * m) / ((4 * A2 + m) * ((7 * A2 - 1) * m + 2 * A2));
}

/**
 * Upper bound on p_i(s*) in d dimensions with bounded variance (equality when every
 * coordinate has variance σ²): σ sqrt(cd/m)·[m/(2 + (m−2)/(1+2A²)) + 1]. seed 000, eq. (40)
 */
export function highDimPenaltyUpper(m: number, sigma: number, c: number, d: number): number {
  const A2 = solveA(m) ** 2;
  return sigma * Math.sqrt((c * d) / m) * (m / (2 + (m - 2) / (1 + 2 * A2)) + 1);
}

/**
 * p^N: the Gaussian (N(µ, σ²I_d)) penalty at s̃*, σ sqrt(cd/m)·[(10A²−1)/(4A²(m+1)/m − 1) + 1].
 * seed 000, eq. (38); typo corrected: (38) prints dσ sqrt(c/d)/m, which is σ sqrt(cd)/m;
 * d copies of the 1-D problem with cost c/d give d·σ sqrt((c/d)/m) = σ sqrt(cd/m) (spec/000 §6).
 */
export function highDimPenaltyLower(m: number, sigma: number, c: number, d: number): number {
  const A2 = solveA(m) ** 2;
  return sigma * Math.sqrt((c * d) / m) * ((10 * A2 - 1) / ((4 * A2 * (m + 1)) / m - 1) + 1);
}

/** n* in d dimensions: (σ/m)sqrt(d/c) for m <= 4, σ sqrt(d/(cm)) for m >= 5. seed 000, eq. (35) */
export function highDimNStar(m: number, sigma: number, c: number, d: number): number {
  return m <= 4 ? (sigma / m) * Math.sqrt(d / c) : sigma * Math.sqrt(d / (c * m));
}
