/**
 * Threshold mechanisms for seed 004's data-sharing game: each posts agent i a threshold q̄_i and a
 * price p_i that depend only on the others' reports q̂_{−i}; agent i is allocated (receives her
 * task's estimator, x_i = 1) iff q̂_i ≥ q̄_i and then pays p_i. Any such rule with price
 * p_i = v_i(q̄_i, q̂_{−i}) is ex-post IC and IR (spec/004 §2.1, by the proof of Theorem 1).
 *
 *   threshold-pricing  Algorithm 1 (seed 004, Theorem 1): q̄ = inf{φ ≥ 0}, p = v(q̄, q̂_{−i}), exact or approx model
 *   blind-threshold    correlation-blind q̄₀ = the ρ = 0 threshold (√(Q+1) − 1 for Unif[0, Q]),
 *                      p = v_i(q̄₀, q̂_{−i})  (spec/004 §5 [derived baseline])
 *   full-allocation    x ≡ 1 at p = v_i(low, q̂_{−i}) (= ρ_i for low = 0; spec/004 §5)
 *   free-sharing       x ≡ 1, p ≡ 0 (spec/004 §3.5, §5)
 *
 * outcome() evaluates a mechanism at true types q and reports q̂. All data are always pooled
 * (spec/004 §1.1), so agent i's value is the exact Gaussian v_i(q, q̂) whether or not she is
 * allocated (`value`); she enjoys it only if allocated. The value is the exact one under both
 * models: the approx model changes how the mechanism sets thresholds and prices (with v̂), not the
 * accuracy the agents actually get.
 */
import { InputError } from '../../core/instance.js';
import type { Correlation } from './correlation.js';
import type { Prior } from './priors.js';
import { thresholdOfStat } from './threshold.js';
import { dValueOfStat, type Model, statOf, valueClosed, valueMisreport, valueOfStat } from './value.js';

/** What a mechanism sees: the correlation matrix, the priors and the value model. */
export interface MechanismContext {
  readonly R: Correlation;
  readonly priors: readonly Prior[];
  readonly model: Model;
}

/** A posted threshold and price. */
export interface Posted {
  readonly threshold: number;
  readonly price: number;
}

/** A threshold mechanism: agent i's (q̄_i, p_i) from the reports (qHat[i] is ignored). */
export interface BayesMechanism {
  readonly name: string;
  allocate(i: number, qHat: ArrayLike<number>, ctx: MechanismContext): Posted;
  /**
   * Optional: a function of agent i's statistic whose sign change marks a kink of agent i's
   * conditional outcome in q̂_{−i} (used by expected.ts to split quadrature). Non-decreasing in the stat.
   */
  kinkOfStat?(i: number, stat: number, ctx: MechanismContext): number;
}

/** Algorithm 1 (seed 004, Theorem 1). */
export const thresholdPricing: BayesMechanism = {
  name: 'threshold-pricing',
  allocate(i, qHat, { R, priors, model }) {
    const stat = statOf(model, R, i, qHat);
    const threshold = thresholdOfStat(model, stat, priors[i]); // seed 004, Algorithm 1
    return { threshold, price: valueOfStat(model, stat, threshold) }; // p = v_i(q̄, q̂_{−i})
  },
  // seed 004, eq. (3) at q = low. Corner iff φ(low) ≥ 0; φ(low) is non-decreasing in ρ (or S): v(low) rises and ∂v/∂q falls.
  kinkOfStat(i, stat, { priors, model }) {
    const p = priors[i];
    return valueOfStat(model, stat, p.low) - dValueOfStat(model, stat, p.low) * p.hazardRatio(p.low);
  },
};

/** Correlation-blind threshold: q̄₀ = the threshold at ρ = 0 (S = 0), p = v_i(q̄₀, q̂_{−i})   (spec/004 §5). */
export const blindThreshold: BayesMechanism = {
  name: 'blind-threshold',
  allocate(i, qHat, { R, priors, model }) {
    const threshold = thresholdOfStat(model, 0, priors[i]);
    return { threshold, price: valueOfStat(model, statOf(model, R, i, qHat), threshold) };
  },
};

/** Full allocation at the highest price that keeps every type in: p = v_i(low, q̂_{−i})   (spec/004 §5). */
export const fullAllocation: BayesMechanism = {
  name: 'full-allocation',
  allocate(i, qHat, { R, priors, model }) {
    const threshold = priors[i].low;
    return { threshold, price: valueOfStat(model, statOf(model, R, i, qHat), threshold) };
  },
};

/** Free full sharing: x ≡ 1, p ≡ 0   (spec/004 §3.5, §5). */
export const freeSharing: BayesMechanism = {
  name: 'free-sharing',
  allocate(i, _qHat, { priors }) {
    return { threshold: priors[i].low, price: 0 };
  },
};

export const MECHANISMS: Readonly<Record<string, BayesMechanism>> = Object.freeze({
  'threshold-pricing': thresholdPricing,
  'blind-threshold': blindThreshold,
  'full-allocation': fullAllocation,
  'free-sharing': freeSharing,
});
export type MechanismName = 'threshold-pricing' | 'blind-threshold' | 'full-allocation' | 'free-sharing';
export const MECHANISM_NAMES = Object.keys(MECHANISMS) as MechanismName[];

/** The mechanism called `name`; InputError('mechanism', …) if unknown. */
export function mechanismByName(name: string): BayesMechanism {
  const m = MECHANISMS[name];
  if (!m) throw new InputError('mechanism', `unknown mechanism '${name}' (known: ${MECHANISM_NAMES.join(', ')})`);
  return m;
}

export interface AgentOutcome {
  /** q̄_i(q̂_{−i}). */
  readonly threshold: number;
  /** The posted price p_i (paid only if allocated). */
  readonly price: number;
  readonly allocated: boolean;
  /** What she pays: price if allocated, else 0. */
  readonly payment: number;
  /** The exact v_i(q, q̂) (data are pooled whether or not she is allocated). */
  readonly value: number;
  /** v_i(q, q̂)·x_i − payment. */
  readonly utility: number;
}

export interface Outcome {
  readonly agents: readonly AgentOutcome[];
  /** Σ_i payments. */
  readonly revenue: number;
}

function checkProfile(q: ArrayLike<number>, n: number, field: string): void {
  if (q.length !== n) throw new InputError(field, `must have ${n} entries (got ${q.length})`);
  for (let j = 0; j < n; j++) {
    if (!(q[j] >= 0 && Number.isFinite(q[j]))) throw new InputError(`${field}[${j}]`, `must be a finite number >= 0 (got ${q[j]})`);
  }
}

/**
 * The mechanism's outcome at true qualities qTrue and reports qHat: per agent the posted threshold
 * and price, the allocation q̂_i ≥ q̄_i (seed 004, Algorithm 1), the exact value v_i(q, q̂)
 * (spec/004 §1.3) and the quasilinear utility v·x − p (seed 004 §2, U_i), and the revenue.
 */
export function outcome(
  mech: BayesMechanism,
  R: Correlation,
  priors: readonly Prior[],
  qTrue: ArrayLike<number>,
  qHat: ArrayLike<number> = qTrue,
  model: Model = 'exact',
): Outcome {
  const n = R.length;
  if (priors.length !== n) throw new InputError('priors', `must have ${n} entries (got ${priors.length})`);
  checkProfile(qTrue, n, 'q');
  checkProfile(qHat, n, 'qHat');
  let truthful = true;
  for (let j = 0; j < n; j++) if (qTrue[j] !== qHat[j]) truthful = false;
  const ctx: MechanismContext = { R, priors, model };
  const agents: AgentOutcome[] = [];
  let revenue = 0;
  for (let i = 0; i < n; i++) {
    const { threshold, price } = mech.allocate(i, qHat, ctx);
    const allocated = qHat[i] >= threshold; // seed 004, Algorithm 1
    const value = truthful ? valueClosed(R, i, qTrue) : valueMisreport(R, i, qTrue, qHat);
    const payment = allocated ? price : 0;
    revenue += payment;
    agents.push({ threshold, price, allocated, payment, value, utility: (allocated ? value : 0) - payment });
  }
  return { agents, revenue };
}

/**
 * Pay-as-reported baseline (NOT incentive compatible; a foil for the best-response search): Algorithm 1's
 * threshold q̄_i(q̂_{−i}), but an allocated agent pays the value at her OWN report, p_i = v_i(q̂_i, q̂_{−i}),
 * instead of the value at the threshold. Truthful reporting leaves her U = v_i(q) − v_i(q) = 0, and
 * shading the report down to the threshold pays (spec/004 §2.1: IC needs the price to be v_i at the
 * threshold). Its price is the only one here that depends on qHat[i], so:
 *   - it is not in MECHANISMS (whose members are all ex-post IC threshold rules);
 *   - expectedOutcome (which calls allocate with q[i] = NaN) does not apply: allocate throws then.
 */
export const payAsReported: BayesMechanism = {
  name: 'pay-as-reported',
  allocate(i, qHat, { R, priors, model }) {
    const own = qHat[i];
    if (!(own >= 0)) {
      throw new InputError(`qHat[${i}]`, `pay-as-reported prices at the agent's own report, which must be a number >= 0 (got ${own}); expectedOutcome does not apply to it`);
    }
    const stat = statOf(model, R, i, qHat);
    const threshold = thresholdOfStat(model, stat, priors[i]); // seed 004, Algorithm 1
    return { threshold, price: valueOfStat(model, stat, own) }; // p = v_i(q̂_i, q̂_{−i})   (spec/004 §2.1 foil [baseline])
  },
};
