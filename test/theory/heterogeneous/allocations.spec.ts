/**
 * Allocations of seed 001 (spec/001 §1–§2.3, §5, §8) and the convex solver behind them.
 * Printed oracles are asserted to half a unit in their last printed digit (test/theory/oracle.ts);
 * solver-vs-closed-form comparisons use 1e-9 relative on n and 1e-10 on objectives, which the
 * interior-point method (duality gap ≤ 1e-12 relative) meets with margin.
 */
import { expect } from 'chai';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../src/core/instance.js';
import {
  ALLOCATION_RULES,
  type SolvedAllocation,
  allocate,
  bargainingClosedFormD1,
  checkKkt,
  egalitarian,
  kalaiSmorodinsky,
  ksUtopia,
  nashBargaining,
  optAllocation,
  optClosedFormD1,
  smPenalties,
  socialOptimum,
  socialPenalty,
  soloAllocation,
  soloPenalties,
  solveAllocation,
  totals,
} from '../../../src/theory/heterogeneous/allocations.js';
import { type ConvexFunction, ConvexSolverError, kktReport, solveConvex, solveSpd } from '../../../src/theory/heterogeneous/convex.js';
import { loadInstanceFile, parseInstanceFile } from '../../../src/theory/heterogeneous/instance-file.js';
import type { Allocation, HeteroInstance } from '../../../src/theory/heterogeneous/types.js';
import { expectExact, expectOracle, expectRel } from '../oracle.js';

const I = Infinity;
const FIG1: HeteroInstance = { sigma: 10, costs: [[0.033], [0.066], [0.1]] };
const S52: HeteroInstance = { sigma: 1, costs: [[1, 4], [4, 1]] };
const S53: HeteroInstance = { sigma: 10, costs: [[0.01, 0.09], [0.04, 0.04], [0.09, 0.01]] };
const S54: HeteroInstance = { sigma: 10, costs: [[0.01, 0.04], [0.04, 0.01], [0.04, 0.04]] };
/** d = 2 with infinite costs where agent 0's IR binds (she is the cheapest on both distributions). */
const D2INF: HeteroInstance = { sigma: 10, costs: [[0.01, 0.02], [0.05, I], [I, 0.09]] };
/** d = 2 where nobody has finite p^IND except agent 2. */
const D2INF_B: HeteroInstance = { sigma: 10, costs: [[0.02, I], [0.05, 0.03], [0.1, 0.01]] };
/** Thm 4 instance (19): c_{1,1} = γ, c_{1,2} = ∞; c_{i,1} = ∞, c_{i,2} = γ for i ≥ 2. */
function thm4(m: number, sigma: number, gamma: number): HeteroInstance {
  return { sigma, costs: Array.from({ length: m }, (_, i) => (i === 0 ? [gamma, I] : [I, gamma])) };
}
function homogeneous(m: number): HeteroInstance {
  return { sigma: 1, costs: Array.from({ length: m }, () => [1]) };
}
/** Deterministic LCG for random instances. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
function randomInstance(seed: number, m: number, d: number, infEvery = 0): HeteroInstance {
  const r = lcg(seed);
  const costs = Array.from({ length: m }, (_, i) => Array.from({ length: d }, (_, k) => (infEvery > 0 && (i + k) % infEvery === 0 && i > 0 ? I : 0.005 + 0.2 * r())));
  return { sigma: 1 + 20 * r(), costs };
}
const col = (n: Allocation, k = 0): number[] => n.map((row) => row[k] as number);
const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

/** All KKT quantities of a solver result ≤ 1e-9 (relative stationarity; complementarity and primal on the penalty scale). */
function expectKkt(inst: HeteroInstance, s: SolvedAllocation, label: string): void {
  const k = checkKkt(s);
  const scale = Math.max(...smPenalties(inst, s.allocation));
  expect(k.stationarity, `${label} stationarity`).to.be.at.most(1e-9);
  expect(k.dualViolation, `${label} dual`).to.be.at.most(1e-12);
  expect(k.primalViolation / scale, `${label} primal`).to.be.at.most(1e-9);
  expect(k.complementarity / scale, `${label} complementarity`).to.be.at.most(1e-9);
}
function solveChecked(inst: HeteroInstance, rule: 'opt' | 'nash' | 'egalitarian' | 'ks', label: string): SolvedAllocation {
  const s = solveAllocation(inst, rule);
  expectKkt(inst, s, `${label} ${rule}`);
  return s;
}
/** IR: p_i(M_SM, n) ≤ p_i^IND (1e-9 relative slack for the snapped optimum). */
function expectIR(inst: HeteroInstance, n: Allocation, label: string): void {
  const p = smPenalties(inst, n);
  soloPenalties(inst).forEach((q, i) => expect(p[i] as number, `${label} IR agent ${i}`).to.be.at.most(q * (1 + 1e-9)));
}
/** Zero on infinite-cost entries and nonnegative everywhere. */
function expectSupport(inst: HeteroInstance, n: Allocation, label: string): void {
  n.forEach((row, i) =>
    row.forEach((v, k) => {
      expect(v, `${label} n[${i}][${k}]`).to.be.at.least(0);
      if ((inst.costs[i] as number[])[k] === I) expect(v, `${label} n[${i}][${k}] on c = ∞`).to.equal(0);
    }),
  );
}

/** spec/001 §2.3 [derived here]: d = 1 utopia p_i^best — agent i collects 0, the others' IR binds: N² − AN + σ²B = 0. */
function utopiaD1(inst: HeteroInstance): number[] {
  const s = inst.sigma;
  const c = inst.costs.map((r) => r[0] as number);
  return c.map((_, i) => {
    const others = c.filter((_, j) => j !== i);
    const A = 2 * s * sum(others.map((v) => 1 / Math.sqrt(v)));
    const B = sum(others.map((v) => 1 / v));
    const N = (A + Math.sqrt(A * A - 4 * s * s * B)) / 2;
    return (s * s) / N;
  });
}

describe('theory/heterogeneous/convex: primal–dual interior-point solver', () => {
  const quad = (a: number[], w: number[] = a.map(() => 1)): ConvexFunction => ({
    value: (x) => sum(x.map((v, i) => (w[i] as number) * (v - (a[i] as number)) ** 2)),
    gradient: (x) => x.map((v, i) => 2 * (w[i] as number) * (v - (a[i] as number))),
    hessian: (x) => x.map((_, i) => x.map((__, j) => (i === j ? 2 * (w[i] as number) : 0))),
  });
  const affine = (c: number[], b: number): ConvexFunction => ({
    value: (x) => sum(x.map((v, i) => (c[i] as number) * v)) - b,
    gradient: () => [...c],
    hessian: () => c.map(() => c.map(() => 0)),
  });

  it('projection of (3, 1) onto {x + y ≤ 1, x, y ≥ 0}: corner (1, 0), value 5, λ = 4, ν_y = 2', () => {
    const p = { dimension: 2, objective: quad([3, 1]), constraints: [affine([1, 1], 1)], start: [0.2, 0.2] };
    const s = solveConvex(p);
    expect(Math.abs((s.x[0] as number) - 1)).to.be.below(1e-9);
    expect(s.x[1] as number).to.be.below(1e-9);
    expectRel(s.value, 5, 1e-10);
    expectRel(s.multipliers[0] as number, 4, 1e-8); // ∂f/∂x + λ = 2(1 − 3) + λ = 0
    expectRel(s.boundMultipliers[1] as number, 2, 1e-8); // ∂f/∂y + λ − ν = −2 + 4 − ν = 0
    const k = kktReport(p, [1, 0], s.multipliers);
    expect(Math.max(k.stationarity, k.complementarity, k.primalViolation, k.dualViolation)).to.be.below(1e-9);
  });

  it('nonlinear constraint with free variables: min −x − y s.t. x² + y² ≤ 1 gives (1/√2, 1/√2)', () => {
    const circle: ConvexFunction = {
      value: (x) => (x[0] as number) ** 2 + (x[1] as number) ** 2 - 1,
      gradient: (x) => [2 * (x[0] as number), 2 * (x[1] as number)],
      hessian: () => [
        [2, 0],
        [0, 2],
      ],
    };
    const p = { dimension: 2, objective: affine([-1, -1], 0), constraints: [circle], nonnegative: [false, false], start: [-0.5, 0.1] };
    const s = solveConvex(p);
    expectRel(s.x[0] as number, Math.SQRT1_2, 1e-9);
    expectRel(s.x[1] as number, Math.SQRT1_2, 1e-9);
    expectRel(s.value, -Math.SQRT2, 1e-11);
    const k = kktReport(p, s.x, s.multipliers);
    expect(Math.max(k.stationarity, k.complementarity, k.primalViolation, k.dualViolation)).to.be.below(1e-10);
  });

  it('kktReport flags a non-optimal point', () => {
    const p = { dimension: 2, objective: quad([3, 1]), constraints: [affine([1, 1], 1)], start: [0.2, 0.2] };
    expect(kktReport(p, [0.5, 0.5], [1]).stationarity).to.be.above(0.1);
    expect(kktReport(p, [1, 0.5], [4]).primalViolation).to.be.closeTo(0.5, 1e-15);
    expect(kktReport(p, [1, 0], [-1]).dualViolation).to.equal(1);
  });

  it('rejects an infeasible start', () => {
    const p = { dimension: 2, objective: quad([2, 1]), constraints: [affine([1, 1], 1)], start: [1, 1] };
    expect(() => solveConvex(p)).to.throw(ConvexSolverError, /strictly feasible/);
    expect(() => solveConvex({ ...p, start: [0, 0.5] })).to.throw(ConvexSolverError, /strictly feasible/);
  });

  it('solveSpd agrees with ml-matrix Cholesky on a badly scaled SPD matrix', () => {
    const r = lcg(7);
    const n = 12;
    const A = Matrix.rand(n, n, { random: r });
    const D = Matrix.diag(Array.from({ length: n }, (_, i) => 10 ** (i - 6)));
    const S0 = D.mmul(A.mmul(A.transpose()).add(Matrix.eye(n).mul(0.5))).mmul(D);
    const S = S0.add(S0.transpose()).mul(0.5);
    const b = Array.from({ length: n }, () => r() - 0.5);
    const x = solveSpd(S.to2DArray(), b);
    const ref = new CholeskyDecomposition(S).solve(Matrix.columnVector(b)).getColumn(0);
    x.forEach((v, i) => expectRel(v, ref[i] as number, 1e-6, `x[${i}]`));
    const back = S.mmul(Matrix.columnVector(x)).getColumn(0);
    const mag = S.abs().mmul(Matrix.columnVector(x.map(Math.abs))).getColumn(0); // (|S||x|)_i: the backward-error scale
    back.forEach((v, i) => expect(Math.abs(v - (b[i] as number)), `row ${i}`).to.be.below(1e-13 * (mag[i] as number)));
  });
});

describe('theory/heterogeneous/allocations', () => {
  describe('Fact 1 and Fact 2 (spec/001 §8 oracles 1, 2, 8, 10)', () => {
    it('oracle 1: n^IND = σ/√c and p^IND = 2σΣ√c (Fig. 1)', () => {
      ['55.04819', '38.92495', '31.62278'].forEach((o, i) => expectOracle(col(soloAllocation(FIG1))[i] as number, o, `n^IND_${i + 1}`));
      ['3.633180', '5.138093', '6.324555'].forEach((o, i) => expectOracle(soloPenalties(FIG1)[i] as number, o, `p^IND_${i + 1}`));
      expectOracle(sum(soloPenalties(FIG1)), '15.0958', 'Σ p^IND');
      expectExact(soloPenalties(S54)[2] as number, 8);
    });

    it('oracle 8: the Thm 2/3 floor p^IND/2 = σΣ√c is 1.81659, 2.56905, 3.16228', () => {
      ['1.81659', '2.56905', '3.16228'].forEach((o, i) => expectOracle((soloPenalties(FIG1)[i] as number) / 2, o, `agent ${i + 1}`));
    });

    it('p^IND = ∞ with an infinite cost; n^IND is 0 there', () => {
      expect(soloPenalties(D2INF)).to.deep.equal([2 * 10 * (0.1 + Math.sqrt(0.02)), I, I]);
      expect(soloAllocation(D2INF)[1]).to.deep.equal([10 / Math.sqrt(0.05), 0]);
    });

    it('Fact 2 / eq. (5): Σ_i p_i = Σ_k (mσ²/N_k + Σ_i c n); 0·∞ = 0; N_k = 0 gives ∞', () => {
      const n = [
        [100, 60],
        [20, 0],
        [0, 10],
      ];
      const p = smPenalties(D2INF, n);
      expectExact(p[0] as number, 100 / 120 + 100 / 70 + 0.01 * 100 + 0.02 * 60);
      expectExact(p[1] as number, 100 / 120 + 100 / 70 + 0.05 * 20);
      expectExact(p[2] as number, 100 / 120 + 100 / 70 + 0.09 * 10);
      expectExact(socialPenalty(D2INF, n), (3 * 100) / 120 + (3 * 100) / 70 + 0.01 * 100 + 0.02 * 60 + 0.05 * 20 + 0.09 * 10);
      expect(smPenalties(S52, [
        [1, 0],
        [1, 0],
      ])).to.deep.equal([I, I]);
      expect(totals(n)).to.deep.equal([120, 70]);
    });

    it('spec/001 §5.1: the alone allocation pooled under M_SM gives 2.61279, 3.36525, 3.95848', () => {
      ['2.61279', '3.36525', '3.95848'].forEach((o, i) => expectOracle(smPenalties(FIG1, soloAllocation(FIG1))[i] as number, o, `agent ${i + 1}`));
    });

    it('spec/001 §5.4: p_SM(n^B) = (3.17866, 3.17866, 1.97866), p^IND = (6, 6, 8), n^B ∈ 𝒩', () => {
      const nB = [
        [100, 10],
        [10, 100],
        [5, 0],
      ];
      ['3.17866', '3.17866', '1.97866'].forEach((o, i) => expectOracle(smPenalties(S54, nB)[i] as number, o, `agent ${i + 1}`));
      soloPenalties(S54).forEach((v, i) => expectExact(v, [6, 6, 8][i] as number));
      expectIR(S54, nB, '§5.4');
    });

    it('oracle 10: at n^OPT agent 2 free-rides under M_SM: p_2 = 100/71.17143 = 1.405058, gain 0.320244', () => {
      const n = optAllocation(FIG1);
      const fr = n.map((row, i) => (i === 1 ? [0] : [...row]));
      const p2 = smPenalties(FIG1, fr)[1] as number;
      expectOracle(p2, '1.405058', 'free-riding p_2');
      expectOracle((smPenalties(FIG1, n)[1] as number) - p2, '0.320244', 'gain');
    });
  });

  describe('unconstrained social optimum (spec/001 §2.1, oracle 2)', () => {
    it('Fig. 1 (b): n = (95.3463, 0, 0), p = (4.19524, 1.04881, 1.04881), P = 6.29285 = 2σ√(m c_min)', () => {
      const n = socialOptimum(FIG1);
      expectOracle(col(n)[0] as number, '95.3463', 'n_1');
      expect(col(n).slice(1)).to.deep.equal([0, 0]);
      ['4.19524', '1.04881', '1.04881'].forEach((o, i) => expectOracle(smPenalties(FIG1, n)[i] as number, o, `p_${i + 1}`));
      expectOracle(socialPenalty(FIG1, n), '6.292853', 'P');
      expectExact(socialPenalty(FIG1, n), 2 * 10 * Math.sqrt(3 * 0.033));
      // collector: σ√c(√m + 1/√m); others σ√c_min/√m
      expectExact(smPenalties(FIG1, n)[0] as number, 10 * Math.sqrt(0.033) * (Math.sqrt(3) + 1 / Math.sqrt(3)));
      expectExact(smPenalties(FIG1, n)[2] as number, (10 * Math.sqrt(0.033)) / Math.sqrt(3));
    });

    it('ties go to the lowest index; infinite costs are skipped; every agent counts in m', () => {
      const n = socialOptimum({ sigma: 2, costs: [[I, 0.5], [0.25, 0.5], [0.25, I]] });
      expect(n).to.deep.equal([
        [0, 2 * Math.sqrt(3 / 0.5)],
        [2 * Math.sqrt(3 / 0.25), 0],
        [0, 0],
      ]);
    });
  });

  describe('Fig. 1 table (spec/001 §5.1), to the printed digits', () => {
    const rows: Record<'alone' | 'social' | 'opt' | 'nash' | 'egalitarian' | 'ks', { n: string[]; p: string[]; social: string }> = {
      alone: { n: ['55.05', '38.92', '31.62'], p: ['2.61279', '3.36525', '3.95848'], social: '15.0958' },
      social: { n: ['95.3463', '0', '0'], p: ['4.19524', '1.04881', '1.04881'], social: '6.29285' },
      opt: { n: ['71.17143', '6.67847', '0'], p: ['3.63318', '1.72530', '1.28452'], social: '6.64301' },
      nash: { n: ['35.3182', '23.4181', '15.7315'], p: ['2.50836', '2.88846', '2.91602'], social: '8.31283' },
      egalitarian: { n: ['40.6928', '20.3464', '13.4286'], p: ['2.68572', '2.68572', '2.68572'], social: '8.05717' },
      ks: { n: ['27.9353', '24.5506', '21.9819'], p: ['2.26473', '2.96320', '3.54106'], social: '8.76898' },
    };
    for (const [rule, row] of Object.entries(rows)) {
      it(`${rule}: n = (${row.n.join(', ')}), p = (${row.p.join(', ')})`, () => {
        const n = allocate(FIG1, rule as keyof typeof rows);
        row.n.forEach((o, i) => expectOracle(col(n)[i] as number, o, `${rule} n_${i + 1}`));
        if (rule === 'alone') expectOracle(sum(soloPenalties(FIG1)), row.social, 'alone social (each works alone)');
        else {
          row.p.forEach((o, i) => expectOracle(smPenalties(FIG1, n)[i] as number, o, `${rule} p_${i + 1}`));
          expectOracle(socialPenalty(FIG1, n), row.social, `${rule} social`);
        }
      });
    }

    it('n^OPT_3 is snapped to exactly 0 and agent 1 IR binds (oracle 3): N = 77.849894, P = 6.643006', () => {
      const s = solveChecked(FIG1, 'opt', 'Fig. 1');
      expect(col(s.allocation)[2]).to.equal(0);
      expectOracle(sum(col(s.allocation)), '77.849894', 'N');
      ['3.633180', '1.725302', '1.284523'].forEach((o, i) => expectOracle(smPenalties(FIG1, s.allocation)[i] as number, o, `p_${i + 1}`));
      expectOracle(socialPenalty(FIG1, s.allocation), '6.643006', 'P');
      expectRel(smPenalties(FIG1, s.allocation)[0] as number, soloPenalties(FIG1)[0] as number, 1e-10, 'agent 1 IR tight');
    });

    it('oracle 4: NB, EB, KS share N = σ√H = 74.46781 (H = 55.4545); EB penalty 2σ/√H = 2.685724; NB gains/c_i = 34.085', () => {
      const H = sum(FIG1.costs.map((r) => 1 / (r[0] as number)));
      expectOracle(H, '55.4545', 'H');
      for (const rule of ['nash', 'egalitarian', 'ks'] as const) expectOracle(sum(col(allocate(FIG1, rule))), '74.46781', `${rule} N`);
      smPenalties(FIG1, egalitarian(FIG1)).forEach((p) => expectOracle(p, '2.685724', 'EB penalty'));
      const nb = smPenalties(FIG1, nashBargaining(FIG1));
      soloPenalties(FIG1).forEach((q, i) => expectOracle((q - (nb[i] as number)) / (FIG1.costs[i]?.[0] as number), '34.085', `NB gain_${i + 1}/c`));
    });

    it('KS utopia p^best = (0.832192, 0.686457, 0.627208) and λ = 0.488561', () => {
      const best = ksUtopia(FIG1);
      ['0.832192', '0.686457', '0.627208'].forEach((o, i) => expectOracle(best[i] as number, o, `p^best_${i + 1}`));
      const s = solveChecked(FIG1, 'ks', 'Fig. 1');
      expectOracle(s.x[s.x.length - 1] as number, '0.488561', 'λ');
    });

    it("the paper's App. C prints n to integers and p to 2 decimals: every value within 1 and 0.01", () => {
      // App. C: 55/39/32, 95/0/0, 71/7/0, 35/23/16, 41/21/14; EB's 21/14 are ceilings of 20.35/13.43 (see report)
      const paper: [string, number[], number[]][] = [
        ['social', [95, 0, 0], [4.19, 1.05, 1.05]],
        ['opt', [71, 7, 0], [3.63, 1.72, 1.28]],
        ['nash', [35, 23, 16], [2.5, 2.89, 2.92]],
        ['egalitarian', [41, 21, 14], [2.69, 2.69, 2.69]],
      ];
      for (const [rule, n, p] of paper) {
        const a = allocate(FIG1, rule as 'opt');
        n.forEach((v, i) => expect(Math.abs((col(a)[i] as number) - v), `${rule} n_${i + 1}`).to.be.below(1));
        p.forEach((v, i) => expect(Math.abs((smPenalties(FIG1, a)[i] as number) - v), `${rule} p_${i + 1}`).to.be.below(0.01));
      }
      col(soloAllocation(FIG1)).forEach((v, i) => expect(Math.round(v)).to.equal([55, 39, 32][i]));
    });
  });

  describe('d = 1 closed forms (spec/001 §2.2–2.3) vs the solver', () => {
    const instances: HeteroInstance[] = [
      FIG1,
      { sigma: 3, costs: [[0.01], [0.02], [0.05], [0.07], [0.2]] },
      { sigma: 1, costs: [[0.5], [0.6], [0.6], [0.9]] },
      ...[11, 12, 13].map((seed) => {
        const r = randomInstance(seed, 6, 1);
        return { sigma: r.sigma, costs: [...r.costs].sort((a, b) => (a[0] as number) - (b[0] as number)) };
      }),
    ];

    instances.forEach((inst, ix) => {
      it(`instance ${ix}: n^OPT = closed form (1e-9), P to 1e-10, KKT`, () => {
        const cf = optClosedFormD1(inst);
        expect(cf, 'closed form valid here').to.not.equal(null);
        const s = solveChecked(inst, 'opt', `d1#${ix}`);
        const n = col(s.allocation);
        const e = col(cf as Allocation);
        const c = inst.costs.map((r) => r[0] as number);
        expectRel(n[0] as number, e[0] as number, 1e-9, 'n_1');
        expectRel(sum(n), sum(e), 1e-10, 'N');
        if (new Set(c).size === c.length) n.forEach((v, i) => (e[i] === 0 ? expect(v).to.equal(0) : expectRel(v, e[i] as number, 1e-9, `n_${i + 1}`)));
        // with tied costs the argmin is not unique (spec/001 §2.2): only n_1, N and P are determined
        expectRel(socialPenalty(inst, s.allocation), socialPenalty(inst, cf as Allocation), 1e-10, 'P');
        // the KKT multiplier of agent 1's IR is c_2/c_1 − 1 [derived: c_1(1+λ_1) = c_2 = σ²(m+λ_1)/N²]
        expectRel(s.multipliers[0] as number, (c[1] as number) / (c[0] as number) - 1, 1e-6, 'λ_1');
      });

      it(`instance ${ix}: EB, NB, KS = closed forms on N = σ√H (1e-9), objectives to 1e-10, KKT`, () => {
        const H = sum(inst.costs.map((r) => 1 / (r[0] as number)));
        const pind = soloPenalties(inst);
        const best = ksUtopia(inst);
        utopiaD1(inst).forEach((v, i) => expectRel(best[i] as number, v, 1e-9, `p^best_${i + 1}`));
        for (const rule of ['egalitarian', 'nash', 'ks'] as const) {
          const cf = bargainingClosedFormD1(inst, rule, best);
          const s = solveChecked(inst, rule, `d1#${ix}`);
          if (cf === null) {
            // not interior: the closed form does not apply; the solver must then put some agent at 0
            expect(rule, 'EB is always interior in d = 1').to.not.equal('egalitarian');
            expect(ix, 'Fig. 1 solutions are interior').to.not.equal(0);
            expect(Math.min(...col(s.allocation)), `${rule} has a zero`).to.equal(0);
            expectIR(inst, s.allocation, rule);
            continue;
          }
          col(s.allocation).forEach((v, i) => expectRel(v, col(cf as Allocation)[i] as number, 1e-9, `${rule} n_${i + 1}`));
          expectRel(sum(col(s.allocation)), inst.sigma * Math.sqrt(H), 1e-10, `${rule} N = σ√H`);
          const p = smPenalties(inst, s.allocation);
          const pc = smPenalties(inst, cf as Allocation);
          if (rule === 'egalitarian') expectRel(Math.max(...p), (2 * inst.sigma) / Math.sqrt(H), 1e-10, 'EB max penalty');
          if (rule === 'nash') {
            const logProd = (q: number[]) => sum(pind.map((v, i) => Math.log(v - (q[i] as number))));
            expect(Math.abs(logProd(p) - logProd(pc)), 'NB log product').to.be.below(1e-10);
          }
          if (rule === 'ks') {
            const lam = (q: number[]) => Math.min(...pind.map((v, i) => (v - (q[i] as number)) / (v - (best[i] as number))));
            expectRel(lam(p), lam(pc), 1e-10, 'KS λ');
          }
          expectIR(inst, s.allocation, rule);
        }
      });
    });
  });

  describe('spec/001 §5.2–§5.6 instances (n^OPT), oracles 5 (allocation part) and 9', () => {
    it('§5.2: n^OPT = diag(√2, √2), p = (2√2, 2√2), social 5.65685', () => {
      const s = solveChecked(S52, 'opt', '§5.2');
      expectRel(s.allocation[0]?.[0] as number, Math.SQRT2, 1e-9);
      expectRel(s.allocation[1]?.[1] as number, Math.SQRT2, 1e-9);
      expect([s.allocation[0]?.[1], s.allocation[1]?.[0]]).to.deep.equal([0, 0]);
      smPenalties(S52, s.allocation).forEach((p) => expectRel(p, 2 * Math.SQRT2, 1e-10));
      expectOracle(socialPenalty(S52, s.allocation), '5.65685', 'social');
    });

    it('§5.3: n^OPT is the social optimum (173.205 on (1,1) and (3,2)), p = (2.88675, 1.15470, 2.88675)', () => {
      const s = solveChecked(S53, 'opt', '§5.3');
      expectOracle(s.allocation[0]?.[0] as number, '173.205', 'n_11');
      expectOracle(s.allocation[2]?.[1] as number, '173.205', 'n_32');
      expect(s.allocation.flat().filter((v) => v > 0)).to.have.length(2);
      ['2.88675', '1.15470', '2.88675'].forEach((o, i) => expectOracle(smPenalties(S53, s.allocation)[i] as number, o, `p_${i + 1}`));
      expectRel(socialPenalty(S53, s.allocation), socialPenalty(S53, socialOptimum(S53)), 1e-10);
    });

    it('§5.5: homogeneous σ = c = 1, n^OPT has N = √m and P = 2√m (n_i = 1/√m is one argmin)', () => {
      for (const m of [2, 4, 9, 16, 25]) {
        const inst = homogeneous(m);
        const s = solveChecked(inst, 'opt', `hom m=${m}`);
        expectRel(sum(col(s.allocation)), Math.sqrt(m), 1e-9, `N m=${m}`);
        expectRel(socialPenalty(inst, s.allocation), 2 * Math.sqrt(m), 1e-10, `P m=${m}`);
        expectRel(socialPenalty(inst, Array.from({ length: m }, () => [1 / Math.sqrt(m)])), 2 * Math.sqrt(m), 1e-12);
      }
    });

    it('oracle 9 / §5.6 (Thm 4 instance): all p^IND = ∞, OPT = 4σ√(mγ), n_11 = Σ_{i≥2} n_i2 = σ√(m/γ)', () => {
      for (const [m, sigma, gamma] of [
        [4, 1, 1],
        [16, 1, 1],
        [5, 2, 0.3],
      ] as const) {
        const inst = thm4(m, sigma, gamma);
        expect(soloPenalties(inst).every((p) => p === I)).to.equal(true);
        const s = solveChecked(inst, 'opt', `thm4 m=${m}`);
        expectRel(socialPenalty(inst, s.allocation), 4 * sigma * Math.sqrt(m * gamma), 1e-10, 'OPT');
        expectRel(s.allocation[0]?.[0] as number, sigma * Math.sqrt(m / gamma), 1e-9, 'n_11');
        expectRel(sum(col(s.allocation, 1)), sigma * Math.sqrt(m / gamma), 1e-9, 'Σ n_i2');
        expectSupport(inst, s.allocation, 'thm4');
      }
      for (const m of [4, 16, 100]) expectRel(4 * Math.sqrt(m), [8, 16, 40][[4, 16, 100].indexOf(m)] as number, 1e-15);
    });

    it('§5.4 instance: every solver rule is IR and KKT-certified', () => {
      for (const rule of ['opt', 'nash', 'egalitarian', 'ks'] as const) expectIR(S54, solveChecked(S54, rule, '§5.4').allocation, rule);
    });
  });

  describe('d = 2 with infinite costs', () => {
    it('n^OPT: IR of the only finite-p^IND agent binds; zeros on ∞ entries; KKT', () => {
      const s = solveChecked(D2INF, 'opt', 'D2INF');
      expectSupport(D2INF, s.allocation, 'opt');
      expectRel(smPenalties(D2INF, s.allocation)[0] as number, soloPenalties(D2INF)[0] as number, 1e-10, 'agent 0 IR tight');
      // it beats the social optimum restricted to IR: the unconstrained optimum violates agent 0's IR
      const sp = socialOptimum(D2INF);
      expect(smPenalties(D2INF, sp)[0] as number).to.be.above(soloPenalties(D2INF)[0] as number);
      expect(socialPenalty(D2INF, s.allocation)).to.be.at.least(socialPenalty(D2INF, sp));
    });

    it('n^OPT equals the social optimum when IR is slack (D2INF_B), KKT', () => {
      const s = solveChecked(D2INF_B, 'opt', 'D2INF_B');
      expectRel(socialPenalty(D2INF_B, s.allocation), socialPenalty(D2INF_B, socialOptimum(D2INF_B)), 1e-10);
      expectRel(s.allocation[0]?.[0] as number, 10 * Math.sqrt(3 / 0.02), 1e-9);
      expectRel(s.allocation[2]?.[1] as number, 10 * Math.sqrt(3 / 0.01), 1e-9);
    });

    it('egalitarian works (IR vacuous where p^IND = ∞) and equalises penalties here; KKT', () => {
      for (const inst of [D2INF, D2INF_B, thm4(4, 1, 1)]) {
        const s = solveChecked(inst, 'egalitarian', 'EB');
        expectSupport(inst, s.allocation, 'EB');
        expectIR(inst, s.allocation, 'EB');
        const p = smPenalties(inst, s.allocation);
        expect(Math.max(...p)).to.be.at.most(Math.max(...smPenalties(inst, optAllocation(inst))) * (1 + 1e-12));
      }
    });

    it('Nash and KS throw a clear error when some p^IND = ∞', () => {
      expect(() => nashBargaining(D2INF)).to.throw(/Nash bargaining: agent 1 cannot sample every distribution, so p\^IND_1 = ∞/);
      expect(() => kalaiSmorodinsky(D2INF)).to.throw(/Kalai–Smorodinsky: agent 1 cannot sample every distribution/);
      expect(() => allocate(thm4(3, 1, 1), 'nash')).to.throw(/p\^IND_0 = ∞/);
    });
  });

  describe('random instances: every rule KKT-certified, IR, zeros on ∞', () => {
    for (const [seed, m, d, infEvery] of [
      [101, 8, 2, 0],
      [102, 12, 3, 0],
      [103, 10, 3, 4],
    ] as const) {
      it(`seed ${seed}: m = ${m}, d = ${d}${infEvery ? ', with ∞ costs' : ''}`, () => {
        const inst = randomInstance(seed, m, d, infEvery);
        const rules = soloPenalties(inst).every(Number.isFinite) ? (['opt', 'nash', 'egalitarian', 'ks'] as const) : (['opt', 'egalitarian'] as const);
        let optP = I;
        for (const rule of rules) {
          const s = solveChecked(inst, rule, `seed ${seed}`);
          expectSupport(inst, s.allocation, rule);
          expectIR(inst, s.allocation, rule);
          if (rule === 'opt') optP = socialPenalty(inst, s.allocation);
          else expect(socialPenalty(inst, s.allocation)).to.be.at.least(optP * (1 - 1e-10)); // n^OPT minimises P over 𝒩
        }
        if (infEvery) expect(() => nashBargaining(inst)).to.throw(/p\^IND/);
      });
    }
  });

  describe('degenerate and dispatch cases', () => {
    it('a single agent, or one agent who is the only possible sampler: 𝒩 = {n^IND}', () => {
      const one: HeteroInstance = { sigma: 2, costs: [[0.1, 0.4]] };
      for (const rule of ['opt', 'nash', 'egalitarian', 'ks'] as const) expect(allocate(one, rule)).to.deep.equal(soloAllocation(one));
      const lone: HeteroInstance = { sigma: 2, costs: [[0.1], [I]] };
      expect(optAllocation(lone)).to.deep.equal(soloAllocation(lone));
      expect(egalitarian(lone)).to.deep.equal(soloAllocation(lone));
      expect(() => nashBargaining(lone)).to.throw(/p\^IND_1 = ∞/);
    });

    it('allocate covers every rule name; unknown rules and bad instances throw', () => {
      for (const rule of ALLOCATION_RULES) expect(allocate(FIG1, rule)).to.have.length(3);
      expect(() => allocate(FIG1, 'fair' as 'opt')).to.throw(/unknown allocation rule "fair"/);
      expect(() => optAllocation({ sigma: 1, costs: [[1, I], [2, I]] })).to.throw(/distribution 1 cannot be sampled/);
      expect(() => soloPenalties({ sigma: 0, costs: [[1]] })).to.throw(/sigma/);
      expect(() => smPenalties(FIG1, [[1], [2]])).to.throw(/2 rows, expected 3/);
    });
  });
});

describe('theory/heterogeneous/instance-file', () => {
  const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const bad = (json: unknown, field: string, message: RegExp): void => {
    let err: unknown;
    try {
      parseInstanceFile(json, 'instance.json');
    } catch (e) {
      err = e;
    }
    expect(err, `expected an InputError for ${field}`).to.be.instanceOf(InputError);
    expect((err as InputError).field).to.equal(field);
    expect((err as InputError).message).to.match(message);
  };
  const ok = { sigma: 10, costs: [[0.033], [0.066], [0.1]] };

  it('parses the Fig. 1 fixture; allocation defaults to "opt"', () => {
    const f = loadInstanceFile(fixture('fig1.json'));
    expect(f.instance).to.deep.equal({ sigma: 10, costs: [[0.033], [0.066], [0.1]] });
    expect(f.allocation).to.equal('opt');
    expect(parseInstanceFile(ok, 'x').allocation).to.equal('opt');
    expect(parseInstanceFile({ ...ok, allocation: 'ks' }, 'x').allocation).to.equal('ks');
  });

  it('null and "inf" costs become Infinity; explicit allocations are kept', () => {
    const f = loadInstanceFile(fixture('d2-infinite.json'));
    expect(f.instance.costs).to.deep.equal([
      [0.01, 0.02],
      [0.05, I],
      [I, 0.09],
    ]);
    expect(f.allocation).to.deep.equal([
      [100, 60],
      [20, 0],
      [0, 10],
    ]);
    expect(parseInstanceFile({ sigma: 1, costs: [[1, 'Infinity'], [null, 2]] }, 'x').instance.costs).to.deep.equal([
      [1, I],
      [I, 2],
    ]);
  });

  it('validation errors name the file and the path', () => {
    bad([1, 2], 'instance.json: (top level)', /must be an object/);
    bad({ ...ok, sigma: 0 }, 'instance.json: sigma', /finite number > 0/);
    bad({ costs: ok.costs }, 'instance.json: sigma', /got undefined/);
    bad({ ...ok, costs: [] }, 'instance.json: costs', /non-empty array/);
    bad({ ...ok, costs: [[0.1, 0.2], [0.1, 0.2], [0.1]] }, 'instance.json: costs[2]', /has 1 entries, expected 2/);
    bad({ ...ok, costs: [[0.1], [-0.066], [0.1]] }, 'instance.json: costs[1][0]', /must be > 0 \(got -0.066\)/);
    bad({ ...ok, costs: [[0.1], [0.066], [0]] }, 'instance.json: costs[2][0]', /must be > 0 \(got 0\)/);
    bad({ ...ok, costs: [[0.1], ['cheap'], [0.1]] }, 'instance.json: costs[1][0]', /must be a number > 0.*got "cheap"/);
    bad({ ...ok, costs: [[0.1], [true], [0.1]] }, 'instance.json: costs[1][0]', /got true/);
    bad({ ...ok, costs: [[0.1, null], [0.1, 'inf']] }, 'instance.json: costs[*][1]', /distribution 1 cannot be sampled by any agent/);
    bad({ ...ok, allocation: 'fair' }, 'instance.json: allocation', /unknown rule "fair" \(expected one of opt, nash, egalitarian, ks, social, alone/);
    bad({ ...ok, allocation: 3 }, 'instance.json: allocation', /rule name .* or an m×d matrix/);
    bad({ ...ok, allocation: [[1], [2]] }, 'instance.json: allocation', /has 2 rows, expected 3/);
    bad({ ...ok, allocation: [[1], [2, 3], [1]] }, 'instance.json: allocation[1]', /has 2 entries, expected 1/);
    bad({ ...ok, allocation: [[1], [-2], [1]] }, 'instance.json: allocation[1][0]', /must be >= 0 \(got -2\)/);
    bad({ ...ok, allocation: [[1], ['x'], [1]] }, 'instance.json: allocation[1][0]', /finite number >= 0/);
    bad({ sigma: 1, costs: [[1, null], [1, 1]], allocation: [[1, 2], [1, 1]] }, 'instance.json: allocation[0][1]', /agent 0 cannot sample distribution 1.*must be 0/);
    bad({ sigma: 1, costs: [[1, 1], [1, 1]], allocation: [[1, 0], [1, 0]] }, 'instance.json: allocation[*][1]', /nobody collects distribution 1/);
    bad({ ...ok, sigm: 10 }, 'instance.json: sigm', /unknown key/);
  });

  it('loadInstanceFile: invalid JSON and bad rows name the file', () => {
    expect(() => loadInstanceFile(fixture('bad-json.json'))).to.throw(InputError, /bad-json\.json/);
    expect(() => loadInstanceFile(fixture('bad-row.json'))).to.throw(InputError, /bad-row\.json: costs\[2\]: has 1 entries, expected 2/);
    expect(() => loadInstanceFile(fixture('missing.json'))).to.throw(InputError, /missing\.json/);
  });

  it('a parsed file feeds allocate()', () => {
    const f = loadInstanceFile(fixture('fig1.json'));
    expectOracle(socialPenalty(f.instance, allocate(f.instance, f.allocation as 'opt')), '6.643006', 'P');
  });
});
