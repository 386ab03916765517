/**
 * Closed forms for mechanism CDED (seed 000, Algorithm 3, §4.2, App. C-D; spec/000 §2.4-2.5).
 * The agent's strategy is (n, f) only; the mechanism deploys the plain mean of Y_i ∪ Z_i,
 * where Z_i is all of Y_{−i} corrupted with variance η² = β²(mean(Y_i) − mean(Y_{−i}))^{2k}.
 *
 * Conventions: ny = 0 (nothing submitted: mean(Y_i) undefined) or nx = 0 with ny > 0
 * (fabrication without data: unbounded worst case over µ) give risk +Infinity;
 * nOthers = 0 (no one else submitted) deploys the mean of Y_i alone.
 */
import { binomial, doubleFactorial } from './special.js';

/** k = ceil(1/(2ε)). seed 000, Algorithm 3, line 6 */
export function cdedK(epsilon: number): number {
  if (!(epsilon > 0)) throw new RangeError(`cdedK: epsilon must be > 0, got ${epsilon}`);
  return Math.ceil(1 / (2 * epsilon));
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
}

/**
 * β² = (Σ_j |Y_j|)²(m−1)^{k−1} / (k(2k−1)!! σ^k c^{(k−2)/2} m^{3k/2}). seed 000, Algorithm 3, line 6
 * (Under s* this equals n*^{k−2}(m−1)^{k−1}(Σ|Y|)²/(k(2k−1)!! m^{k+1} σ^{2k−2}), §C.1 step 1.2.)
 */
export function cdedBeta2(p: { totalSubmitted: number; m: number; sigma: number; c: number; k: number }): number {
  const { totalSubmitted: T, m, sigma, c, k } = p;
  checkK(k);
  return (
    (T * T * (m - 1) ** (k - 1)) / (k * doubleFactorial(2 * k - 1) * sigma ** k * c ** ((k - 2) / 2) * m ** ((3 * k) / 2))
  );
}

/**
 * E[(δ + sZ)^{2k}], Z ~ N(0,1): Σ_j C(2k,2j) δ^{2k−2j} s^{2j} (2j−1)!!.
 * Binomial expansion of seed 000, §C.1 step 1.1 with Lemma 11.
 */
export function normalEvenMoment(delta: number, s2: number, k: number): number {
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    sum += binomial(2 * k, 2 * j) * delta ** (2 * k - 2 * j) * s2 ** j * doubleFactorial(2 * j - 1);
  }
  return sum;
}

export interface CdedRiskParams {
  sigma: number;
  m: number;
  c: number;
  k: number;
  /** Total truthful points submitted by the m−1 others. */
  nOthers: number;
  /** Points the agent collected. */
  nx: number;
  /** Points she submits (default nx); their mean is mean(X) + noise + shift. */
  ny?: number;
  /** Variance of the independent noise in mean(Y_i) − mean(X_i) (default 0). */
  extraVar?: number;
  /** Constant bias of mean(Y_i) − mean(X_i) (default 0). */
  shift?: number;
}

/**
 * Exact risk of the deployed mean of Y_i ∪ Z_i (seed 000, §C.1, display before (30)):
 * [ny²E(µ̂_Y − µ)² + N_o σ² + N_o β² E(µ̂_Y − µ̂_{−i})^{2k}] / (ny + N_o)²,
 * with E(µ̂_Y − µ)² = σ²/nx + v + δ² and µ̂_Y − µ̂_{−i} ~ N(δ, σ²/nx + v + σ²/N_o),
 * β² from Σ|Y| = ny + N_o. Independent of µ. Truthful (ny = nx, v = δ = 0, N_o = (m−1)n*):
 * σ²/(n+(m−1)n*) + (n*^{k−1}(m−1)^k/(k m^{k+1}))(1/n + 1/((m−1)n*))^k σ² (Theorem 3 proof).
 */
export function cdedRisk(p: CdedRiskParams): number {
  const { sigma, m, c, k, nOthers: nO, nx } = p;
  const ny = p.ny ?? nx;
  const v = p.extraVar ?? 0;
  const delta = p.shift ?? 0;
  checkK(k);
  if (!(nx >= 0 && ny >= 0 && nO >= 0 && v >= 0)) throw new RangeError('cdedRisk: sizes and extraVar must be >= 0');
  if (ny === 0 || nx === 0) return Number.POSITIVE_INFINITY;
  const s2 = sigma * sigma;
  const ownErr = s2 / nx + v + delta * delta; // E(µ̂_Y − µ)²
  if (nO === 0) return ownErr;
  const beta2 = cdedBeta2({ totalSubmitted: ny + nO, m, sigma, c, k });
  const eDiff = normalEvenMoment(delta, s2 / nx + v + s2 / nO, k);
  const N = ny + nO;
  return (ny * ny * ownErr + nO * s2 + nO * beta2 * eDiff) / (N * N);
}

/** Truthful penalty p(n) of Theorem 3 (seed 000, §C.1 step 2), others at n* = σ/sqrt(cm). */
export function cdedTruthfulPenalty(n: number, m: number, sigma: number, c: number, k: number): number {
  const nStar = sigma / Math.sqrt(c * m);
  const s2 = sigma * sigma;
  const corr = ((nStar ** (k - 1) * (m - 1) ** k) / (k * m ** (k + 1))) * (1 / n + 1 / ((m - 1) * nStar)) ** k * s2;
  return s2 / (n + (m - 1) * nStar) + corr + c * n;
}

export interface CdedEquilibrium {
  nStar: number;
  beta2: number;
  risk: number;
  agentPenalty: number;
  socialPenalty: number;
  ratio: number;
}

/**
 * s*: n* = σ/sqrt(cm), f = I. Risk (1 + 1/k)σ²/(m n*); p = (2 + 1/k)σ sqrt(c/m) (seed 000, eq. (32));
 * PR = 1 + 1/(2k) (§C.3).
 */
export function cdedEquilibrium(m: number, sigma: number, c: number, k: number): CdedEquilibrium {
  checkK(k);
  const nStar = sigma / Math.sqrt(c * m);
  const agentPenalty = (2 + 1 / k) * sigma * Math.sqrt(c / m);
  return {
    nStar,
    beta2: cdedBeta2({ totalSubmitted: m * nStar, m, sigma, c, k }),
    risk: ((1 + 1 / k) * sigma * sigma) / (m * nStar),
    agentPenalty,
    socialPenalty: m * agentPenalty,
    ratio: 1 + 1 / (2 * k),
  };
}

/**
 * D.2 variant (A_i = Z_i returned, agent picks her estimator): risk of the inverse-variance
 * weighted mean [Σ_X x/σ² + Σ_Z z/(σ²+τ²)]/[nx/σ² + N_o/(σ²+τ²)] with τ² defaulting to
 * E[η²] = β²(2k−1)!!(σ²/nx + σ²/N_o)^k (β² from Σ|Y| = nx + N_o, truthful f = I):
 * [nx/σ² + w²N_o(σ² + E η²)]/(nx/σ² + wN_o)², w = 1/(σ²+τ²).
 * At s* (nx = n*, N_o = (m−1)n*) E[η²] = σ²m/(k(m−1)) and the risk is
 * (σ²/n*)(1 + m/(k(m−1)))/(m + m/(k(m−1))). seed 000, eq. (33)
 */
export function cdedFreeEstimatorRisk(p: {
  sigma: number;
  m: number;
  c: number;
  k: number;
  nx: number;
  nOthers: number;
  tau2?: number;
}): number {
  const { sigma, m, c, k, nx, nOthers: nO } = p;
  checkK(k);
  const s2 = sigma * sigma;
  if (nx === 0 && nO === 0) return Number.POSITIVE_INFINITY;
  if (nO === 0) return s2 / nx;
  if (nx === 0) return Number.POSITIVE_INFINITY; // η² = ∞ (mean(Y_i) undefined); fixed weights cannot ignore Z
  const beta2 = cdedBeta2({ totalSubmitted: nx + nO, m, sigma, c, k });
  const eEta2 = beta2 * doubleFactorial(2 * k - 1) * (s2 / nx + s2 / nO) ** k;
  const tau2 = p.tau2 ?? eEta2;
  const w = 1 / (s2 + tau2);
  const den = nx / s2 + w * nO;
  return (nx / s2 + w * w * nO * (s2 + eEta2)) / (den * den);
}

/** Closed form of seed 000, eq. (33) at s*: (σ²/n*)(1 + m/(k(m−1)))/(m + m/(k(m−1))). */
export function cdedFreeEstimatorRiskAtNStar(m: number, sigma: number, c: number, k: number): number {
  const nStar = sigma / Math.sqrt(c * m);
  const r = m / (k * (m - 1));
  return ((sigma * sigma) / nStar) * ((1 + r) / (m + r));
}
