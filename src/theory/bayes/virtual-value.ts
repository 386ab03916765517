/**
 * The virtual value of seed 004, eq. (3):
 *
 *   φ_{i,q−i}(q_i) = v_i(q_i, q_{−i}) − ∂_{q_i}v_i(q_i, q_{−i}) · (1 − F_i(q_i))/f_i(q_i)
 *
 * with the model's closed-form v and ∂v/∂q_i (value.ts): exact (w/(1+wq))² or approximate
 * (1+q)^{-2} − 2S(1+q)^{-3}, the latter giving the paper's φ̂ (B.12/B.23) for uniform priors.
 * Under Assumption 2 (single crossing; seed 004, Remark A.1: concave v and MHR F) the threshold is
 * its unique zero (threshold.ts). Revenue of the optimal mechanism is Σ_i E[φ⁺] (seed 004, (B.11)).
 */
import type { Correlation } from './correlation.js';
import type { PriorFunctions } from './priors.js';
import { dValueOfStat, type Model, statOf, valueOfStat } from './value.js';

/** φ(q) from the model's statistic (ρ_i or S_i)   (seed 004, eq. (3)). */
export function virtualValueOfStat(model: Model, stat: number, q: number, prior: PriorFunctions): number {
  return valueOfStat(model, stat, q) - dValueOfStat(model, stat, q) * prior.hazardRatio(q);
}

/** φ_{i,q−i}(q_i) at the profile q (q_i = q[i])   (seed 004, eq. (3)). */
export function virtualValue(model: Model, R: Correlation, i: number, q: ArrayLike<number>, prior: PriorFunctions): number {
  return virtualValueOfStat(model, statOf(model, R, i, q), q[i], prior);
}
