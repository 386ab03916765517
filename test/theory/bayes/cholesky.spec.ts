import { expect } from 'chai';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import seedrandom from 'seedrandom';
import { backSolveInPlace, choleskyInPlace, forwardSolveInPlace } from '../../../src/theory/bayes/cholesky.js';

describe('in-place Cholesky (src/theory/bayes/cholesky.ts)', () => {
  it('solves A x = b like ml-matrix to 1e-12 on random SPD matrices (n = 1..8), strided columns too', () => {
    const rng = seedrandom('cholesky');
    for (let n = 1; n <= 8; n++) {
      const X = Matrix.rand(n, n, { random: rng });
      const A = X.mmul(X.transpose()).add(Matrix.eye(n).mul(0.5));
      const B = Matrix.rand(n, 3, { random: rng });
      const want = new CholeskyDecomposition(A).solve(B);
      const L = Float64Array.from(A.to1DArray());
      choleskyInPlace(L, n);
      const got = Float64Array.from(B.to1DArray()); // row-major n × 3: column c at offset c, stride 3
      for (let c = 0; c < 3; c++) {
        forwardSolveInPlace(L, n, got, c, 3);
        backSolveInPlace(L, n, got, c, 3);
      }
      for (let r = 0; r < n; r++) for (let c = 0; c < 3; c++) expect(got[r * 3 + c]).to.be.closeTo(want.get(r, c), 1e-12);
    }
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() => choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).to.throw(RangeError, /not positive definite/);
  });
});
