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

  function agent0(d: DeviationRef): number | null {
    const p = d.params;
    switch (d.strategy) {
      case 'recommended':
      case 'plain-mean':
      case 'ignore-corrupted':
      case 'own-data':
      case 'fixed-weight':
        return recommended; // the mechanism deploys the estimate (S = N × F)
      case 'subset': {
        const size = Math.round(p.fraction * nBar);
        return size > 0 ? risk(nBar, { ny: size, extraVar: s2 * (1 / size - 1 / nBar) }) + c * nBar : INF;
      }
      case 'duplicate':
        return risk(nBar, { ny: p.copies * nBar }) + c * nBar;
      case 'pad-constant':
        return p.count === 0 ? recommended : INF;
      case 'pad-fit':
        return risk(nBar, { ny: nBar + p.count, extraVar: (p.count * s2) / (nBar + p.count) ** 2 }) + c * nBar;
      case 'alone':
        return alonePenalty(inst);
      case 'free-ride':
      case 'submit-nothing':
        return INF; // mean(Y_0) undefined: η² = ∞ (see allocate.ts)
      case 'under-collect':
      case 'constant-estimator': // the estimator is ignored: it is under-collection
        return p.n > 0 ? risk(p.n) + c * p.n : INF;
      case 'fabricate-and-discard': // the fakes enter the deployed mean
        return p.k >= nBar ? risk(p.k) + c * p.k : INF;
      case 'resample-from-fit':
        return p.K > 0 && p.k > 0 ? risk(p.k, { ny: p.K, extraVar: s2 / p.K }) + c * p.k : INF;
      case 'add-noise':
        return risk(nBar, { extraVar: (p.tau * p.tau) / nBar }) + c * nBar;
      case 'shift':
        return risk(nBar, { shift: p.delta }) + c * nBar;
      case 'shrink':
        return p.lambda === 1 ? recommended : INF;
      default:
        return null;
    }
  }

  return {
    recommended: () => summarize(inst, nStar, null, recommended),
    penalty(d, agent) {
      if (agent === 0) return agent0(d);
      return ['recommended', 'plain-mean', 'ignore-corrupted', 'own-data', 'fixed-weight'].includes(d.strategy) ? recommended : null;
    },
  };
}
