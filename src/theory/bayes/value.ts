/**
 * Agent i's value v_i ∈ [0, 1) of the platform's estimator of θ_i in seed 004's Gaussian instance
 * (spec/004 §1.3), with Σ = R and σ_i = 1 (scale invariance, spec/004 §1.3):
 *
 *   truthful (A.1)     v_i(q)     = R_{i·} Σ_q^{-1} R_{·i},   Σ_q = R + diag(1/q)          (seed 004, eq. (A.1))
 *   misreport          v_i(q, q̂) = 2kᵀR_{·i} − kᵀΣ_q k,       k = Σ_{q̂}^{-1} R_{·i}        (spec/004 §1.3 [derived])
 *   closed form        v_i(q)     = 1 − w/(1 + w q_i),  w = 1 − ρ_i(q_{−i})                 (spec/004 §1.3 [derived])
 *   derivative         ∂v_i/∂q_i  = (w/(1 + w q_i))²                                       (spec/004 §1.3; seed 004 (C.11))
 *   ε-approximation    v̂_i(q)     = α_i + (1−α_i)² S_i,  ∂v̂_i/∂q_i = (1+q_i)^{-2} − 2S_i(1+q_i)^{-3}   (seed 004, eq. (A.5))
 *
 * A reported q̂_j = 0 drops signal j from the estimator (weight 0); a true q_j = 0 with q̂_j > 0 puts
 * weight on an infinitely noisy signal, so v = −∞ unless that weight is exactly 0.
 *
 * Both models see q_{−i} only through one scalar, the "statistic": ρ_i for the exact model and S_i
 * for the approximate one (statOf). valueOfStat/dValueOfStat evaluate v and ∂v/∂q_i from it.
 */
import { Matrix, CholeskyDecomposition } from 'ml-matrix';
import { InputError } from '../../core/instance.js';
import { type Correlation, rhoExact, sApprox } from './correlation.js';

/** Which value model a mechanism (or an expectation) uses: the exact Gaussian v or the paper's v̂. */
export type Model = 'exact' | 'approx';

function checkQuality(x: number, field: string): void {
  if (!(x >= 0)) throw new InputError(field, `quality must be a number >= 0 (got ${x})`);
}

/**
 * v_i(q, q̂) from the matrices (spec/004 §1.3 "Misreport accuracy"): true qualities q, reports q̂.
 * With q̂ = q this is (A.1). Uses ml-matrix's Cholesky for Σ_{q̂}^{-1}R_{·i}.
 */
export function valueMisreport(R: Correlation, i: number, q: ArrayLike<number>, qHat: ArrayLike<number>): number {
  const n = R.length;
  if (q.length !== n) throw new InputError('q', `must have ${n} entries (got ${q.length})`);
  if (qHat.length !== n) throw new InputError('qHat', `must have ${n} entries (got ${qHat.length})`);
  const keep: number[] = [];
  for (let j = 0; j < n; j++) {
    checkQuality(q[j], `q[${j}]`);
    checkQuality(qHat[j], `qHat[${j}]`);
    if (qHat[j] > 0) keep.push(j); // q̂_j = 0: signal dropped (spec/004 §1.3)
  }
  if (keep.length === 0) return 0; // prior-mean estimator, v = 0   (seed 004, eq. (2))
  const m = keep.length;
  const sHat = new Matrix(m, m);
  const b = new Matrix(m, 1);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) sHat.set(r, c, R[keep[r]][keep[c]]);
    sHat.set(r, r, 1 + 1 / qHat[keep[r]]);
    b.set(r, 0, R[i][keep[r]]);
  }
  const k = new CholeskyDecomposition(sHat).solve(b); // k = Σ_{q̂}^{-1} R_{·i}
  // v = 2kᵀb − kᵀΣ_q k, with Σ_q = R + diag(1/q) on the kept block   (spec/004 §1.3)
  let kb = 0;
  let quad = 0;
  for (let r = 0; r < m; r++) {
    const kr = k.get(r, 0);
    kb += kr * b.get(r, 0);
    for (let c = 0; c < m; c++) quad += kr * R[keep[r]][keep[c]] * k.get(c, 0);
    const qr = q[keep[r]];
    if (kr !== 0) quad += (kr * kr) / qr; // 1/0 = ∞: an infinitely noisy signal with positive weight
  }
  return 2 * kb - quad;
}

/** v_i(q) = R_{i·}Σ_q^{-1}R_{·i} by the matrix formula   (seed 004, eq. (A.1)). */
export function valueMatrix(R: Correlation, i: number, q: ArrayLike<number>): number {
  return valueMisreport(R, i, q, q);
}

/** v = 1 − w/(1 + w q_i), w = 1 − ρ   (spec/004 §1.3 [derived]; q_i = ∞ gives 1). */
export function valueOfRho(rho: number, qi: number): number {
  if (qi === Infinity) return 1;
  const w = 1 - rho;
  return 1 - w / (1 + w * qi);
}

/** ∂v/∂q_i = (w/(1 + w q_i))²   (spec/004 §1.3; seed 004 (C.11)). */
export function dValueOfRho(rho: number, qi: number): number {
  const w = 1 - rho;
  const t = w / (1 + w * qi);
  return t * t;
}

/** v̂ = α + (1−α)² S   (seed 004, eq. (A.5)). */
export function valueApproxOfS(S: number, qi: number): number {
  if (qi === Infinity) return 1;
  const r = 1 / (1 + qi); // 1 − α
  return 1 - r + r * r * S;
}

/** ∂v̂/∂q_i = (1+q_i)^{-2} − 2S(1+q_i)^{-3}   (derivative of seed 004, eq. (A.5); cf. (B.12)). */
export function dValueApproxOfS(S: number, qi: number): number {
  const r = 1 / (1 + qi);
  return r * r * (1 - 2 * S * r);
}

/** Closed-form truthful value v_i(q) = 1 − w_i/(1 + w_i q_i)   (spec/004 §1.3 [derived]). */
export function valueClosed(R: Correlation, i: number, q: ArrayLike<number>): number {
  checkQuality(q[i], `q[${i}]`);
  return valueOfRho(rhoExact(R, i, q), q[i]);
}

/** v̂_i(q) = α_i + (1−α_i)² S_i   (seed 004, eq. (A.5)). */
export function valueApprox(R: Correlation, i: number, q: ArrayLike<number>): number {
  checkQuality(q[i], `q[${i}]`);
  return valueApproxOfS(sApprox(R, i, q), q[i]);
}

/** The scalar through which the model's v_i depends on q_{−i}: ρ_i (exact) or S_i (approx). */
export function statOf(model: Model, R: Correlation, i: number, q: ArrayLike<number>): number {
  return model === 'exact' ? rhoExact(R, i, q) : sApprox(R, i, q);
}

/** The model's v_i as a function of its statistic and own quality. */
export function valueOfStat(model: Model, stat: number, qi: number): number {
  return model === 'exact' ? valueOfRho(stat, qi) : valueApproxOfS(stat, qi);
}

/** The model's ∂v_i/∂q_i as a function of its statistic and own quality. */
export function dValueOfStat(model: Model, stat: number, qi: number): number {
  return model === 'exact' ? dValueOfRho(stat, qi) : dValueApproxOfS(stat, qi);
}

