import type { DeviationRef } from '../../src/core/mechanism.js';
import type { SimInstance } from '../../src/hetero/info.js';
import { cblCaseCPenalty, cblPenaltyAt, type CblTheory } from '../../src/theory/heterogeneous/cbl.js';
import { costTimes } from '../../src/theory/heterogeneous/compute-n-approx.js';
import type { CaseCPlan } from './allocate.js';

/** What the closed forms of M_CBL need at the simulation's integer amounts. */
export interface CblSimContext {
  readonly theory: CblTheory;
  readonly nBar: readonly (readonly number[])[];
  /** Case-C plans by (i, k); null elsewhere. */
  readonly plans: readonly (readonly (CaseCPlan | null)[])[];
  readonly cheapest: readonly (readonly boolean[])[];
}

/**
 * Agent i's exact penalty on k when she collects n truthfully and accepts,
 * the others at their integer recommendations (spec/001 §3): A σ²/n + cn,
 * B σ²/Σ_{j≠i} n̄_j + cn, C the general case-C form with z = |Z| and
 * D' = |Y'| − |Z| as the simulation draws them, NL by cheapness.
 */
export function cblPenaltyAtInteger(inst: SimInstance, ctx: CblSimContext, i: number, k: number, n: number): number {
  const s2 = inst.sigma * inst.sigma;
  const c = inst.costs[i][k];
  let others = 0;
  for (let j = 0; j < inst.m; j++) if (j !== i) others += ctx.nBar[j][k];
  const own = () => (n > 0 ? s2 / n : Number.POSITIVE_INFINITY) + costTimes(c, n); // spec/001 §3 A
  const pooled = () => (others > 0 ? s2 / others : Number.POSITIVE_INFINITY) + costTimes(c, n); // spec/001 §3 B
  switch (ctx.theory.cases[i][k]) {
    case 'A':
      return own();
    case 'B':
      return pooled();
    case 'NL':
      return ctx.cheapest[i][k] ? own() : pooled(); // seed 001, Alg. 2 lines 26–29
    case 'C': {
      const plan = ctx.plans[i][k] as CaseCPlan;
      const yp = Math.min(plan.yPrime, others);
      const z = Math.min(yp, plan.z);
      if (z === 0) return own(); // no others' data to return: her own points only
      return cblCaseCPenalty(n, { z, Dprime: yp - z, alpha: Math.sqrt(plan.alpha2), c, sigma: inst.sigma }); // spec/001 §3, general form
    }
  }
}

/** Closed forms for `recommended` and `collect` (k, n); null for other deviations. */
export function cblDeviationPenalty(inst: SimInstance, ctx: CblSimContext, dev: DeviationRef, agent: number): number | null {
  if (dev.strategy !== 'recommended' && dev.strategy !== 'collect') return null;
  let p = 0;
  for (let k = 0; k < inst.d; k++) {
    const n = dev.strategy === 'collect' && dev.params.k === k ? dev.params.n : ctx.nBar[agent][k];
    p += cblPenaltyAtInteger(inst, ctx, agent, k, n); // spec/001 §3: separable across k
  }
  return p;
}

/** The same at the paper's continuous n* (spec/001 §3 and §5), for `recommended` and `collect` (k, n). */
export function cblPaperPenalty(inst: SimInstance, theory: CblTheory, dev: DeviationRef, agent: number): number | null {
  if (dev.strategy === 'recommended') return theory.agentPenalties[agent];
  if (dev.strategy !== 'collect') return null;
  let p = 0;
  for (let k = 0; k < inst.d; k++) {
    p += dev.params.k === k ? cblPenaltyAt(inst, theory, agent, k, dev.params.n) : theory.penalties[agent][k]; // spec/001 §3: separable
  }
  return p;
}
