/**
 * In-place dense Cholesky for the small symmetric positive definite systems of seed 004
 * (Σ_q = R + diag(1/q), spec/004 §1.3), on row-major Float64Arrays with no allocation, for the hot
 * loops (ρ_i in quadrature, the Monte Carlo engine's estimator). ml-matrix serves the one-off solves.
 */

/** A = LLᵀ in place: the lower triangle of the m×m row-major A becomes L. Throws if A is not positive definite. */
export function choleskyInPlace(A: Float64Array, m: number): void {
  for (let c = 0; c < m; c++) {
    let d = A[c * m + c] as number;
    for (let k = 0; k < c; k++) d -= (A[c * m + k] as number) * (A[c * m + k] as number);
    if (!(d > 0)) throw new RangeError('cholesky: the matrix is not positive definite');
    const l = Math.sqrt(d);
    A[c * m + c] = l;
    for (let r = c + 1; r < m; r++) {
      let s = A[r * m + c] as number;
      for (let k = 0; k < c; k++) s -= (A[r * m + k] as number) * (A[c * m + k] as number);
      A[r * m + c] = s / l;
    }
  }
}

/** y = L⁻¹b in place (forward substitution with the factor of choleskyInPlace); b has stride `stride` from `offset`. */
export function forwardSolveInPlace(L: Float64Array, m: number, b: Float64Array, offset = 0, stride = 1): void {
  for (let r = 0; r < m; r++) {
    let s = b[offset + r * stride] as number;
    for (let k = 0; k < r; k++) s -= (L[r * m + k] as number) * (b[offset + k * stride] as number);
    b[offset + r * stride] = s / (L[r * m + r] as number);
  }
}

/** x = L⁻ᵀy in place (back substitution); with forwardSolveInPlace, x = A⁻¹b. */
export function backSolveInPlace(L: Float64Array, m: number, b: Float64Array, offset = 0, stride = 1): void {
  for (let r = m - 1; r >= 0; r--) {
    let s = b[offset + r * stride] as number;
    for (let k = r + 1; k < m; k++) s -= (L[k * m + r] as number) * (b[offset + k * stride] as number);
    b[offset + r * stride] = s / (L[r * m + r] as number);
  }
}
