/**
 * Agent i's personalized threshold and posted price in Algorithm 1 of seed 004 (Theorem 1):
 *
 *   q̄_i(q̂_{−i}) = inf{q ∈ 𝒬_i : φ_{i,q̂−i}(q) ≥ 0},   p_i = v_i(q̄_i(q̂_{−i}), q̂_{−i})   (seed 004, Algorithm 1)
 *
 * clipped at the lower end of the support (if φ ≥ 0 there, everyone is allocated at v_i(low);
 * spec/004 §2.1, §8 pitfalls). The model decides v and φ:
 *   - 'exact':  v = 1 − w/(1+wq); for uniform priors the closed form q̄ = max(a, u − 1/w)
 *               (spec/004 §2.2, uniform.ts), otherwise the bracketed root of φ on [low, high];
 *   - 'approx': v̂ and φ̂ (seed 004, (A.5), (B.12)); for uniform priors q̄ solves g(q̄) = S
 *               (B.25–B.27; = g⁻¹(S_i) for Unif[0, Q] with S_i < g(0)), otherwise the root of φ̂.
 * The root path requires Assumption 2 (a single crossing): φ(high) = v(high) > 0 since
 * (1−F)/f vanishes at the top, so if φ(low) < 0 the bracket [low, high] holds a sign change
 * and Brent returns the crossing. The closed forms can be switched off (closedForm: false) to
 * cross-check them against the root.
 */
import { brent } from '../roots.js';
import { g } from './approx.js';
import type { Correlation } from './correlation.js';
import { isUniform, type Prior } from './priors.js';
import { thresholdExact } from './uniform.js';
import { statOf, type Model, valueOfStat } from './value.js';
import { virtualValueOfStat } from './virtual-value.js';

export interface ThresholdOptions {
  /** Use the uniform-prior closed forms where they apply (default true). */
  closedForm?: boolean;
}

/** A threshold with its posted price. */
export interface ThresholdQuote {
  /** q̄_i(q̂_{−i}). */
  readonly threshold: number;
  /** p_i = v_i(q̄_i, q̂_{−i}) in the model. */
  readonly price: number;
  /** The model's statistic of q̂_{−i}: ρ_i (exact) or S_i (approx). */
  readonly stat: number;
  /** Whether q̄ is the lower support (φ ≥ 0 on the whole support). */
  readonly corner: boolean;
}

/** q̄ as a function of the model's statistic (ρ_i or S_i) and agent i's prior   (seed 004, Algorithm 1). */
export function thresholdOfStat(model: Model, stat: number, prior: Prior, opts: ThresholdOptions = {}): number {
  const { low, high } = prior;
  if ((opts.closedForm ?? true) && isUniform(prior)) {
    if (model === 'exact') return thresholdExact(stat, high, low); // spec/004 §2.2
    // φ̂ ≥ 0 ⇔ g(q) ≤ S for (1−F)/f = Q − q (seed 004, Lemma C.1); g falls to 0 at √(1+Q) − 1 (Lemma C.2).
    if (g(low, high) <= stat) return low;
    return brent((q) => g(q, high) - stat, low, Math.sqrt(1 + high) - 1); // seed 004, B.25–B.27
  }
  const phi = (q: number): number => virtualValueOfStat(model, stat, q, prior); // seed 004, eq. (3)
  const fLow = phi(low);
  if (fLow >= 0) return low;
  const fHigh = phi(high);
  if (!(fHigh > 0)) throw new Error(`threshold: φ(high = ${high}) = ${fHigh} is not positive; φ must cross zero (seed 004, Assumption 2)`);
  return brent(phi, low, high);
}

/** Threshold and price from the model's statistic   (seed 004, Algorithm 1). */
export function quoteOfStat(model: Model, stat: number, prior: Prior, opts: ThresholdOptions = {}): ThresholdQuote {
  const threshold = thresholdOfStat(model, stat, prior, opts);
  return { threshold, price: valueOfStat(model, stat, threshold), stat, corner: threshold === prior.low };
}

/**
 * Agent i's threshold and price given the others' reports qHat (qHat[i] is ignored)
 * (seed 004, Algorithm 1; the price uses the others' reports, spec/004 §8).
 */
export function thresholdQuote(model: Model, R: Correlation, prior: Prior, i: number, qHat: ArrayLike<number>, opts: ThresholdOptions = {}): ThresholdQuote {
  return quoteOfStat(model, statOf(model, R, i, qHat), prior, opts);
}
