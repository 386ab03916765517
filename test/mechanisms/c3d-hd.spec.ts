/**
 * High-dimensional C3D (seed 000, App. E; spec/000 §6, §8 (c)) in the d-distribution
 * family: closed forms, the reduction to seed 000's 1-D C3D at d = 1, Theorem 7, the
 * allocation itself, and Monte Carlo against the exact penalties (4 standard errors,
 * fixed seeds).
 */
import { expect } from 'chai';
import c3dHd from '../../mechanisms/c3d-hd/index.js';
import { allocateC3dHd } from '../../mechanisms/c3d-hd/allocate.js';
import { IdentityPermutation } from '../../src/random/identity-permutation.js';
import c3d from '../../mechanisms/c3d/index.js';
import { InputError, makeInstance } from '../../src/core/instance.js';
import { bindHeteroStrategy } from '../../src/hetero/agent-strategy.js';
import { HeteroAllocationBuffer } from '../../src/hetero/allocation.js';
import { evaluateHeteroProfile, type HeteroEvaluation } from '../../src/hetero/evaluator.js';
import { simInstance, type NoiseKind, type SimInstance } from '../../src/hetero/info.js';
import type { HeteroMechanismRun } from '../../src/hetero/mechanism.js';
import { defineHeteroStrategy, type HeteroPlay, type HeteroStrategyPlugin } from '../../src/hetero/strategy.js';
import { HeteroPool } from '../../src/hetero/submissions.js';
import { Rng } from '../../src/random/index.js';
import { c3dHdTheory } from '../../src/theory/c3d-hd.js';
import { c3dEquilibrium, c3dFixedWeightRisk, c3dRisk, highDimE, solveA } from '../../src/theory/index.js';
import { expectOracle, expectRel } from '../theory/oracle.js';

const META = { truthful: true, equivariant: true, stochastic: false };

/** A strategy plugin that changes the parts `parts` of the recommended play. */
function strategy(name: string, parts: Partial<HeteroPlay> = {}): HeteroStrategyPlugin {
  return defineHeteroStrategy({ name, description: '', source: 'test', params: {}, meta: META, build: () => parts }) as HeteroStrategyPlugin;
}

const RECOMMENDED = strategy('recommended');

/** m agents with the same cost per coordinate-sample, cPer = c/d. */
function homogeneous(m: number, d: number, sigma: number, cPer: number, noise: NoiseKind): SimInstance {
  return simInstance({ sigma, costs: Array.from({ length: m }, () => Array.from({ length: d }, () => cPer)) }, noise);
}

/** Agent 0 plays `deviation`, everyone else the recommended profile. */
function evaluate(inst: SimInstance, run: HeteroMechanismRun, rounds: number, seed: number, deviation = RECOMMENDED): HeteroEvaluation {
  const profile = Array.from({ length: inst.m }, (_, i) => bindHeteroStrategy(i === 0 ? deviation : RECOMMENDED, {}, inst, run, i));
  return evaluateHeteroProfile(inst, run, profile, { rounds, seed });
}

function expectWithin4SE(mc: number, se: number, exact: number, label: string): void {
  expect(Math.abs(mc - exact), `${label}: MC ${mc} ± ${se} vs exact ${exact} (z = ${((mc - exact) / se).toFixed(2)})`).to.be.at.most(4 * se);
}

/** Collect n of coordinate k, n̄ elsewhere (the `collect {k, n}` deviation of strategies/hetero). */
const collectOn = (k: number, n: number) =>
  strategy(`collect-${k}-${n}`, {
    collect: (info) => info.nRecommended.map((v, j) => (j === k ? n : v)),
  });

/** Submit only the first `keep` points of coordinate k (the `withhold {k, keep}` deviation). */
const withholdOn = (k: number, keep: number) =>
  strategy(`withhold-${k}-${keep}`, {
    submit: (x) => x.map((xk, j) => (j === k ? xk.subarray(0, Math.min(keep, xk.length)) : xk)),
  });

/** The η-weighted s̃* of App. E: weight 1/(σ² + η²_k) on Z'_k, the realised η² (seed 000, eq. (8) per coordinate). */
const etaWeighted = strategy('eta-weighted', {
  estimate: (x, _y, a, info) => {
    const s2 = info.instance.sigma ** 2;
    return x.map((xk, k) => {
      let sx = 0;
      for (let j = 0; j < xk.length; j++) sx += xk[j];
      const w = a.eta2[k] === Infinity ? 0 : s2 / (s2 + a.eta2[k]);
      return (sx + a.cleanSum[k] + w * a.corruptedSum[k]) / (xk.length + a.cleanCount[k] + w * a.corruptedCount[k]);
    });
  },
});

describe('c3d-hd: high-dimensional C3D (seed 000, App. E)', function () {
  this.timeout(60_000);

  describe('closed forms (spec/000 §6)', () => {
    it('§8 (c) instance d = 3, m = 10, σ = 1, c = 0.003: n* = 10, α² = 25.7573664, τ² = 2α²/n*, risk 0.09089528', () => {
      const t = c3dHdTheory(10, 1, 0.003, 3);
      expectRel(t.nStar, 10, 1e-14, 'n* = σ√(d/(cm))');
      expectOracle(t.alpha! ** 2, '25.7573664', 'α² (spec/000 §8 item 4: same m and n* as S10)');
      expectRel(t.A, solveA(10), 1e-15, 'A_m');
      expectRel(t.tau2, (2 * t.alpha! ** 2) / 10, 1e-14, 'τ² = 2α²σ²/n*');
      expectOracle(t.tau2, '5.1515', 'τ² = E[η²] (spec/000 §8 MC (a))');
      // eq. (40) by hand: d/(2n*/σ² + (m−2)n*/(σ²+τ²)); the spec prints 0.0908952, the truncation of 0.09089528
      expectRel(t.risk, 3 / (20 + 80 / (1 + t.tau2)), 1e-13, 'risk');
      expect(Math.floor(t.risk * 1e7) / 1e7).to.equal(0.0908952);
      expectOracle(t.risk, '0.09089528', 'risk');
      expectRel(t.agentPenalty, t.risk + 0.003 * 10, 1e-14, 'p = risk + c n*');
      expectRel(t.globalMinimum, 0.6, 1e-14, 'GM = 2σ√(cmd)');
      expectRel(t.soloPenalty, 2 * Math.sqrt(0.009), 1e-14, 'solo = 2σ√(cd)');
      expectRel(t.socialPenalty, 10 * t.agentPenalty, 1e-14, 'P = m p');
      expectRel(t.ratio, t.socialPenalty / 0.6, 1e-14, 'PR');
      expect(t.equilibriumRatio).to.equal(t.ratio);
      expect(t.individuallyRational).to.equal(true);
      expect(t.equilibriumFactor).to.equal(1.5);
    });

    it('n*, α, penalties against the formulas of spec/000 §6 (σ, c, d varied; m ≤ 4 pools)', () => {
      for (const [m, sigma, c, d] of [
        [2, 1, 0.01, 1],
        [3, 2, 0.05, 4],
        [4, 0.7, 0.003, 7],
        [5, 1.3, 0.02, 4],
        [10, 1, 0.003, 3],
        [37, 0.4, 0.0011, 12],
        [200, 3, 0.5, 2],
      ] as const) {
        const t = c3dHdTheory(m, sigma, c, d);
        const tag = `m=${m} σ=${sigma} c=${c} d=${d}`;
        expectRel(t.globalMinimum, 2 * sigma * Math.sqrt(c * m * d), 1e-13, `GM ${tag}`);
        expectRel(t.soloPenalty, 2 * sigma * Math.sqrt(c * d), 1e-13, `solo ${tag}`);
        expectRel(t.socialPenalty, m * t.agentPenalty, 1e-13, `P ${tag}`);
        expectRel(t.ratio, t.socialPenalty / t.globalMinimum, 1e-13, `PR ${tag}`);
        if (m <= 4) {
          expectRel(t.nStar, (sigma / m) * Math.sqrt(d / c), 1e-13, `n* ${tag}`);
          expect(t.alpha).to.equal(null);
          // d coordinates of 1-D pooling at cost c/d: dσ²/(m n*) + c n* = (1 + 1/m)σ√(cd)
          expectRel(t.agentPenalty, (d * sigma * sigma) / (m * t.nStar) + c * t.nStar, 1e-13, `p ${tag}`);
          expectRel(t.agentPenalty, (1 + 1 / m) * sigma * Math.sqrt(c * d), 1e-13, `p ${tag}`);
          expectRel(t.ratio, (m + 1) / (2 * Math.sqrt(m)), 1e-13, `PR ${tag}`);
          expect(t.gaussianPenalty).to.equal(t.agentPenalty);
          continue;
        }
        const A = solveA(m);
        expectRel(t.nStar, sigma * Math.sqrt(d / (c * m)), 1e-13, `n* ${tag}`);
        expectRel(t.alpha!, A * Math.sqrt(t.nStar), 1e-13, `α ${tag}`);
        // independent route to eq. (40): d·(fixed-weight risk per coordinate, τ² = E[η²]) + c n*
        const perCoord = c3dFixedWeightRisk({ sigma, alpha: t.alpha!, nx: t.nStar, nz: t.nStar, nzp: (m - 2) * t.nStar, tau2: t.tau2 });
        expectRel(t.agentPenalty, d * perCoord + c * t.nStar, 1e-12, `p (eq. (40)) ${tag}`);
        expectRel(t.ratio, 0.5 * (m / (2 + (m - 2) / (1 + 2 * A * A)) + 1), 1e-12, `PR ${tag}`);
        // p^N = d copies of the 1-D C3D equilibrium at cost c/d (eq. (38), corrected), and by quadrature-free closed form (seed 000 eq. (62))
        expectRel(t.gaussianPenalty, d * c3dEquilibrium(m, sigma, c / d).agentPenalty, 1e-12, `p^N ${tag}`);
        const perCoordN = c3dRisk({ sigma, alpha: t.alpha!, nx: t.nStar, nz: t.nStar, nzp: (m - 2) * t.nStar });
        expectRel(t.gaussianPenalty, d * perCoordN + c * t.nStar, 1e-10, `p^N via eq. (22)/(62) ${tag}`);
      }
    });

    it('E(m) = upper/lower − 1 at the printed values (spec/000 §6)', () => {
      const want: [number, string][] = [
        [5, '0.099466'],
        [10, '0.186680'],
        [20, '0.137025'],
        [100, '0.036679'],
        [500, '0.007853'],
      ];
      for (const [m, printed] of want) {
        const t = c3dHdTheory(m, 1.7, 0.01, 5);
        expectOracle(t.gap, printed, `E(${m})`);
        expectOracle(t.agentPenalty / t.gaussianPenalty - 1, printed, `upper/lower − 1 at m = ${m}`);
      }
    });

    it('Theorem 7 for m = 5..200: E(m) < 5/m, PR < 2 + 10/m, IR; the ratio does not depend on σ, c, d', () => {
      for (let m = 5; m <= 200; m++) {
        const t = c3dHdTheory(m, 0.9, 0.004, 6);
        const E = t.agentPenalty / t.gaussianPenalty - 1;
        expectRel(E, highDimE(m), 1e-10, `E(${m})`);
        expect(E, `E(${m})`).to.be.greaterThan(0).and.lessThan(5 / m);
        expect(t.ratio, `PR(${m})`).to.be.lessThan(2 + 10 / m); // Theorem 7 (iii)
        expectRel(t.ratio, (1 + E) * c3dEquilibrium(m, 1, 1).ratio, 1e-10, `PR = (1 + E)·PR_1D at m = ${m}`);
        expect(t.individuallyRational, `IR at m = ${m}`).to.equal(true); // Theorem 7 (ii)
        expectRel(c3dHdTheory(m, 2.5, 0.07, 1).ratio, t.ratio, 1e-12, `PR(${m}) free of σ, c, d`);
      }
    });

    it('d = 1 reduces to seed 000 C3D: same n*, α, GM, solo; p^N is the C3D equilibrium, p is its fixed-τ² deviation', () => {
      for (const [m, sigma, c] of [
        [10, 1, 0.001], // S10, n* = 10
        [5, 1, 0.002], // S5
        [100, 1, 1e-4], // S100
        [7, 2, 4 / (7 * 36)], // n* = 6
      ] as const) {
        const hd = c3dHdTheory(m, sigma, c, 1);
        const one = c3d.setup(makeInstance(m, sigma, c), {});
        const s = one.theory.recommended();
        const tag = `m=${m} c=${c}`;
        expectRel(hd.nStar, s.nStar, 1e-13, `n* ${tag}`);
        expectRel(hd.alpha!, s.alpha!, 1e-13, `α ${tag}`);
        expectRel(hd.globalMinimum, s.globalMinimum, 1e-13, `GM ${tag}`);
        expectRel(hd.soloPenalty, s.soloPenalty, 1e-13, `solo ${tag}`);
        // integer n*: the 1-D theory evaluates at n̄ = n*, so the values coincide
        expectRel(hd.gaussianPenalty, s.agentPenalty, 1e-10, `p^N = p_C3D(s*) ${tag}`);
        const fixed = one.theory.penalty({ strategy: 'fixed-weight', params: { tau2: hd.tau2 } }, 0);
        expectRel(hd.agentPenalty, fixed!, 1e-12, `p = p_C3D(fixed τ²) ${tag}`);
      }
      // m ≤ 4: both pool; every field agrees (S4 of spec/000 §8: p = 0.15625)
      const hd = c3dHdTheory(4, 1, 1 / 64, 1);
      const s = c3d.setup(makeInstance(4, 1, 1 / 64), {}).theory.recommended();
      expectRel(hd.agentPenalty, 0.15625, 1e-13, 'S4');
      for (const key of ['nStar', 'agentPenalty', 'socialPenalty', 'globalMinimum', 'ratio', 'soloPenalty', 'equilibriumRatio'] as const) {
        expectRel(hd[key]!, s[key]!, 1e-13, `m = 4: ${key}`);
      }
      expect(hd.alpha).to.equal(s.alpha);
    });
  });

  describe('mechanism setup and exact penalties at the simulated amounts', () => {
    const inst = homogeneous(10, 3, 1, 0.001, 'uniform');
    const run = c3dHd.setup(inst, [], {});

    it('publishes n* and ⌈n*⌉ per coordinate, and the summary of eq. (40)', () => {
      expect(run.mechanism).to.equal('c3d-hd');
      expect(run.nStar.map((r) => [...r])).to.deep.equal(Array.from({ length: 10 }, () => [10, 10, 10]));
      expect(run.nRecommended.map((r) => [...r])).to.deep.equal(Array.from({ length: 10 }, () => [10, 10, 10]));
      expect(run.recommendedMeta).to.deep.equal(META);
      const t = c3dHdTheory(10, 1, 0.003, 3);
      const s = run.theory.summary();
      expect(s.agentPenalties).to.have.length(10);
      for (const p of s.agentPenalties) expectRel(p, t.agentPenalty, 1e-12, 'agent penalty');
      expectRel(s.socialPenalty, t.socialPenalty, 1e-12, 'social');
      expectRel(s.baseline, 0.6, 1e-13, 'baseline = GM');
      expectRel(s.ratio, t.ratio, 1e-12, 'ratio');
      expect(s.individuallyRational).to.deep.equal(Array.from({ length: 10 }, () => true));
      expectRel(run.theory.penalty({ strategy: 'recommended', params: {} }, 3)!, t.agentPenalty, 1e-12, 'penalty(recommended)');
      expect(run.theory.penalty({ strategy: 'shift', params: { k: 0, delta: 1 } }, 0)).to.equal(null);
    });

    it('Theorem 7 (i) holds exactly for one-coordinate collection and withholding; over-collecting gains a little', () => {
      const p = run.theory.penalty({ strategy: 'recommended', params: {} }, 0)!;
      let best = Infinity;
      for (let n = 0; n <= 60; n++) {
        const q = run.theory.penalty({ strategy: 'collect', params: { k: 1, n } }, 0)!;
        expect(q, `collect n = ${n}`).to.be.at.least(p / (1 + 5 / 10));
        best = Math.min(best, q);
        if (n === 10) expectRel(q, p, 1e-14, 'collect n̄ = recommended');
      }
      // the fixed-τ² h* is not a best response to itself: n = 13 beats n̄ = 10 (by 0.4%), within the factor 1 + E(m)
      expect(best).to.be.lessThan(p);
      expect(p / best).to.be.lessThan(1 + highDimE(10));
      for (let keep = 0; keep <= 10; keep++) {
        const q = run.theory.penalty({ strategy: 'withhold', params: { k: 2, keep } }, 0)!;
        expect(q, `withhold keep = ${keep}`).to.be.at.least(p);
      }
      // submitting nothing on k: η²_k = ∞, only X ∪ Z counts there
      const zero = run.theory.penalty({ strategy: 'withhold', params: { k: 0, keep: 0 } }, 0)!;
      expectRel(zero, 1 / 20 + (2 / 3) * (p - 0.03) + 0.03, 1e-13, 'withhold everything of k');
    });

    it('rejects heterogeneous costs, naming the field', () => {
      const costs = Array.from({ length: 6 }, () => [0.01, 0.01]);
      costs[3][1] = 0.02;
      const bad = simInstance({ sigma: 1, costs }, 'gaussian');
      expect(() => c3dHd.setup(bad, [], {})).to.throw(InputError, /costs\[3\]\[1\]/);
      const inf = simInstance({ sigma: 1, costs: Array.from({ length: 6 }, () => [Infinity, Infinity]) }, 'gaussian');
      expect(() => c3dHd.setup(inf, [], {})).to.throw(InputError, /costs\[0\]\[0\]/);
    });
  });

  describe('allocation (Algorithm 1 with App. E)', () => {
    // m = 5, d = 2, σ = 1, c/d = 0.05: n* = σ√(d/(cm)) = 2, |Y_{−i}| = 8 per coordinate
    const inst = homogeneous(5, 2, 1, 0.05, 'gaussian');
    const alpha = solveA(5) * Math.SQRT2;
    /** Point t of agent j is 2^(2j+t) on coordinate 0 and three times that on coordinate 1, so a clean sum names its subset. */
    function binaryPool(skipAgent0OnK1 = false): HeteroPool {
      const pool = new HeteroPool(5, 2);
      for (let k = 0; k < 2; k++) {
        for (let j = 0; j < 5; j++) {
          const y = skipAgent0OnK1 && k === 1 && j === 0 ? [] : [0, 1].map((t) => (2 * k + 1) * 2 ** (2 * j + t));
          expect(pool.byK[k].append(j, y)).to.equal(true);
        }
      }
      return pool;
    }

    it('writes sums and counts per coordinate, the same subset of points on every coordinate, and η² = α²(mean Y − mean Z)²', () => {
      const run = c3dHd.setup(inst, [], {});
      const pool = binaryPool();
      const before = Float64Array.from(pool.byK[0].values);
      const out = new HeteroAllocationBuffer(2);
      const rng = new Rng(11, 22, 33, 44);
      const N = 8000;
      const pairCounts = new Map<number, number>();
      let z1 = 0;
      let z2 = 0;
      for (let r = 0; r < N; r++) {
        out.reset();
        run.allocate(0, pool, rng, out);
        expect(Array.from(out.cleanCount)).to.deep.equal([2, 2]);
        expect(Array.from(out.corruptedCount)).to.deep.equal([6, 6]);
        expect(Number.isNaN(out.estimate[0]) && Number.isNaN(out.estimate[1])).to.equal(true);
        const zs = out.cleanSum[0];
        expect(out.cleanSum[1]).to.equal(3 * zs); // one subset of points across coordinates
        expect(zs % 4, 'no point of agent 0 in Z').to.equal(0);
        const bits = zs.toString(2).split('').filter((b) => b === '1').length;
        expect(bits).to.equal(2);
        pairCounts.set(zs, (pairCounts.get(zs) ?? 0) + 1);
        for (let k = 0; k < 2; k++) {
          const scale = 2 * k + 1;
          const meanY = (scale * 3) / 2; // agent 0 submits 1 and 2 (times the scale)
          const eta2 = alpha * alpha * (meanY - out.cleanSum[k] / 2) ** 2;
          expectRel(out.eta2[k], eta2, 1e-13, 'η²');
          const others = scale * (2 ** 10 - 4);
          const noise = (out.corruptedSum[k] - (others - out.cleanSum[k])) / Math.sqrt(6 * eta2);
          z1 += noise;
          z2 += noise * noise;
        }
      }
      expect(Array.from(pool.byK[0].values.subarray(0, 10))).to.deep.equal(Array.from(before.subarray(0, 10)), 'pool unchanged');
      // Z uniform over the 28 pairs of the 8 other points: χ² with 27 df, P(χ² > 61) ≈ 2e-4
      expect(pairCounts.size).to.equal(28);
      let chi2 = 0;
      for (const v of pairCounts.values()) chi2 += (v - N / 28) ** 2 / (N / 28);
      expect(chi2, 'χ²').to.be.below(61);
      // the corruption of Z' is N(0, η²) per point: standardized sums have mean 0, variance 1
      const M = 2 * N;
      expect(Math.abs(z1 / M), 'noise mean').to.be.below(4 / Math.sqrt(M));
      expect(Math.abs(z2 / M - 1), 'noise variance').to.be.below(4 * Math.sqrt(2 / M));
    });

    it('η² = ∞ and Z\' withheld where Y_{i,k} is empty; subsets per coordinate when the layouts differ; the index buffer is restored', () => {
      const pool = binaryPool(true);
      const out = new HeteroAllocationBuffer(2);
      const rng = new Rng(5, 6, 7, 8);
      const scratch = new IdentityPermutation();
      const a2 = alpha * alpha;
      out.reset();
      allocateC3dHd(0, pool, rng, out, a2, 2, scratch);
      expect(Array.from(out.cleanCount)).to.deep.equal([2, 2]);
      expect(Array.from(out.corruptedCount)).to.deep.equal([6, 0]);
      expect(out.eta2[1]).to.equal(Infinity);
      expect(Number.isFinite(out.eta2[0])).to.equal(true);
      expect(Array.from(scratch.view(8))).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
      // agent 1: Y_{−1} has 8 points on coordinate 0 and 6 on coordinate 1 (agent 0 sent none)
      const seen = new Set<number>();
      for (let r = 0; r < 400; r++) {
        out.reset();
        allocateC3dHd(1, pool, rng, out, a2, 2, scratch);
        expect(Array.from(out.cleanCount)).to.deep.equal([2, 2]);
        expect(Array.from(out.corruptedCount)).to.deep.equal([6, 4]);
        expect(out.cleanSum[1] % 3).to.equal(0);
        const z1 = out.cleanSum[1] / 3;
        expect(z1 & 0b1111, 'coordinate 1 never takes a point of agent 0 or 1').to.equal(0);
        seen.add(out.cleanSum[0] * 4096 + z1);
        const all = scratch.prepare(0);
        for (let g = 0; g < all.length; g++) expect(all[g]).to.equal(g);
      }
      // independent subsets: pairs (Z_0, Z_1) that a shared subset could not produce do occur
      expect([...seen].some((v) => Math.floor(v / 4096) !== v % 4096)).to.equal(true);
    });
  });

  describe('Monte Carlo against the exact penalties (4 SE, fixed seeds)', () => {
    const rounds = 15_000;
    for (const noise of ['uniform', 'gaussian'] as const) {
      it(`spec/000 §8 (c), ${noise} data: τ-weighted risk 0.0908953 (d = 3, m = 10, σ = 1, c = 0.003)`, () => {
        const inst = homogeneous(10, 3, 1, 0.001, noise);
        const run = c3dHd.setup(inst, [], {});
        const r = evaluate(inst, run, rounds, 2024);
        expect(r.grid, 'the recommended profile is scored at one μ (equivariant)').to.equal(1);
        const exact = c3dHdTheory(10, 1, 0.003, 3).agentPenalty;
        const mean = r.socialPenalty / 10;
        const se = r.socialStderr / 10;
        expect(se / (exact - 0.03), 'SE of the risk ≤ 0.35%').to.be.below(0.0035);
        expectWithin4SE(mean - 0.03, se, exact - 0.03, `risk, ${noise}`);
        for (const a of r.agents) expectWithin4SE(a.penalty, a.stderr, exact, `agent ${a.agent}, ${noise}`);
      });
    }

    it('the η-weighted s̃* over Gaussian data attains p^N (eq. (38)): it beats s*, within the factor 1 + E(m) < 1 + 5/m (Theorem 7 (i))', () => {
      const inst = homogeneous(10, 3, 1, 0.001, 'gaussian');
      const run = c3dHd.setup(inst, [], {});
      const t = c3dHdTheory(10, 1, 0.003, 3);
      const r = evaluate(inst, run, rounds, 77, etaWeighted);
      const a = r.agents[0];
      expectWithin4SE(a.penalty, a.stderr, t.gaussianPenalty, 'η-weighted deviator');
      expect(a.penalty + 4 * a.stderr).to.be.lessThan(t.agentPenalty); // a real gain
      expect(a.penalty).to.be.at.least(t.agentPenalty / (1 + 5 / 10) - 4 * a.stderr);
      // the others still get s*'s penalty: the deviator's estimator does not touch them
      expectWithin4SE(r.agents[5].penalty, r.agents[5].stderr, t.agentPenalty, 'a recommended agent');
    });

    it('Theorem 7 (i) by MC over uniform data: the η-weighted deviation gains at most the factor 1 + 5/m', () => {
      const inst = homogeneous(10, 3, 1, 0.001, 'uniform');
      const run = c3dHd.setup(inst, [], {});
      const p = run.theory.penalty({ strategy: 'recommended', params: {} }, 0)!;
      const a = evaluate(inst, run, rounds, 78, etaWeighted).agents[0];
      expect(a.penalty, `${a.penalty} ± ${a.stderr}`).to.be.at.least(p / (1 + 5 / 10) - 4 * a.stderr);
    });

    for (const [name, dev, params] of [
      ['under-collect coordinate 0 (n = 5)', collectOn(0, 5), { strategy: 'collect', params: { k: 0, n: 5 } }],
      ['over-collect coordinate 2 (n = 13)', collectOn(2, 13), { strategy: 'collect', params: { k: 2, n: 13 } }],
      ['submit nothing on coordinate 1', withholdOn(1, 0), { strategy: 'withhold', params: { k: 1, keep: 0 } }],
      ['submit 2 of 10 points on coordinate 1', withholdOn(1, 2), { strategy: 'withhold', params: { k: 1, keep: 2 } }],
    ] as const) {
      it(`deviation: ${name}, uniform data, matches its closed form and Theorem 7 (i)`, () => {
        const inst = homogeneous(10, 3, 1, 0.001, 'uniform');
        const run = c3dHd.setup(inst, [], {});
        const exact = run.theory.penalty(params, 0)!;
        const p = run.theory.penalty({ strategy: 'recommended', params: {} }, 0)!;
        const r = evaluate(inst, run, 8_000, 99, dev);
        expect(r.grid).to.equal(1);
        const a = r.agents[0];
        expectWithin4SE(a.penalty, a.stderr, exact, name);
        expect(a.penalty).to.be.at.least(p / (1 + 5 / 10) - 4 * a.stderr);
      });
    }

    it('non-integer n* (m = 6, d = 2, c/d = 0.01: n* = 4.08, n̄ = 5): the exact penalty at n̄', () => {
      const inst = homogeneous(6, 2, 1, 0.01, 'uniform');
      const run = c3dHd.setup(inst, [], {});
      expect(run.nRecommended[0]).to.deep.equal([5, 5]);
      const exact = run.theory.penalty({ strategy: 'recommended', params: {} }, 0)!;
      const r = evaluate(inst, run, 8_000, 5);
      expectWithin4SE(r.socialPenalty / 6, r.socialStderr / 6, exact, 'n̄ = 5');
    });

    it('m = 4 pools: p = (1 + 1/m)σ√(cd) (d = 2, c/d = 1/64, n* = 2)', () => {
      const inst = homogeneous(4, 2, 1, 1 / 64, 'gaussian');
      const run = c3dHd.setup(inst, [], {});
      const exact = c3dHdTheory(4, 1, 1 / 32, 2).agentPenalty;
      expectRel(exact, 0.3125, 1e-13, 'closed form');
      expectRel(run.theory.summary().agentPenalties[0], exact, 1e-13, 'summary');
      const r = evaluate(inst, run, 8_000, 3);
      expectWithin4SE(r.socialPenalty / 4, r.socialStderr / 4, exact, 'pooling');
    });
  });

  describe('reproducibility', () => {
    it('the same seed gives identical numbers, whatever the run played before; another seed does not', () => {
      const inst = homogeneous(7, 2, 1, 0.002, 'uniform');
      const runA = c3dHd.setup(inst, [], {});
      const runB = c3dHd.setup(inst, [], {});
      const first = evaluate(inst, runA, 300, 42);
      evaluate(inst, runA, 137, 9, collectOn(1, 3)); // leaves the mechanism's scratch state behind, if it had any
      const again = evaluate(inst, runA, 300, 42);
      const fresh = evaluate(inst, runB, 300, 42);
      expect(again).to.deep.equal(first);
      expect(fresh).to.deep.equal(first);
      expect(evaluate(inst, runB, 300, 43).socialPenalty).to.not.equal(first.socialPenalty);
    });
  });
});
