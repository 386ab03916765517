/**
 * All agents' statistics at one quality vector in one pass — the fast path of M_i for many agents
 * (Jacobi sweeps of the Monte Carlo game; spec/004 §3.4). Per-agent rhoExact costs n·(n−1)³/6 flops
 * per point; this costs ~n³/3.
 *
 * exact: with P = R⁻¹ + diag(q) the posterior precision of θ given all signals (q_j = 0: no signal),
 *   Var(θ_i | s) = (P⁻¹)_ii = w_i/(1 + w_i q_i),  w_i = 1 − ρ_i(q_{−i})          (spec/004 §1.3: 1 − v_i = w_i/(1+w_i q_i))
 *   ⇒ 1/w_i = 1/(P⁻¹)_ii − q_i,   ρ_i = 1 − w_i  [derived; Var(θ_i|s_{−i}) = w_i, then add the own signal of precision q_i].
 *   ρ_i does not depend on q_i, so any q_i (here the point's own coordinate) gives the same ρ_i.
 *   Rounding can push ρ_i a few ulps below 0 when θ_i is uncorrelated; it is clamped at 0.
 * approx: S_i = Σ_{j≠i} σ_ij² q_j/(1+q_j)   (seed 004, (A.5)).
 *
 * Checked against rhoExact / sApprox of src/theory/bayes/correlation.ts in test/effort.
 */
import type { Correlation } from '../theory/bayes/correlation.js';
import type { Model } from '../theory/bayes/value.js';
import { choleskyInPlace } from '../theory/bayes/cholesky.js';

/** Precomputed matrices for one correlation matrix: R⁻¹ (exact) and σ_ij² (approx), row-major. */
export interface BatchContext {
  readonly n: number;
  readonly Rinv: Float64Array;
  readonly R2: Float64Array;
  /** Scratch n×n. */
  readonly A: Float64Array;
  /** Scratch n. */
  readonly col: Float64Array;
}


/**
 * diag(A⁻¹) from the Cholesky factor L (lower triangle of A): (A⁻¹)_ii = Σ_k (L⁻¹)_{ki}²; solves
 * L x = e_i by forward substitution from row i down (x_k = 0 for k < i).
 */
function inverseDiagonal(A: Float64Array, n: number, col: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let r = i; r < n; r++) {
      let s = r === i ? 1 : 0;
      for (let k = i; k < r; k++) s -= A[r * n + k] * col[k];
      const x = s / A[r * n + r];
      col[r] = x;
      sum += x * x;
    }
    out[i] = sum;
  }
}

export function makeBatchContext(R: Correlation): BatchContext {
  const n = R.length;
  const L = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) L[r * n + c] = R[r][c];
  choleskyInPlace(L, n);
  // R⁻¹ = L⁻ᵀ L⁻¹ column by column: solve L y = e_c, then Lᵀ x = y.
  const Rinv = new Float64Array(n * n);
  const y = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let r = 0; r < n; r++) {
      let s = r === c ? 1 : 0;
      for (let k = 0; k < r; k++) s -= L[r * n + k] * y[k];
      y[r] = s / L[r * n + r];
    }
    for (let r = n - 1; r >= 0; r--) {
      let s = y[r];
      for (let k = r + 1; k < n; k++) s -= L[k * n + r] * Rinv[k * n + c];
      Rinv[r * n + c] = s / L[r * n + r];
    }
  }
  const R2 = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) R2[r * n + c] = r === c ? 0 : R[r][c] * R[r][c];
  return { n, Rinv, R2, A: new Float64Array(n * n), col: new Float64Array(n) };
}

/** ρ_i (exact) or S_i (approx) for every agent i at the quality vector q, into out (length n). */
export function allStatistics(ctx: BatchContext, model: Model, q: ArrayLike<number>, out: Float64Array): Float64Array {
  const { n, Rinv, R2, A, col } = ctx;
  if (model === 'approx') {
    for (let j = 0; j < n; j++) col[j] = q[j] / (1 + q[j]); // α_j
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += R2[i * n + j] * col[j];
      out[i] = s; // seed 004, (A.5)
    }
    return out;
  }
  A.set(Rinv);
  for (let j = 0; j < n; j++) A[j * n + j] += q[j]; // posterior precision R⁻¹ + diag(q)
  choleskyInPlace(A, n);
  inverseDiagonal(A, n, col, out);
  for (let i = 0; i < n; i++) {
    const w = 1 / (1 / out[i] - q[i]); // [derived] 1/w_i = 1/Var(θ_i|s) − q_i
    out[i] = Math.max(0, 1 - w);
  }
  return out;
}
