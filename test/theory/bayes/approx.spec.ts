/**
 * The paper's ε-approximate mechanism for Unif[0, Q] (src/theory/bayes/approx.ts; seed 004
 * B.25–B.28, B.37, Lemma C.2, Prop A.2, Cor A.1): oracles 7–9 of spec/004 §7 and the W3 table.
 */
import { expect } from 'chai';
import { g, gInverse, H, K, lambdaConstants, Y } from '../../../src/theory/bayes/approx.js';
import { gaussLegendre } from '../../../src/theory/bayes/gauss-legendre.js';
import { expectedPaymentExact, rentExact, thresholdExact } from '../../../src/theory/bayes/uniform.js';
import { expectInputError } from './helpers.js';

const grid = (a: number, b: number, k: number) => Array.from({ length: k + 1 }, (_, j) => a + ((b - a) * j) / k);

describe('bayes/approx: g, g⁻¹, Y, H, 𝒦 (spec/004 §2.3)', () => {
  it('oracle 7: g(√(1+Q) − 1) = 0, g⁻¹(0) = √(1+Q) − 1, g(g⁻¹(S)) = S', () => {
    for (const Q of [5, 8, 10, 16, 25]) {
      const top = Math.sqrt(1 + Q) - 1;
      expect(g(top, Q)).to.be.closeTo(0, 1e-14);
      expect(gInverse(0, Q)).to.equal(top);
      for (const S of grid(0, 1 / 3, 12)) expect(g(gInverse(S, Q), Q)).to.be.closeTo(S, 1e-14);
    }
  });
  it('oracle 7 / Lemma C.2(i): for Q > 4, g⁻¹ is decreasing on [0, 1/3] with values in [√Q − 2, √(1+Q) − 1]', () => {
    for (const Q of [4.5, 5, 8, 10, 16, 25, 100]) {
      let prev = Infinity;
      for (const S of grid(0, 1 / 3, 40)) {
        const x = gInverse(S, Q);
        expect(x).to.be.lessThan(prev);
        expect(x).to.be.at.least(Math.sqrt(Q) - 2);
        expect(x).to.be.at.most(Math.sqrt(1 + Q) - 1 + 1e-15);
        prev = x;
      }
    }
  });
  it('oracle 7 / Lemma C.2(ii)–(iii): H is increasing on [0, 1/3] (Q > 4), Y too for Q > 16', () => {
    for (const Q of [5, 8, 10, 16, 17, 25, 100]) {
      let pH = -Infinity;
      let pY = -Infinity;
      for (const S of grid(0, 1 / 3, 40)) {
        const h = H(S, Q);
        expect(h).to.be.greaterThan(pH);
        pH = h;
        if (Q > 16) {
          const y = Y(S, Q);
          expect(y).to.be.greaterThan(pY);
          pY = y;
        }
      }
    }
  });
  it('W3 table, Q = 10: exact q̄ vs g⁻¹(S), exact E p vs Y(S), exact h vs H(S)', () => {
    const rows: [number, number, number, number, number, number, number][] = [
      [0, 2.316625, 2.316625, 0.536675, 0.536675, 1.117677, 1.117677],
      [0.1, 2.222222, 2.227757, 0.544444, 0.54389, 1.129361, 1.129121],
      [0.2, 2.104102, 2.129544, 0.55418, 0.551629, 1.143918, 1.142887],
      [1 / 3, 1.891165, 1.978457, 0.571767, 0.562976, 1.169991, 1.166902],
    ];
    for (const [S, qbar, gi, ep, y, h, hh] of rows) {
      expect(thresholdExact(S, 10, 0)).to.be.closeTo(qbar, 1e-6);
      expect(gInverse(S, 10)).to.be.closeTo(gi, 1e-6);
      expect(expectedPaymentExact(S, 10, 0)).to.be.closeTo(ep, 1e-6);
      expect(Y(S, 10)).to.be.closeTo(y, 1e-6);
      expect(rentExact(S, 10)).to.be.closeTo(h, 1e-6);
      expect(H(S, 10)).to.be.closeTo(hh, 1e-6);
      // exact threshold below g⁻¹, exact payment and rent above (spec/004 §2.3)
      if (S > 0) {
        expect(thresholdExact(S, 10, 0)).to.be.lessThan(gInverse(S, 10));
        expect(expectedPaymentExact(S, 10, 0)).to.be.greaterThan(Y(S, 10));
        expect(rentExact(S, 10)).to.be.greaterThan(H(S, 10));
      }
    }
  });
  it('W3: Q = 16, g⁻¹(1/3) = 2.786892 and exact q̄(1/3) = 2.683300, both ≥ √Q − 2; Q = 8, g⁻¹(0.1) = 1.912378', () => {
    expect(gInverse(1 / 3, 16)).to.be.closeTo(2.786892, 1e-6);
    expect(thresholdExact(1 / 3, 16, 0)).to.be.closeTo(2.6833, 1e-6);
    expect(gInverse(0.1, 8)).to.be.closeTo(1.912378, 1e-6);
  });
  it('oracle 8: 𝒦(q) = Y(g(q)) on the falling branch of g', () => {
    for (const Q of [8, 10, 16, 25]) {
      for (const S of grid(0, 1 / 3, 10).slice(1)) {
        const q = gInverse(S, Q);
        expect(K(q, Q)).to.be.closeTo(Y(g(q, Q), Q), 1e-13);
      }
      expect(K(Math.sqrt(1 + Q) - 1, Q)).to.be.closeTo(Y(0, Q), 1e-14);
    }
  });
  it('oracle 9: λ constants of W1 (Q = 10, 16) and their match with finite differences of Y and H at 0', () => {
    const L10 = lambdaConstants(10);
    expect(L10.lambda0).to.be.closeTo(0.536675, 1e-6);
    expect(L10.lambdaHat1).to.be.closeTo(0.0698489, 1e-7);
    expect(L10.lambda1).to.be.closeTo(0.0530998, 1e-7);
    expect(L10.lambdaPP0).to.be.closeTo(0.1117677, 1e-7);
    expect(L10.lambdaPP1).to.be.closeTo(0.0105301, 1e-7);
    const L16 = lambdaConstants(16);
    expect(L16.lambda0).to.be.closeTo(0.6096118, 1e-7);
    expect(L16.lambdaHat1).to.be.closeTo(0.0473415, 1e-7);
    expect(L16.lambda1).to.be.closeTo(0.0389585, 1e-7);
    for (const Q of [8, 10, 16, 25]) {
      const L = lambdaConstants(Q);
      const h = 1e-4;
      // one-sided second-order differences (Y, H defined for S ≥ 0)
      const d = (f: (s: number) => number) => (-3 * f(0) + 4 * f(h) - f(2 * h)) / (2 * h);
      expect(Y(0, Q)).to.be.closeTo(L.lambda0, 1e-14);
      expect(d((s) => Y(s, Q))).to.be.closeTo(L.lambdaHat1, 1e-7);
      expect(H(0, Q) / Q).to.be.closeTo(L.lambdaPP0, 1e-14);
      expect(d((s) => H(s, Q)) / Q).to.be.closeTo(L.lambdaPP1, 1e-7);
    }
  });
  it('oracle 9: λ_1 = λ̂_1 E[α] — E_{q_j~U[0,Q]}[Y(σ²α_j)] = λ_0 + λ_1σ² + O(σ⁴) (Prop A.2(ii), n = 2)', () => {
    const { nodes, weights } = gaussLegendre(64);
    for (const Q of [10, 16]) {
      const L = lambdaConstants(Q);
      const EY = (s2: number) => {
        let s = 0;
        for (let k = 0; k < nodes.length; k++) {
          const q = (Q / 2) * (1 + nodes[k]);
          s += weights[k] * Y(s2 * (q / (1 + q)), Q);
        }
        return s / 2;
      };
      // Richardson on slopes at σ² = 1e-3 and 2e-3 removes the O(σ²) term of the slope.
      const s1 = (EY(1e-3) - L.lambda0) / 1e-3;
      const s2 = (EY(2e-3) - L.lambda0) / 2e-3;
      expect(2 * s1 - s2).to.be.closeTo(L.lambda1, 1e-7);
    }
  });
  it('g⁻¹ rejects S outside [0, g(0)]', () => {
    expectInputError(() => gInverse(-0.01, 10), 'S');
    expectInputError(() => gInverse(10 / 21 + 1e-9, 10), 'S');
    expect(gInverse(10 / 21, 10)).to.be.closeTo(0, 1e-12);
    expectInputError(() => gInverse(0.1, -1), 'Q');
  });
});
