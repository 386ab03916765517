/**
 * Uniform-prior closed forms of spec/004 §2.2 (src/theory/bayes/uniform.ts): W1, W2 and oracles
 * 4–6 of spec/004 §4/§7, the interior/corner formulas against direct numerical integration, and the
 * comparative statics in ρ.
 */
import { expect } from 'chai';
import {
  allocationProbabilityExact,
  expectedPaymentExact,
  expectedUtilityExact,
  expectedWelfareExact,
  priceExact,
  rentExact,
  thresholdExact,
  uOf,
} from '../../../src/theory/bayes/uniform.js';
import { gaussLegendre } from '../../../src/theory/bayes/gauss-legendre.js';
import { expectInputError } from './helpers.js';

/** ∫_a^b f by a 64-point Gauss–Legendre rule (f smooth on [a, b]). */
function integrate(f: (x: number) => number, a: number, b: number): number {
  const { nodes, weights } = gaussLegendre(64);
  let s = 0;
  for (let k = 0; k < nodes.length; k++) s += weights[k] * f(0.5 * (a + b) + 0.5 * (b - a) * nodes[k]);
  return 0.5 * (b - a) * s;
}

const v = (rho: number, q: number) => 1 - (1 - rho) / (1 + (1 - rho) * q);

describe('bayes/uniform: closed forms (spec/004 §2.2)', () => {
  it('W1, Q = 8 (oracle 5): u = 3, q̄ = 2, p = 2/3, P = 0.75, E p = 0.5, E U = (2 − ln 3)/8, h = 2 − ln 3', () => {
    expect(uOf(0, 8)).to.be.closeTo(3, 1e-15);
    expect(thresholdExact(0, 8, 0)).to.be.closeTo(2, 1e-15);
    expect(priceExact(0, 8, 0)).to.be.closeTo(2 / 3, 1e-15);
    expect(allocationProbabilityExact(0, 8, 0)).to.be.closeTo(0.75, 1e-15);
    expect(expectedPaymentExact(0, 8, 0)).to.be.closeTo(0.5, 1e-15);
    expect(expectedUtilityExact(0, 8, 0)).to.be.closeTo((2 - Math.log(3)) / 8, 1e-15);
    expect(expectedUtilityExact(0, 8, 0)).to.be.closeTo(0.1126735, 1e-7);
    expect(rentExact(0, 8)).to.be.closeTo(0.9013877, 1e-7);
  });
  it('W1, Q = 10 (oracle 4): q̄ = √11 − 1, p = 1 − 1/√11, E p = (12 − 2√11)/10, E U, E v', () => {
    const s = Math.sqrt(11);
    expect(thresholdExact(0, 10, 0)).to.be.closeTo(s - 1, 1e-14);
    expect(thresholdExact(0, 10, 0)).to.be.closeTo(2.3166248, 1e-7);
    expect(priceExact(0, 10, 0)).to.be.closeTo(1 - 1 / s, 1e-15);
    expect(priceExact(0, 10, 0)).to.be.closeTo(0.6984887, 1e-7);
    expect(allocationProbabilityExact(0, 10, 0)).to.be.closeTo(0.7683375, 1e-7);
    expect(expectedPaymentExact(0, 10, 0)).to.be.closeTo((12 - 2 * s) / 10, 1e-15);
    expect(expectedPaymentExact(0, 10, 0)).to.be.closeTo(0.536675, 1e-7);
    expect(expectedUtilityExact(0, 10, 0)).to.be.closeTo(0.1117677, 1e-7);
    // E v over Unif[0,10] = 1 − ln 11/10 (full allocation welfare): welfare with threshold 0
    expect(integrate((q) => v(0, q), 0, 10) / 10).to.be.closeTo(0.7602105, 1e-7);
    // oracle 4: E p = ∫_{q̄}^{10} φ dq/10 (revenue = E[φ⁺])
    const phi = (q: number) => v(0, q) - (10 - q) / ((1 + q) * (1 + q));
    expect(integrate(phi, s - 1, 10) / 10).to.be.closeTo((12 - 2 * s) / 10, 1e-13);
  });
  it('W1, Q = 16 and 25', () => {
    expect(thresholdExact(0, 16, 0)).to.be.closeTo(3.1231056, 1e-7);
    expect(priceExact(0, 16, 0)).to.be.closeTo(0.7574643, 1e-7);
    expect(expectedPaymentExact(0, 16, 0)).to.be.closeTo(0.6096118, 1e-7);
    expect(rentExact(0, 16)).to.be.closeTo(1.706499, 1e-7);
    expect(thresholdExact(0, 25, 0)).to.be.closeTo(4.0990195, 1e-7);
    expect(rentExact(0, 25)).to.be.closeTo(2.4699712, 1e-7);
  });
  it('W2 (oracle 6), Q = 10, ρ = 0.1: u = 10/3, q̄ = 20/9, p = 0.7, P = 7/9, E p = 49/90, E U', () => {
    expect(uOf(0.1, 10)).to.be.closeTo(10 / 3, 1e-14);
    expect(thresholdExact(0.1, 10, 0)).to.be.closeTo(20 / 9, 1e-14);
    expect(priceExact(0.1, 10, 0)).to.be.closeTo(0.7, 1e-14);
    expect(allocationProbabilityExact(0.1, 10, 0)).to.be.closeTo(7 / 9, 1e-14);
    expect(expectedPaymentExact(0.1, 10, 0)).to.be.closeTo(49 / 90, 1e-14);
    expect(expectedUtilityExact(0.1, 10, 0)).to.be.closeTo((7 / 3 - Math.log(10 / 3)) / 10, 1e-14);
    expect(expectedUtilityExact(0.1, 10, 0)).to.be.closeTo(0.1129361, 1e-7);
  });
  it('interior: p = 1 − 1/u, E p = (u−1)²/(Q−a), E U = h/(Q−a), welfare = (u² − u − ln u)/(Q−a), P = u(u−1)/(Q−a)', () => {
    for (const [rho, Q, a] of [[0, 10, 0], [0.3, 10, 1], [0.5, 16, 0.5], [0.2, 25, 2]]) {
      const u = uOf(rho, Q);
      expect(thresholdExact(rho, Q, a)).to.be.greaterThan(a);
      expect(priceExact(rho, Q, a)).to.be.closeTo(1 - 1 / u, 1e-14);
      expect(expectedPaymentExact(rho, Q, a)).to.be.closeTo((u - 1) ** 2 / (Q - a), 1e-14);
      expect(expectedUtilityExact(rho, Q, a)).to.be.closeTo(rentExact(rho, Q) / (Q - a), 1e-14);
      expect(expectedWelfareExact(rho, Q, a)).to.be.closeTo((u * u - u - Math.log(u)) / (Q - a), 1e-13);
      expect(allocationProbabilityExact(rho, Q, a)).to.be.closeTo((u * (u - 1)) / (Q - a), 1e-13);
    }
  });
  it('general formulas (interior or corner) equal direct integration of v(q) − p over [q̄, Q]', () => {
    for (const [rho, Q, a] of [[0.1, 10, 0], [0.8, 10, 0], [0.75, 10, 0.2], [0.3, 8, 3], [0.95, 16, 0]]) {
      const t = thresholdExact(rho, Q, a);
      const p = priceExact(rho, Q, a);
      expect(p).to.be.closeTo(v(rho, t), 1e-15);
      expect(expectedUtilityExact(rho, Q, a)).to.be.closeTo(integrate((q) => v(rho, q) - p, t, Q) / (Q - a), 1e-13);
      expect(expectedPaymentExact(rho, Q, a)).to.be.closeTo((p * (Q - t)) / (Q - a), 1e-15);
    }
  });
  it('corner: q̄ = a iff w < (√(1+4Q) − 1)/(2Q) for a = 0 (0.2701562 at Q = 10); p = ρ there', () => {
    const wStar = (Math.sqrt(41) - 1) / 20;
    expect(wStar).to.be.closeTo(0.2701562, 1e-7);
    expect(thresholdExact(1 - wStar + 1e-9, 10, 0)).to.equal(0);
    expect(thresholdExact(1 - wStar - 1e-9, 10, 0)).to.be.greaterThan(0);
    expect(thresholdExact(1 - wStar, 10, 0)).to.be.closeTo(0, 1e-12);
    expect(priceExact(0.8, 10, 0)).to.be.closeTo(0.8, 1e-15);
    // corner with a > 0: p = 1 − w/(1 + wa)
    expect(thresholdExact(0.3, 8, 3)).to.equal(3);
    expect(priceExact(0.3, 8, 3)).to.be.closeTo(1 - 0.7 / 3.1, 1e-15);
  });
  it('more relevant data: threshold falls, price, E p and E U rise in ρ (spec/004 §2.2)', () => {
    let prev = [Infinity, -Infinity, -Infinity, -Infinity];
    for (let rho = 0; rho < 0.72; rho += 0.02) {
      const cur = [thresholdExact(rho, 10, 0), priceExact(rho, 10, 0), expectedPaymentExact(rho, 10, 0), rentExact(rho, 10)];
      expect(cur[0]).to.be.lessThan(prev[0]);
      expect(cur[1]).to.be.greaterThan(prev[1]);
      expect(cur[2]).to.be.greaterThan(prev[2]);
      expect(cur[3]).to.be.greaterThan(prev[3]);
      prev = cur;
    }
  });
  it('rejects bad arguments naming them', () => {
    expectInputError(() => uOf(1, 10), 'rho');
    expectInputError(() => thresholdExact(-0.1, 10, 0), 'rho');
    expectInputError(() => priceExact(0.1, 10, -1), 'a');
    expectInputError(() => expectedPaymentExact(0.1, 2, 3), 'Q');
    expectInputError(() => rentExact(0.1, Infinity), 'Q');
  });
});
