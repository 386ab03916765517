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
      case 'resample-from-fit': // mean(Y) = mean(X) + N(0, σ²/K) (spec/000 §5)
        return (p.K > 0 ? risk(p.k, { extraVar: s2 / p.K }) : cleanOnly(p.k)) + c * p.k;
      case 'add-noise': // v = τ²/n (spec/000 §5)
        return risk(nBar, { extraVar: (p.tau * p.tau) / nBar }) + c * nBar;
      case 'shift':
        return risk(nBar, { shift: p.delta }) + c * nBar;
      case 'shrink':
        return (p.lambda === 1 ? risk(nBar) : cleanOnly(nBar)) + c * nBar;
      case 'submit-nothing':
      case 'ignore-corrupted':
        return cleanOnly(nBar) + c * nBar;
      case 'subset': {
        // mean of a random s-subset of X minus mean(X) is N(0, σ²(1/s − 1/n)), independent of mean(X)
        const size = Math.round(p.fraction * nBar);
        return (size > 0 ? risk(nBar, { extraVar: s2 * (1 / size - 1 / nBar) }) : cleanOnly(nBar)) + c * nBar;
      }
      case 'duplicate': // same mean: A_0 is unchanged (spec/000 §5)
        return recommended;
      case 'pad-constant':
        return (p.count === 0 ? risk(nBar) : cleanOnly(nBar)) + c * nBar;
      case 'pad-fit': // mean(Y) = mean(X) + Σε/(n+count), ε ~ N(0, σ²)
        return risk(nBar, { extraVar: (p.count * s2) / (nBar + p.count) ** 2 }) + c * nBar;
      case 'own-data':
        return s2 / nBar + c * nBar;
      case 'fixed-weight':
        return c3dFixedWeightRisk({ sigma, alpha, nx: nBar, nz, nzp, tau2: p.tau2 }) + c * nBar;
      case 'plain-mean':
        return c3dPlainMeanRisk({ sigma, alpha, nx: nBar, nz, nzp }) + c * nBar;
      case 'constant-estimator':
        return Number.POSITIVE_INFINITY;
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
    recommended: () => summarize(inst, nStar, alpha, recommended),
    penalty(d, agent) {
      if (agent === 0) return agent0(d);
      switch (d.strategy) {
        case 'recommended':
        case 'plain-mean':
        case 'ignore-corrupted':
        case 'own-data':
        case 'fixed-weight':
          return recommended;
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
