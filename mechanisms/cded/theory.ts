import type { Instance } from '../../src/core/instance.js';
import type { DeviationRef, MechanismTheory } from '../../src/core/mechanism.js';
import { cdedRisk } from '../../src/theory/index.js';
import { alonePenalty, summarize } from '../summary.js';

/**
 * Exact penalties under CDED when agent 0 deviates and the others submit
 * n̄ = ⌈n*⌉ points truthfully. The deployed mean depends on Y_0 only through
 * |Y_0| and mean(Y_0) (seed 000, Theorem 3, step 1); its risk is in
 * src/theory/cded.ts. The agent's own estimator is irrelevant.
 */
export function cdedTheory(inst: Instance, nStar: number, nBar: number, k: number): MechanismTheory {
  const { m, sigma, cost: c } = inst;
  const s2 = sigma * sigma;
  const nOthers = (m - 1) * nBar;
  const risk = (nx: number, extra: { ny?: number; extraVar?: number; shift?: number } = {}) =>
    cdedRisk({ sigma, m, c, k, nOthers, nx, ...extra });
  const recommended = risk(nBar) + c * nBar;
  const INF = Number.POSITIVE_INFINITY;

  /** Truthful submission of n points (infinite max risk when n = 0: see allocate.ts). */
  const truthful = (n: number) => (n > 0 ? risk(n) + c * n : INF);

  function agent0(d: DeviationRef): number | null {
    const p = d.params;
    const n = p.n ?? nBar; // f/h families may be composed with an amount (src/search/compose.ts)
    switch (d.strategy) {
      case 'recommended':
        return recommended;
      case 'plain-mean':
      case 'ignore-corrupted':
      case 'own-data':
      case 'fixed-weight':
        return truthful(n); // the mechanism deploys the estimate (S = N × F): h is irrelevant
      case 'subset': {
        const size = Math.round(p.fraction * n);
        return size > 0 ? risk(n, { ny: size, extraVar: s2 * (1 / size - 1 / n) }) + c * n : INF;
      }
      case 'duplicate':
        return n > 0 ? risk(n, { ny: p.copies * n }) + c * n : INF;
      case 'pad-constant':
        return p.count === 0 ? truthful(n) : INF;
      case 'pad-fit':
        return n > 0 ? risk(n, { ny: n + p.count, extraVar: (p.count * s2) / (n + p.count) ** 2 }) + c * n : INF;
      case 'alone':
        return alonePenalty(inst);
      case 'free-ride':
      case 'submit-nothing':
        return INF; // mean(Y_0) undefined: η² = ∞ (see allocate.ts)
      case 'under-collect':
      case 'constant-estimator': // the estimator is ignored: it is under-collection
        return truthful(p.n);
      case 'fabricate-and-discard': // the fakes enter the deployed mean
        return p.k >= nBar ? risk(p.k) + c * p.k : INF;
      case 'resample-from-fit':
        return p.K > 0 && p.k > 0 ? risk(p.k, { ny: p.K, extraVar: s2 / p.K }) + c * p.k : INF;
      case 'add-noise':
        return n > 0 ? risk(n, { extraVar: (p.tau * p.tau) / n }) + c * n : INF;
      case 'shift':
        return n > 0 ? risk(n, { shift: p.delta }) + c * n : INF;
      case 'shrink':
        return p.lambda === 1 ? truthful(n) : INF;
      default:
        return null;
    }
  }

  return {
    recommended: () => summarize(inst, nStar, null, recommended, (ratio) => ratio), // s* is a Nash equilibrium in N × F (Theorem 3)
    // β² from Σ|Y| = n + N₋ (seed 000, Algorithm 3); an empty submission has no mean (infinite risk)
    effortPenalty: (n, othersTotal) => (n > 0 ? cdedRisk({ sigma, m, c, k, nOthers: othersTotal, nx: n }) + c * n : INF),
    penalty(d, agent) {
      if (agent === 0) return agent0(d);
      return ['recommended', 'plain-mean', 'ignore-corrupted', 'own-data', 'fixed-weight'].includes(d.strategy) ? recommended : null;
    },
  };
}
