/**
 * spec/004 W10 (free sharing, seed 004 Prop C.1) against the mechanism: decreasing best responses and
 * the equilibrium 0.47850827 at r = 0.5; the increasing-differences check passes for threshold
 * pricing and reports a violation for free sharing; spec/004 §7 oracle 15: no BR exceeds √Q − 2
 * when c(√Q − 2) ≥ 1, even when the search runs far beyond the box.
 */
import { expect } from 'chai';
import { bestResponse, bracketEquilibria, checkIncreasingDifferences, makeEffortGame } from '../../src/effort/index.js';
import { expectOracle } from '../theory/oracle.js';
import { Q, game, kinked, pair, star } from './helpers.js';

describe('effort game W10 (free sharing vs the mechanism)', () => {
  it('r = 0: BR_free ≡ 0.5077112932, which is the equilibrium', () => {
    const g = game(pair(0), 'exact', { mechanism: 'free-sharing' });
    for (const ej of [0, 1, 2]) expectOracle(bestResponse(g, 0, [0, ej]).e, '0.5077112932', `BR_free(${ej})`);
    const b = bracketEquilibria(g);
    for (const x of b.highest!) expectOracle(x, '0.5077112932', 'equilibrium');
  });

  it('r = 0.5: BR_free(0) > BR_free(1) > BR_free(2) (submodular) and the equilibrium 0.47850827', () => {
    const g = game(pair(0.5), 'exact', { mechanism: 'free-sharing' });
    const brs = [0, 1, 2].map((ej) => bestResponse(g, 0, [0, ej]).e);
    ['0.4792641039', '0.4779332700', '0.4771844107'].forEach((p, k) => expectOracle(brs[k], p, `BR_free(${k})`));
    expect(brs[0]).to.be.greaterThan(brs[1]);
    expect(brs[1]).to.be.greaterThan(brs[2]);
    const b = bracketEquilibria(g);
    expect(b.converged).to.deep.equal({ top: true, bottom: true });
    for (const x of [...b.highest!, ...b.lowest!]) expectOracle(x, '0.47850827', 'free-sharing equilibrium');
    // a submodular game's best-response path oscillates rather than descending monotonically
    expect(b.monotone.top).to.equal(false);
  });

  it('approx model (v̂ of (A.5)): free-sharing best responses also decrease in e_j', () => {
    const g = game(pair(0.5), 'approx', { mechanism: 'free-sharing' });
    const brs = [0, 1, 2].map((ej) => bestResponse(g, 0, [0, ej]).e);
    expect(brs[0]).to.be.greaterThan(brs[1]);
    expect(brs[1]).to.be.greaterThan(brs[2]);
  });

  it('increasing differences: pass for threshold pricing (weak O(σ²) complementarity), violation for free sharing', () => {
    for (const model of ['exact', 'approx'] as const) {
      for (const R of [pair(0.3), pair(0.5), star(0.4)]) {
        const mech = checkIncreasingDifferences(game(R, model));
        expect(mech.pass, `${model} ${JSON.stringify(R)}`).to.equal(true);
        expect(mech.worstViolation).to.equal(0);
        expect(mech.minMargin).to.be.at.least(0);
        const free = checkIncreasingDifferences(game(R, model, { mechanism: 'free-sharing' }));
        expect(free.pass).to.equal(false);
        expect(free.worstViolation).to.be.greaterThan(1e-6);
        expect(free.at).to.not.equal(null);
      }
      // r = 0: no interaction at all
      const zero = checkIncreasingDifferences(game(pair(0), model));
      expect(zero.pass).to.equal(true);
      expect(zero.minMargin).to.equal(0);
    }
    // the signal the tolerance must resolve: the largest cross difference at r = 0.5 is far above 1e-12
    let maxMargin = 0;
    const g = game(pair(0.5), 'exact');
    for (const [a, b] of [
      [0, 2],
      [0, 1],
    ]) {
      const lo = g.payoffOf(0, [0, a]);
      const hi = g.payoffOf(0, [0, b]);
      maxMargin = Math.max(maxMargin, hi.benefit(2) - hi.benefit(0) - (lo.benefit(2) - lo.benefit(0)));
    }
    expect(maxMargin).to.be.greaterThan(1e-7);
  });

  it('no best response exceeds √Q − 2 when c(√Q − 2) ≥ 1, even searching [0, 15.9] (spec/004 §7.15)', () => {
    const costs = [
      { kind: 'power', scale: 0.5, exponent: 4 },
      { kind: 'power', scale: 0.5, exponent: 20 },
      { kind: 'power', scale: 0.5, exponent: 0.5 },
      { kind: 'linear-quadratic', linear: 0.01, quadratic: 0.245 },
      kinked(1e-4),
    ];
    for (const mechanism of ['threshold-pricing', 'free-sharing'] as const) {
      for (const model of ['exact', 'approx'] as const) {
        for (const cost of costs) {
          const g = makeEffortGame({ correlation: pair(0.5), Q, costs: [cost, cost], model, mechanism });
          expect(g.costAssumption.holds).to.equal(true);
          for (const ej of [0, 1, 2]) {
            const br = bestResponse(g, 0, [0, ej], { upper: 15.9 });
            expect(br.e, `${mechanism} ${model} ${JSON.stringify(cost)}`).to.be.at.most(g.upper);
          }
        }
      }
    }
    // the check is not vacuous: with c(√Q − 2) < 1 the wide search does leave the box
    const cheap = { kind: 'power', scale: 0.25, exponent: 20 };
    for (const mechanism of ['threshold-pricing', 'free-sharing'] as const) {
      const g = makeEffortGame({ correlation: pair(0.5), Q, costs: [cheap, cheap], model: 'exact', mechanism });
      expect(g.costAssumption.holds).to.equal(false);
      expect(bestResponse(g, 0, [0, 1], { upper: 15.9 }).e).to.be.greaterThan(g.upper);
    }
  });

  it('beyond the box the mechanism payoff switches continuously to the corner formula', () => {
    for (const model of ['exact', 'approx'] as const) {
      const p = game(pair(0.5), model).payoffOf(0, [0, 1]);
      const e = 2;
      expect(p.benefit(e + 1e-9)).to.be.closeTo(p.benefit(e), 1e-9);
      // derivative matches a central difference away from the switch
      for (const x of [2.5, 4, 8]) {
        const h = 1e-5;
        expect(p.derivative!(x)).to.be.closeTo((p.value(x + h) - p.value(x - h)) / (2 * h), 1e-7);
      }
    }
  });
});
