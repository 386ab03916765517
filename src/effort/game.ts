/**
 * The seed-004 effort game (Alaei et al., §4, Theorem 3; spec/004 §3) as a value: n agents choose
 * e_i ∈ [0, ē], ē = √Q − 2 (seed 004, (B.31)), at cost c_i(e_i); q_i ~ Unif[e_i, Q]; the platform then
 * runs either the optimal threshold-pricing mechanism (payoff (B.36)) or free full sharing (Prop C.1).
 *
 * makeEffortGame validates what the theory needs and throws InputError naming the field:
 *   - Q > 4 (Theorem 3), finite;
 *   - one cost per agent, strictly increasing on the box (seed 004, §4);
 *   - the threshold never falls below the box: for every q_{−i} ≤ Q, q̄_i ≥ ē, so that the payoff
 *     factorises (seed 004, (B.35)). Approx model: S_i ≤ Σ_{j≠i} σ_ij²·Q/(1+Q) ≤ 1/3 (seed 004 (B.32),
 *     Lemma C.2 needs S ∈ [0, 1/3]); exact model: q̄*(ρ_i(Q, …, Q)) ≥ ē, ρ_i being increasing in
 *     every q_j (spec/004 §3.2: "valid whenever q̄*_i ≥ e_i").
 * The theorem's c_i(ē) ≥ 1 is reported (costAssumption), not enforced: without it the box is an
 * extra constraint rather than a consequence (seed 004, proof of Thm 3).
 *
 * payoffOf(i, e) freezes the others' efforts and returns agent i's payoff as a function of e_i, with its
 * derivative (for the FOC) — M_i is computed once per call (seed 004, (B.36)).
 */
import { InputError } from '../core/instance.js';
import type { Correlation } from '../theory/bayes/correlation.js';
import { rhoExact, validateCorrelation } from '../theory/bayes/correlation.js';
import { thresholdExact } from '../theory/bayes/uniform.js';
import { makeBatchContext } from './batch-stats.js';
import {
  type BenefitContext,
  type EffortModel,
  allMechanismM,
  benefitGeneral,
  benefitM,
  freeSharingBenefit,
  interiorThresholds,
  othersStatistic,
} from './benefit.js';
import { type EffortCost, checkCostOnBox, effortCostOf } from './costs.js';
import { type RuleOptions, type UnitRule, makeRule } from './rule.js';

export type EffortMechanism = 'threshold-pricing' | 'free-sharing';

export interface EffortGameSpec {
  /** Correlation matrix R (validated here). */
  readonly correlation: Correlation;
  /** Upper support Q of every Unif[e_i, Q] prior. */
  readonly Q: number;
  /** One cost per agent: an EffortCost or a spec `{kind, ...}` (field `effortCost[i]`). */
  readonly costs: readonly (EffortCost | Readonly<Record<string, unknown>>)[];
  readonly model: EffortModel;
  /** Default 'threshold-pricing'. */
  readonly mechanism?: EffortMechanism;
  /** Integration rule over q_{−i} (default: tensor Gauss–Legendre 48 nodes for n ≤ 4, else 4096 MC draws). */
  readonly rule?: RuleOptions;
}

/** Agent i's payoff as a function of her own effort, the others' efforts frozen. */
export interface AgentPayoff {
  readonly agent: number;
  /** π_i(e_i, e_{−i}). */
  value(ei: number): number;
  /** ∂π_i/∂e_i (away from the cost's kinks); undefined when the cost has no derivative. */
  readonly derivative?: (ei: number) => number;
  /** The benefit part (π + c). */
  benefit(ei: number): number;
  /** M_i(e_{−i}) (threshold pricing only). */
  readonly M?: number;
}

export interface EffortGame {
  readonly n: number;
  readonly Q: number;
  /** ē = √Q − 2 (seed 004, (B.31)). */
  readonly upper: number;
  readonly model: EffortModel;
  readonly mechanism: EffortMechanism;
  readonly correlation: Correlation;
  readonly costs: readonly EffortCost[];
  readonly rule: UnitRule;
  /** c_i(ē) ≥ 1 for all i (Theorem 3's assumption), and the values c_i(ē). */
  readonly costAssumption: { readonly holds: boolean; readonly costAtTop: readonly number[] };
  /** Agent i's payoff given the profile e (e_i is ignored). */
  payoffOf(i: number, e: ArrayLike<number>): AgentPayoff;
  /**
   * Every agent's payoff at the profile e (Jacobi sweeps). With a Monte Carlo rule under threshold
   * pricing all M_i come from one pass over the points (batch-stats.ts); same values as payoffOf up to rounding.
   */
  payoffsOf(e: ArrayLike<number>): AgentPayoff[];
  /** π_i(e) for a full profile. */
  payoff(i: number, e: ArrayLike<number>): number;
}

/** ē = √Q − 2 for Unif[e, Q] priors (seed 004, (B.31)); throws unless Q > 4 (Theorem 3). */
export function effortBoxUpper(Q: number, field = 'Q'): number {
  if (!(typeof Q === 'number' && Number.isFinite(Q) && Q > 4)) {
    throw new InputError(field, `the effort game needs Q > 4 (seed 004, Theorem 3; the box is [0, √Q − 2]) (got ${Q})`);
  }
  return Math.sqrt(Q) - 2;
}

function checkThresholdsAboveBox(R: Correlation, Q: number, upper: number, model: EffortModel): void {
  const n = R.length;
  const qTop = new Float64Array(n).fill(Q);
  for (let i = 0; i < n; i++) {
    if (model === 'approx') {
      let sMax = 0;
      for (let j = 0; j < n; j++) if (j !== i) sMax += (R[i][j] * R[i][j] * Q) / (1 + Q); // seed 004, (B.32) with α_j ≤ Q/(1+Q)
      if (!(sMax <= 1 / 3)) {
        throw new InputError(
          `correlation[${i}]`,
          `agent ${i}: max S_i = Σ_j σ_ij²·Q/(1+Q) = ${sMax} exceeds 1/3; the ε-approximate effort game needs S_i ∈ [0, 1/3] (seed 004, (B.32), Lemma C.2)`,
        );
      }
    } else {
      const rhoMax = rhoExact(R, i, qTop);
      const qbar = thresholdExact(rhoMax, Q, 0); // spec/004 §2.2, q̄* = u − 1/w
      if (!(qbar >= upper)) {
        throw new InputError(
          `correlation[${i}]`,
          `agent ${i}: the exact threshold q̄* = ${qbar} at ρ_i(Q,…,Q) = ${rhoMax} falls below the box top √Q − 2 = ${upper}; the payoff (B.36) does not factorise (spec/004 §3.2)`,
        );
      }
    }
  }
}

/** Validates the spec and builds the game. */
export function makeEffortGame(spec: EffortGameSpec): EffortGame {
  const upper = effortBoxUpper(spec.Q);
  const Q = spec.Q;
  const R = validateCorrelation(spec.correlation);
  const n = R.length;
  const model = spec.model;
  if (model !== 'exact' && model !== 'approx') throw new InputError('model', `must be 'exact' or 'approx' (got ${JSON.stringify(model)})`);
  const mechanism = spec.mechanism ?? 'threshold-pricing';
  if (mechanism !== 'threshold-pricing' && mechanism !== 'free-sharing') {
    throw new InputError('mechanism', `must be 'threshold-pricing' or 'free-sharing' (got ${JSON.stringify(mechanism)})`);
  }
  if (!Array.isArray(spec.costs) || spec.costs.length !== n) {
    throw new InputError('effortCost', `must be an array with one cost per agent (${n}) (got ${Array.isArray(spec.costs) ? spec.costs.length : typeof spec.costs})`);
  }
  const costs = spec.costs.map((c, i) => {
    const cost = isEffortCost(c) ? c : effortCostOf(c, `effortCost[${i}]`);
    checkCostOnBox(cost, upper, `effortCost[${i}]`); // seed 004, §4: c_i strictly increasing
    return cost;
  });
  if (mechanism === 'threshold-pricing') checkThresholdsAboveBox(R, Q, upper, model);
  const costAtTop = costs.map((c) => c.value(upper));
  const rule = makeRule(n, spec.rule);
  const batch = rule.dim === n && mechanism === 'threshold-pricing' ? makeBatchContext(R) : null;
  const ctx: BenefitContext = { correlation: R, Q, model, rule };
  const stats = new Float64Array(rule.size);

  function payoffOf(i: number, profile: ArrayLike<number>, givenM?: number): AgentPayoff {
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`payoffOf: agent ${i} out of range [0, ${n})`);
    if (profile.length !== n) throw new RangeError(`payoffOf: profile must have ${n} entries (got ${profile.length})`);
    const e = Float64Array.from(profile); // the payoff keeps e_{−i}; callers may mutate their array
    const cost = costs[i];
    const cd = cost.derivative;
    if (mechanism === 'free-sharing') {
      const s = Float64Array.from(othersStatistic(ctx, i, e, stats));
      const benefit = (ei: number) => freeSharingBenefit(ctx, s, ei).value;
      return {
        agent: i,
        benefit,
        value: (ei) => benefit(ei) - cost.value(ei),
        derivative: cd ? (ei) => freeSharingBenefit(ctx, s, ei).derivative - cd(ei) : undefined,
      };
    }
    const M = givenM ?? benefitM(ctx, othersStatistic(ctx, i, e, stats)); // seed 004, (B.38)
    let general: { s: Float64Array; th: Float64Array } | null = null;
    const wide = () => (general ??= { s: Float64Array.from(othersStatistic(ctx, i, e, stats)), th: interiorThresholds(ctx, stats) });
    // seed 004, (B.36): π_i = M_i/(Q − e_i) − c_i(e_i) on the box; corner-aware beyond it (see benefit.ts)
    const benefit = (ei: number) => (ei <= upper ? M / (Q - ei) : benefitGeneral(ctx, wide().s, wide().th, ei).value);
    const dBenefit = (ei: number) => (ei <= upper ? M / ((Q - ei) * (Q - ei)) : benefitGeneral(ctx, wide().s, wide().th, ei).derivative);
    return {
      agent: i,
      M,
      benefit,
      value: (ei) => benefit(ei) - cost.value(ei),
      derivative: cd ? (ei) => dBenefit(ei) - cd(ei) : undefined,
    };
  }

  return Object.freeze({
    n,
    Q,
    upper,
    model,
    mechanism,
    correlation: R,
    costs: Object.freeze(costs),
    rule,
    costAssumption: Object.freeze({ holds: costAtTop.every((c) => c >= 1), costAtTop: Object.freeze(costAtTop) }),
    payoffOf: (i: number, e: ArrayLike<number>) => payoffOf(i, e),
    payoffsOf: (e: ArrayLike<number>) => {
      if (!batch) return Array.from({ length: n }, (_, i) => payoffOf(i, e));
      const M = allMechanismM(ctx, batch, e); // all M_i in one pass (batch-stats.ts)
      return Array.from({ length: n }, (_, i) => payoffOf(i, e, M[i]));
    },
    payoff: (i: number, e: ArrayLike<number>) => payoffOf(i, e).value(e[i]),
  });
}

function isEffortCost(c: unknown): c is EffortCost {
  return typeof c === 'object' && c !== null && typeof (c as EffortCost).value === 'function' && Array.isArray((c as EffortCost).kinks);
}
