/**
 * The non-IC foil `pay-as-reported` (src/theory/bayes/mechanisms.ts): Algorithm 1's threshold, price
 * v_i(q̂_i, q̂_{−i}) at the own report. Truthful U = 0; shading to the threshold pays
 * gain = k²(1/q̂ − 1/q) = w²q̂(q − q̂)/(q(1 + wq̂)²)   [derived, src/bayes/evaluate.ts].
 */
import { expect } from 'chai';
import { exPostUtility, valueOwnMisreport } from '../../src/bayes/evaluate.js';
import { rhoExact } from '../../src/theory/bayes/correlation.js';
import { expectedOutcome } from '../../src/theory/bayes/expected.js';
import { MECHANISM_NAMES, outcome, payAsReported, thresholdPricing } from '../../src/theory/bayes/mechanisms.js';
import { expectInputError, mulberry32, Q4, STAR, W4 } from './helpers.js';

/** Shading gain of pay-as-reported when allocated (others truthful)   [derived]. */
const shadeGain = (w: number, q: number, r: number): number => (w * w * r * (q - r)) / (q * (1 + w * r) ** 2);

describe('bayes/pay-as-reported (non-IC baseline)', () => {
  it('posts Algorithm 1’s threshold and charges v_i at the own report; not among the IC MECHANISMS', () => {
    const ctx = { R: W4.correlation, priors: W4.priors, model: W4.model };
    const tp = thresholdPricing.allocate(0, Q4, ctx);
    const pr = payAsReported.allocate(0, Q4, ctx);
    expect(pr.threshold).to.equal(tp.threshold);
    expect(pr.threshold).to.be.closeTo(20 / 9, 1e-12); // spec/004 §4 W4
    expect(pr.price).to.be.closeTo(0.8043478, 1e-7); // v_1(4, 2/3)
    expect(MECHANISM_NAMES as readonly string[]).to.not.include('pay-as-reported');
  });

  it('truthful reporting gives U = 0 ex post (IR binds)', () => {
    const rand = mulberry32(3);
    for (let rep = 0; rep < 30; rep++) {
      const q = [0, 1, 2].map(() => 10 * rand());
      for (const a of outcome(payAsReported, STAR.correlation, STAR.priors, q).agents) expect(a.utility).to.be.closeTo(0, 1e-15);
    }
  });

  it('W4, agent 1 at q = 4: reporting the threshold 20/9 pays 0.7 for v = 0.7888889, gain 4/45 = 0.0888889', () => {
    const o = outcome(payAsReported, W4.correlation, W4.priors, Q4, [20 / 9, 2 / 3]).agents[0];
    expect(o.allocated).to.equal(true);
    expect(o.payment).to.be.closeTo(0.7, 1e-12);
    expect(o.value).to.be.closeTo(0.7 + 4 / 45, 1e-12);
    expect(exPostUtility(payAsReported, W4, 0, Q4, 20 / 9)).to.be.closeTo(4 / 45, 1e-12);
    expect(shadeGain(0.9, 4, 20 / 9)).to.be.closeTo(4 / 45, 1e-15);
    // Below the threshold she is excluded; above it the gain falls (q/(2 + wq) < q̄: the threshold is optimal).
    expect(exPostUtility(payAsReported, W4, 0, Q4, 2.2)).to.equal(0);
    expect(exPostUtility(payAsReported, W4, 0, Q4, 3)).to.be.closeTo(shadeGain(0.9, 4, 3), 1e-12);
    expect(exPostUtility(payAsReported, W4, 0, Q4, 3)).to.be.below(4 / 45);
  });

  it('the shading gain is k²(1/q̂ − 1/q) at random star profiles', () => {
    const rand = mulberry32(5);
    for (let rep = 0; rep < 30; rep++) {
      const q = [0, 1, 2].map(() => 10 * rand());
      const i = rep % 3;
      const r = q[i] * rand();
      const w = 1 - rhoExact(STAR.correlation, i, q);
      const allocated = r >= payAsReported.allocate(i, q, { R: STAR.correlation, priors: STAR.priors, model: 'exact' }).threshold;
      expect(exPostUtility(payAsReported, STAR, i, q, r)).to.be.closeTo(allocated ? shadeGain(w, q[i], r) : 0, 1e-12);
      expect(valueOwnMisreport(STAR.correlation, i, q, r)).to.be.at.most(valueOwnMisreport(STAR.correlation, i, q, q[i]) + 1e-15); // Assumption 1(ii)
    }
  });

  it('expectedOutcome does not apply (its price needs the own report): an InputError, not NaN', () => {
    expectInputError(() => expectedOutcome(payAsReported, W4.correlation, W4.priors), 'qHat[0]');
  });
});
