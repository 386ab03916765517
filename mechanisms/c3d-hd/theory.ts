import type { DeviationRef } from '../../src/core/mechanism.js';
import type { HeteroTheory, HeteroTheorySummary } from '../../src/hetero/mechanism.js';
import type { SimInstance } from '../../src/hetero/info.js';
import { c3dFixedWeightRisk, c3dIgnoreCorruptedRisk } from '../../src/theory/c3d.js';
import type { C3dHdTheorySummary } from '../../src/theory/c3d-hd.js';

export interface C3dHdSetup {
  /** The cost of one coordinate-sample, c/d. */
  readonly costPerCoordinate: number;
  /** ⌈n*⌉: the points of every coordinate each agent collects under s*. */
  readonly nBar: number;
  /** α = A_m √n* (0 for m ≤ 4). */
  readonly alpha: number;
  /** The fixed weight τ² = 2α²σ²/n* of h* (0 for m ≤ 4). */
  readonly tau2: number;
}

/**
 * Exact penalties under high-dimensional C3D at the integer amounts the simulation
 * uses (every other agent collects n̄ = ⌈n*⌉ of every coordinate, submits truthfully
 * and estimates with the fixed-τ² h*). The recommended h* is linear in the data, so
 * its risk needs second moments only: per coordinate it is seed 000 eq. (35)'s
 * fixed-weight risk with E[η²] = α²σ²(1/|Y| + 1/|Z|) (src/theory/c3d.ts,
 * c3dFixedWeightRisk), exact for every distribution whose coordinates have variance
 * σ² — both noise kinds of the simulator — and the sum over coordinates is eq. (40).
 * At integer n* it equals c3dHdTheory's agentPenalty; otherwise it is the value at n̄.
 *
 * Deviations with a closed form (names of strategies/hetero, changing one coordinate k):
 * - `collect {k, n}`: n points of k, truthful, h*;
 * - `withhold {k, keep}`: collect n̄, submit the first `keep` points of k, estimate
 *   from all of X with h* (mean(Y_k) − mean(Z_k) then has variance σ²(1/keep + 1/n̄)).
 * With no submitted points on k, η²_k = ∞ and Z'_k is withheld: risk σ²/(|X_k| + n̄).
 */
export function c3dHdMechanismTheory(inst: SimInstance, s: C3dHdSetup, continuous: C3dHdTheorySummary): HeteroTheory {
  const { m, d, sigma } = inst;
  const { nBar, alpha, tau2, costPerCoordinate: cd } = s;
  const s2 = sigma * sigma;
  const nz = nBar; // |Z| = min((m−1)n̄, n̄)
  const nzp = (m - 2) * nBar; // |Z'| = (m−1)n̄ − n̄

  /** Risk on one coordinate when she holds nx points and submits `submitted` of them (a truthful subset). */
  function coordinateRisk(nx: number, submitted: number): number {
    if (m <= 4) return c3dIgnoreCorruptedRisk({ sigma, nx, nz: (m - 1) * nBar }); // pooling: σ²/(nx + (m−1)n̄), seed 000 §A.1
    if (submitted === 0 || nx === 0) return c3dIgnoreCorruptedRisk({ sigma, nx, nz }); // η² = ∞: mean of X ∪ Z (spec/000 §5)
    // seed 000, eq. (35)/(40) per coordinate, corrected denominator; Var(mean Y − mean Z) = σ²(1/submitted + 1/n̄)
    const extraVar = s2 * (1 / submitted - 1 / nx);
    return c3dFixedWeightRisk({ sigma, alpha, nx, nz, nzp, tau2, extraVar });
  }

  const recommended = d * coordinateRisk(nBar, nBar) + cd * d * nBar; // seed 000, eq. (40) at n̄; cost c·n̄ = (c/d)·d·n̄

  function penalty(dev: DeviationRef, _agent: number): number | null {
    const p = dev.params;
    if (dev.strategy === 'recommended') return recommended;
    const k = p.k;
    if (!(Number.isInteger(k) && k >= 0 && k < d)) return null;
    const rest = (d - 1) * coordinateRisk(nBar, nBar);
    switch (dev.strategy) {
      case 'collect': {
        const n = p.n;
        if (!(Number.isInteger(n) && n >= 0)) return null;
        const r = coordinateRisk(n, n);
        return r + rest + cd * ((d - 1) * nBar + n);
      }
      case 'withhold': {
        const keep = p.keep;
        if (!(Number.isInteger(keep) && keep >= 0)) return null;
        return coordinateRisk(nBar, Math.min(keep, nBar)) + rest + cd * d * nBar;
      }
      default:
        return null;
    }
  }

  const summary: HeteroTheorySummary = Object.freeze({
    agentPenalties: Object.freeze(Array.from({ length: m }, () => recommended)),
    socialPenalty: m * recommended, // seed 000 §2: P = Σ_i p_i
    baseline: continuous.globalMinimum, // seed 000, App. E: 2σ√(cmd)
    ratio: (m * recommended) / continuous.globalMinimum,
    individuallyRational: Object.freeze(Array.from({ length: m }, () => recommended <= continuous.soloPenalty * (1 + 1e-12))), // Theorem 7 (ii)
  });

  return { summary: () => summary, penalty };
}
