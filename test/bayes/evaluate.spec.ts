/**
 * Ex-post, interim and ex-ante utilities of a report function (src/bayes/evaluate.ts): the W4
 * misreport table of spec/004 §4 (oracle 10), the closed-form misreport value against the matrix
 * formula, agreement with outcome(), and the quadrature against expectedOutcome.
 */
import { expect } from 'chai';
import { exAnteGain, exPostGain, ExPostEvaluator, exPostUtility, interimGain, valueOwnMisreport } from '../../src/bayes/evaluate.js';
import { SEARCH_MECHANISM_NAMES, searchMechanismByName } from '../../src/bayes/mechanisms.js';
import { bayesInfoOf, bindReportStrategy } from '../../src/bayes/strategy.js';
import { expectedOutcome } from '../../src/theory/bayes/expected.js';
import { outcome, thresholdPricing } from '../../src/theory/bayes/mechanisms.js';
import { uniformPrior } from '../../src/theory/bayes/priors.js';
import { valueMisreport } from '../../src/theory/bayes/value.js';
import { builtinReportStrategies } from '../../strategies/bayes/index.js';
import { expectInputError, mulberry32, Q4, randomCorrelation, STAR, W4 } from './helpers.js';

const fam = (name: string) => builtinReportStrategies.find((p) => p.name === name)!;

describe('bayes/evaluate: W4 misreports (spec/004 §4, oracle 10)', () => {
  it('agent 1 (index 0): truthful U = 0.1043478 beats q̂ ∈ {2, 2.3, 3, 8} (U = 0, 0.0908492, 0.1011322, 0.0938727)', () => {
    const truthful = exPostUtility(thresholdPricing, W4, 0, Q4, 4);
    expect(truthful).to.be.closeTo(0.1043478, 1e-6);
    for (const [r, u] of [[2, 0], [2.3, 0.0908492], [3, 0.1011322], [8, 0.0938727]]) {
      const viaReport = exPostUtility(thresholdPricing, W4, 0, Q4, r);
      expect(viaReport).to.be.closeTo(u, 1e-6);
      expect(viaReport).to.be.below(truthful);
      // The same through the `constant` report function.
      const g = exPostGain(thresholdPricing, W4, Q4, bindReportStrategy(fam('constant'), { value: r }, bayesInfoOf(W4, 0)));
      expect(g.report).to.equal(r);
      expect(g.truthful).to.be.closeTo(0.1043478, 1e-6);
      expect(g.deviation).to.be.closeTo(u, 1e-6);
      expect(g.gain).to.be.below(0);
    }
  });

  it("agent 2 (index 1): q̂ = 3 is allocated at 0.7018576 with v = 0.1833910, U = −0.5184666; truthful U = 0", () => {
    expect(exPostUtility(thresholdPricing, W4, 1, Q4, Q4[1])).to.equal(0);
    expect(exPostUtility(thresholdPricing, W4, 1, Q4, 3)).to.be.closeTo(-0.5184666, 1e-6);
    expect(valueOwnMisreport(W4.correlation, 1, Q4, 3)).to.be.closeTo(0.183391, 1e-6);
    expect(valueOwnMisreport(W4.correlation, 1, Q4, 1)).to.be.closeTo(0.4567901, 1e-6);
    expect(valueOwnMisreport(W4.correlation, 1, Q4, 0.3)).to.be.closeTo(0.4235172, 1e-6);
  });
});

describe('bayes/evaluate: closed forms against the matrices and outcome()', () => {
  it('v_i(q, q̂) = v_i(q̂) + k_i²(1/q̂_i − 1/q_i) equals valueMisreport (matrix) for random n ≤ 5', () => {
    const rand = mulberry32(4);
    for (let rep = 0; rep < 60; rep++) {
      const n = 2 + (rep % 4);
      const R = randomCorrelation(n, rand, 0.9);
      const q = Array.from({ length: n }, () => 10 * rand());
      const i = rep % n;
      const r = rep % 7 === 0 ? 0 : 10 * rand();
      const qHat = q.map((x, j) => (j === i ? r : x));
      expect(valueOwnMisreport(R, i, q, r)).to.be.closeTo(valueMisreport(R, i, q, qHat), 1e-12);
    }
    // True quality 0 with positive weight: −∞, as the matrix formula.
    expect(valueOwnMisreport(W4.correlation, 0, [0, 1], 2)).to.equal(Number.NEGATIVE_INFINITY);
    expect(valueMisreport(W4.correlation, 0, [0, 1], [2, 1])).to.equal(Number.NEGATIVE_INFINITY);
  });

  it('exPostUtility equals outcome(mech, R, priors, q, q̂).agents[i].utility for every searchable mechanism', () => {
    const rand = mulberry32(9);
    for (const name of SEARCH_MECHANISM_NAMES) {
      const mech = searchMechanismByName(name);
      for (let rep = 0; rep < 20; rep++) {
        const game = rep % 2 ? STAR : W4;
        const n = game.correlation.length;
        const q = Array.from({ length: n }, () => 10 * rand());
        const i = rep % n;
        const r = 10 * rand();
        const qHat = q.map((x, j) => (j === i ? r : x));
        const o = outcome(mech, game.correlation, game.priors, q, qHat, game.model);
        expect(exPostUtility(mech, game, i, q, r), `${name} rep ${rep}`).to.be.closeTo(o.agents[i].utility, 1e-12);
        expect(exPostUtility(mech, game, i, q, q[i])).to.be.closeTo(outcome(mech, game.correlation, game.priors, q, q, game.model).agents[i].utility, 1e-12);
        // The cached fast path (posted computed once per q_{−i} when the mechanism ignores qHat[i]).
        const ev = new ExPostEvaluator(mech, game, i);
        expect(ev.at(q)(r)).to.equal(ev.utility(q, r));
        expect(ev.givenOthers(q).allocated(r)).to.equal(o.agents[i].allocated);
      }
    }
  });
});

describe('bayes/evaluate: expectations over the priors', () => {
  it('ex ante, truthful: equals expectedOutcome (W4 and the star; quadrature)', () => {
    for (const game of [W4, STAR]) {
      const e = expectedOutcome(thresholdPricing, game.correlation, game.priors);
      for (let i = 0; i < game.correlation.length; i++) {
        const g = exAnteGain(thresholdPricing, game, bindReportStrategy(fam('truthful'), {}, bayesInfoOf(game, i)));
        expect(g.method).to.equal('quadrature');
        expect(g.truthful).to.be.closeTo(e.agents[i].utility, 1e-6);
        expect(g.deviation).to.equal(g.truthful);
        expect(g.gain).to.equal(0);
      }
    }
  });

  it('ex ante: shading loses under threshold pricing; a constant report diverges to −∞ (types near 0 get v → −∞)', () => {
    const info = bayesInfoOf(W4, 0);
    const shade = exAnteGain(thresholdPricing, W4, bindReportStrategy(fam('shade'), { factor: 0.8 }, info));
    expect(shade.gain).to.be.below(0);
    expect(shade.gain).to.be.above(-0.1);
    expect(exAnteGain(thresholdPricing, W4, bindReportStrategy(fam('constant'), { value: 3 }, info)).gain).to.equal(Number.NEGATIVE_INFINITY);
  });

  it('ex ante: Monte Carlo beyond maxQuadratureDim agrees with quadrature', () => {
    const s = bindReportStrategy(fam('shade'), { factor: 0.8 }, bayesInfoOf(STAR, 0));
    const quad = exAnteGain(thresholdPricing, STAR, s);
    const mc = exAnteGain(thresholdPricing, STAR, s, { maxQuadratureDim: 1, samples: 3000 });
    expect(mc.method).to.equal('montecarlo');
    expect(mc.standardErrors).to.have.length(3);
    expect(Math.abs(mc.gain - quad.gain)).to.be.below(4 * mc.standardErrors![2] + 1e-4);
  });

  it('interim: for type q_i = 4 the W4 misreports lose in expectation over q_2', () => {
    const info = bayesInfoOf(W4, 0);
    for (const r of [2, 2.3, 3, 8]) {
      const g = interimGain(thresholdPricing, W4, 4, bindReportStrategy(fam('constant'), { value: r }, info));
      expect(g.gain).to.be.below(0);
    }
    const t = interimGain(thresholdPricing, W4, 4, bindReportStrategy(fam('truthful'), {}, info));
    expect(t.gain).to.equal(0);
    expect(t.truthful).to.be.above(0); // interim IR   (seed 004, (A.4))
  });

  it('rejects bad input naming it', () => {
    expectInputError(() => exPostUtility(thresholdPricing, W4, 2, Q4, 1), 'agent');
    expectInputError(() => exPostUtility(thresholdPricing, W4, 0, [1, 2, 3], 1), 'q');
    expectInputError(() => exPostUtility(thresholdPricing, W4, 0, [1, -2], 1), 'q[1]');
    expectInputError(() => exPostUtility(thresholdPricing, W4, 0, Q4, NaN), 'report');
    expectInputError(() => exPostUtility(thresholdPricing, { ...W4, priors: [uniformPrior(0, 10)] }, 0, Q4, 1), 'priors');
  });
});
