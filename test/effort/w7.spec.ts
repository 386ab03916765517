/**
 * spec/004 W7: two agents, Q = 16 (box [0, 2]), c(e) = (e/2)⁴; best responses, M values, unique
 * equilibria for r = 0, 0.3, 0.5 in both models, the top-down and bottom-up traces, Jacobi vs Gauss–Seidel.
 */
import { expect } from 'chai';
import { bestResponse, bracketEquilibria, iterateFrom } from '../../src/effort/index.js';
import { expectOracle } from '../theory/oracle.js';
import { game, pair } from './helpers.js';

const H0 = Math.sqrt(17) - 1 - 0.5 * Math.log(17); // spec/004 §2.3: H(0) = √(Q+1) − 1 − ½ln(Q+1)

// spec/004 W7 table: r, model, BR(0), BR(2), equilibrium
const TABLE = [
  [0, 'approx', '0.3025773663', '0.3025773663', '0.3025773663'],
  [0, 'exact', '0.3025773663', '0.3025773663', '0.3025773663'],
  [0.3, 'approx', '0.3030112639', '0.3030401246', '0.3030184083'],
  [0.3, 'exact', '0.3030177584', '0.3030472503', '0.3030250248'],
  [0.5, 'approx', '0.3039446135', '0.3040408071', '0.3039675121'],
  [0.5, 'exact', '0.3040081916', '0.3041108011', '0.3040322897'],
] as const;

describe('effort game W7 (n = 2, smooth cost)', () => {
  it('r = 0: M is the constant H(0) = 1.7064990 and BR solves e³(16−e)² = 4H(0)', () => {
    for (const model of ['exact', 'approx'] as const) {
      const g = game(pair(0), model);
      for (const ej of [0, 0.7, 2]) {
        const p = g.payoffOf(0, [0, ej]);
        expect(p.M).to.be.closeTo(H0, 1e-13);
        expectOracle(p.M!, '1.7064990', 'M r=0');
        const e = bestResponse(g, 0, [0, ej]).e;
        expect(e ** 3 * (16 - e) ** 2).to.be.closeTo(4 * H0, 1e-12); // spec/004 W7: FOC
      }
    }
  });

  it('M values of r = 0.5 (exact and approx) to the printed 7 digits', () => {
    const printed = { exact: ['1.7305071', '1.7315901', '1.7322373'], approx: ['1.7294357', '1.7304565', '1.7310570'] };
    for (const model of ['exact', 'approx'] as const) {
      const g = game(pair(0.5), model);
      [0, 1, 2].forEach((ej, k) => expectOracle(g.payoffOf(0, [0, ej]).M!, printed[model][k], `${model} M(${ej})`));
    }
  });

  for (const [r, model, br0, br2, eq] of TABLE) {
    it(`r = ${r}, ${model}: BR(0), BR(2) and the unique equilibrium`, () => {
      const g = game(pair(r), model);
      expectOracle(bestResponse(g, 0, [0, 0]).e, br0, 'BR(0)');
      expectOracle(bestResponse(g, 0, [0, 2]).e, br2, 'BR(2)');
      expect(bestResponse(g, 1, [2, 0]).e).to.equal(bestResponse(g, 0, [0, 2]).e); // symmetric agents
      const b = bracketEquilibria(g);
      expect(b.converged).to.deep.equal({ top: true, bottom: true });
      expect(b.unique).to.equal(true);
      for (const x of [...b.highest!, ...b.lowest!]) expectOracle(x, eq, 'equilibrium');
      expect(b.monotone).to.deep.equal({ top: true, bottom: true });
    });
  }

  it('the best response is increasing in e_j and the equilibrium in r (supermodular, Thm 3(iii))', () => {
    for (const model of ['exact', 'approx'] as const) {
      const g = game(pair(0.5), model);
      const brs = [0, 0.5, 1, 1.5, 2].map((x) => bestResponse(g, 0, [0, x]).e);
      for (let k = 1; k < brs.length; k++) expect(brs[k]).to.be.greaterThan(brs[k - 1]);
      const eqs = [0, 0.3, 0.5].map((r) => bracketEquilibria(game(pair(r), model), { from: 'top' }).highest![0]);
      expect(eqs[1]).to.be.greaterThan(eqs[0]);
      expect(eqs[2]).to.be.greaterThan(eqs[1]);
    }
  });

  it('top-down Jacobi trace (exact, r = 0.5): 2 → 0.3041108011 → 0.3040322952 → 0.3040322897, monotone ↓; bottom-up monotone ↑', () => {
    const g = game(pair(0.5), 'exact');
    const top = iterateFrom(g, 'top');
    const path = ['2', '0.3041108011', '0.3040322952', '0.3040322897'];
    expect(top.trace.length).to.be.at.least(path.length);
    path.forEach((p, t) => top.trace[t].forEach((x) => expectOracle(x, p, `top trace[${t}]`)));
    // the remaining entries confirm the fixed point (step ≤ 1e-12)
    for (const row of top.trace.slice(path.length)) row.forEach((x) => expectOracle(x, '0.3040322897', 'top tail'));
    expect(top.trace[0]).to.deep.equal([2, 2]);
    expect(top.final).to.deep.equal(top.trace[top.trace.length - 1]);
    for (let t = 1; t < top.trace.length; t++) for (let i = 0; i < 2; i++) expect(top.trace[t][i]).to.be.at.most(top.trace[t - 1][i]);
    const bottom = iterateFrom(g, 'bottom');
    expect(bottom.trace[0]).to.deep.equal([0, 0]);
    for (let t = 1; t < bottom.trace.length; t++) for (let i = 0; i < 2; i++) expect(bottom.trace[t][i]).to.be.at.least(bottom.trace[t - 1][i]);
    expectOracle(bottom.trace[1][0], '0.3040081916', 'bottom trace[1] = BR(0)');
    expect(top.monotone && bottom.monotone).to.equal(true);
  });

  it('Gauss–Seidel reaches the same fixed points as Jacobi', () => {
    for (const [r, model] of [
      [0.3, 'approx'],
      [0.5, 'exact'],
    ] as const) {
      const g = game(pair(r), model);
      const j = bracketEquilibria(g, { update: 'jacobi' });
      const s = bracketEquilibria(g, { update: 'gauss-seidel' });
      expect(s.update).to.equal('gauss-seidel');
      expect(s.monotone).to.deep.equal({ top: true, bottom: true });
      for (let i = 0; i < 2; i++) {
        expect(s.highest![i]).to.be.closeTo(j.highest![i], 1e-12);
        expect(s.lowest![i]).to.be.closeTo(j.lowest![i], 1e-12);
      }
    }
  });

  it('from: "top" only leaves the lowest equilibrium and uniqueness null', () => {
    const b = bracketEquilibria(game(pair(0.5), 'exact'), { from: 'top' });
    expect(b.lowest).to.equal(null);
    expect(b.unique).to.equal(null);
    expect(b.traces.bottom).to.equal(null);
    expect(b.highest).to.have.length(2);
  });

  it('reports non-convergence when the sweep cap is hit', () => {
    const run = iterateFrom(game(pair(0.5), 'exact'), 'top', { maxIterations: 1 });
    expect(run.converged).to.equal(false);
    expect(run.iterations).to.equal(1);
    expect(run.trace).to.have.length(2);
  });
});
