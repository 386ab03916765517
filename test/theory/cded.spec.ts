import { expect } from 'chai';
import {
  cdedK,
  cdedBeta2,
  cdedRisk,
  cdedTruthfulPenalty,
  cdedEquilibrium,
  cdedFreeEstimatorRisk,
  cdedFreeEstimatorRiskAtNStar,
  normalEvenMoment,
  doubleFactorial,
  expectNormal,
  soloPenalty,
  globalMinimum,
} from '../../src/theory/index.js';
import { expectExact, expectOracle, expectRel } from './oracle.js';

describe('theory/cded (Algorithm 3)', () => {
  it('k = ceil(1/(2ε))', () => {
    expect(cdedK(0.5)).to.equal(1);
    expect(cdedK(1)).to.equal(1);
    expect(cdedK(0.25)).to.equal(2);
    expect(cdedK(0.1)).to.equal(5);
    expect(cdedK(0.12)).to.equal(5);
    expect(cdedK(0.125)).to.equal(4);
    expect(() => cdedK(0)).to.throw(RangeError);
  });

  describe('S10: m = 10, σ = 1, c = 0.001, n* = 10 (spec/000 §8 item 6)', () => {
    it('β² = 10, 15, 18 for k = 1, 2, 3', () => {
      [10, 15, 18].forEach((b, i) => expectExact(cdedBeta2({ totalSubmitted: 100, m: 10, sigma: 1, c: 0.001, k: i + 1 }), b));
    });

    it('risk (1 + 1/k)σ²/(m n*) = 0.02, 0.015, 0.013333', () => {
      const want = ['0.02', '0.015', '0.013333'];
      for (let k = 1; k <= 3; k++) {
        const r = cdedRisk({ sigma: 1, m: 10, c: 0.001, k, nOthers: 90, nx: 10 });
        expectOracle(r, want[k - 1], `k=${k}`);
        expectExact(r, (1 + 1 / k) / 100);
        expectExact(cdedEquilibrium(10, 1, 0.001, k).risk, (1 + 1 / k) / 100);
      }
    });

    it('D.2 weighted-mean risk for k = 1 is 0.019 < 0.02', () => {
      const r = cdedFreeEstimatorRisk({ sigma: 1, m: 10, c: 0.001, k: 1, nx: 10, nOthers: 90 });
      expectOracle(r, '0.019', 'D.2');
      expectExact(r, 0.019);
      expectExact(cdedFreeEstimatorRiskAtNStar(10, 1, 0.001, 1), 0.019);
      expect(r).to.be.lessThan(0.02);
    });
  });

  it('β² of Algorithm 3 equals the s*-form n*^{k−2}(m−1)^{k−1}(Σ|Y|)²/(k(2k−1)!! m^{k+1}σ^{2k−2})', () => {
    for (const [m, sigma, c] of [
      [10, 1, 0.001],
      [7, 2.5, 0.03],
      [30, 0.4, 1e-5],
    ])
      for (let k = 1; k <= 5; k++) {
        const nStar = sigma / Math.sqrt(c * m);
        const T = m * nStar;
        const form = (nStar ** (k - 2) * (m - 1) ** (k - 1) * T * T) / (k * doubleFactorial(2 * k - 1) * m ** (k + 1) * sigma ** (2 * k - 2));
        expectRel(cdedBeta2({ totalSubmitted: T, m, sigma, c, k }), form, 1e-12, `m=${m}, k=${k}`);
      }
  });

  it('E[(δ + sZ)^{2k}] = Σ_j C(2k,2j) δ^{2k−2j} s^{2j} (2j−1)!! agrees with quadrature', () => {
    for (const k of [1, 2, 3, 5])
      for (const [d, s2] of [
        [0, 1],
        [0.7, 0.3],
        [-2, 5],
      ]) {
        const q = expectNormal((x) => (d + Math.sqrt(s2) * x) ** (2 * k));
        expectRel(normalEvenMoment(d, s2, k), q, 1e-12, `k=${k}, δ=${d}, s²=${s2}`);
      }
  });

  describe('Theorem 3', () => {
    const cases: [number, number, number][] = [
      [2, 1, 0.01],
      [10, 1, 0.001],
      [7, 2, 0.05],
      [100, 1, 1e-4],
    ];

    it('cdedRisk + c n reproduces the truthful penalty formula p(n) for any n and k', () => {
      for (const [m, sigma, c] of cases)
        for (let k = 1; k <= 4; k++) {
          const nStar = sigma / Math.sqrt(c * m);
          for (const f of [0.1, 0.5, 1, 1.7, 4]) {
            const n = f * nStar;
            const r = cdedRisk({ sigma, m, c, k, nOthers: (m - 1) * nStar, nx: n }) + c * n;
            expectRel(r, cdedTruthfulPenalty(n, m, sigma, c, k), 1e-12, `m=${m} k=${k} n=${n}`);
          }
        }
    });

    it('p is convex, p′(n*) = 0, p(n*) = (2 + 1/k)σ sqrt(c/m), PR = 1 + 1/(2k)', () => {
      for (const [m, sigma, c] of cases)
        for (let k = 1; k <= 4; k++) {
          const e = cdedEquilibrium(m, sigma, c, k);
          const p = (n: number) => cdedTruthfulPenalty(n, m, sigma, c, k);
          expectRel(p(e.nStar), e.agentPenalty, 1e-12);
          expectExact(e.agentPenalty, (2 + 1 / k) * sigma * Math.sqrt(c / m));
          expectExact(e.ratio, 1 + 1 / (2 * k));
          expectRel(e.socialPenalty / globalMinimum(m, sigma, c), e.ratio, 1e-12);
          const h = 1e-4 * e.nStar;
          expect(Math.abs((p(e.nStar + h) - p(e.nStar - h)) / (2 * h)) / c).to.be.lessThan(1e-6);
          for (let i = 1; i < 100; i++) {
            const n = (e.nStar * i) / 25;
            const d = 0.01 * e.nStar;
            expect(p(n - d) - 2 * p(n) + p(n + d)).to.be.at.least(-1e-14 * p(n));
          }
        }
    });

    it('step 1: for fixed n, |Y| != n, shifts and added noise are all worse (paper: ties only for mean-preserving, same-size Y)', () => {
      const [m, sigma, c, k] = [10, 1, 0.001, 2];
      const base = { sigma, m, c, k, nOthers: 90, nx: 10 };
      const truthful = cdedRisk(base);
      for (const ny of [1, 5, 9, 11, 20, 100]) expect(cdedRisk({ ...base, ny })).to.be.greaterThan(truthful);
      for (const shift of [0.01, 0.3, -1]) expect(cdedRisk({ ...base, shift })).to.be.greaterThan(truthful);
      for (const extraVar of [1e-4, 0.1, 1]) expect(cdedRisk({ ...base, extraVar })).to.be.greaterThan(truthful);
    });

    it('with |Y| != n the risk is (|Y|²σ²/n + (m−1)n*σ²)/(|Y|+(m−1)n*)² + the (|Y|-free) corruption term (§C.1 step 1.2)', () => {
      const [m, sigma, c, k] = [10, 1.3, 0.002, 3];
      const nStar = sigma / Math.sqrt(c * m);
      const n = 0.7 * nStar;
      for (const ny of [0.5 * n, 2 * n, 3]) {
        const nO = (m - 1) * nStar;
        const corr = ((nStar ** (k - 1) * (m - 1) ** k) / (k * m ** (k + 1))) * (1 / n + 1 / nO) ** k * sigma ** 2;
        const want = (ny ** 2 * sigma ** 2 / n + nO * sigma ** 2) / (ny + nO) ** 2 + corr;
        expectRel(cdedRisk({ sigma, m, c, k, nOthers: nO, nx: n, ny }), want, 1e-12);
      }
    });

    it('conventions: ny = 0 or nx = 0 → +Infinity; nOthers = 0 → own mean only', () => {
      const base = { sigma: 1, m: 10, c: 0.001, k: 1, nOthers: 90, nx: 10 };
      expect(cdedRisk({ ...base, ny: 0 })).to.equal(Number.POSITIVE_INFINITY);
      expect(cdedRisk({ ...base, nx: 0, ny: 5 })).to.equal(Number.POSITIVE_INFINITY);
      expectExact(cdedRisk({ ...base, nOthers: 0 }), 0.1);
      expect(() => cdedRisk({ ...base, k: 0 })).to.throw(RangeError);
    });

    it('IR caveat: k = 1, m = 2 gives 3σ sqrt(c/2) = 2.1213σ√c > 2σ√c; IR holds for m >= 3 or k >= 2', () => {
      const e = cdedEquilibrium(2, 1, 0.01, 1);
      expectOracle(e.agentPenalty / 0.1, '2.1213', 'ratio to σ√c');
      expect(e.agentPenalty).to.be.greaterThan(soloPenalty(1, 0.01));
      for (let m = 3; m <= 50; m++) expect(cdedEquilibrium(m, 1, 0.01, 1).agentPenalty).to.be.lessThan(soloPenalty(1, 0.01));
      for (let k = 2; k <= 6; k++) expect(cdedEquilibrium(2, 1, 0.01, k).agentPenalty).to.be.lessThan(soloPenalty(1, 0.01));
    });

    it('spec/000 §4 social penalties (σ = 1, c = 0.01): k = 1 and k = 5', () => {
      const ms = [2, 5, 10, 100];
      const k1 = ['0.424264', '0.670820', '0.948683', null];
      const k5 = ['0.311127', '0.491935', '0.695701', null];
      ms.forEach((m, i) => {
        if (k1[i] === null) expectExact(cdedEquilibrium(m, 1, 0.01, 1).socialPenalty, 3);
        else expectOracle(cdedEquilibrium(m, 1, 0.01, 1).socialPenalty, k1[i] as string, `k=1 m=${m}`);
        if (k5[i] === null) expectExact(cdedEquilibrium(m, 1, 0.01, 5).socialPenalty, 2.2);
        else expectOracle(cdedEquilibrium(m, 1, 0.01, 5).socialPenalty, k5[i] as string, `k=5 m=${m}`);
      });
      expectExact(cdedEquilibrium(10, 1, 0.01, cdedK(0.1)).ratio, 1.1);
    });
  });

  it('D.2 at s*: the weighted mean beats the deployed mean for every m >= 2, k (eq. (33))', () => {
    for (const m of [2, 3, 10, 50])
      for (const k of [1, 2, 5]) {
        const nStar = 1 / Math.sqrt(0.001 * m);
        const r = cdedFreeEstimatorRisk({ sigma: 1, m, c: 0.001, k, nx: nStar, nOthers: (m - 1) * nStar });
        expectRel(r, cdedFreeEstimatorRiskAtNStar(m, 1, 0.001, k), 1e-12);
        expect(r).to.be.lessThan(cdedEquilibrium(m, 1, 0.001, k).risk);
      }
  });
});
