/**
 * Building blocks of the effort game: integration rules, the batched statistics against
 * rhoExact/sApprox, the game's validation (InputErrors naming the field), the Monte Carlo fast path
 * against the per-agent path, monotonicity of M in e_j, comparative statics (Thm 3(iii)).
 */
import { expect } from 'chai';
import { InputError } from '../../src/core/instance.js';
import {
  allStatistics,
  bracketEquilibria,
  highestVsCorrelation,
  makeBatchContext,
  makeEffortGame,
  makeRule,
  monteCarloRule,
  tensorGaussLegendre,
} from '../../src/effort/index.js';
import { rhoExact, sApprox } from '../../src/theory/bayes/correlation.js';
import { Rng, StreamFactory } from '../../src/random/index.js';
import { POWER4, Q, expectInputError, game, pair, star } from './helpers.js';

/** A random correlation matrix: normalised Gram matrix of random vectors, shrunk towards I by ε. */
function randomCorrelation(n: number, eps: number, rng: Rng): number[][] {
  const V = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
  const G = V.map((a) => V.map((b) => a.reduce((s, x, k) => s + x * b[k], 0)));
  return G.map((row, i) => row.map((x, j) => (i === j ? 1 : (eps * x) / Math.sqrt(G[i][i] * G[j][j]))));
}

describe('effort game building blocks', () => {
  it('tensor Gauss–Legendre on [0,1]^d integrates polynomials of degree ≤ 2m−1 exactly; weights sum to 1', () => {
    const r = tensorGaussLegendre(2, 6);
    expect(r.size).to.equal(36);
    let w = 0;
    let m = 0;
    for (let k = 0; k < r.size; k++) {
      w += r.weights[k];
      m += r.weights[k] * r.points[2 * k] ** 11 * r.points[2 * k + 1] ** 3;
    }
    expect(w).to.be.closeTo(1, 1e-15);
    expect(m).to.be.closeTo(1 / 12 / 4, 1e-15);
  });

  it('makeRule: tensor for n ≤ 4 (n−1 dims), Monte Carlo over n dims beyond, reproducible from the seed', () => {
    expect(makeRule(2).kind).to.equal('tensor-gauss-legendre');
    expect(makeRule(4).dim).to.equal(3);
    const mc = makeRule(5);
    expect(mc.kind).to.equal('monte-carlo');
    expect(mc.dim).to.equal(5);
    expect(mc.size).to.equal(4096);
    expect(monteCarloRule(3, 100, 7).points).to.deep.equal(monteCarloRule(3, 100, 7).points);
    expect(monteCarloRule(3, 100, 7).points[0]).to.not.equal(monteCarloRule(3, 100, 8).points[0]);
    // fewer samples = a prefix of the same stream (the CLI's supermodularity check relies on it)
    const big = monteCarloRule(4, 300, 9).points;
    expect([...monteCarloRule(4, 50, 9).points]).to.deep.equal([...big.subarray(0, 200)]);
    const u = monteCarloRule(2, 20000, 1).points;
    expect(u.reduce((a, b) => a + b, 0) / u.length).to.be.closeTo(0.5, 0.01);
  });

  it('allStatistics (one n×n solve for every agent) equals rhoExact and sApprox', () => {
    const streams = new StreamFactory(2024);
    const rng = streams.seed(streams.key('test', 'batch-stats'), 0, new Rng());
    for (const n of [2, 3, 6, 20]) {
      const R = randomCorrelation(n, 0.6, rng);
      const ctx = makeBatchContext(R);
      const out = new Float64Array(n);
      for (let t = 0; t < 5; t++) {
        const q = Array.from({ length: n }, (_, j) => (j === 1 && t === 0 ? 0 : 16 * rng.nextFloat()));
        allStatistics(ctx, 'exact', q, out);
        for (let i = 0; i < n; i++) expect(out[i]).to.be.closeTo(rhoExact(R, i, q), 1e-13);
        allStatistics(ctx, 'approx', q, out);
        for (let i = 0; i < n; i++) expect(out[i]).to.be.closeTo(sApprox(R, i, q), 1e-15);
      }
    }
    // uncorrelated: 0 up to rounding of 1/Var − q (~1e-15 for q ≤ 16), never negative (clamped)
    const I = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    for (const q of [[3, 7, 0.5], [16, 1e-3, 9]]) {
      for (const x of allStatistics(makeBatchContext(I), 'exact', q, new Float64Array(3))) expect(x).to.be.within(0, 1e-14);
    }
  });

  it('Monte Carlo game: payoffsOf (batched M) agrees with payoffOf (per agent) to 1e-13', () => {
    const R = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 1 : 0.15)));
    for (const model of ['exact', 'approx'] as const) {
      const g = makeEffortGame({ correlation: R, Q, costs: R.map(() => POWER4), model, rule: { samples: 512 } });
      expect(g.rule.kind).to.equal('monte-carlo');
      const e = [0, 0.3, 0.7, 1, 1.5, 2];
      const batch = g.payoffsOf(e);
      for (let i = 0; i < 6; i++) expect(batch[i].M!).to.be.closeTo(g.payoffOf(i, e).M!, 1e-13);
    }
  });

  it('M_i is non-decreasing in every e_j, exactly, for tensor and Monte Carlo rules (fixed points, quantile map)', () => {
    for (const g of [game(star(0.4), 'exact'), game(star(0.4), 'approx', { rule: { integration: 'monte-carlo', samples: 256 } })]) {
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          if (j === i) continue;
          let prev = -Infinity;
          for (let t = 0; t <= 8; t++) {
            const e = [0.5, 0.5, 0.5];
            e[j] = (2 * t) / 8;
            const M = g.payoffOf(i, e).M!;
            expect(M).to.be.at.least(prev);
            prev = M;
          }
        }
      }
    }
  });

  it('validation: Q > 4, one cost per agent, the model, and thresholds above the box (named fields)', () => {
    const spec = { correlation: pair(0.5), Q, costs: [POWER4, POWER4], model: 'exact' as const };
    expectInputError(() => makeEffortGame({ ...spec, Q: 4 }), 'Q', /Q > 4/);
    expectInputError(() => makeEffortGame({ ...spec, costs: [POWER4] }), 'effortCost', /one cost per agent/);
    expectInputError(() => makeEffortGame({ ...spec, costs: [POWER4, { kind: 'power', scale: 0.5, exponent: -1 }] }), 'effortCost[1].exponent');
    expectInputError(() => makeEffortGame({ ...spec, model: 'other' as 'exact' }), 'model');
    expectInputError(() => makeEffortGame({ ...spec, mechanism: 'auction' as 'free-sharing' }), 'mechanism');
    expectInputError(() => makeEffortGame({ ...spec, correlation: [[1, 0.5], [0.4, 1]] }), 'correlation[1][0]');
    // approx: S_i ≤ Σσ²·Q/(1+Q) must stay ≤ 1/3 (seed 004, (B.32)); 0.61² · 16/17 = 0.3502
    expectInputError(() => makeEffortGame({ ...spec, model: 'approx', correlation: pair(0.61) }), 'correlation[0]', /1\/3/);
    // exact: q̄*(ρ_max) ≥ √Q − 2 fails for a strongly correlated pair
    expectInputError(() => makeEffortGame({ ...spec, correlation: pair(0.95) }), 'correlation[0]', /threshold/);
    // free sharing has no threshold: the same pair is fine
    expect(() => makeEffortGame({ ...spec, correlation: pair(0.95), mechanism: 'free-sharing' })).to.not.throw();
  });

  it('comparative statics: the highest equilibrium is non-decreasing in σ_01² (Thm 3(iii)); bad values are skipped', () => {
    const base = { correlation: star(0.2), Q, costs: [POWER4, POWER4, POWER4], model: 'exact' as const };
    const cs = highestVsCorrelation(base, 0, 1, [0, 0.1, -0.3, 0.4, 0.9, 1.5]);
    expect(cs.monotone).to.equal(true);
    const solved = cs.rows.filter((r) => r.highest);
    expect(solved.map((r) => r.value)).to.deep.equal([0, 0.1, -0.3, 0.4]);
    expect(cs.rows.find((r) => r.value === 0.9)!.skipped).to.match(/threshold|positive definite/);
    expect(cs.rows.find((r) => r.value === 1.5)!.skipped).to.match(/\(−1, 1\)/);
    // rows reproduce a direct run and agent 0's effort rises with σ_01²
    const direct = bracketEquilibria(makeEffortGame({ ...base, correlation: [[1, 0.4, 0.2], [0.4, 1, 0], [0.2, 0, 1]] }), { from: 'top' });
    expect(cs.rows[3].highest).to.deep.equal(direct.highest);
    const byR2 = [...solved].sort((a, b) => a.value ** 2 - b.value ** 2).map((r) => r.highest![0]);
    for (let k = 1; k < byR2.length; k++) expect(byR2[k]).to.be.greaterThan(byR2[k - 1]);
    expect(() => highestVsCorrelation(base, 1, 1, [0])).to.throw(InputError);
  });
});
