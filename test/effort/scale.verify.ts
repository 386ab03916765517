/**
 * Heavier checks of the effort game (run with `npm run verify` or mocha on this file):
 *  - n = 5 and n = 20 equicorrelated games (ε = 0.1, c = (e/2)⁴) bracket a unique equilibrium, Jacobi and
 *    Gauss–Seidel agree, and the timings are printed;
 *  - Monte Carlo convergence: with 4×, 16× the draws the n = 5 equilibrium moves by less than 4
 *    standard errors (propagated from SE(M_i) through the FOC);
 *  - the n = 3 star by Monte Carlo (65536 draws) is within 4 SE of the W9 quadrature values;
 *  - tensor quadrature is converged: 32 vs 64 nodes agree to 1e-12 on W9.
 */
import { expect } from 'chai';
import {
  benefitMStandardError,
  bracketEquilibria,
  makeEffortGame,
  maximiseEffortPayoff,
  othersStatistic,
  type EffortGame,
} from '../../src/effort/index.js';
import { POWER4, Q, star } from './helpers.js';

const equi = (n: number, eps: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : eps)));

/** SE of agent i's equilibrium effort: SE(M_i) pushed through the best response (c = (e/2)⁴). */
function effortSE(g: EffortGame, e: readonly number[], i: number): number {
  const ctx = { correlation: g.correlation, Q, model: g.model, rule: g.rule };
  const se = benefitMStandardError(ctx, othersStatistic(ctx, i, e))!;
  const M = g.payoffOf(i, e).M!;
  const br = (m: number) => maximiseEffortPayoff({ value: (x) => m / (Q - x) - (x / 2) ** 4, derivative: (x) => m / (Q - x) ** 2 - x ** 3 / 4 }, 0, g.upper).e;
  return Math.abs(br(M + se) - br(M));
}

describe('effort game at scale (verify)', () => {
  for (const n of [2, 5, 20]) {
    for (const model of ['exact', 'approx'] as const) {
      it(`n = ${n}, ${model}: unique equilibrium, Jacobi = Gauss–Seidel (timings printed)`, () => {
        const spec = { correlation: equi(n, 0.1), Q, costs: equi(n, 0).map(() => POWER4), model };
        const t0 = performance.now();
        const g = makeEffortGame(spec);
        const j = bracketEquilibria(g);
        const t1 = performance.now();
        const s = bracketEquilibria(g, { update: 'gauss-seidel' });
        const t2 = performance.now();
        console.log(`      n=${n} ${model} ${g.rule.kind}(${g.rule.size}): jacobi ${(t1 - t0).toFixed(0)} ms, gauss-seidel ${(t2 - t1).toFixed(0)} ms, e* = ${j.highest![0]}`);
        expect(j.unique).to.equal(true);
        expect(j.monotone).to.deep.equal({ top: true, bottom: true });
        for (let i = 0; i < n; i++) expect(s.highest![i]).to.be.closeTo(j.highest![i], 1e-11);
      });
    }
  }

  it('n = 5 Monte Carlo: more draws move the equilibrium by less than 4 SE', () => {
    const base = { correlation: equi(5, 0.1), Q, costs: equi(5, 0).map(() => POWER4), model: 'exact' as const };
    const runs = [4096, 16384, 65536].map((samples) => {
      const g = makeEffortGame({ ...base, rule: { samples, seed: 21 } });
      const e = bracketEquilibria(g, { from: 'top' }).highest!;
      return { e, se: effortSE(g, e, 0) };
    });
    const ref = runs[2];
    for (const r of runs.slice(0, 2)) expect(Math.abs(r.e[0] - ref.e[0])).to.be.at.most(4 * Math.hypot(r.se, ref.se));
    expect(runs[0].se).to.be.greaterThan(runs[2].se);
  });

  it('n = 3 star by Monte Carlo (65536 draws) within 4 SE of the W9 quadrature', () => {
    for (const model of ['exact', 'approx'] as const) {
      const spec = { correlation: star(0.4), Q, costs: [POWER4, POWER4, POWER4], model };
      const gl = bracketEquilibria(makeEffortGame(spec), { from: 'top' }).highest!;
      const g = makeEffortGame({ ...spec, rule: { integration: 'monte-carlo', samples: 65536, seed: 5 } });
      const mc = bracketEquilibria(g, { from: 'top' }).highest!;
      for (let i = 0; i < 3; i++) expect(Math.abs(mc[i] - gl[i])).to.be.at.most(4 * effortSE(g, mc, i));
    }
  });

  it('tensor quadrature is converged: 32 and 64 nodes agree to 1e-12 (W9, ρ = 0.4)', () => {
    for (const model of ['exact', 'approx'] as const) {
      const spec = { correlation: star(0.4), Q, costs: [POWER4, POWER4, POWER4], model };
      const a = bracketEquilibria(makeEffortGame({ ...spec, rule: { nodes: 32 } }), { from: 'top' }).highest!;
      const b = bracketEquilibria(makeEffortGame({ ...spec, rule: { nodes: 64 } }), { from: 'top' }).highest!;
      for (let i = 0; i < 3; i++) expect(a[i]).to.be.closeTo(b[i], 1e-12);
    }
  });
});
