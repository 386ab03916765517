import type { Instance } from '../../src/core/instance.js';
import type { DeviationRef, MechanismTheory } from '../../src/core/mechanism.js';
import { poolRatio } from '../../src/theory/index.js';
import { alonePenalty, summarize } from '../summary.js';

/**
 * Closed forms for pool-and-share and PCS when agent 0 deviates and the
 * others play ⌈n*⌉ truthfully. Under pooling, agent i's risk is σ² over the
 * number of genuine points she averages (seed 000 §2.1).
 * `threshold` is 0 for plain pooling and ⌈n*⌉ for PCS (Algorithm 2).
 */
export function poolTheory(inst: Instance, nStar: number, nBar: number, threshold: number): MechanismTheory {
  const { m, sigma, cost: c } = inst;
  const s2 = sigma * sigma;
  const others = (m - 1) * nBar;
  const risk = (n: number) => (n > 0 ? s2 / n : Number.POSITIVE_INFINITY); // minimax risk of a mean of n points
  // Agent 0 holds `own` genuine points and submits `size` points: she receives the others' data iff size ≥ threshold.
  const deviator = (own: number, size: number) => risk(own + (size >= threshold ? others : 0)) + c * own;
  const recommended = risk(m * nBar) + c * nBar;

  function agent0(d: DeviationRef): number | null {
    const p = d.params;
    const n = p.n ?? nBar; // f/h families may be composed with an amount (src/search/compose.ts)
    switch (d.strategy) {
      case 'recommended':
        return recommended;
      case 'alone':
        return alonePenalty(inst);
      case 'free-ride':
        return deviator(0, 0);
      case 'under-collect':
        return deviator(p.n, p.n);
      case 'fabricate-and-discard': // spec/002 D3: pad to ⌈n*⌉ with fakes, then discard them
        return deviator(p.k, Math.max(p.k, nBar));
      case 'resample-from-fit': // spec/002 D4
        return deviator(p.k, p.K);
      case 'add-noise':
      case 'shift':
      case 'shrink':
      case 'plain-mean':
      case 'ignore-corrupted':
      case 'fixed-weight':
        return deviator(n, n);
      case 'duplicate':
        return deviator(n, p.copies * n);
      case 'pad-constant':
        return deviator(n, n + p.count);
      case 'pad-fit':
        return deviator(n, n > 0 ? n + p.count : 0);
      case 'subset':
        return deviator(n, Math.round(p.fraction * n));
      case 'own-data':
        return risk(n) + c * n;
      case 'submit-nothing':
        return deviator(n, 0);
      case 'constant-estimator':
        return Number.POSITIVE_INFINITY; // spec/002 D5: the sup over μ is infinite
      default:
        return null;
    }
  }

  /** Others' risk when agent 0 submits `size` genuine points truthfully (null if her submission is not truthful). */
  function truthfulSize(d: DeviationRef): number | null {
    switch (d.strategy) {
      case 'recommended':
        return nBar;
      case 'plain-mean':
      case 'ignore-corrupted':
      case 'own-data':
      case 'fixed-weight':
        return d.params.n ?? nBar;
      case 'subset':
        return Math.round(d.params.fraction * (d.params.n ?? nBar));
      case 'under-collect':
        return d.params.n;
      case 'constant-estimator':
        return d.params.n;
      case 'alone':
      case 'free-ride':
      case 'submit-nothing':
        return 0;
      default:
        return null;
    }
  }

  return {
    // Pool: every equilibrium has Σn = σ/√c and social penalty (m+1)σ√c (seed 000 §2.1); PCS: s* is no equilibrium once fakes are allowed.
    recommended: () => summarize(inst, nStar, null, recommended, () => (threshold === 0 ? poolRatio(m) : null)),
    // Agent i averages her n points with the others' pool iff she passes the check (seed 000 §2.1, Algorithm 2).
    effortPenalty: (n, othersTotal) => risk(n + (n >= threshold ? othersTotal : 0)) + c * n,
    penalty(d, agent) {
      if (agent === 0) return agent0(d);
      const size = truthfulSize(d);
      if (size === null) return null;
      // Agent j ≥ 1 averages her own points and everyone else's genuine data.
      return risk(nBar + (m - 2) * nBar + size) + c * nBar;
    },
  };
}
