/**
 * Baselines of seed 000 §2 and §4.1 (spec/000 §1, §2.1, §2.3; spec/002 §1-2, §5):
 * working alone, the global minimum, naive pooling (M_pool) and pool-check-size (M_PCS).
 */

/** Minimax risk of the sample mean of n points, σ²/n (+Infinity at n = 0). seed 000, §2 (eq. (6)) */
export function meanRisk(sigma: number, n: number): number {
  return n === 0 ? Number.POSITIVE_INFINITY : (sigma * sigma) / n;
}

/** Bayes risk of the posterior mean under the prior N(0, τ²): σ²/(n + σ²/τ²). spec/002 §5 item 6 */
export function bayesRiskNormalPrior(sigma: number, n: number, tau2: number): number {
  return (sigma * sigma) / (n + (sigma * sigma) / tau2);
}

/** Solo optimum p_IRmin = min_n σ²/n + cn = 2σ√c. seed 000, eq. (6) */
export function soloPenalty(sigma: number, c: number): number {
  return 2 * sigma * Math.sqrt(c);
}

/** Solo optimal sample size σ/√c. seed 000, eq. (6) */
export function soloN(sigma: number, c: number): number {
  return sigma / Math.sqrt(c);
}

/** Global minimum social penalty min mσ²/N + cN = 2σ sqrt(mc). seed 000, §2 */
export function globalMinimum(m: number, sigma: number, c: number): number {
  return 2 * sigma * Math.sqrt(m * c);
}

/** Per-agent sample size at the global minimum, σ/sqrt(cm). seed 000, §2 */
export function globalN(m: number, sigma: number, c: number): number {
  return sigma / Math.sqrt(c * m);
}

/** Penalty under M_pool of an agent with n points when the others hold othersTotal: σ²/(n+S) + cn. seed 000, §2 */
export function poolPenalty(n: number, othersTotal: number, sigma: number, c: number): number {
  return meanRisk(sigma, n + othersTotal) + c * n;
}

/** M_pool best response: max(0, σ/√c − S). spec/000 §2.1, spec/002 §5 item 4 */
export function poolBestResponse(othersTotal: number, sigma: number, c: number): number {
  return Math.max(0, sigma / Math.sqrt(c) - othersTotal);
}

/** Social penalty at every M_pool equilibrium (Σn = σ/√c): (m+1)σ√c. seed 000, §2 */
export function poolEquilibriumSocial(m: number, sigma: number, c: number): number {
  return (m + 1) * sigma * Math.sqrt(c);
}

/** PR = PoS = PoA of M_pool: (m+1)/(2√m). spec/000 §2.1 */
export function poolRatio(m: number): number {
  return (m + 1) / (2 * Math.sqrt(m));
}

/** Free-riding (n = 0) against s_pool (others at σ/sqrt(cm)): σ sqrt(mc)/(m−1). seed 000, §2 */
export function poolFreeRide(m: number, sigma: number, c: number): number {
  return (sigma * Math.sqrt(m * c)) / (m - 1);
}

/** Per-agent penalty at s_pool (= global optimum): 2σ sqrt(c/m). seed 000, §2 */
export function poolCompliantPenalty(m: number, sigma: number, c: number): number {
  return 2 * sigma * Math.sqrt(c / m);
}

/** M_PCS penalty at s* (Theorem 2): 2σ sqrt(c/m) per agent; social 2σ sqrt(cm). seed 000, §B */
export function pcsPenalty(m: number, sigma: number, c: number): number {
  return 2 * sigma * Math.sqrt(c / m);
}

/**
 * M_PCS fabricate-and-discard deviation: collect k real points, pad the submission to the
 * threshold with fakes, discard them: σ²/(k + (m−1)n*) + ck. spec/000 §5, spec/002 §2 D3/D4
 */
export function pcsFabricatePenalty(k: number, m: number, sigma: number, c: number, nStar: number): number {
  return meanRisk(sigma, k + (m - 1) * nStar) + c * k;
}
