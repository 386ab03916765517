/**
 * Oracles of spec/001 (seed 001, Clinton et al. ICML 2025) for Compute-n-Approx (Alg. 1), the
 * favorable condition (8), M_CBL (Alg. 2), the corruption coefficient α (App. B, corrected G),
 * the analytic penalty engine (spec/001 §3), Thms 1–5 and the Thm 4 instance.
 *
 * Input allocations: the n^OPT / bargaining solver (allocations.ts) is written by another engineer
 * and is not used here. Where spec/001 gives a closed form for the input allocation (n^OPT for d = 1,
 * §2.2; NB and EB for d = 1, §2.3; SP, §2.1; Thm 4's OPT, §4) it is evaluated below; otherwise the
 * allocation is hard-coded from the spec's printed numbers (§5.2–5.5 inputs are exact as printed).
 *
 * Tolerances: expectOracle = half a unit in the last printed digit (test/theory/oracle.ts); exact
 * closed forms 1e-12 relative; identities between two analytic forms 1e-12 relative.
 */
import { expect } from 'chai';
import { erfcx, expectNormal } from '../../../src/theory/index.js';
import { goldenSection } from '../../../src/theory/golden.js';
import type { HeteroInstance } from '../../../src/theory/heterogeneous/types.js';
import {
  alonePenaltyK,
  columnTotal,
  computeNApprox,
  favorableCondition,
  nIndividual,
  smPenaltyK,
} from '../../../src/theory/heterogeneous/compute-n-approx.js';
import {
  type CblGParams,
  type CblTheory,
  cblAlpha,
  cblCaseCAtStar,
  cblCaseCIntegrand,
  cblCaseCLemma17,
  cblCaseCPenalty,
  cblG,
  cblGUpperBound,
  cblIndividualPenalty,
  cblLemma14,
  cblLemma15Slope,
  cblPenaltyAt,
  cblTheory,
  smTheory,
  thm23LowerBound,
} from '../../../src/theory/heterogeneous/cbl.js';
import {
  thm4CblSocialClosedForm,
  thm4Instance,
  thm4LowerBoundRatio,
  thm4Opt,
  thm4Table,
} from '../../../src/theory/heterogeneous/thm4.js';
import { expectExact, expectOracle, expectRel } from '../oracle.js';

// ---------------------------------------------------------------------------------------------
// Instances and input allocations
// ---------------------------------------------------------------------------------------------

/** Fig. 1: d = 1, m = 3, σ = 10, c = (0.033, 0.066, 0.1) (spec/001 §5.1). */
const FIG1: HeteroInstance = { sigma: 10, costs: [[0.033], [0.066], [0.1]] };
const FIG1_C = [0.033, 0.066, 0.1];

/** spec/001 §2.2 [derived] closed form of n^OPT for d = 1, c_1 < c_2 ≤ c_3 (agent 1's IR binds). */
function fig1Opt(): number[][] {
  const { sigma } = FIG1;
  const [c1, c2] = FIG1_C;
  const N = sigma * Math.sqrt(1 / c1 + (FIG1_C.length - 1) / c2);
  const n1 = (2 * sigma * Math.sqrt(c1) - (sigma * sigma) / N) / c1;
  return [[n1], [N - n1], [0]];
}

/** H = Σ_i 1/c_i (spec/001 §2.3). */
const FIG1_H = FIG1_C.reduce((s, c) => s + 1 / c, 0);

/** spec/001 §2.3 [derived] EB closed form n_i = σ/(c_i √H). */
function fig1EB(): number[][] {
  return FIG1_C.map((c) => [FIG1.sigma / (c * Math.sqrt(FIG1_H))]);
}

/** NB gain ratio t = (Σ_i (p_i^IND − σ²/N)/c_i − N)/m, N = σ√H (spec/001 §2.3 [derived]). */
function fig1NBt(): number {
  const { sigma } = FIG1;
  const N = sigma * Math.sqrt(FIG1_H);
  const sum = FIG1_C.reduce((s, c) => s + (2 * sigma * Math.sqrt(c) - (sigma * sigma) / N) / c, 0);
  return (sum - N) / FIG1_C.length;
}

/** NB closed form: p_i = p_i^IND − c_i t and p_i = σ²/N + c_i n_i, so n_i = (p_i^IND − c_i t − σ²/N)/c_i. */
function fig1NB(): number[][] {
  const { sigma } = FIG1;
  const N = sigma * Math.sqrt(FIG1_H);
  const t = fig1NBt();
  return FIG1_C.map((c) => [(2 * sigma * Math.sqrt(c) - c * t - (sigma * sigma) / N) / c]);
}

/** §5.1 solver artifact: n^OPT with n_3 = 1e-9 instead of 0. */
function fig1Artifact(): number[][] {
  const n = fig1Opt();
  n[2][0] = 1e-9;
  return n;
}

/** §5.4: σ = 10, c = [[.01,.04],[.04,.01],[.04,.04]], n^B = [[100,10],[10,100],[5,0]] (printed, exact). */
const S54: HeteroInstance = { sigma: 10, costs: [[0.01, 0.04], [0.04, 0.01], [0.04, 0.04]] };
const S54_NB = [[100, 10], [10, 100], [5, 0]];

/** §5.5: homogeneous d = 1, σ = 1, c = 1, n_i = 1/√m (an n^OPT). */
function homog(m: number, sigma = 1, c = 1, ni = 1 / Math.sqrt(m)): { inst: HeteroInstance; n: number[][] } {
  return { inst: { sigma, costs: Array.from({ length: m }, () => [c]) }, n: Array.from({ length: m }, () => [ni]) };
}

/** §5.2: m = 2, d = 2, σ = 1, c = [[1,4],[4,1]], n^OPT = diag(√2, √2). */
const S52: HeteroInstance = { sigma: 1, costs: [[1, 4], [4, 1]] };
const S52_OPT = [[Math.SQRT2, 0], [0, Math.SQRT2]];

/** §5.3: m = 3, d = 2, σ = 10, c = [[.01,.09],[.04,.04],[.09,.01]], n^OPT = SP (σ√(m/c_min) on (1,1), (3,2)). */
const S53: HeteroInstance = { sigma: 10, costs: [[0.01, 0.09], [0.04, 0.04], [0.09, 0.01]] };
const S53_SP = 10 * Math.sqrt(3 / 0.01); // spec/001 §2.1: N_k = σ√(m/c_min,k) = 173.205
const S53_OPT = [[S53_SP, 0], [0, 0], [0, S53_SP]];

/** G's parameters for a case-C (i,k) of a theory. */
function gParamsOf(inst: HeteroInstance, t: CblTheory, i: number, k: number): CblGParams {
  const n = t.nStar[i][k];
  return { T: t.T[k], nStar: n, D: t.T[k] - 2 * n, c: inst.costs[i][k], sigma: inst.sigma };
}

/** All case-C (i,k) of the leverage instances used below (one representative agent per symmetric class). */
function caseCInstances(): { label: string; inst: HeteroInstance; t: CblTheory; i: number; k: number }[] {
  const out: { label: string; inst: HeteroInstance; t: CblTheory; i: number; k: number }[] = [];
  out.push({ label: '§5.1 artifact', inst: FIG1, t: cblTheory(FIG1, fig1Artifact()), i: 2, k: 0 });
  out.push({ label: '§5.4', inst: S54, t: cblTheory(S54, S54_NB), i: 2, k: 0 });
  for (const m of [9, 16, 17, 25, 100]) {
    const { inst, n } = homog(m);
    out.push({ label: `§5.5 m=${m}`, inst, t: cblTheory(inst, n), i: m - 1, k: 0 });
  }
  const int = homog(25, 10, 0.01, 20);
  out.push({ label: '§5.5 integer', inst: int.inst, t: cblTheory(int.inst, int.n), i: 24, k: 0 });
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('seed 001 — Compute-n-Approx (Alg. 1) and condition (8)', () => {
  it('Fact 1: n^IND and p^IND for Fig. 1 (oracle 1)', () => {
    const nInd = FIG1_C.map((c) => nIndividual(10, c));
    ['55.04819', '38.92495', '31.62278'].forEach((o, i) => expectOracle(nInd[i], o, `n^IND_${i + 1}`));
    ['3.633180', '5.138093', '6.324555'].forEach((o, i) => expectOracle(cblIndividualPenalty(FIG1, i), o, `p^IND_${i + 1}`));
    expectOracle(FIG1.costs.reduce((s, _, i) => s + cblIndividualPenalty(FIG1, i), 0), '15.0958', 'Σ p^IND');
  });

  it('input allocations: closed forms reproduce the printed n^OPT, NB, EB of Fig. 1 (oracles 3–4)', () => {
    const opt = fig1Opt();
    expectOracle(columnTotal(opt, 0), '77.849894', 'N^OPT');
    expectOracle(opt[0][0], '71.17143', 'n^OPT_1');
    expectOracle(opt[1][0], '6.67847', 'n^OPT_2');
    expectOracle(10 * Math.sqrt(FIG1_H), '74.46781', 'N = σ√H');
    expectOracle(FIG1_H, '55.4545', 'H');
    expectOracle(fig1NBt(), '34.085', 'NB gains/c_i');
    ['35.3182', '23.4181', '15.7315'].forEach((o, i) => expectOracle(fig1NB()[i][0], o, `n^NB_${i + 1}`));
    ['40.6928', '20.3464', '13.4286'].forEach((o, i) => expectOracle(fig1EB()[i][0], o, `n^EB_${i + 1}`));
  });

  it('(8) holds for Fig. 1 n^OPT with agent 1 at equality (relative tolerance needed)', () => {
    const opt = fig1Opt();
    const N = columnTotal(opt, 0);
    const lhs = alonePenaltyK(10, 0.033);
    const rhs = smPenaltyK(10, 0.033, opt[0][0], N);
    expect(Math.abs(lhs - rhs) / lhs).to.be.below(1e-14);
    expect(favorableCondition(FIG1, opt)).to.equal(true);
  });

  it('(8): d = 1 it coincides with IR of the pooled allocation (spec/001 §2.5)', () => {
    const nInd = FIG1_C.map((c) => [nIndividual(10, c)]);
    const sp = [[10 * Math.sqrt(3 / 0.033)], [0], [0]];
    for (const [label, n, fav] of [
      ['alone', nInd, true],
      ['SP', sp, false],
      ['OPT', fig1Opt(), true],
      ['NB', fig1NB(), true],
      ['EB', fig1EB(), true],
    ] as const) {
      const n2 = n.map((r) => [...r]);
      expect(favorableCondition(FIG1, n2), label).to.equal(fav);
      expect(smTheory(FIG1, n2).individuallyRational.every(Boolean), label).to.equal(fav);
    }
  });

  it('(8) fails on §5.2 (2 < 1/√2 + √2 = 2.1213), §5.3 and the Thm 4 instance; holds on §5.4; c = ∞ entries hold', () => {
    expectOracle(1 / Math.SQRT2 + Math.SQRT2, '2.1213', '§5.2 RHS');
    expect(favorableCondition(S52, S52_OPT)).to.equal(false);
    expect(favorableCondition(S53, S53_OPT)).to.equal(false);
    expect(favorableCondition(S54, S54_NB)).to.equal(true);
    for (const m of [4, 16, 100]) {
      const { instance, allocation } = thm4Instance(m);
      expect(favorableCondition(instance, allocation), `thm4 m=${m}`).to.equal(false);
    }
    // Two agents share distribution 1; agent 2 cannot sample distribution 2 (c = ∞, n = 0: 0·∞ must be 0,
    // and her (8) entry holds). Agent 1, the sole provider of distribution 2, satisfies (8) there only at
    // n^IND = 1, where 1/1 + 1·1 = 2σ√c exactly.
    const inst: HeteroInstance = { sigma: 1, costs: [[1, 1], [1, Number.POSITIVE_INFINITY]] };
    expect(favorableCondition(inst, [[0.7, 1], [0.7, 0]])).to.equal(true);
    expect(favorableCondition(inst, [[0.7, 1.2], [0.7, 0]])).to.equal(false);
    const t = cblTheory(inst, [[0.7, 1], [0.7, 0]]);
    expect(t.cases[1][1]).to.equal('B');
    expectExact(t.penalties[1][1], 1, 'c = ∞ agent receives σ²/n*_{1,2} at no cost');
    expect(t.individuallyRational[1]).to.equal(true);
  });

  it('Alg. 1 on Fig. 1 n^OPT: n* = (55.04819, 38.92495, 0), V = {1,2}, T = 93.97314 (oracle 5)', () => {
    const { nStar, V, T } = computeNApprox(FIG1, fig1Opt());
    ['55.04819', '38.92495'].forEach((o, i) => expectOracle(nStar[i][0], o, `n*_${i + 1}`));
    expect(nStar[2][0]).to.equal(0);
    expect(V).to.deep.equal([[0, 1]]);
    expectOracle(T[0], '93.97314', 'T');
  });

  it('Alg. 1 on the §5.1 solver artifact: LOOP2 raises n_3 = 1e-9 to 1000/T = 10.641339', () => {
    const { nStar, V, T } = computeNApprox(FIG1, fig1Artifact());
    expect(V).to.deep.equal([[0, 1]]);
    expectOracle(T[0], '93.97314', 'T');
    expectOracle(nStar[2][0], '10.641339', 'n*_3');
    expectExact(nStar[2][0], nIndividual(10, 0.1) ** 2 / T[0], 'n*_3 = (n^IND)²/T');
  });

  it('Alg. 1 on Fig. 1 NB and EB: every agent enters V (everyone works alone)', () => {
    for (const [label, n] of [['NB', fig1NB()], ['EB', fig1EB()]] as const) {
      const { nStar, V } = computeNApprox(FIG1, n);
      expect(V, label).to.deep.equal([[0, 1, 2]]);
      FIG1_C.forEach((c, i) => expectExact(nStar[i][0], nIndividual(10, c), `${label} n*_${i + 1}`));
    }
  });

  it('Alg. 1 on §5.4: n* = [[100,50],[50,100],[16.129032,0]], V_1 = V_2 = {1,2}, T = (155, 150)', () => {
    const { nStar, V, T } = computeNApprox(S54, S54_NB);
    expect(V).to.deep.equal([[0, 1], [0, 1]]);
    expectExact(T[0], 155, 'T_1');
    expectExact(T[1], 150, 'T_2');
    expectExact(nStar[0][0], 100, 'n*_{1,1}');
    expectExact(nStar[0][1], 50, 'n*_{1,2}');
    expectExact(nStar[1][0], 50, 'n*_{2,1}');
    expectExact(nStar[1][1], 100, 'n*_{2,2}');
    expectOracle(nStar[2][0], '16.129032', 'n*_{3,1}');
    expectExact(nStar[2][0], 2500 / 155, 'n*_{3,1} = 2500/155');
    expect(nStar[2][1]).to.equal(0);
  });

  it('Alg. 1 on §5.5 (homogeneous): |V|, T, n* of the table; LOOP1 fires first iff m ≤ 16', () => {
    const rows: [number, number, string, string | null][] = [
      [2, 2, '2', null],
      [4, 4, '4', null],
      [9, 5, '6.333333', '1/3'],
      [16, 1, '4.75', '0.25'],
      [17, 0, '4.1231056', '0.2425356'],
      [25, 0, '5', '0.2'],
      [100, 0, '10', '0.1'],
    ];
    for (const [m, vSize, T, nC] of rows) {
      const { inst, n } = homog(m);
      const out = computeNApprox(inst, n);
      expect(out.V[0].length, `m=${m} |V|`).to.equal(vSize);
      // Fixed lexicographic scan order: the first |V| agents enter V.
      expect(out.V[0], `m=${m} V`).to.deep.equal([...Array(vSize).keys()]);
      expectOracle(out.T[0], T, `m=${m} T`);
      for (let i = 0; i < m; i++) {
        if (i < vSize) expectExact(out.nStar[i][0], 1, `m=${m} n*_${i + 1} (in V: n^IND = 1)`);
        else if (nC === '1/3') expectExact(out.nStar[i][0], 1 / 3, `m=${m} n*_${i + 1}`);
        else expectOracle(out.nStar[i][0], nC ?? 'NaN', `m=${m} n*_${i + 1}`);
      }
    }
    // m = 16: 2σ√c = 4(σ²/N + c n) holds with exact equality (spec/001 §5.5): 2 = 4(1/4 + 1/4).
    expectExact(4 * smPenaltyK(1, 1, 0.25, 4), 2, 'm=16 LOOP1 equality');
  });

  it('Alg. 1 invariants of Lemmas 9–13 when (8) holds (spec/001 §2.4)', () => {
    const cases: [string, HeteroInstance, number[][]][] = [
      ['Fig. 1 OPT', FIG1, fig1Opt()],
      ['Fig. 1 artifact', FIG1, fig1Artifact()],
      ['§5.4', S54, S54_NB],
      ...[9, 16, 17, 25, 100].map((m): [string, HeteroInstance, number[][]] => {
        const { inst, n } = homog(m);
        return [`§5.5 m=${m}`, inst, n];
      }),
    ];
    for (const [label, inst, nB] of cases) {
      expect(favorableCondition(inst, nB), label).to.equal(true);
      const { nStar, V, T } = computeNApprox(inst, nB);
      inst.costs.forEach((row, i) =>
        row.forEach((c, k) => {
          const tag = `${label} (${i + 1},${k + 1})`;
          if (V[k].includes(i)) return;
          const nInd = nIndividual(inst.sigma, c);
          expect(T[k], `${tag} Lemma 9`).to.be.above(2 * nInd);
          expect(nStar[i][k], `${tag} Lemma 10`).to.be.below(nInd / 2);
          expect(nStar[i][k], `${tag} LOOP2 only increases`).to.be.at.least(nB[i][k]);
          if (nStar[i][k] > 0) {
            expect(nStar[i][k] * T[k], `${tag} n*T ≥ (n^IND)²`).to.be.at.least(nInd * nInd * (1 - 1e-15));
            expect(T[k], `${tag} T > 4n*`).to.be.above(4 * nStar[i][k]);
            expect(nStar[i][k], `${tag} Lemma 13`).to.be.above(nB[i][k] / 2);
          }
          expect(columnTotal(nStar, k) - nStar[i][k], `${tag} Σ_{j≠i} n* ≥ T − n*`).to.be.at.least((T[k] - nStar[i][k]) * (1 - 1e-15));
        }),
      );
    }
  });

  it('rejects n > 0 where c = ∞ and malformed allocations', () => {
    const { instance } = thm4Instance(4);
    expect(() => computeNApprox(instance, [[1, 1], [0, 1], [0, 1], [0, 1]])).to.throw(RangeError);
    expect(() => cblTheory(FIG1, [[1], [2]])).to.throw(RangeError);
    expect(() => smTheory(FIG1, [[1], [-2], [0]])).to.throw(RangeError);
  });
});

describe('seed 001 — corruption coefficient α (App. B, corrected G)', () => {
  it('α oracles: §5.1 artifact 5.673251 (√n* = 3.262107, G(√n*) = −1.1227), §5.4 6.601082', () => {
    const art = cblTheory(FIG1, fig1Artifact());
    const p = gParamsOf(FIG1, art, 2, 0);
    expectOracle(Math.sqrt(p.nStar), '3.262107', '√n*_3');
    expectOracle(cblG(Math.sqrt(p.nStar), p), '-1.1227', 'G(√n*)');
    expectOracle(art.alpha[2][0] ?? NaN, '5.673251', 'α_3');
    const s54 = cblTheory(S54, S54_NB);
    expectOracle(s54.alpha[2][0] ?? NaN, '6.601082', 'α_{3,1}');
    expect(s54.alpha[2][1]).to.equal(null);
  });

  it('α oracles of the §5.5 table and its integer version (5.3228952)', () => {
    for (const [m, a] of [[9, '1.6130216'], [16, '0.7337608'], [17, '0.6385411'], [25, '0.5322895'], [100, '0.3304701']] as const) {
      const { inst, n } = homog(m);
      const t = cblTheory(inst, n);
      expectOracle(t.alpha[m - 1][0] ?? NaN, a, `m=${m} α`);
    }
    const int = homog(25, 10, 0.01, 20);
    const t = cblTheory(int.inst, int.n);
    expectOracle(t.alpha[24][0] ?? NaN, '5.3228952', 'integer α');
    expectExact(t.T[0], 500, 'integer T');
    expectExact(t.T[0] - 2 * t.nStar[24][0], 460, 'integer D');
    // Scaling (spec/001 §5.5): σ → 10σ, c → c/100 multiplies α by √(a/√b) = 10.
    expectRel(t.alpha[24][0] ?? NaN, 10 * (cblTheory(homog(25).inst, homog(25).n).alpha[24][0] ?? NaN), 1e-12, 'α scaling');
  });

  it('α ≥ √n*, G(α) = 0 to 1e-10, and α is the smallest root (G < 0 on [√n*, α))', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      const p = gParamsOf(inst, t, i, k);
      const alpha = t.alpha[i][k] ?? NaN;
      expect(alpha, label).to.be.at.least(Math.sqrt(p.nStar));
      expect(Math.abs(cblG(alpha, p)), `${label} G(α)`).to.be.at.most(1e-10);
      expectExact(cblAlpha(p), alpha, `${label} cblAlpha`);
      for (let a = Math.sqrt(p.nStar); a < alpha * (1 - 1e-9); a *= 1.001) expect(cblG(a, p), `${label} G(${a})`).to.be.below(0);
    }
  });

  it('Lemma 1 and erratum 2: G(√n*) ≤ G_UB(√n*) = Lemma 14 closed form ≤ 0 (c-term over D, not D²)', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      const p = gParamsOf(inst, t, i, k);
      const a0 = Math.sqrt(p.nStar);
      // G_UB(√n*) is a difference of O(1) terms that nearly cancel (−1.3e-5 at m = 100): compare to
      // 64·eps of the magnitude of its first term, (4√n*/√T)(1 + 4T/D + 16 c n*² T/(σ² D)).
      const scale = ((4 * a0) / Math.sqrt(p.T)) * (1 + (4 * p.T) / p.D + (16 * p.c * p.nStar ** 2 * p.T) / (p.sigma ** 2 * p.D));
      expect(Math.abs(cblGUpperBound(a0, p) - cblLemma14(p)), `${label} Lemma 14`).to.be.at.most(64 * Number.EPSILON * scale);
      expect(cblLemma14(p), label).to.be.at.most(0);
      expect(cblG(a0, p), label).to.be.at.most(cblGUpperBound(a0, p));
      // With the printed (T−2n*)² the identity of Lemma 14 fails.
      const printedUB = cblGUpperBound(a0, { ...p, c: p.c / p.D });
      expect(Math.abs(printedUB - cblLemma14(p)), label).to.be.above(1e6 * 64 * Number.EPSILON * scale);
    }
  });

  it('erratum 1: −σ²D/(64α³√T n*)·G(α) (corrected G) equals the finite-difference ∂p/∂n at n* for any α; the printed G has no root', () => {
    const { label, inst, t, i, k } = caseCInstances()[7]; // §5.5 integer: σ = 10, c = .01, n* = 20, T = 500
    const p = gParamsOf(inst, t, i, k);
    const scale = (inst.sigma / p.nStar) ** 2; // σ²/n*², the scale of ∂p/∂n's terms
    const h = 1e-4 * p.nStar; // central difference: truncation ~h²p'''/6 ≲ 1e-10·scale here, rounding ~1e-12·scale
    for (const alpha of [4.5, 5, t.alpha[i][k] ?? NaN, 6, 8]) {
      const pc = (n: number) => cblCaseCPenalty(n, { z: p.nStar, Dprime: p.D, alpha, c: p.c, sigma: p.sigma });
      const fd = (pc(p.nStar + h) - pc(p.nStar - h)) / (2 * h);
      expect(Math.abs(fd - cblLemma15Slope(alpha, p)), `${label} α=${alpha}`).to.be.at.most(1e-8 * scale);
    }
    // The printed eq. (11) (exp term 4α/T instead of 4α²/T) stays positive on a wide geometric grid: no root.
    const printedG = (a: number): number => {
      const first = ((4 * a) / Math.sqrt(p.T)) * ((4 * a * a * p.T) / (p.D * p.nStar) - 1 - (16 * p.c * a * a * p.T * p.nStar) / (p.sigma ** 2 * p.D));
      return first - erfcx(Math.sqrt(p.T / (8 * a * a))) * (((4 * a) / p.T) * (p.T / p.nStar + 1) - 1) * Math.sqrt(2 * Math.PI);
    };
    for (let a = Math.sqrt(p.nStar); a < 1e4; a *= 1.01) expect(printedG(a), `printed G(${a})`).to.be.above(0);
  });
});

describe('seed 001 — analytic penalty engine (spec/001 §3)', () => {
  it('case-C closed form = expectNormal of its integrand to 1e-12 (grid of n, incl. n = n*)', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      const z = t.nStar[i][k];
      const params = { z, Dprime: t.T[k] - 2 * z, alpha: t.alpha[i][k] ?? NaN, c: inst.costs[i][k], sigma: inst.sigma };
      for (const f of [0.05, 0.5, 1, 2, 10, 100]) {
        const n = f * z;
        const quad = expectNormal(cblCaseCIntegrand(n, params)) + params.c * n;
        expectRel(cblCaseCPenalty(n, params), quad, 1e-12, `${label} n=${f}n*`);
      }
      // Other pool sizes D' (the §6 substitutes experiment) and α off the root.
      for (const Dprime of [0.5 * z, 3 * z, 50 * z]) {
        for (const alpha of [params.alpha / 2, params.alpha * 3]) {
          const q = { ...params, Dprime, alpha };
          expectRel(cblCaseCPenalty(z, q), expectNormal(cblCaseCIntegrand(z, q)) + q.c * z, 1e-12, `${label} D'=${Dprime} α=${alpha}`);
        }
      }
    }
  });

  it('at s*: general form = Lemma 16 = Lemma 17 to 1e-12, and cblTheory uses it', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      const p = gParamsOf(inst, t, i, k);
      const alpha = t.alpha[i][k] ?? NaN;
      const general = cblPenaltyAt(inst, t, i, k, p.nStar);
      expectRel(cblCaseCAtStar(alpha, p), general, 1e-12, `${label} Lemma 16`);
      expectRel(cblCaseCLemma17(alpha, p), general, 1e-12, `${label} Lemma 17`);
      expectRel(t.penalties[i][k], general, 1e-12, `${label} theory`);
    }
  });

  it('p(0) = σ²/z and, for every (i,k) of every instance, cblPenaltyAt(n*) = theory.penalties', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      expectExact(cblPenaltyAt(inst, t, i, k, 0), inst.sigma ** 2 / t.nStar[i][k], `${label} p(0)`);
    }
    const theories: [HeteroInstance, CblTheory][] = [
      [FIG1, cblTheory(FIG1, fig1Opt())],
      [S54, cblTheory(S54, S54_NB)],
      [S52, cblTheory(S52, S52_OPT)],
      [S53, cblTheory(S53, S53_OPT)],
      [thm4Instance(5).instance, cblTheory(thm4Instance(5).instance, thm4Instance(5).allocation)],
    ];
    for (const [inst, t] of theories) {
      t.penalties.forEach((row, i) => row.forEach((v, k) => expectRel(cblPenaltyAt(inst, t, i, k, t.nStar[i][k]), v, 1e-12, `(${i},${k})`)));
    }
  });

  it('Lemma 15 link: finite-difference ∂p/∂n at n* ≈ 0 (central difference, step 1e-4·n*)', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      const n = t.nStar[i][k];
      const h = 1e-4 * n;
      const fd = (cblPenaltyAt(inst, t, i, k, n + h) - cblPenaltyAt(inst, t, i, k, n - h)) / (2 * h);
      // Truncation h²|p'''|/6 is ≲ 1e-10·σ²/n*² on these instances (it scales as h²: 1e-8 at step 1e-3).
      expect(Math.abs(fd), label).to.be.at.most(1e-8 * (inst.sigma / n) ** 2);
    }
  });

  it('p(n) is convex on a grid and minimized at n* (best response = n*, Lemma 4)', () => {
    for (const { label, inst, t, i, k } of caseCInstances()) {
      const nStar = t.nStar[i][k];
      const p = (n: number) => cblPenaltyAt(inst, t, i, k, n);
      const grid = Array.from({ length: 201 }, (_, j) => (j / 20) * nStar); // 0 … 10 n*
      const vals = grid.map(p);
      const pMax = Math.max(...vals);
      for (let j = 1; j + 1 < grid.length; j++) {
        // Second difference of a convex function is ≥ 0; allow the rounding of three evaluations.
        expect(vals[j - 1] - 2 * vals[j] + vals[j + 1], `${label} Δ² at ${grid[j]}`).to.be.at.least(-8 * Number.EPSILON * pMax);
      }
      const best = goldenSection(p, 0, 10 * nStar, { xtol: 1e-12 * nStar });
      // A flat minimum locates its argmin only to ~√(eps·p/p'') ≈ 1e-7 relative.
      expectRel(best.x, nStar, 1e-6, `${label} argmin`);
      vals.forEach((v, j) => expect(v, `${label} p(${grid[j]}) ≥ p(n*)`).to.be.at.least(p(nStar) * (1 - 1e-15)));
    }
  });

  it('§5.1 artifact BR check: p_3 at n = 0.5, 5, 20, 50 and 0; argmin 10.64134', () => {
    const t = cblTheory(FIG1, fig1Artifact());
    const p = (n: number) => cblPenaltyAt(FIG1, t, 2, 0, n);
    for (const [n, o] of [[0.5, '6.481'], [5, '3.874'], [20, '3.873'], [50, '6.132'], [0, '9.3973']] as const) expectOracle(p(n), o, `p_3(${n})`);
    expectOracle(goldenSection(p, 0, 100, { xtol: 1e-10 }).x, '10.64134', 'argmin p_3');
  });

  it('§8 sufficient-statistic table: p(n) at n = 0/5/10/15/20/25/30/40/100 (σ=10, c=.01, m=25, n*=20)', () => {
    const int = homog(25, 10, 0.01, 20);
    const t = cblTheory(int.inst, int.n);
    const table = [[0, '5.0'], [5, '1.01895'], [10, '0.80969'], [15, '0.75076'], [20, '0.73815'], [25, '0.74613'], [30, '0.76519'], [40, '0.82112'], [100, '1.30225']] as const;
    for (const [n, o] of table) expectOracle(cblPenaltyAt(int.inst, t, 24, 0, n), o, `p(${n})`);
    expectOracle(t.penalties[24][0], '0.7381474', 'p at s*');
    expectOracle(t.penalties[24][0] - 0.01 * 20, '0.5381474', 'error part');
    expectOracle(t.penalties[24][0], '0.738', '§6 truthful n = 20');
  });

  it('§6 strategic substitutes: BR n falls with D′ (z = 20, σ = 10, c = .01, α = 5.32290)', () => {
    const int = homog(25, 10, 0.01, 20);
    const alpha = cblTheory(int.inst, int.n).alpha[24][0] ?? NaN;
    const table = [[0, '80'], [50, '57.34'], [100, '43.26'], [200, '30.06'], [300, '24.45'], [460, '20'], [1000, '14.27']] as const;
    for (const [Dprime, o] of table) {
      const f = (n: number) => cblCaseCPenalty(n, { z: 20, Dprime, alpha, c: 0.01, sigma: 10 });
      expectOracle(goldenSection(f, 0, 200, { xtol: 1e-9 }).x, o, `BR at D'=${Dprime}`);
    }
  });

  it('case B and NL best responses are n = 0 (non-cheapest) and n^IND (cheapest)', () => {
    const t = cblTheory(FIG1, fig1Opt());
    const pB = (n: number) => cblPenaltyAt(FIG1, t, 2, 0, n);
    expectExact(pB(0), 100 / (t.nStar[0][0] + t.nStar[1][0]), 'p_B(0) = σ²/Σ_{j≠3} n*');
    expect(pB(1)).to.be.above(pB(0));
    const nl = cblTheory(S52, S52_OPT);
    const own = (n: number) => cblPenaltyAt(S52, nl, 0, 0, n);
    expectRel(goldenSection(own, 0, 10, { xtol: 1e-12 }).x, 1, 1e-7, 'NL cheapest argmin = n^IND');
    expect(cblPenaltyAt(S52, nl, 0, 1, 0.5)).to.be.above(cblPenaltyAt(S52, nl, 0, 1, 0));
  });
});

describe('seed 001 — M_CBL and M_SM penalties on the worked instances (spec/001 §5)', () => {
  it('Fig. 1 M_SM rows (a)–(e) and KS (oracles 2–4)', () => {
    const rows: [string, number[][], string[], string][] = [
      ['alone', FIG1_C.map((c) => [nIndividual(10, c)]), ['2.61279', '3.36525', '3.95848'], ''],
      ['SP', [[10 * Math.sqrt(3 / 0.033)], [0], [0]], ['4.19524', '1.04881', '1.04881'], '6.29285'],
      ['OPT', fig1Opt(), ['3.63318', '1.72530', '1.28452'], '6.64301'],
      ['NB', fig1NB(), ['2.50836', '2.88846', '2.91602'], '8.31283'],
      ['EB', fig1EB(), ['2.68572', '2.68572', '2.68572'], '8.05717'],
    ];
    for (const [label, n, ps, social] of rows) {
      const sm = smTheory(FIG1, n);
      ps.forEach((o, i) => expectOracle(sm.agentPenalties[i], o, `${label} p_${i + 1}`));
      if (social) expectOracle(sm.socialPenalty, social, `${label} P`);
    }
    expectOracle(10 * Math.sqrt(3 / 0.033), '95.3463', 'n^SP (erratum 4: σ√(m/c_min))');
    expectOracle(2 * 10 * Math.sqrt(3 * 0.033), '6.292853', 'P^SP = 2σ√(m c_min)');
    expectOracle(smTheory(FIG1, fig1Opt()).socialPenalty, '6.643006', 'P^OPT');
    expectOracle(2 * 10 / Math.sqrt(FIG1_H), '2.685724', 'EB 2σ/√H');
    // KS allocation is only printed (4 decimals): tolerance = printed half-ulp + |∂p_i/∂n|·(½·10⁻⁴) propagated.
    const ks = smTheory(FIG1, [[27.9353], [24.5506], [21.9819]]);
    const N = 27.9353 + 24.5506 + 21.9819;
    ['2.26473', '2.96320', '3.54106'].forEach((o, i) => {
      const tol = 0.5e-5 + (FIG1_C[i] + (3 * 100) / (N * N)) * 0.5e-4;
      expect(Math.abs(ks.agentPenalties[i] - Number(o)), `KS p_${i + 1}`).to.be.at.most(tol);
    });
  });

  it('M_SM free-riding at n^OPT: agent 2 → n = 0 gives 100/71.17143 = 1.405058, gain 0.320244 (oracle 10)', () => {
    const opt = fig1Opt();
    const dev = [[opt[0][0]], [0], [0]];
    expectOracle(smTheory(FIG1, dev).agentPenalties[1], '1.405058', 'p_2 free-riding');
    expectOracle(smTheory(FIG1, opt).agentPenalties[1] - smTheory(FIG1, dev).agentPenalties[1], '0.320244', 'gain');
  });

  it('M_CBL(n^OPT) on Fig. 1: cases A, A, B; p = (3.63318, 5.13809, 1.06413); social 9.83541; ratios (oracle 5)', () => {
    const t = cblTheory(FIG1, fig1Opt());
    expect(t.branch).to.equal('leverage');
    expect(t.favorableCondition).to.equal(true);
    expect(t.cases).to.deep.equal([['A'], ['A'], ['B']]);
    expect(t.alpha).to.deep.equal([[null], [null], [null]]);
    ['55.04819', '38.92495'].forEach((o, i) => expectOracle(t.nStar[i][0], o, `n*_${i + 1}`));
    expectOracle(t.T[0], '93.97314', 'T');
    ['3.63318', '5.13809', '1.06413'].forEach((o, i) => expectOracle(t.agentPenalties[i], o, `p_${i + 1}`));
    expectExact(t.agentPenalties[2], 100 / t.T[0], 'p_3 = 100/T');
    expectOracle(t.socialPenalty, '9.83541', 'social');
    expectOracle(t.baseline, '6.64301', 'baseline P(M_SM, n^OPT)');
    expectOracle(t.ratio, '1.48057', 'ratio to OPT');
    const sm = smTheory(FIG1, fig1Opt());
    ['1', '2.97808', '0.82843'].forEach((o, i) =>
      i === 0 ? expectRel(t.agentPenalties[0] / sm.agentPenalties[0], 1, 1e-12, 'ratio_1') : expectOracle(t.agentPenalties[i] / sm.agentPenalties[i], o, `ratio_${i + 1}`),
    );
    expect(t.individuallyRational).to.deep.equal([true, true, true]);
  });

  it('§5.1 artifact: case C for agent 3, p_3 = 3.560177, social 12.33145', () => {
    const t = cblTheory(FIG1, fig1Artifact());
    expect(t.cases).to.deep.equal([['A'], ['A'], ['C']]);
    expectOracle(t.agentPenalties[2], '3.560177', 'p_3');
    expectOracle(t.socialPenalty, '12.33145', 'social');
    expect(t.individuallyRational).to.deep.equal([true, true, true]);
  });

  it('M_CBL(n^NB), M_CBL(n^EB): everyone alone, p = p^IND, social 15.0958; ratios to p_SM(n^B)', () => {
    for (const [label, n, ratios] of [
      ['NB', fig1NB(), ['1.448', '1.779', '2.169']],
      ['EB', fig1EB(), ['1.353', '1.913', '2.355']],
    ] as const) {
      const t = cblTheory(FIG1, n);
      const sm = smTheory(FIG1, n);
      expect(t.cases, label).to.deep.equal([['A'], ['A'], ['A']]);
      t.agentPenalties.forEach((p, i) => expectRel(p, cblIndividualPenalty(FIG1, i), 1e-12, `${label} p_${i + 1}`));
      expectOracle(t.socialPenalty, '15.0958', `${label} social`);
      ratios.forEach((o, i) => expectOracle(t.agentPenalties[i] / sm.agentPenalties[i], o, `${label} ratio_${i + 1}`));
    }
  });

  it('§5.4 (Thm 5, given n^B): cases, α, P_{3,1} = 2.180673, P_{3,2} = 0.666667, p, social, ratios', () => {
    const t = cblTheory(S54, S54_NB);
    const sm = smTheory(S54, S54_NB);
    ['3.17866', '3.17866', '1.97866'].forEach((o, i) => expectOracle(sm.agentPenalties[i], o, `p_SM_${i + 1}`));
    [6, 6, 8].forEach((v, i) => expectExact(cblIndividualPenalty(S54, i), v, `p^IND_${i + 1}`));
    expect(t.branch).to.equal('leverage');
    expect(t.cases).to.deep.equal([['A', 'A'], ['A', 'A'], ['C', 'B']]);
    expectOracle(t.penalties[2][0], '2.180673', 'P_{3,1}');
    expectOracle(t.penalties[2][1], '0.666667', 'P_{3,2}');
    expectExact(t.penalties[2][1], 100 / 150, 'P_{3,2} = σ²/150');
    expectExact(t.agentPenalties[0], 6, 'p_1');
    expectExact(t.agentPenalties[1], 6, 'p_2');
    expectOracle(t.agentPenalties[2], '2.847339', 'p_3');
    expectOracle(t.socialPenalty, '14.84734', 'social');
    ['1.888', '1.888', '1.439'].forEach((o, i) => expectOracle(t.agentPenalties[i] / sm.agentPenalties[i], o, `ratio_${i + 1}`));
    expect(t.individuallyRational).to.deep.equal([true, true, true]);
  });

  it('§5.5 homogeneous table: p (C agents), social, ratio to 2√m', () => {
    const rows = [
      [2, '2', '4', Math.SQRT2],
      [4, '2', '8', 2],
      [9, '1.0589406', '14.235762', '2.3726'],
      [16, '0.8701759', '15.052639', '1.8816'],
      [17, '0.8691292', '14.775196', '1.7918'],
      [25, '0.7381474', '18.453686', '1.8454'],
      [100, '0.3907605', '39.076048', '1.9538'],
    ] as const;
    for (const [m, pC, social, ratio] of rows) {
      const { inst, n } = homog(m);
      const t = cblTheory(inst, n);
      expect(t.branch, `m=${m}`).to.equal('leverage');
      const caseOfLast = t.cases[m - 1][0];
      expect(caseOfLast, `m=${m}`).to.equal(m <= 4 ? 'A' : 'C');
      expectOracle(t.agentPenalties[m - 1], pC, `m=${m} p`);
      expectOracle(t.socialPenalty, social, `m=${m} social`);
      const r = t.socialPenalty / (2 * Math.sqrt(m));
      if (typeof ratio === 'number') expectExact(r, ratio, `m=${m} ratio`);
      else expectOracle(r, ratio, `m=${m} ratio`);
      expectRel(t.baseline, 2 * Math.sqrt(m), 1e-12, `m=${m} baseline = optimum 2σ√(cm)`);
      expect(t.individuallyRational.every(Boolean), `m=${m} IR`).to.equal(true);
    }
  });

  it('§5.2 (no leverage): n* = diag(1,1), p = (3,3), social 6, ratio 1.06066 ≤ √2', () => {
    const t = cblTheory(S52, S52_OPT);
    expect(t.branch).to.equal('no-leverage');
    expect(t.favorableCondition).to.equal(false);
    expect(t.cases).to.deep.equal([['NL', 'NL'], ['NL', 'NL']]);
    expect(t.alpha).to.deep.equal([[null, null], [null, null]]);
    expect(t.nStar).to.deep.equal([[1, 0], [0, 1]]);
    // Alg. 1 is still reported [derived by hand]: LOOP1 puts (k=1: agents 1 then 2, the latter at exact equality
    // 4 ≤ 4·(1/1 + 0)) so T_1 = 1 + 1/2; symmetrically for k = 2.
    expect(t.V).to.deep.equal([[0, 1], [0, 1]]);
    expect(t.T).to.deep.equal([1.5, 1.5]);
    expectExact(smTheory(S52, S52_OPT).agentPenalties[0], 2 * Math.SQRT2, 'p_SM = 2√2');
    expectOracle(t.baseline, '5.65685', 'OPT social');
    t.agentPenalties.forEach((p, i) => expectExact(p, 3, `p_${i + 1}`));
    expectExact(t.socialPenalty, 6, 'social');
    expectOracle(t.ratio, '1.06066', 'ratio');
    expect(t.ratio).to.be.at.most(Math.SQRT2);
    expect(t.individuallyRational).to.deep.equal([true, true]);
  });

  it('§5.3 (no leverage): p = (3, 2, 3), social 8, ratio 1.15470', () => {
    expectOracle(S53_SP, '173.205', 'n^OPT = SP');
    const sm = smTheory(S53, S53_OPT);
    ['2.88675', '1.15470', '2.88675'].forEach((o, i) => expectOracle(sm.agentPenalties[i], o, `p_SM_${i + 1}`));
    expect(sm.individuallyRational.every(Boolean)).to.equal(true);
    const t = cblTheory(S53, S53_OPT);
    expect(t.branch).to.equal('no-leverage');
    [3, 2, 3].forEach((v, i) => expectExact(t.agentPenalties[i], v, `p_${i + 1}`));
    expectExact(t.socialPenalty, 8, 'social');
    expectOracle(t.ratio, '1.15470', 'ratio');
    expect(t.ratio).to.be.at.most(Math.sqrt(3));
  });
});

describe('seed 001 — theorem bounds', () => {
  /** Leverage instances with their input allocation n^B. */
  const leverage = (): [string, HeteroInstance, number[][]][] => [
    ['Fig. 1 OPT', FIG1, fig1Opt()],
    ['Fig. 1 artifact', FIG1, fig1Artifact()],
    ['Fig. 1 NB', FIG1, fig1NB()],
    ['Fig. 1 EB', FIG1, fig1EB()],
    ['§5.4', S54, S54_NB],
    ...[2, 4, 9, 16, 17, 25, 100].map((m): [string, HeteroInstance, number[][]] => [`§5.5 m=${m}`, homog(m).inst, homog(m).n]),
  ];

  it('Thm 5 / Lemma 5: per-(i,k) ratios A ≤ 8, B ≤ 2, C (n* = n^B) ≤ 4, C (LOOP2) ≤ 8; per agent ≤ 8 (oracle 7)', () => {
    for (const [label, inst, nB] of leverage()) {
      const t = cblTheory(inst, nB);
      const sm = smTheory(inst, nB);
      t.cases.forEach((row, i) =>
        row.forEach((cs, k) => {
          const r = t.penalties[i][k] / sm.penalties[i][k];
          const bound = cs === 'B' ? 2 : cs === 'C' && t.nStar[i][k] === nB[i][k] ? 4 : 8;
          expect(r, `${label} (${i + 1},${k + 1}) case ${cs}`).to.be.at.most(bound);
        }),
      );
      t.agentPenalties.forEach((p, i) => expect(p / sm.agentPenalties[i], `${label} agent ${i + 1}`).to.be.at.most(8));
      expect(t.individuallyRational.every(Boolean), `${label} IR`).to.equal(true);
    }
  });

  it('Thm 1: 8-efficient when (8) holds at n^OPT; NL social ratio ≤ √m; IR everywhere', () => {
    const atOpt: [string, HeteroInstance, number[][]][] = [
      ['Fig. 1', FIG1, fig1Opt()],
      ...[9, 16, 25, 100].map((m): [string, HeteroInstance, number[][]] => [`§5.5 m=${m}`, homog(m).inst, homog(m).n]),
    ];
    for (const [label, inst, n] of atOpt) expect(cblTheory(inst, n).ratio, label).to.be.at.most(8);
    for (const [label, inst, n] of [['§5.2', S52, S52_OPT], ['§5.3', S53, S53_OPT]] as const) {
      const t = cblTheory(inst, n);
      expect(t.ratio, label).to.be.at.most(Math.sqrt(inst.costs.length));
      expect(t.individuallyRational.every(Boolean), label).to.equal(true);
    }
  });

  it('Thm 2/3 bound σΣ_k√c_{i,k} = p^IND/2 (Fig. 1: 1.81659, 2.56905, 3.16228; oracle 8)', () => {
    const lb = thm23LowerBound(FIG1);
    ['1.81659', '2.56905', '3.16228'].forEach((o, i) => expectOracle(lb[i], o, `bound_${i + 1}`));
    // Homogeneous comparison (§4): optimum 2σ√(cm); M_CBL ≤ 8·optimum = 16σ√(cm); any always-IR or
    // dominant-strategy mechanism has social ≥ m·σ√c (= m·p^IND/2), Θ(√m) above M_CBL for large m.
    for (const m of [9, 16, 25, 100]) {
      const { inst, n } = homog(m);
      const t = cblTheory(inst, n);
      const thm23Social = thm23LowerBound(inst).reduce((s, v) => s + v, 0);
      expectExact(thm23Social, m, `m=${m} Σ bound = mσ√c`);
      expect(t.socialPenalty, `m=${m}`).to.be.at.most(16 * Math.sqrt(m));
      t.agentPenalties.forEach((p, i) => expect(p, `m=${m} agent ${i + 1} ≤ p^IND`).to.be.at.most(2));
    }
    // At m = 100 M_CBL's social penalty (39.08) is below the Thm 2/3 floor (100) for always-IR / DSIC mechanisms.
    expect(cblTheory(homog(100).inst, homog(100).n).socialPenalty).to.be.below(thm23LowerBound(homog(100).inst).reduce((s, v) => s + v, 0));
  });
});

describe('seed 001 — Theorem 4 instance (19)', () => {
  it('instance and OPT allocation: OPT = P(M_SM, n^OPT) = 4σ√(mγ) (oracle 9)', () => {
    for (const [m, sigma, gamma] of [[4, 1, 1], [16, 1, 1], [7, 2, 0.5]] as const) {
      const { instance, allocation } = thm4Instance(m, sigma, gamma);
      expect(instance.costs[0]).to.deep.equal([gamma, Number.POSITIVE_INFINITY]);
      for (let i = 1; i < m; i++) expect(instance.costs[i]).to.deep.equal([Number.POSITIVE_INFINITY, gamma]);
      expectExact(allocation[0][0], sigma * Math.sqrt(m / gamma), 'n_{1,1}');
      expectExact(columnTotal(allocation, 1), sigma * Math.sqrt(m / gamma), 'Σ n_{i,2}');
      expectExact(smTheory(instance, allocation).socialPenalty, thm4Opt(m, sigma, gamma), 'P(M_SM, OPT)');
      expectExact(thm4Opt(m, sigma, gamma), 4 * sigma * Math.sqrt(m * gamma), 'OPT');
      expect(smTheory(instance, allocation).individuallyRational.every(Boolean)).to.equal(true); // p^IND = ∞
    }
  });

  it('M_CBL runs the NL branch: p_1 = 2 + 1/(m−1), p_i = 3 (σ = γ = 1), and the closed form for any σ, γ', () => {
    for (const m of [4, 16, 100]) {
      const { instance, allocation } = thm4Instance(m);
      const t = cblTheory(instance, allocation);
      expect(t.branch).to.equal('no-leverage');
      expectRel(t.agentPenalties[0], 2 + 1 / (m - 1), 1e-12, `m=${m} p_1`);
      for (let i = 1; i < m; i++) expectRel(t.agentPenalties[i], 3, 1e-12, `m=${m} p_${i + 1}`);
      expect(t.individuallyRational.every(Boolean)).to.equal(true);
    }
    const { instance, allocation } = thm4Instance(7, 2, 0.5);
    expectRel(cblTheory(instance, allocation).socialPenalty, thm4CblSocialClosedForm(7, 2, 0.5), 1e-12, 'σ=2, γ=.5');
  });

  it('§5.6 table: social, ratio, √m/4, √m for m = 4, 16, 100', () => {
    const table = thm4Table([4, 16, 100]);
    const printed = [
      ['11.3333', '1.41667', '0.5', '2'],
      ['47.0667', '2.94167', '1', '4'],
      ['299.0101', '7.47525', '2.5', '10'],
    ];
    table.forEach((row, j) => {
      const [social, ratio, lb, sq] = printed[j];
      expectOracle(row.social, social, `m=${row.m} social`);
      expectRel(row.social, thm4CblSocialClosedForm(row.m), 1e-12, `m=${row.m} closed form`);
      expectOracle(row.ratio, ratio, `m=${row.m} ratio`);
      expectExact(row.lowerBoundRatio, Number(lb), `m=${row.m} √m/4`);
      expectExact(row.sqrtM, Number(sq), `m=${row.m} √m`);
      // Thm 4 lower bound ≤ M_CBL's ratio ≤ Thm 1's NL bound √m.
      expect(row.ratio).to.be.at.least(row.lowerBoundRatio);
      expect(row.ratio).to.be.at.most(row.sqrtM);
      expectExact(thm4LowerBoundRatio(row.m), Math.sqrt(row.m) / 4, 'lb');
    });
  });

  it("agent 1's best response on k = 1 is σ/√γ under both M_SM and M_CBL (oracle 9)", () => {
    const sigma = 2;
    const gamma = 0.5;
    const m = 6;
    const { instance, allocation } = thm4Instance(m, sigma, gamma);
    const t = cblTheory(instance, allocation);
    const pCbl = (n: number) => cblPenaltyAt(instance, t, 0, 0, n);
    const pSm = (n: number) => smTheory(instance, allocation.map((r, i) => (i === 0 ? [n, 0] : [...r]))).penalties[0][0];
    const target = sigma / Math.sqrt(gamma);
    expectExact(t.nStar[0][0], target, 'n*_{1,1}');
    // Golden section on σ²/n + γn: flat minimum, argmin resolvable to ~√eps relative.
    expectRel(goldenSection(pCbl, 1e-6, 50, { xtol: 1e-12 }).x, target, 1e-7, 'M_CBL BR');
    expectRel(goldenSection(pSm, 1e-6, 50, { xtol: 1e-12 }).x, target, 1e-7, 'M_SM BR');
  });
});
