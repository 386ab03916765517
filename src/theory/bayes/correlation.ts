/**
 * Correlation matrices of seed 004's Gaussian mean-estimation instance (spec/004 §1.3) and the
 * explained variance of θ_i by the others' signals,
 *
 *   ρ_i(q_{−i}) = R_{i,−i} (R_{−i,−i} + diag(1/q_{−i}))^{-1} R_{−i,i}  ∈ [0, 1)     (spec/004 §1.3 [derived])
 *
 * (the R² of θ_i given s_{−i}; a signal with q_j = 0 carries no information and is dropped), and the
 * ε-regime surrogate S_i = Σ_{j≠i} σ_ij² α_j, α_j = q_j/(1+q_j) (seed 004, eq. (A.5)).
 *
 * By scale invariance (spec/004 §1.3) v_i depends on Σ only through the correlation matrix R, so the
 * whole bayes module works with σ_i = 1 and Σ = R.
 *
 * rhoExact is called inside quadrature loops: it solves the (n−1)-system by an in-place Cholesky
 * factorisation in a reused scratch buffer (no allocation per call), with the 1×1 and 2×2 cases
 * in closed form.
 */
import { InputError } from '../../core/instance.js';
import { choleskyInPlace, forwardSolveInPlace } from './cholesky.js';

/** A symmetric positive-definite matrix with unit diagonal (row-major rows). */
export type Correlation = readonly (readonly number[])[];

const SYM_TOL = 1e-12;

/**
 * Validates a correlation matrix: a non-empty square array of finite numbers, symmetric to 1e-12,
 * unit diagonal (to 1e-12), positive definite (Cholesky succeeds with positive pivots).
 * Returns a fresh copy (number[][]). Errors are InputErrors naming the entry, e.g. `correlation[0][1]`.
 */
export function validateCorrelation(R: unknown, field = 'correlation'): number[][] {
  if (!Array.isArray(R) || R.length === 0) throw new InputError(field, 'must be a non-empty square array of arrays');
  const n = R.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: unknown = R[i];
    if (!Array.isArray(row)) throw new InputError(`${field}[${i}]`, 'must be an array');
    if (row.length !== n) throw new InputError(`${field}[${i}]`, `must have ${n} entries (got ${row.length})`);
    const r: number[] = [];
    for (let j = 0; j < n; j++) {
      const x: unknown = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${field}[${i}][${j}]`, `must be a finite number (got ${String(x)})`);
      r.push(x);
    }
    out.push(r);
  }
  for (let i = 0; i < n; i++) {
    if (Math.abs(out[i][i] - 1) > SYM_TOL) throw new InputError(`${field}[${i}][${i}]`, `diagonal must be 1 (got ${out[i][i]})`);
    for (let j = 0; j < i; j++) {
      if (Math.abs(out[i][j] - out[j][i]) > SYM_TOL) {
        throw new InputError(`${field}[${i}][${j}]`, `must equal ${field}[${j}][${i}] (got ${out[i][j]} vs ${out[j][i]})`);
      }
      if (Math.abs(out[i][j]) >= 1) throw new InputError(`${field}[${i}][${j}]`, `must lie in (−1, 1) (got ${out[i][j]})`);
    }
  }
  // Positive definiteness: Cholesky R = LLᵀ; the first non-positive pivot names the leading minor that fails.
  const L: number[][] = out.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = out[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] * L[j][k];
    if (!(d > 1e-14)) {
      throw new InputError(`${field}[${j}][${j}]`, `matrix is not positive definite (leading ${j + 1}×${j + 1} minor is singular or negative)`);
    }
    const ljj = Math.sqrt(d);
    L[j][j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = out[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = s / ljj;
    }
  }
  // Exact symmetry downstream.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[j][i] = out[i][j];
  return out;
}

// Reused scratch: kept indices, the (m×m) matrix/factor, the right-hand side.
let scratchIdx = new Int32Array(8);
let scratchA = new Float64Array(64);
let scratchB = new Float64Array(8);

function ensureScratch(m: number): void {
  if (scratchIdx.length < m) {
    scratchIdx = new Int32Array(2 * m);
    scratchB = new Float64Array(2 * m);
    scratchA = new Float64Array(4 * m * m);
  }
}

function checkQ(q: ArrayLike<number>, j: number): number {
  const qj = q[j];
  if (!(qj >= 0)) throw new InputError(`q[${j}]`, `quality must be a number >= 0 (got ${qj})`);
  return qj;
}

/**
 * ρ_i(q_{−i}) = R_{i,−i}(R_{−i,−i} + diag(1/q_{−i}))^{-1}R_{−i,i}   (spec/004 §1.3 [derived]).
 * Entries q_j = 0 are dropped (1/q_j = ∞: the signal is pure noise); q_j = ∞ is allowed (noiseless
 * signal). q_i itself is ignored. R is not re-validated (use validateCorrelation once).
 */
export function rhoExact(R: Correlation, i: number, q: ArrayLike<number>): number {
  const n = R.length;
  if (q.length !== n) throw new InputError('q', `must have ${n} entries (got ${q.length})`);
  ensureScratch(n);
  const idx = scratchIdx;
  let m = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    if (checkQ(q, j) > 0) idx[m++] = j;
  }
  const Ri = R[i];
  if (m === 0) return 0;
  if (m === 1) {
    // r²/(1 + 1/q) = r² α  (spec/004 §1.3, n = 2 example)
    const j = idx[0];
    const r = Ri[j];
    const qj = q[j];
    return qj === Infinity ? r * r : (r * r * qj) / (1 + qj);
  }
  if (m === 2) {
    // 2×2 inverse in closed form: bᵀA⁻¹b = (a22 b1² − 2 a12 b1 b2 + a11 b2²)/det.
    const j = idx[0];
    const k = idx[1];
    const a11 = 1 + 1 / q[j]; // R_jj = 1
    const a22 = 1 + 1 / q[k];
    const a12 = R[j][k];
    const b1 = Ri[j];
    const b2 = Ri[k];
    const det = a11 * a22 - a12 * a12;
    return Math.max(0, (a22 * b1 * b1 - 2 * a12 * b1 * b2 + a11 * b2 * b2) / det); // ≥ 0 up to rounding
  }
  // General: A = R_{−i,−i} + diag(1/q) = LLᵀ in place (lower triangle), y = L⁻¹b, ρ = yᵀy.
  const A = scratchA;
  const b = scratchB;
  for (let r = 0; r < m; r++) {
    const jr = idx[r];
    const Rr = R[jr];
    for (let c = 0; c < r; c++) A[r * m + c] = Rr[idx[c]];
    A[r * m + r] = 1 + 1 / q[jr];
    b[r] = Ri[jr];
  }
  choleskyInPlace(A, m);
  forwardSolveInPlace(A, m, b);
  let rho = 0;
  for (let r = 0; r < m; r++) rho += b[r] * b[r];
  return rho;
}

/** α(q) = q/(1+q), with α(∞) = 1   (spec/004 notation). */
export function alpha(q: number): number {
  return q === Infinity ? 1 : q / (1 + q);
}

/** S_i = Σ_{j≠i} σ_ij² α_j   (seed 004, eq. (A.5)). */
export function sApprox(R: Correlation, i: number, q: ArrayLike<number>): number {
  const n = R.length;
  if (q.length !== n) throw new InputError('q', `must have ${n} entries (got ${q.length})`);
  const Ri = R[i];
  let s = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    s += Ri[j] * Ri[j] * alpha(checkQ(q, j));
  }
  return s;
}

/** Σ_{j≠i} σ_ij², the centrality of agent i   (spec/004 §1.3). */
export function centrality(R: Correlation, i: number): number {
  let s = 0;
  for (let j = 0; j < R.length; j++) if (j !== i) s += R[i][j] * R[i][j];
  return s;
}
