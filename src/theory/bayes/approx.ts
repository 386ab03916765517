/**
 * The paper's ε-approximate mechanism for Unif[0, Q] priors (seed 004, Prop A.2, Cor A.1,
 * Lemmas B.3, C.1, C.2; spec/004 §2.3). With v̂(q) = α + (1−α)²S (eq. (A.5)),
 *
 *   φ̂(q) ≥ 0  ⇔  g(q) ≤ S,  g(q) = [−q(1+q)² + (Q−q)(1+q)] / [(1+q) + 2(Q−q)]     (B.25–B.27, Lemma C.1)
 *   q̄ = g⁻¹(S) on the decreasing branch ending at g(√(1+Q) − 1) = 0                  (Lemma C.2(i))
 *   Y(S) = (Q − q̄)/Q · [q̄/(1+q̄) + S/(1+q̄)²] = 𝒦(q̄)                                 (B.28)
 *   H(S) = ln((1+q̄)/(1+Q)) + (Q−q̄)/(1+q̄) − (Q−q̄)²/(1+q̄)² · S/(1+Q)                (B.37)
 *
 * and the linear-in-S constants λ of Prop A.2(ii) / Cor A.1 in closed form (spec/004 §2.3 [derived]).
 *
 * Shape of g on [0, √(1+Q)−1] [derived]: g = (1+q)(Q − 2q − q²)/(1 + 2Q − q) starts at
 * g(0) = Q/(1+2Q), rises for Q > 2.56 (d ln g/dq at 0 is 1 − 2/Q + 1/(1+2Q)), then falls to 0. So
 * g⁻¹ exists and is unique on the falling branch for S ∈ [0, g(0)]; for Q ≥ 1, g(0) ≥ 1/3 covers the
 * Lemma B.3 range S < 1/3. For S ≥ g(0) the approximate threshold is the lower support 0 (see threshold.ts).
 */
import { InputError } from '../../core/instance.js';
import { brent } from '../roots.js';

function checkQ(Q: number): void {
  if (!(Q > 0) || !Number.isFinite(Q)) throw new InputError('Q', `must be a finite number > 0 (got ${Q})`);
}

/** g(q) = [−q(1+q)² + (Q−q)(1+q)] / [(1+q) + 2(Q−q)]   (seed 004, B.25–B.27). */
export function g(q: number, Q: number): number {
  return (-q * (1 + q) * (1 + q) + (Q - q) * (1 + q)) / (1 + q + 2 * (Q - q));
}

/**
 * g⁻¹(S): the root of g(q) = S on [0, √(1+Q) − 1] (seed 004, Lemma C.2(i)), found by Brent on that
 * bracket. Exists (and is unique) for 0 ≤ S ≤ g(0) = Q/(1+2Q); throws an InputError on 'S' otherwise.
 */
export function gInverse(S: number, Q: number): number {
  checkQ(Q);
  const top = Math.sqrt(1 + Q) - 1; // g(top) = 0   (spec/004 §7 oracle 7)
  const g0 = Q / (1 + 2 * Q);
  if (!(S >= 0 && S <= g0)) throw new InputError('S', `g⁻¹ exists on [0, g(0) = ${g0}] (got ${S})`);
  if (S === 0) return top;
  return brent((q) => g(q, Q) - S, 0, top);
}

/** 𝒦(q) = (Q−q)²(1+2q) / (Q(1+q)(1+q+2(Q−q)))   (spec/004 §2.3 [derived]; Y(S) = 𝒦(g⁻¹(S))). */
export function K(q: number, Q: number): number {
  return ((Q - q) * (Q - q) * (1 + 2 * q)) / (Q * (1 + q) * (1 + q + 2 * (Q - q)));
}

/** Y(S) = (Q − g⁻¹)/Q · [g⁻¹/(1+g⁻¹) + S/(1+g⁻¹)²], the conditional expected payment   (seed 004, B.28). */
export function Y(S: number, Q: number): number {
  const x = gInverse(S, Q);
  return ((Q - x) / Q) * (x / (1 + x) + S / ((1 + x) * (1 + x)));
}

/** H(S) = Q·E_{q_i}[U_i] = ln((1+x)/(1+Q)) + (Q−x)/(1+x) − (Q−x)²/(1+x)² · S/(1+Q), x = g⁻¹(S)   (seed 004, B.37). */
export function H(S: number, Q: number): number {
  const x = gInverse(S, Q);
  const r = (Q - x) / (1 + x);
  return Math.log((1 + x) / (1 + Q)) + r - (r * r * S) / (1 + Q);
}

export interface LambdaConstants {
  /** λ_0 = λ'_0 = (√(Q+1) − 1)²/Q. */
  lambda0: number;
  /** λ̂_1 = λ'_1 = Y'(0) = (1 − 1/√(Q+1))/Q. */
  lambdaHat1: number;
  /** λ_1 = λ̂_1 (1 − ln(1+Q)/Q). */
  lambda1: number;
  /** λ''_0 = H(0)/Q, H(0) = √(Q+1) − 1 − ½ ln(Q+1). */
  lambdaPP0: number;
  /** λ''_1 = H'(0)/Q = (√(Q+1) − 1)/(2Q(Q+1)). */
  lambdaPP1: number;
}

/** The constants of Prop A.2(ii) and Cor A.1 for Unif[0, Q]   (spec/004 §2.3 [derived]). */
export function lambdaConstants(Q: number): LambdaConstants {
  checkQ(Q);
  const s = Math.sqrt(Q + 1);
  const lambdaHat1 = (1 - 1 / s) / Q; // spec/004 §2.3, λ̂_1 = Y'(0)
  return {
    lambda0: ((s - 1) * (s - 1)) / Q, // spec/004 §2.3, λ_0
    lambdaHat1,
    lambda1: lambdaHat1 * (1 - Math.log1p(Q) / Q), // spec/004 §2.3, E[α] = 1 − ln(1+Q)/Q
    lambdaPP0: (s - 1 - 0.5 * Math.log1p(Q)) / Q, // spec/004 §2.3, H(0)/Q
    lambdaPP1: (s - 1) / (2 * Q * (Q + 1)), // spec/004 §2.3, λ''_1
  };
}
