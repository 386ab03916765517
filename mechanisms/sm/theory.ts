import type { DeviationRef } from '../../src/core/mechanism.js';
import type { SimInstance } from '../../src/hetero/info.js';

/**
 * Exact penalty of `agent` under M_SM when she plays `dev` and the others
 * collect the amounts `nBar` truthfully (seed 001, Fact 2:
 * p_i = Σ_k σ²/N_k + c_{i,k} n_{i,k}); null for deviations without a closed form.
 */
export function smDeviationPenalty(inst: SimInstance, nBar: readonly (readonly number[])[], dev: DeviationRef, agent: number): number | null {
  const own = [...nBar[agent]];
  if (dev.strategy === 'collect') own[dev.params.k] = dev.params.n;
  else if (dev.strategy !== 'recommended') return null;
  let p = 0;
  for (let k = 0; k < inst.d; k++) {
    let N = own[k];
    for (let j = 0; j < inst.m; j++) if (j !== agent) N += nBar[j][k];
    if (N === 0) return Number.POSITIVE_INFINITY; // no data on k: sup over μ is infinite (spec/001 §9)
    const c = inst.costs[agent][k];
    p += (inst.sigma * inst.sigma) / N + (own[k] > 0 ? c * own[k] : 0); // seed 001, Fact 2; 0·∞ = 0
  }
  return p;
}
