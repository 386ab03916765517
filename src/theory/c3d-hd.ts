/**
 * Closed forms for the high-dimensional C3D of seed 000, App. E (spec/000 §6).
 *
 * The model: m agents estimate µ ∈ R^d; each coordinate of a point has variance at
 * most σ² (coordinates need not be independent nor Gaussian); collecting n points
 * in R^d costs c·n, i.e. c/d per coordinate-sample. Everything here takes that c
 * (the cost of a whole point), as the paper does.
 *
 * The recommended strategy s* estimates with the FIXED weight τ² = 2α²σ²/n* on Z'
 * (App. E), not with the realised η² of seed 000, eq. (8). Its penalty (eq. (40)) is
 * therefore an upper bound over the bounded-variance class and an equality whenever
 * every coordinate has variance exactly σ² (uniform or Gaussian data alike). Over
 * Gaussian data the η-weighted s̃* does better: p^N of eq. (38), the 1-D C3D
 * equilibrium at cost c/d summed over d coordinates.
 */
import type { TheorySummary } from '../core/mechanism.js';
import { globalMinimum, soloPenalty } from './baselines.js';
import { c3dAlpha, c3dEquilibrium, highDimE, highDimNStar, highDimPenaltyLower, highDimPenaltyUpper, solveA } from './c3d.js';

export interface C3dHdTheorySummary extends TheorySummary {
  /** A_m = α/√n* (0 for m ≤ 4: no corruption). */
  readonly A: number;
  /** τ² = 2α²σ²/n* = 2A²σ², the deterministic weight of h* (0 for m ≤ 4). */
  readonly tau2: number;
  /** The error part of agentPenalty, E‖h* − µ‖² = agentPenalty − c n*. */
  readonly risk: number;
  /** p^N: the penalty of the η-weighted s̃* over Gaussian data, N(µ, σ²I_d) (eq. (38), typo corrected). */
  readonly gaussianPenalty: number;
  /** E(m) = agentPenalty/gaussianPenalty − 1 (eq. (42)); 0 for m ≤ 4. */
  readonly gap: number;
  /** The approximate-equilibrium factor of Theorem 7 (i): p_i(s*) ≤ (1 + 5/m)·p_i(s_i, s*_{−i}); 1 for m ≤ 4 (exact NE). */
  readonly equilibriumFactor: number;
}

/**
 * The recommended profile of high-dimensional C3D at continuous n* (seed 000, App. E,
 * Theorem 7; spec/000 §6), for m agents, noise level σ, cost c per point in R^d.
 *
 * equilibriumRatio: s* is an exact Nash equilibrium only for m ≤ 4 (d copies of 1-D
 * pooling at cost c/d, seed 000 §A.1); for m ≥ 5 it is a (1 + 5/m)-approximate one
 * (Theorem 7 (i)). We report PR(s*) itself, as `c3d` does, and expose the factor
 * in `equilibriumFactor`: it is the ratio at the profile the designer recommends and the
 * quantity Theorem 7 (iii) bounds (< 2 + 10/m). No exact equilibrium is known for m ≥ 5.
 */
export function c3dHdTheory(m: number, sigma: number, c: number, d: number): C3dHdTheorySummary {
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`c3dHdTheory: m must be an integer >= 1, got ${m}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`c3dHdTheory: d must be an integer >= 1, got ${d}`);
  if (!(sigma > 0 && Number.isFinite(sigma))) throw new RangeError(`c3dHdTheory: sigma must be finite and > 0, got ${sigma}`);
  if (!(c > 0 && Number.isFinite(c))) throw new RangeError(`c3dHdTheory: c must be finite and > 0, got ${c}`);
  const nStar = highDimNStar(m, sigma, c, d); // seed 000, App. E (eq. (35)): (σ/m)√(d/c) for m ≤ 4, σ√(d/(cm)) for m ≥ 5
  const gm = globalMinimum(m, sigma, c * d); // seed 000, App. E: inf P = 2σ√(cmd) (= 2σ√(m·cd))
  const solo = soloPenalty(sigma, c * d); // seed 000, App. E: p_IRmin = 2σ√(cd)
  const common = (agentPenalty: number, risk: number, gaussianPenalty: number, gap: number) => {
    const socialPenalty = m * agentPenalty; // seed 000 §2: P = Σ_i p_i (symmetric profile)
    const ratio = socialPenalty / gm; // seed 000 §2: PR = P(s*)/inf P
    return {
      nStar,
      agentPenalty,
      socialPenalty,
      globalMinimum: gm,
      ratio,
      soloPenalty: solo,
      individuallyRational: agentPenalty <= solo * (1 + 1e-12), // Theorem 7 (ii)
      equilibriumRatio: ratio, // see the doc comment: PR at s*, an (approximate) equilibrium
      risk,
      gaussianPenalty,
      gap,
    };
  };
  if (m <= 4) {
    // d copies of 1-D pooling at cost c/d (seed 000, §A.1): p = d·(1 + 1/m)σ√(c/d) = (1 + 1/m)σ√(cd)
    const oneD = c3dEquilibrium(m, sigma, c / d);
    const agentPenalty = d * oneD.agentPenalty;
    return { ...common(agentPenalty, d * oneD.risk, agentPenalty, 0), alpha: null, A: 0, tau2: 0, equilibriumFactor: 1 };
  }
  const A = solveA(m); // seed 000, eq. (7) with c → c/d: A_m depends on m only (spec/000 §2.2)
  const alpha = c3dAlpha(m, sigma, c / d, nStar); // seed 000, App. E: α = A_m √n*
  const tau2 = (2 * alpha * alpha * sigma * sigma) / nStar; // seed 000, App. E: τ² = 2α²σ²/n* = E[η²] under s*
  const agentPenalty = highDimPenaltyUpper(m, sigma, c, d); // seed 000, eq. (40): σ√(cd/m)[m/(2 + (m−2)/(1+2A²)) + 1]
  const gaussianPenalty = highDimPenaltyLower(m, sigma, c, d); // seed 000, eq. (38), "/m" corrected to "/√m" (spec/000 §6)
  return {
    ...common(agentPenalty, agentPenalty - c * nStar, gaussianPenalty, highDimE(m)), // E(m): seed 000, eq. (42)
    alpha,
    A,
    tau2,
    equilibriumFactor: 1 + 5 / m, // seed 000, Theorem 7 (i)
  };
}
