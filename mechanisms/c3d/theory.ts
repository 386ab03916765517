import type { Instance } from '../../src/core/instance.js';
import type { DeviationRef, MechanismTheory } from '../../src/core/mechanism.js';
import { c3dFixedWeightRisk, c3dPlainMeanRisk, c3dRisk } from '../../src/theory/index.js';
import { alonePenalty, summarize } from '../summary.js';

/**
 * Exact penalties under C3D (m ≥ 5) when agent 0 deviates and the others
 * play the recommended profile with n̄ = ⌈n*⌉ points each. The risk of h*
 * for general sizes is seed 000, eq. (22)/(23), in the closed form of
 * spec/000 §3; deviations enter through mean(Y_0) − mean(X_0) (spec/000 §5).
 * Non-equivariant submissions (fakes at a fixed value, scaling) make
 * |mean(Y_0) − mean(Z_0)| unbounded in μ, so the sup over μ sends η² → ∞ and
 * leaves the mean of X ∪ Z.
 */
/** The submission and estimator families whose theory takes an optional amount n. */
const FH_FAMILIES = new Set([
  'add-noise', 'shift', 'shrink', 'submit-nothing', 'ignore-corrupted', 'subset', 'duplicate',
  'pad-constant', 'pad-fit', 'fixed-weight', 'plain-mean',
]);

export function c3dTheory(inst: Instance, nStar: number, nBar: number, alpha: number): MechanismTheory {
  const { m, sigma, cost: c } = inst;
  const s2 = sigma * sigma;
  const nz = nBar; // |Z_0| = min((m−1)n̄, n̄)
  const nzp = (m - 2) * nBar; // |Z'_0|
  const risk = (nx: number, extra: { extraVar?: number; shift?: number } = {}) =>
    c3dRisk({ sigma, alpha, nx, nz, nzp, ...extra });
  const cleanOnly = (nx: number) => (nx + nz > 0 ? s2 / (nx + nz) : Number.POSITIVE_INFINITY);
  const recommended = risk(nBar) + c * nBar;

  function agent0(d: DeviationRef): number | null {
    const p = d.params;
    const n = p.n ?? nBar;
    switch (d.strategy) {
      case 'recommended':
        return recommended;
      case 'alone':
        return alonePenalty(inst);
      case 'free-ride':
        return cleanOnly(0);
      case 'under-collect':
        return risk(p.n) + c * p.n;
      case 'fabricate-and-discard':
        return (p.k >= nBar ? risk(p.k) : cleanOnly(p.k)) + c * p.k;
      case 'constant-estimator':
        return Number.POSITIVE_INFINITY;
      case 'resample-from-fit': // mean(Y) = mean(X) + N(0, σ²/K) (spec/000 §5)
        return (p.K > 0 ? risk(p.k, { extraVar: s2 / p.K }) : cleanOnly(p.k)) + c * p.k;
      case 'own-data':
        return n > 0 ? s2 / n + c * n : Number.POSITIVE_INFINITY;
      default:
        // Submission and estimator families, at the recommended amount or at
        // the amount n of a composed under-collect (src/search/compose.ts).
        // With no data Y_0 is empty (or fake), so η² = ∞ and only X ∪ Z is left.
        if (n === 0) return FH_FAMILIES.has(d.strategy) ? cleanOnly(0) : null;
        return submitOrEstimate(d, n);
    }
  }

  /** Agent 0 collects n > 0 points and changes f or h. */
  function submitOrEstimate(d: DeviationRef, n: number): number | null {
    const p = d.params;
    const cost = c * n;
    switch (d.strategy) {
      case 'add-noise': // v = τ²/n (spec/000 §5)
        return risk(n, { extraVar: (p.tau * p.tau) / n }) + cost;
      case 'shift':
        return risk(n, { shift: p.delta }) + cost;
      case 'shrink':
        return (p.lambda === 1 ? risk(n) : cleanOnly(n)) + cost;
      case 'submit-nothing':
      case 'ignore-corrupted':
        return cleanOnly(n) + cost;
      case 'subset': {
        // mean of a random s-subset of X minus mean(X) is N(0, σ²(1/s − 1/n)), independent of mean(X)
        const size = Math.round(p.fraction * n);
        return (size > 0 ? risk(n, { extraVar: s2 * (1 / size - 1 / n) }) : cleanOnly(n)) + cost;
      }
      case 'duplicate': // same mean: A_0 is unchanged (spec/000 §5)
        return risk(n) + cost;
      case 'pad-constant':
        return (p.count === 0 ? risk(n) : cleanOnly(n)) + cost;
      case 'pad-fit': // mean(Y) = mean(X) + Σε/(n+count), ε ~ N(0, σ²)
        return risk(n, { extraVar: (p.count * s2) / (n + p.count) ** 2 }) + cost;
      case 'fixed-weight':
        return c3dFixedWeightRisk({ sigma, alpha, nx: n, nz, nzp, tau2: p.tau2 }) + cost;
      case 'plain-mean':
        return c3dPlainMeanRisk({ sigma, alpha, nx: n, nz, nzp }) + cost;
      default:
        return null;
    }
  }


  /** Others' penalty when agent 0 submits `size` genuine points truthfully. */
  function others(size: number): number {
    const P = (m - 2) * nBar + size;
    const k = Math.min(P, nBar);
    return c3dRisk({ sigma, alpha, nx: nBar, nz: k, nzp: P - k }) + c * nBar;
  }

  return {
    recommended: () => summarize(inst, nStar, alpha, recommended, (ratio) => ratio), // s* is a Nash equilibrium (Theorem 1)
    // |Z| = min(N₋, n̄), |Z'| = N₋ − |Z|: the minimax risk holds for these sizes (spec/000 §5, effort dynamics)
    effortPenalty: (n, othersTotal) => {
      const k = Math.min(othersTotal, nBar);
      return c3dRisk({ sigma, alpha, nx: n, nz: k, nzp: othersTotal - k }) + c * n;
    },
    penalty(d, agent) {
      if (agent === 0) return agent0(d);
      switch (d.strategy) {
        case 'recommended':
          return recommended;
        case 'plain-mean':
        case 'ignore-corrupted':
        case 'own-data':
        case 'fixed-weight':
          return others(d.params.n ?? nBar);
        case 'under-collect':
        case 'constant-estimator':
          return others(d.params.n);
        case 'alone':
        case 'free-ride':
        case 'submit-nothing':
          return others(0);
        default:
          return null;
      }
    },
  };
}
