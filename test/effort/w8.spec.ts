/**
 * spec/004 W8: multiple equilibria with the kinked cost (κe on [0, 1], linear to c(2) = 1), n = 2,
 * Q = 16, r = 0.5. BR ∈ {0, 1}; both (0,0) and (1,1) are equilibria iff κ ∈ (M(0)/240, M(1)/240].
 */
import { expect } from 'chai';
import { bestResponse, bracketEquilibria, makeEffortGame } from '../../src/effort/index.js';
import { expectOracle } from '../theory/oracle.js';
import { Q, game, kinked, pair } from './helpers.js';

const kinkedGame = (kappa: number, r: number, model: 'exact' | 'approx' = 'exact') =>
  makeEffortGame({ correlation: pair(r), Q, costs: [kinked(kappa), kinked(kappa)], model });

describe('effort game W8 (kinked cost, multiple equilibria)', () => {
  it('band edges M(0)/240 and M(1)/240 in both models', () => {
    const printed = { exact: ['0.0072104464', '0.0072149586'], approx: ['0.0072059819', '0.0072102354'] };
    for (const model of ['exact', 'approx'] as const) {
      const g = game(pair(0.5), model);
      // spec/004 W8: BR = 1 iff M(e_j) ≥ κQ(Q−1) = 240κ
      expectOracle(g.payoffOf(0, [0, 0]).M! / 240, printed[model][0], `${model} M(0)/240`);
      expectOracle(g.payoffOf(0, [0, 1]).M! / 240, printed[model][1], `${model} M(1)/240`);
    }
  });

  it('κ = 0.0072127025 (exact): highest (1,1) via (2,2)→(1,1)→(1,1), lowest (0,0) via (0,0)→(0,0)', () => {
    const b = bracketEquilibria(kinkedGame(0.0072127025, 0.5));
    expect(b.traces.top).to.deep.equal([
      [2, 2],
      [1, 1],
      [1, 1],
    ]);
    expect(b.traces.bottom).to.deep.equal([
      [0, 0],
      [0, 0],
    ]);
    expect(b.highest).to.deep.equal([1, 1]);
    expect(b.lowest).to.deep.equal([0, 0]);
    expect(b.unique).to.equal(false);
    expect(b.monotone).to.deep.equal({ top: true, bottom: true });
  });

  it('κ = 0.0072 gives the unique (1,1); κ = 0.00723 the unique (0,0)', () => {
    const lo = bracketEquilibria(kinkedGame(0.0072, 0.5));
    expect(lo.highest).to.deep.equal([1, 1]);
    expect(lo.lowest).to.deep.equal([1, 1]);
    expect(lo.unique).to.equal(true);
    const hi = bracketEquilibria(kinkedGame(0.00723, 0.5));
    expect(hi.highest).to.deep.equal([0, 0]);
    expect(hi.lowest).to.deep.equal([0, 0]);
    expect(hi.unique).to.equal(true);
  });

  it('at κ = 0.0072127025 the highest equilibrium is (0,0) for r = 0 and 0.3 and jumps to (1,1) at r = 0.5 (Thm 3(iii))', () => {
    expect(bracketEquilibria(kinkedGame(0.0072127025, 0), { from: 'top' }).highest).to.deep.equal([0, 0]);
    expect(bracketEquilibria(kinkedGame(0.0072127025, 0.3), { from: 'top' }).highest).to.deep.equal([0, 0]);
    expect(bracketEquilibria(kinkedGame(0.0072127025, 0.5), { from: 'top' }).highest).to.deep.equal([1, 1]);
  });

  it('approx model: multiplicity exactly inside its own band', () => {
    const mid = (0.0072059819 + 0.0072102354) / 2;
    const b = bracketEquilibria(kinkedGame(mid, 0.5, 'approx'));
    expect(b.highest).to.deep.equal([1, 1]);
    expect(b.lowest).to.deep.equal([0, 0]);
    expect(bracketEquilibria(kinkedGame(0.0072127025, 0.5, 'approx')).highest).to.deep.equal([0, 0]); // above the approx band
  });

  it('a tie at κ = M(1)/240 goes to 1 for the greatest BR and to 0 for the least', () => {
    const M1 = game(pair(0.5), 'exact').payoffOf(0, [0, 1]).M!;
    const g = kinkedGame(M1 / 240, 0.5);
    const greatest = bestResponse(g, 0, [0, 1], { select: 'greatest' });
    const least = bestResponse(g, 0, [0, 1], { select: 'least' });
    expect(greatest.e).to.equal(1);
    expect(least.e).to.equal(0);
    expect(greatest.maximisers).to.deep.equal([0, 1]);
  });

  it('the payoff is convex on [0, 1]: the best response is always the kink or an endpoint', () => {
    for (const kappa of [0.001, 0.0072, 0.0072127025, 0.00723, 0.02]) {
      const g = kinkedGame(kappa, 0.5);
      for (const ej of [0, 0.5, 1, 2]) expect([0, 1]).to.include(bestResponse(g, 0, [0, ej]).e);
    }
  });
});
