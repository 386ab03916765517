/**
 * Correlation matrices and ρ_i (src/theory/bayes/correlation.ts): validation names the entry;
 * ρ_i from the allocation-light solver equals the ml-matrix inverse on random PD matrices (all code
 * paths: 1, 2 and ≥ 3 kept signals), drops q_j = 0, and matches the closed forms of spec/004 §1.3.
 */
import { expect } from 'chai';
import { inverse, Matrix } from 'ml-matrix';
import { centrality, rhoExact, sApprox, validateCorrelation } from '../../../src/theory/bayes/correlation.js';
import { expectInputError, mulberry32, R3, randomCorrelation, star } from './helpers.js';

/** ρ_i by the definition with ml-matrix's inverse (spec/004 §1.3). */
function rhoByInverse(R: number[][], i: number, q: number[]): number {
  const keep = q.map((_, j) => j).filter((j) => j !== i && q[j] > 0);
  if (keep.length === 0) return 0;
  const A = new Matrix(keep.map((r) => keep.map((c) => (r === c ? 1 + 1 / q[r] : R[r][c]))));
  const b = Matrix.columnVector(keep.map((j) => R[i][j]));
  return b.transpose().mmul(inverse(A)).mmul(b).get(0, 0);
}

describe('bayes/correlation: validation', () => {
  it('accepts a PD correlation matrix and returns an exactly symmetric copy', () => {
    const R = validateCorrelation([[1, 0.5], [0.5 + 1e-14, 1]]);
    expect(R[0][1]).to.equal(R[1][0]);
    expect(validateCorrelation(R3)).to.deep.equal(R3);
  });
  it('names the offending entry', () => {
    expectInputError(() => validateCorrelation('x'), 'correlation');
    expectInputError(() => validateCorrelation([]), 'correlation');
    expectInputError(() => validateCorrelation([[1, 0.5], [0.5]]), 'correlation[1]');
    expectInputError(() => validateCorrelation([[1, 0.5], 3]), 'correlation[1]');
    expectInputError(() => validateCorrelation([[1, 'a'], [0.5, 1]]), 'correlation[0][1]');
    expectInputError(() => validateCorrelation([[1, NaN], [0.5, 1]]), 'correlation[0][1]');
    expectInputError(() => validateCorrelation([[1, 0.5], [0.4, 1]]), 'correlation[1][0]', /must equal/);
    expectInputError(() => validateCorrelation([[1.1, 0.5], [0.5, 1]]), 'correlation[0][0]', /diagonal/);
    expectInputError(() => validateCorrelation([[1, 1], [1, 1]]), 'correlation[1][0]');
    // Entries in (−1, 1) but not PD: the 3×3 minor fails.
    expectInputError(() => validateCorrelation([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]), 'correlation[2][2]', /positive definite/);
    expectInputError(() => validateCorrelation([[1, 0.5], [0.6, 1]], 'f.json: correlation'), 'f.json: correlation[1][0]');
  });
});

describe('bayes/correlation: ρ_i and S_i', () => {
  it('spec/004 §7 oracle 1: ρ = (0.2307692, 0.1754386, 0.0685714)', () => {
    const rho = [0, 1, 2].map((i) => rhoExact(R3, i, [2, 3, 5]));
    [0.2307692, 0.1754386, 0.0685714].forEach((x, i) => expect(rho[i]).to.be.closeTo(x, 1e-7));
  });
  it('equals the ml-matrix inverse on random PD matrices (n = 2..7), to 1e-12', () => {
    const rand = mulberry32(4);
    for (let n = 2; n <= 7; n++) {
      for (let rep = 0; rep < 20; rep++) {
        const R = randomCorrelation(n, rand);
        const q = Array.from({ length: n }, () => (rand() < 0.15 ? 0 : 20 * rand()));
        for (let i = 0; i < n; i++) expect(rhoExact(R, i, q)).to.be.closeTo(rhoByInverse(R, i, q), 1e-12);
      }
    }
  });
  it('drops q_j = 0, ignores q_i, and allows q_j = ∞ (noiseless)', () => {
    expect(rhoExact(R3, 0, [2, 0, 5])).to.be.closeTo(0.09 * (5 / 6), 1e-15);
    expect(rhoExact(R3, 0, [0, 0, 0])).to.equal(0);
    expect(rhoExact(R3, 0, [1e9, 3, 5])).to.equal(rhoExact(R3, 0, [0, 3, 5]));
    // q = ∞: ρ = R_{i,−i} R_{−i,−i}^{-1} R_{−i,i}
    const inf = rhoExact(R3, 0, [1, Infinity, Infinity]);
    expect(inf).to.be.closeTo(rhoByInverse(R3, 0, [1, 1e15, 1e15]), 1e-12);
    expect(rhoExact([[1, 0.5], [0.5, 1]], 0, [1, Infinity])).to.equal(0.25);
  });
  it('n = 2: ρ_1 = σ_12² α_2 = S_1; star: ρ_1 = ρ²(α_2+α_3), ρ_2 = ρ²α_1/(1 − ρ²α_1α_3)  (spec/004 §1.3)', () => {
    const R = [[1, 0.5], [0.5, 1]];
    expect(rhoExact(R, 0, [4, 2 / 3])).to.be.closeTo(0.1, 1e-15);
    expect(sApprox(R, 0, [4, 2 / 3])).to.be.closeTo(0.1, 1e-15);
    const rho = 0.6;
    const q = [2, 3, 5];
    const a = q.map((x) => x / (1 + x));
    expect(rhoExact(star(rho), 0, q)).to.be.closeTo(rho * rho * (a[1] + a[2]), 1e-14);
    expect(rhoExact(star(rho), 1, q)).to.be.closeTo((rho * rho * a[0]) / (1 - rho * rho * a[0] * a[2]), 1e-14);
    expect(rhoExact(star(rho), 2, q)).to.be.closeTo((rho * rho * a[0]) / (1 - rho * rho * a[0] * a[1]), 1e-14);
  });
  it('S_i = Σ σ_ij² α_j and centrality = Σ σ_ij²', () => {
    expect(sApprox(R3, 0, [2, 3, 5])).to.be.closeTo(0.25 * 0.75 + 0.09 * (5 / 6), 1e-15);
    expect(centrality(R3, 0)).to.be.closeTo(0.34, 1e-15);
  });
  it('rejects a bad quality naming it', () => {
    expectInputError(() => rhoExact(R3, 0, [1, -1, 2]), 'q[1]');
    expectInputError(() => rhoExact(R3, 0, [1, 2]), 'q');
    expectInputError(() => sApprox(R3, 0, [1, 2, NaN]), 'q[2]');
  });
});
