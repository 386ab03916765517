import { expect } from 'chai';
import {
  soloPenalty,
  soloN,
  globalMinimum,
  globalN,
  meanRisk,
  bayesRiskNormalPrior,
  poolFreeRide,
  poolCompliantPenalty,
  poolBestResponse,
  poolEquilibriumSocial,
  poolRatio,
  pcsFabricatePenalty,
  solveA,
  gNormalized,
  c3dAlpha,
  c3dEquilibrium,
  c3dPenaltyAt,
  c3dPenaltyDerivativeAtNStar,
  c3dRisk,
  c3dNStar,
  c3dBestResponse,
  hStar,
  minimizeConvex,
} from '../../src/theory/index.js';
import { expectExact, expectOracle, expectRel } from './oracle.js';

describe('theory: spec/002 §3 and §5 oracles', () => {
  it('items 1-2: solo and social optima', () => {
    for (const [m, sigma, c] of [
      [10, 1, 0.01],
      [100, 2, 1e-4],
    ]) {
      expectRel(minimizeConvex((n) => meanRisk(sigma, n) + c * n, 1e-9, 10 * soloN(sigma, c)), sigma / Math.sqrt(c), 1e-7);
      expectExact(meanRisk(sigma, soloN(sigma, c)) + c * soloN(sigma, c), soloPenalty(sigma, c));
      const N = minimizeConvex((t) => (m * sigma * sigma) / t + c * t, 1e-9, 10 * sigma * Math.sqrt(m / c));
      expectRel(N, sigma * Math.sqrt(m / c), 1e-7);
      expectExact((m * sigma * sigma) / (m * globalN(m, sigma, c)) + c * m * globalN(m, sigma, c), globalMinimum(m, sigma, c));
      expectExact(globalN(m, sigma, c), sigma / Math.sqrt(m * c));
      expectExact(poolCompliantPenalty(m, sigma, c), (2 * sigma * Math.sqrt(c)) / Math.sqrt(m));
    }
  });

  it('item 3: free-ride σ sqrt(mc)/(m−1) < 2σ√c/√m iff m >= 3 (equal at m = 2); ratio m/(2(m−1))', () => {
    expectExact(poolFreeRide(2, 1.5, 0.02), poolCompliantPenalty(2, 1.5, 0.02));
    for (let m = 3; m <= 40; m++) {
      expect(poolFreeRide(m, 1.5, 0.02)).to.be.lessThan(poolCompliantPenalty(m, 1.5, 0.02));
      expectExact(poolFreeRide(m, 1.5, 0.02) / poolCompliantPenalty(m, 1.5, 0.02), m / (2 * (m - 1)));
    }
  });

  it('item 4: pool best response max(0, σ/√c − S); equilibrium total σ/√c, social σ√c(m+1), ratio (m+1)/(2√m)', () => {
    expectExact(poolBestResponse(3, 1, 0.01), 7);
    expect(poolBestResponse(12, 1, 0.01)).to.equal(0);
    // symmetric equilibrium: each n = σ/(m√c) is a best response to the others' total
    for (const m of [2, 5, 10]) {
      const n = 1 / (m * 0.1);
      expectRel(poolBestResponse((m - 1) * n, 1, 0.01), n, 1e-12);
      expectRel(m * (meanRisk(1, m * n) + 0.01 * n), poolEquilibriumSocial(m, 1, 0.01), 1e-12);
      expectExact(poolEquilibriumSocial(m, 1, 0.01) / globalMinimum(m, 1, 0.01), poolRatio(m));
    }
  });

  it('item 5: M2 fabricate-and-discard has the item-3 penalty and best k = 0 for m >= 3', () => {
    for (let m = 3; m <= 30; m++) {
      const nStar = globalN(m, 1, 0.01);
      expectExact(pcsFabricatePenalty(0, m, 1, 0.01, nStar), poolFreeRide(m, 1, 0.01));
      const dk = 0.01 * (1 - m / (m - 1) ** 2); // d/dk at 0
      expect(dk).to.be.greaterThan(0);
      const h = 1e-6;
      expectRel((pcsFabricatePenalty(h, m, 1, 0.01, nStar) - pcsFabricatePenalty(0, m, 1, 0.01, nStar)) / h, dk, 1e-4);
    }
  });

  it('item 6: sample-mean risk σ²/n; Bayes risk σ²/(n + σ²/τ²) → σ²/n', () => {
    expectExact(meanRisk(2, 8), 0.5);
    expectExact(bayesRiskNormalPrior(2, 8, 4), 4 / 9);
    expectRel(bayesRiskNormalPrior(2, 8, 1e12), 0.5, 1e-11);
    expect(bayesRiskNormalPrior(2, 8, 100)).to.be.lessThan(meanRisk(2, 8));
  });

  it('item 7: h* with η² = 0 (or Z′ = ∅) is the plain mean; as η² → ∞ it ignores Z′', () => {
    const x = [0.3, 1.1];
    const z = [0.9, 1.4, 0.2];
    const zp = [5, -2, 7];
    expectExact(hStar({ sigma: 1, eta2: 0, x, z, zp }), (0.3 + 1.1 + 0.9 + 1.4 + 0.2 + 5 - 2 + 7) / 8);
    expectExact(hStar({ sigma: 1, eta2: 3, x, z, zp: [] }), (0.3 + 1.1 + 0.9 + 1.4 + 0.2) / 5);
    expectRel(hStar({ sigma: 1, eta2: 1e15, x, z, zp }), 3.9 / 5, 1e-13);
    expectExact(c3dRisk({ sigma: 1, alpha: 0, nx: 2, nz: 3, nzp: 3 }), 1 / 8);
  });

  it('item 8: t = A_m is the first root > 1 of G (unique in (1, 200], → 1); q′(n*) = 0 (|·| < 1e-8); q convex, argmin n*, any σ, c', () => {
    for (const m of [5, 10, 25, 100, 1000]) {
      expect(gNormalized(1, m)).to.be.lessThan(0);
      expect(Math.abs(gNormalized(solveA(m), m))).to.be.lessThan(1e-10);
    }
    expect(solveA(1e6) - 1).to.be.lessThan(1e-5);
    for (const [m, sigma, c] of [
      [100, 1, 1e-4],
      [25, 1, 1e-4],
      [10, 3, 0.002],
      [7, 0.5, 0.01],
    ]) {
      const nStar = c3dNStar(m, sigma, c);
      expect(Math.abs(c3dPenaltyDerivativeAtNStar(m, sigma, c))).to.be.lessThan(1e-8);
      const h = 1e-3 * nStar;
      const d = (c3dPenaltyAt(nStar + h, m, sigma, c) - c3dPenaltyAt(nStar - h, m, sigma, c)) / (2 * h);
      expect(Math.abs(d)).to.be.lessThan(1e-8);
      expectRel(c3dBestResponse(m, sigma, c), nStar, 1e-6);
    }
  });

  it('item 9: PR = ½((10t² − 1)/(4(m+1)t²/m − 1) + 1) table (10 digits), always < 2', () => {
    const rows: [number, string, string][] = [
      [5, '4.27052650', '1.547925851'],
      [6, '2.68655031', '1.588913123'],
      [8, '1.88061182', '1.652083610'],
      [10, '1.60491017', '1.697947763'],
      [25, '1.19023556', '1.845368576'],
      [50, '1.09112163', '1.913566278'],
      [100, '1.04503815', '1.953802387'],
      [1000, '1.00449731', '1.995043268'],
      [10000, '1.00044997', '1.999500439'],
    ];
    for (const [m, t, pr] of rows) {
      expectOracle(solveA(m), t, `t m=${m}`);
      const e = c3dEquilibrium(m, 1, 1e-4);
      expectOracle(e.ratio, pr, `PR m=${m}`);
      expectRel((m * e.agentPenalty) / (2 * Math.sqrt(1e-4 * m)), e.ratio, 1e-13);
      expect(e.ratio).to.be.lessThan(2);
    }
  });

  it('item 10: IR example m = 10, σ = c = 1: q(n*) = 1.073876456 < 2', () => {
    const q = c3dEquilibrium(10, 1, 1).agentPenalty;
    expectOracle(q, '1.073876456', 'q(n*)');
    expectOracle(c3dPenaltyAt(c3dNStar(10, 1, 1), 10, 1, 1), '1.073876456', 'q(n*) direct');
    expect(q).to.be.lessThan(soloPenalty(1, 1));
  });

  it('item 11: free-riding q(0⁺) = σ²/n* = σ sqrt(cm)', () => {
    for (const [m, sigma, c] of [
      [100, 1, 1e-4],
      [10, 2, 0.01],
    ]) {
      const nStar = c3dNStar(m, sigma, c);
      expectExact(c3dPenaltyAt(0, m, sigma, c), sigma * Math.sqrt(c * m));
      // continuity at 0⁺ (the Z′ benefit vanishes like sqrt(n)): errors shrink towards 0
      const errs = [1e-4, 1e-8, 1e-12, 1e-16].map((f) => Math.abs(c3dPenaltyAt(f * nStar, m, sigma, c) / ((sigma * sigma) / nStar) - 1));
      for (let i = 1; i < errs.length; i++) expect(errs[i]).to.be.lessThan(errs[i - 1]);
      expect(errs[errs.length - 1]).to.be.lessThan(1e-6);
    }
    expectExact(c3dPenaltyAt(0, 100, 1, 1e-4), 0.1);
  });

  describe('item 12: R_∞ at (m, n), σ = 1, c = 1e-4', () => {
    // Reading: n is the agent's own collection n_i, the others play s* with n* = σ/sqrt(cm)
    // (n* = 20 for m = 25, 10 for m = 100), α = A_m sqrt(n*). This reading reproduces all five values.
    const rows: [number, number, string][] = [
      [25, 10, '0.0070969'],
      [25, 20, '0.0053815'],
      [25, 40, '0.0042112'],
      [100, 5, '0.0038573'],
      [100, 20, '0.0023765'],
    ];

    it('R_∞(n) = c3dRisk(nx = n, nz = n*, nz′ = (m−2)n*)', () => {
      for (const [m, n, r] of rows) {
        const nStar = c3dNStar(m, 1, 1e-4);
        const R = c3dRisk({ sigma: 1, alpha: c3dAlpha(m, 1, 1e-4), nx: n, nz: nStar, nzp: (m - 2) * nStar });
        expectOracle(R, r, `(m, n) = (${m}, ${n})`);
        expectRel(c3dPenaltyAt(n, m, 1, 1e-4) - 1e-4 * n, R, 1e-14);
      }
    });

    it('the alternative reading "n = n* with c chosen accordingly" does not reproduce them', () => {
      // R at n = n* scales as σ²/n*: (100, 5) would be 2 × R(100, 10) = 0.0058152, not 0.0038573.
      const r10 = c3dEquilibrium(100, 1, 1e-4).risk;
      expect(Math.abs(2 * r10 - 0.0038573)).to.be.greaterThan(1e-3);
    });
  });

  it('§3 reference point σ = 1, c = 1e-4, m = 100', () => {
    expectExact(soloN(1, 1e-4), 100);
    expectExact(soloPenalty(1, 1e-4), 0.02);
    expectRel(globalN(100, 1, 1e-4), 10, 1e-14);
    expectRel(poolCompliantPenalty(100, 1, 1e-4), 0.002, 1e-14);
    expectRel(globalMinimum(100, 1, 1e-4), 0.2, 1e-14);
    expectOracle(poolFreeRide(100, 1, 1e-4), '0.0010101', 'D1 free-rider');
    expectRel(poolFreeRide(100, 1, 1e-4), 1 / 990, 1e-13);
    expectRel(poolEquilibriumSocial(100, 1, 1e-4), 1.01, 1e-14);
    const e = c3dEquilibrium(100, 1, 1e-4);
    expectOracle(c3dAlpha(100, 1, 1e-4), '3.304700797', 'α');
    expectOracle(e.alpha, '3.304700797', 'α (equilibrium)');
    expectOracle(e.risk, '0.0029076048', 'R_∞(n*)');
    expectOracle(c3dPenaltyAt(10, 100, 1, 1e-4) - 1e-3, '0.0029076048', 'R_∞(n*) direct');
    expectOracle(e.agentPenalty, '0.0039076048', 'q(n*)');
    expectOracle(e.ratio, '1.953802387', 'P/2σ sqrt(mc)');
    expectRel(c3dPenaltyAt(0, 100, 1, 1e-4), 0.1, 1e-14);
  });
});
