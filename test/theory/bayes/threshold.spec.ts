/**
 * Virtual values and thresholds (src/theory/bayes/virtual-value.ts, threshold.ts): oracle 3 of
 * spec/004 §7 against bisection on φ built from numeric derivatives of the matrix value; the
 * uniform closed forms against the generic root (1e-9); the approximate threshold g⁻¹(S)
 * (seed 004, B.25–B.27); W1–W3; a non-uniform (truncated-exponential) prior.
 */
import { expect } from 'chai';
import { gInverse, Y } from '../../../src/theory/bayes/approx.js';
import { makePrior, uniformPrior } from '../../../src/theory/bayes/priors.js';
import { quoteOfStat, thresholdOfStat, thresholdQuote } from '../../../src/theory/bayes/threshold.js';
import { priceExact, thresholdExact } from '../../../src/theory/bayes/uniform.js';
import { valueApproxOfS, valueMatrix } from '../../../src/theory/bayes/value.js';
import { virtualValue, virtualValueOfStat } from '../../../src/theory/bayes/virtual-value.js';
import { R3 } from './helpers.js';

const U10 = uniformPrior(0, 10);

describe('bayes/threshold: exact model', () => {
  it('oracle 3: thresholds (2.0615473, 2.1357809, 2.2540852) and prices (0.7025179, 0.7013630, 0.6994926)', () => {
    const q = [2, 3, 5];
    const th = [2.0615473, 2.1357809, 2.2540852];
    const pr = [0.7025179, 0.701363, 0.6994926];
    for (let i = 0; i < 3; i++) {
      const t = thresholdQuote('exact', R3, U10, i, q);
      expect(t.threshold).to.be.closeTo(th[i], 1e-7);
      expect(t.price).to.be.closeTo(pr[i], 1e-7);
      expect(t.corner).to.equal(false);
    }
  });
  it('oracle 3: the same thresholds by bisection on φ from numeric derivatives of the matrix value (A.1)', () => {
    const q = [2, 3, 5];
    for (let i = 0; i < 3; i++) {
      const v = (x: number) => valueMatrix(R3, i, q.map((y, j) => (j === i ? x : y)));
      const h = 1e-5;
      const phi = (x: number) => v(x) - ((v(x + h) - v(x - h)) / (2 * h)) * (10 - x); // seed 004, eq. (3)
      let a = 0.01;
      let b = 10;
      expect(phi(a)).to.be.lessThan(0);
      for (let it = 0; it < 60; it++) {
        const m = 0.5 * (a + b);
        if (phi(m) < 0) a = m;
        else b = m;
      }
      const t = thresholdQuote('exact', R3, U10, i, q);
      expect(t.threshold).to.be.closeTo(0.5 * (a + b), 1e-7);
      expect(t.price).to.be.closeTo(v(0.5 * (a + b)), 1e-7);
      // and φ from the closed-form derivative vanishes there
      expect(virtualValue('exact', R3, i, q.map((y, j) => (j === i ? t.threshold : y)), U10)).to.be.closeTo(0, 1e-14);
    }
  });
  it('uniform closed form == generic root of φ (1e-9), interior and corner, a ≥ 0', () => {
    for (const [a, Q] of [[0, 10], [0, 16], [1, 10], [3, 8], [0, 4]]) {
      const prior = uniformPrior(a, Q);
      for (let rho = 0; rho < 0.96; rho += 0.05) {
        const closed = quoteOfStat('exact', rho, prior);
        const root = quoteOfStat('exact', rho, prior, { closedForm: false });
        expect(root.threshold).to.be.closeTo(closed.threshold, 1e-9);
        expect(root.price).to.be.closeTo(closed.price, 1e-9);
        expect(closed.threshold).to.equal(thresholdExact(rho, Q, a));
        expect(closed.price).to.be.closeTo(priceExact(rho, Q, a), 1e-15);
        expect(root.corner).to.equal(closed.corner);
      }
    }
  });
  it('W1/W2: Q = 10, ρ = 0 → √11 − 1; ρ = 0.1 → 20/9 at price 0.7; Q = 8 → 2 at 2/3', () => {
    expect(thresholdOfStat('exact', 0, U10)).to.be.closeTo(Math.sqrt(11) - 1, 1e-14);
    expect(quoteOfStat('exact', 0.1, U10).price).to.be.closeTo(0.7, 1e-14);
    expect(quoteOfStat('exact', 0.1, U10, { closedForm: false }).threshold).to.be.closeTo(20 / 9, 1e-12);
    expect(quoteOfStat('exact', 0, uniformPrior(0, 8), { closedForm: false }).price).to.be.closeTo(2 / 3, 1e-12);
  });
  it('W3 exact column: q̄(S) for S = 0.2, 1/3', () => {
    expect(thresholdOfStat('exact', 0.2, U10)).to.be.closeTo(2.104102, 1e-6);
    expect(thresholdOfStat('exact', 1 / 3, U10)).to.be.closeTo(1.891165, 1e-6);
  });
  it('corner: φ ≥ 0 on the whole support gives q̄ = low and p = v(low) (= ρ for low = 0)', () => {
    const t = quoteOfStat('exact', 0.8, U10, { closedForm: false });
    expect(t.threshold).to.equal(0);
    expect(t.corner).to.equal(true);
    expect(t.price).to.be.closeTo(0.8, 1e-15);
  });
});

describe('bayes/threshold: approximate model (seed 004, B.25–B.27)', () => {
  it('Unif[0, Q]: q̄ = g⁻¹(S), p = v̂(q̄), and p(Q − q̄)/Q = Y(S); W3 g⁻¹ column', () => {
    for (const Q of [8, 10, 16, 25]) {
      const prior = uniformPrior(0, Q);
      for (const S of [0, 0.05, 0.1, 0.2, 0.3, 1 / 3]) {
        const t = quoteOfStat('approx', S, prior);
        expect(t.threshold).to.be.closeTo(gInverse(S, Q), 1e-12);
        expect(t.price).to.be.closeTo(valueApproxOfS(S, t.threshold), 1e-15);
        expect((t.price * (Q - t.threshold)) / Q).to.be.closeTo(Y(S, Q), 1e-12);
      }
    }
    expect(thresholdOfStat('approx', 0.1, U10)).to.be.closeTo(2.227757, 1e-6);
    expect(thresholdOfStat('approx', 0.2, U10)).to.be.closeTo(2.129544, 1e-6);
  });
  it('closed form (g) == generic root of φ̂ (1e-9), including a > 0 and the corner S ≥ g(0)', () => {
    for (const [a, Q] of [[0, 10], [0, 16], [1, 10], [2, 16], [3, 8]]) {
      const prior = uniformPrior(a, Q);
      for (const S of [0, 0.05, 0.1, 0.2, 1 / 3, 0.45, 0.6]) {
        const closed = thresholdOfStat('approx', S, prior);
        const root = thresholdOfStat('approx', S, prior, { closedForm: false });
        expect(root).to.be.closeTo(closed, 1e-9);
        if (root > a) expect(virtualValueOfStat('approx', S, root, prior)).to.be.closeTo(0, 1e-12);
      }
    }
  });
  it('φ̂ (B.12) = [q/(1+q) − (Q−q)/(1+q)²] + [1/(1+q)² + 2(Q−q)/(1+q)³]S', () => {
    for (const [S, q] of [[0.1, 1], [0.3, 4], [0, 2.5]]) {
      const want = q / (1 + q) - (10 - q) / (1 + q) ** 2 + (1 / (1 + q) ** 2 + (2 * (10 - q)) / (1 + q) ** 3) * S;
      expect(virtualValueOfStat('approx', S, q, U10)).to.be.closeTo(want, 1e-15);
    }
  });
});

describe('bayes/threshold: truncated-exponential prior (root path)', () => {
  const prior = makePrior({ kind: 'truncated-exponential', rate: 0.25, low: 0.5, high: 12 });
  it('φ crosses zero once at q̄ (negative below, non-negative above on a grid)', () => {
    for (const model of ['exact', 'approx'] as const) {
      for (const stat of [0, 0.1, 0.25]) {
        const t = thresholdOfStat(model, stat, prior);
        expect(t).to.be.greaterThan(prior.low);
        expect(virtualValueOfStat(model, stat, t, prior)).to.be.closeTo(0, 1e-12);
        for (let k = 0; k <= 200; k++) {
          const x = prior.low + ((prior.high - prior.low) * k) / 200;
          const phi = virtualValueOfStat(model, stat, x, prior);
          if (x < t - 1e-9) expect(phi).to.be.lessThan(0);
          if (x > t + 1e-9) expect(phi).to.be.greaterThan(0);
        }
      }
    }
  });
  it('the threshold falls as ρ rises (more relevant data)', () => {
    let prev = Infinity;
    for (let rho = 0; rho < 0.6; rho += 0.05) {
      const t = thresholdOfStat('exact', rho, prior);
      expect(t).to.be.lessThan(prev);
      prev = t;
    }
  });
});
