/**
 * Closed forms of the optimal threshold mechanism (Algorithm 1) for the Gaussian instance with a
 * uniform prior q_i ~ Unif[a, Q], conditional on the others' reports through ρ = ρ_i(q̂_{−i})
 * (spec/004 §2.2 [derived]). With w = 1 − ρ, v(q) = 1 − w/(1+wq), (1−F)/f = Q − q, and
 *
 *   u  = √(Q + 1/w)                               (spec/004 §2.2)
 *   q̄ = max(a, u − 1/w)                          (φ = 0 ⇔ (1+wq)² = w(1+wQ); clipped at the lower support)
 *   p  = v(q̄)  (= 1 − 1/u in the interior)
 *   E_{q_i}[p] = p·(Q − q̄)/(Q − a)              (= (u−1)²/(Q−a) in the interior)
 *   E_{q_i}[U] = [w(Q−q̄)/(1+wq̄) − ln((1+wQ)/(1+wq̄))]/(Q − a)   (= (u − 1 − ln u)/(Q−a) in the interior)
 *
 * Every function takes ρ ∈ [0, 1), Q > a ≥ 0 and throws an InputError naming the bad argument.
 */
import { InputError } from '../../core/instance.js';

function check(rho: number, Q: number, a = 0): void {
  if (!(rho >= 0 && rho < 1)) throw new InputError('rho', `must lie in [0, 1) (got ${rho})`);
  if (!(a >= 0) || !Number.isFinite(a)) throw new InputError('a', `lower support must be a finite number >= 0 (got ${a})`);
  if (!(Q > a) || !Number.isFinite(Q)) throw new InputError('Q', `upper support must be finite and exceed the lower support ${a} (got ${Q})`);
}

/** u = √(Q + 1/(1−ρ))   (spec/004 §2.2). */
export function uOf(rho: number, Q: number): number {
  check(rho, Q);
  return Math.sqrt(Q + 1 / (1 - rho));
}

/** q̄ = max(a, u − 1/w), w = 1 − ρ   (spec/004 §2.2). */
export function thresholdExact(rho: number, Q: number, a: number): number {
  check(rho, Q, a);
  const w = 1 - rho;
  return Math.max(a, Math.sqrt(Q + 1 / w) - 1 / w);
}

/** p = v(q̄) = 1 − w/(1 + wq̄)   (seed 004, Algorithm 1; spec/004 §2.2). */
export function priceExact(rho: number, Q: number, a: number): number {
  const qbar = thresholdExact(rho, Q, a);
  const w = 1 - rho;
  return 1 - w / (1 + w * qbar);
}

/** P(q_i ≥ q̄) = (Q − q̄)/(Q − a)   (spec/004 §2.2). */
export function allocationProbabilityExact(rho: number, Q: number, a: number): number {
  const qbar = thresholdExact(rho, Q, a);
  return (Q - qbar) / (Q - a);
}

/** E_{q_i}[p_i] = v(q̄)(Q − q̄)/(Q − a)   (spec/004 §2.2; seed 004 (B.11) E[p*] = v(q̄)(1−F(q̄))). */
export function expectedPaymentExact(rho: number, Q: number, a: number): number {
  const qbar = thresholdExact(rho, Q, a);
  const w = 1 - rho;
  return ((1 - w / (1 + w * qbar)) * (Q - qbar)) / (Q - a);
}

/** E_{q_i}[U_i] = [w(Q−q̄)/(1+wq̄) − ln((1+wQ)/(1+wq̄))]/(Q−a), interior or corner   (spec/004 §2.2). */
export function expectedUtilityExact(rho: number, Q: number, a: number): number {
  const qbar = thresholdExact(rho, Q, a);
  const w = 1 - rho;
  return ((w * (Q - qbar)) / (1 + w * qbar) - Math.log1p(w * (Q - qbar) / (1 + w * qbar))) / (Q - a);
}

/** E_{q_i}[v_i x_i] (welfare) = E[U] + E[p]   (spec/004 §2.2; interior: (u² − u − ln u)/(Q−a)). */
export function expectedWelfareExact(rho: number, Q: number, a: number): number {
  return expectedUtilityExact(rho, Q, a) + expectedPaymentExact(rho, Q, a);
}

/**
 * The information rent h(ρ) = u − 1 − ln u, so that E_{q_i}[U_i] = h/(Q − a) whenever the threshold
 * is interior (q̄* = u − 1/w ≥ a)   (spec/004 §2.2 and §3.2 [derived]).
 */
export function rentExact(rho: number, Q: number): number {
  const u = uOf(rho, Q);
  return u - 1 - Math.log(u);
}
