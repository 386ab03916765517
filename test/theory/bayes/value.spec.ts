/**
 * Values of seed 004's Gaussian instance (src/theory/bayes/value.ts): the matrix formula (A.1) and
 * the misreport formula vs the closed form 1 − w/(1+wq) (spec/004 §1.3), oracles 1–2 of spec/004 §7,
 * the derivative (w/(1+wq))² and the ε-approximation error O(ε³) (seed 004, B.14–B.15).
 */
import { expect } from 'chai';
import { rhoExact, sApprox } from '../../../src/theory/bayes/correlation.js';
import {
  dValueApproxOfS,
  dValueOfRho,
  valueApprox,
  valueApproxOfS,
  valueClosed,
  valueMatrix,
  valueMisreport,
} from '../../../src/theory/bayes/value.js';
import { expectInputError, mulberry32, R3, randomCorrelation } from './helpers.js';

const Q3 = [2, 3, 5];

describe('bayes/value: exact value (spec/004 §1.3)', () => {
  it('oracle 1: v = (0.6969697, 0.7626263, 0.8353535) from the matrix and in closed form', () => {
    const want = [0.6969697, 0.7626263, 0.8353535];
    for (let i = 0; i < 3; i++) {
      expect(valueMatrix(R3, i, Q3)).to.be.closeTo(want[i], 1e-7);
      expect(valueClosed(R3, i, Q3)).to.be.closeTo(valueMatrix(R3, i, Q3), 1e-14);
    }
  });
  it('oracle 2: agent 1 misreporting q̂_1 gets v(q, q̂) maximised at the truth', () => {
    const reports = [0.5, 1, 1.5, 2, 2.5, 4, 8];
    const want = [0.5601852, 0.6597353, 0.6906888, 0.6969697, 0.6935596, 0.6689213, 0.6149844];
    reports.forEach((r, k) => expect(valueMisreport(R3, 0, Q3, [r, 3, 5])).to.be.closeTo(want[k], 1e-7));
  });
  it('matrix (A.1) == closed form to 1e-12 on random PD matrices (n = 2..6)', () => {
    const rand = mulberry32(11);
    for (let n = 2; n <= 6; n++) {
      for (let rep = 0; rep < 15; rep++) {
        const R = randomCorrelation(n, rand);
        const q = Array.from({ length: n }, () => (rand() < 0.1 ? 0 : 30 * rand()));
        for (let i = 0; i < n; i++) expect(valueClosed(R, i, q)).to.be.closeTo(valueMatrix(R, i, q), 1e-12);
      }
    }
  });
  it('∂v/∂q_i = (w/(1+wq_i))² matches a numeric derivative of the matrix value', () => {
    const rand = mulberry32(5);
    for (let rep = 0; rep < 10; rep++) {
      const R = randomCorrelation(4, rand);
      const q = Array.from({ length: 4 }, () => 0.5 + 10 * rand());
      const i = rep % 4;
      const h = 1e-4;
      const at = (x: number) => valueMatrix(R, i, q.map((y, j) => (j === i ? x : y)));
      const num = (at(q[i] + h) - at(q[i] - h)) / (2 * h);
      expect(dValueOfRho(rhoExact(R, i, q), q[i])).to.be.closeTo(num, 1e-9);
    }
  });
  it('misreports never raise the value (Assumption A.1, Lemma A.2), and q̂ = q gives (A.1)', () => {
    const rand = mulberry32(21);
    for (let rep = 0; rep < 30; rep++) {
      const n = 2 + (rep % 4);
      const R = randomCorrelation(n, rand);
      const q = Array.from({ length: n }, () => 0.1 + 10 * rand());
      const qHat = q.map((x) => (rand() < 0.5 ? x : 20 * rand()));
      for (let i = 0; i < n; i++) {
        expect(valueMisreport(R, i, q, qHat)).to.be.at.most(valueMatrix(R, i, q) + 1e-14);
        expect(valueMisreport(R, i, q, q)).to.equal(valueMatrix(R, i, q));
      }
    }
  });
  it('a reported q̂_j = 0 drops signal j; no kept signal gives v = 0; true q_j = 0 with positive weight gives −∞', () => {
    // Dropping agent 3's signal: the value equals that of the 2-agent sub-instance (for both agents).
    const R2 = [[1, 0.5], [0.5, 1]];
    expect(valueMisreport(R3, 0, Q3, [2, 3, 0])).to.be.closeTo(valueMatrix(R2, 0, [2, 3]), 1e-14);
    expect(valueClosed(R3, 0, [2, 3, 0])).to.be.closeTo(valueMatrix(R2, 0, [2, 3]), 1e-14);
    expect(valueMisreport(R3, 0, Q3, [0, 0, 0])).to.equal(0);
    expect(valueMisreport(R3, 0, [2, 0, 5], Q3)).to.equal(-Infinity);
    // truthful q_j = 0 is the dropped signal
    expect(valueMatrix(R3, 0, [2, 0, 5])).to.be.closeTo(valueClosed(R3, 0, [2, 0, 5]), 1e-14);
  });
  it('no correlation: v = α; rejects bad input naming it', () => {
    expect(valueClosed([[1, 0], [0, 1]], 0, [3, 7])).to.be.closeTo(0.75, 1e-15);
    expectInputError(() => valueMisreport(R3, 0, [1, 2], Q3), 'q');
    expectInputError(() => valueMisreport(R3, 0, Q3, [1, -2, 3]), 'qHat[1]');
    expectInputError(() => valueClosed(R3, 0, [-1, 2, 3]), 'q[0]');
  });
});

describe('bayes/value: ε-approximation v̂ = α + (1−α)²S (seed 004, eq. (A.5))', () => {
  it('n = 2: v̂ is the first-order expansion of 1 − w/(1+wq) in ρ = S (error O(ρ²))', () => {
    const R = (r: number) => [[1, r], [r, 1]];
    const e = [0.2, 0.1, 0.05].map((r) => valueClosed(R(r), 0, [3, 4]) - valueApprox(R(r), 0, [3, 4]));
    // ρ ∝ r²: the error is O(r⁴), ratio 16 per halving.
    expect(e[0] / e[1]).to.be.closeTo(16, 1);
    expect(e[1] / e[2]).to.be.closeTo(16, 0.3);
  });
  it('v − v̂ = O(ε³) and ∂v − ∂v̂ = O(ε³): the error shrinks ~8× as ε halves (B.14–B.15)', () => {
    const rand = mulberry32(3);
    const R0 = randomCorrelation(4, rand);
    const at = (eps: number) => R0.map((r, i) => r.map((x, j) => (i === j ? 1 : eps * x)));
    const q = [1.5, 3, 6, 9];
    for (let i = 0; i < 4; i++) {
      const err = [0.04, 0.02, 0.01, 0.005, 0.0025].map((eps) => {
        const R = at(eps);
        const rho = rhoExact(R, i, q);
        const S = sApprox(R, i, q);
        return [valueClosed(R, i, q) - valueApproxOfS(S, q[i]), dValueOfRho(rho, q[i]) - dValueApproxOfS(S, q[i])];
      });
      // The halving ratio is 8 − O(ε) (the next term is O(ε⁴)): it rises monotonically towards 8.
      for (const c of [0, 1]) {
        const ratios = err.slice(1).map((e, k) => err[k][c] / e[c]);
        for (let k = 1; k < ratios.length; k++) expect(ratios[k]).to.be.greaterThan(ratios[k - 1]);
        expect(ratios[0]).to.be.within(7, 8);
        expect(ratios[ratios.length - 1]).to.be.within(7.85, 8);
      }
    }
  });
  it('∂v̂/∂q = (1+q)^{-2} − 2S(1+q)^{-3} matches a numeric derivative', () => {
    for (const [S, q] of [[0.1, 2], [0.3, 0.5], [0, 7]]) {
      const h = 1e-5;
      expect(dValueApproxOfS(S, q)).to.be.closeTo((valueApproxOfS(S, q + h) - valueApproxOfS(S, q - h)) / (2 * h), 1e-9);
    }
  });
});
