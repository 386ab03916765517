/**
 * Oracles of spec/003 §4 and §7 for the closed forms of M* (seed 003, Algorithm 2, eq. (13)–(15)),
 * the realization function (eq. (14)–(15) per draw) and the baselines market-naive / market-single.
 *
 * Inputs: Algorithm 1 is written by another engineer and is not used here. Its outputs for
 * Example A and Example B are rebuilt from spec/003 §4: Example A's q+ = v(3) = √(3/4); Example B's
 * q+ from the binding chain q_1 = v_1(1), q_2 = q_1 + v_2(8) − v_2(1), q_3 = q_2 + v_3(17) − v_3(8)
 * with the Gaussian-kernel values v_j(m) = a_j√(m/(m + r_j)) (computed, not hard-coded).
 *
 * Tolerances: expectOracle = half a unit in the last printed digit (test/theory/oracle.ts); closed
 * forms 1e-9 (or 1e-12 relative where they are exact); Monte Carlo within 4 standard errors.
 */
import { expect } from 'chai';
import { Rng } from '../../../src/random/index.js';
import { normCdf } from '../../../src/theory/special.js';
import {
  type MStarInput,
  type MStarResult,
  cheapestTwo,
  marketNaive,
  marketSingle,
  mstarRealization,
  mstarTheory,
  offPathResidual,
  probNegativeAffineChi2,
} from '../../../src/theory/market/mstar.js';
import { expectExact, expectOracle, expectRel } from '../oracle.js';

// ---------------------------------------------------------------------------------------------
// Instances (spec/003 §4, σ = 1, Gaussian-kernel buyers)
// ---------------------------------------------------------------------------------------------

/** v^d(m) = a√(m/(m + r)), v(0) = 0 (spec/003 §1.2). */
const gaussian = (a: number, r: number) => (m: number) => (m === 0 ? 0 : a * Math.sqrt(m / (m + r)));

/** Example A: one buyer (a = 1, r = 1), c = (0.04, 0.1, 0.2); Algorithm 1: N+ = 3, m+ = 3, q+ = v(3). */
const vA = gaussian(1, 1);
const EXAMPLE_A: MStarInput = { sigma: 1, costs: [0.04, 0.1, 0.2], nPlus: 3, prices: [vA(3)], allocations: [3], buyerValues: [vA(3)] };

/** Example B: buyers (0.4, 1), (0.7, 4), (1.0, 16); c = (0.01, 0.02, 0.05); N+ = 17, m+ = (1, 8, 17). */
const vB = [gaussian(0.4, 1), gaussian(0.7, 4), gaussian(1, 16)] as const;
const mB = [1, 8, 17];
const qB = (() => {
  const q1 = vB[0](1); // IR binds for buyer 1
  const q2 = q1 + vB[1](8) - vB[1](1); // buyer 2 indifferent with one step down
  const q3 = q2 + vB[2](17) - vB[2](8); // buyer 3 indifferent with one step down
  return [q1, q2, q3];
})();
const valuesB = mB.map((m, j) => (vB[j] as (m: number) => number)(m));
const EXAMPLE_B: MStarInput = { sigma: 1, costs: [0.01, 0.02, 0.05], nPlus: 17, prices: qB, allocations: mB, buyerValues: valuesB };

/** Every number reachable in a result is finite (no NaN, no ±∞). */
function expectAllFinite(x: unknown, path = 'result'): void {
  if (typeof x === 'number') {
    expect(Number.isFinite(x), `${path} = ${x}`).to.equal(true);
  } else if (Array.isArray(x)) {
    x.forEach((y, i) => expectAllFinite(y, `${path}[${i}]`));
  } else if (typeof x === 'object' && x !== null) {
    for (const [k, y] of Object.entries(x)) expectAllFinite(y, `${path}.${k}`);
  }
}

function contributor(m: MStarResult, i: number) {
  const k = m.contributors[i];
  if (k === undefined) throw new Error(`no contributor ${i}`);
  return k;
}
function buyer(m: MStarResult, j: number) {
  const b = m.buyers[j];
  if (b === undefined) throw new Error(`no buyer ${j}`);
  return b;
}

describe('theory/market/mstar (seed 003, Algorithm 2)', () => {
  describe('Example A (spec/003 §4, §7 item 2)', () => {
    const m = mstarTheory(EXAMPLE_A);

    it('N* = (2, 1, 0), W = 0.686025 = OPT − 0.06, OPT = 0.746025', () => {
      expect(m.marketOpen).to.equal(true);
      expect(m.split).to.deep.equal([2, 1, 0]);
      expectOracle(m.w, '0.686025', 'W');
      expectOracle(m.profit, '0.686025', 'profit');
      expectOracle(m.opt, '0.746025', 'OPT');
      expectExact(m.w, m.opt - 0.06, 'W = OPT − (c2 − c1)');
      expectExact(m.bound, m.w, 'Thm 4 bound attained');
    });

    it('d = (0.16, 0.1), V = 1.5, dV = (0.24, 0.15), DV = 0.39', () => {
      expectExact(contributor(m, 0).d, 0.16, 'd1');
      expectExact(contributor(m, 1).d, 0.1, 'd2');
      expect(contributor(m, 2).d).to.equal(0);
      expectExact(m.v, 1.5, 'V');
      expectExact(contributor(m, 0).dv, 0.24, 'd1V');
      expectExact(contributor(m, 1).dv, 0.15, 'd2V');
      expectExact(m.dv, 0.39, 'DV');
    });

    it('p = 1.256025 − 0.26Δ², E[p] = 0.866025, u^b = 0, P(p < 0) = 0.072718', () => {
      const b = buyer(m, 0);
      expectOracle(b.priceInDelta.constant, '1.256025', 'constant');
      expectExact(b.priceInDelta.slope, -0.26, 'Δ² slope');
      expectExact(b.priceInZ.slope, -0.39, 'Z² slope');
      expectOracle(b.expectedPrice, '0.866025', 'E p');
      expectExact(b.expectedPrice, Math.sqrt(3 / 4), 'E p = q+');
      expect(b.allocation).to.equal(3);
      expect(Math.abs(b.utility as number)).to.be.at.most(1e-15);
      expectOracle(b.probNegativePrice, '0.072718', 'P(p < 0)');
    });

    it('π_1 = 0.777350 − 0.16Δ² (E 0.537350, u 0.457350); π_2 = 0.478675 − 0.10Δ² (E 0.328675, u 0.228675); u_1 + u_2 = W', () => {
      const [c1, c2, c3] = [contributor(m, 0), contributor(m, 1), contributor(m, 2)];
      expectOracle(c1.paymentInDelta.constant, '0.777350', 'π1 constant');
      expectExact(c1.paymentInDelta.slope, -0.16, 'π1 slope');
      expectOracle(c1.expectedPayment, '0.537350', 'E π1');
      expectOracle(c1.utility, '0.457350', 'u1');
      expectOracle(c2.paymentInDelta.constant, '0.478675', 'π2 constant');
      expectExact(c2.paymentInDelta.slope, -0.1, 'π2 slope');
      expectOracle(c2.expectedPayment, '0.328675', 'E π2');
      expectOracle(c2.utility, '0.228675', 'u2');
      expect(c3.expectedPayment).to.equal(0);
      expect(c3.utility).to.equal(0);
      expectRel(c1.utility + c2.utility, m.w, 1e-14, 'u1 + u2 = W');
    });
  });

  describe('Example B (spec/003 §4 M* quantities, §7 item 3)', () => {
    const m = mstarTheory(EXAMPLE_B);

    it('the Algorithm-1 inputs rebuilt from the binding chain match the printed q+, Q and OPT', () => {
      expectOracle(qB[0] as number, '0.282843', 'q1');
      expectOracle(qB[1] as number, '0.541341', 'q2');
      expectOracle(qB[2] as number, '0.681731', 'q3');
      expectOracle(m.revenue, '1.505915', 'Q');
      expectOracle(m.opt, '1.335915', 'OPT');
      expectOracle(valuesB.reduce((s, v) => s + v, 0), '1.572131', 'Σ v_j(m_j)');
    });

    it('N* = (16, 1, 0), W = 1.325915 = OPT − 0.01, d = (2.56, 0.02), V = 1.0625', () => {
      expect(m.split).to.deep.equal([16, 1, 0]);
      expect(m.roles).to.deep.equal([0, 1]);
      expectOracle(m.w, '1.325915', 'W');
      expectExact(m.w, m.revenue - 0.16 - 0.02, 'W = Q − 0.16 − 0.02');
      expectExact(m.w, m.opt - 0.01, 'W = OPT − (c2 − c1)');
      expectExact(contributor(m, 0).d, 2.56, 'd1');
      expectExact(contributor(m, 1).d, 0.02, 'd2');
      expectExact(m.v, 1.0625, 'V');
    });

    it('dV = (2.72, 0.02125), DV = 2.74125, DV/B = 0.91375, D/B = 0.86', () => {
      expectExact(contributor(m, 0).dv, 2.72, 'd1V');
      expectExact(contributor(m, 1).dv, 0.02125, 'd2V');
      expectExact(m.dv, 2.74125, 'DV');
      expectExact(m.dvPerBuyer, 0.91375, 'DV/B');
      expectExact(m.dPerBuyer, 0.86, 'D/B');
    });

    it('prices q_j+ + 0.91375(1 − Z²): constants (1.196593, 1.455091, 1.595481), sd 1.292238, P(p<0) (0.252478, 0.206978, 0.186370)', () => {
      const constants = ['1.196593', '1.455091', '1.595481'];
      const pNeg = ['0.252478', '0.206978', '0.186370'];
      m.buyers.forEach((b, j) => {
        expectExact(b.expectedPrice, qB[j] as number, `E p${j + 1} = q+`);
        expectOracle(b.priceInDelta.constant, constants[j] as string, `constant p${j + 1}`);
        expectExact(b.priceInZ.constant, b.priceInDelta.constant, 'the constant is the same in Δ² and Z²');
        expectExact(b.priceInDelta.slope, -0.86, 'Δ² slope');
        expectExact(b.priceInZ.slope, -0.91375, 'Z² slope');
        expectOracle(b.priceSd, '1.292238', `sd p${j + 1}`);
        expectExact(b.priceVariance, 2 * 0.91375 ** 2, 'Var p = 2(DV/B)²');
        expectOracle(b.probNegativePrice, pNeg[j] as string, `P(p${j + 1} < 0)`);
        // spec/003 §7: 2(1 − Φ(√(1 + B q_j/(DV)))), evaluated through normCdf instead of erfc.
        const viaCdf = 2 * (1 - normCdf(Math.sqrt(1 + (3 * (qB[j] as number)) / 2.74125)));
        expect(Math.abs(b.probNegativePrice - viaCdf)).to.be.at.most(1e-12);
      });
    });

    it('π_1 = 4.127920 − 2.56Δ² (E 1.407920, sd 3.846661, P(π_1 < 0) = 0.217980)', () => {
      const c = contributor(m, 0);
      expectOracle(c.paymentInDelta.constant, '4.127920', 'constant');
      expectExact(c.paymentInDelta.slope, -2.56, 'Δ² slope');
      expectExact(c.paymentInZ.slope, -2.72, 'Z² slope');
      expectOracle(c.expectedPayment, '1.407920', 'E π1');
      expectOracle(c.paymentSd, '3.846661', 'sd π1');
      expectOracle(c.probNegativePayment, '0.217980', 'P(π1 < 0)');
    });

    it('π_2 = 0.119245 − 0.02Δ² (E 0.097995, sd 0.030052, P(π_2 < 0) = 0.017843), π_3 = 0', () => {
      const c = contributor(m, 1);
      expectOracle(c.paymentInDelta.constant, '0.119245', 'constant');
      expectExact(c.paymentInDelta.slope, -0.02, 'Δ² slope');
      expectOracle(c.expectedPayment, '0.097995', 'E π2');
      expectOracle(c.paymentSd, '0.030052', 'sd π2');
      expectOracle(c.probNegativePayment, '0.017843', 'P(π2 < 0)');
      const c3 = contributor(m, 2);
      expect([c3.paymentInDelta.constant, c3.paymentInDelta.slope, c3.expectedPayment, c3.paymentSd, c3.probNegativePayment]).to.deep.equal([0, 0, 0, 0, 0]);
    });

    it('contributor utilities (1.247920, 0.077995, 0) summing to W; buyer utilities (0, 0.030207, 0.036009); welfare 1.392131 = W + buyer surplus', () => {
      expectOracle(contributor(m, 0).utility, '1.247920', 'u1');
      expectOracle(contributor(m, 1).utility, '0.077995', 'u2');
      expect(contributor(m, 2).utility).to.equal(0);
      expectRel(m.contributors.reduce((s, k) => s + k.utility, 0), m.w, 1e-14, 'Σ u^c = W');
      expect(Math.abs(buyer(m, 0).utility as number)).to.be.at.most(1e-15);
      expectOracle(buyer(m, 1).utility as number, '0.030207', 'u^b_2');
      expectOracle(buyer(m, 2).utility as number, '0.036009', 'u^b_3');
      expectOracle(m.buyerSurplus as number, '0.066216', 'buyer surplus');
      expectOracle(m.welfare as number, '1.392131', 'welfare');
      expectRel(m.welfare as number, m.w + (m.buyerSurplus as number), 1e-14, 'welfare = W + surplus');
      expect(m.buyers.map((b) => b.allocation)).to.deep.equal([1, 8, 17]);
    });

    it('off-path BB residuals Σπ − Σp: I = (1,0) −0.009412 (surplus), (0,1) +0.009412 (deficit), (0,0) and (1,1) 0 (spec/003 §3, §7 item 10)', () => {
      expectOracle(m.budget.i10, '-0.009412', 'I = (1,0)');
      expectExact(m.budget.i10, (-16 * 1 * 0.01) / 17, 'I = (1,0) closed form');
      expect(m.budget.i10).to.be.below(0);
      expectOracle(m.budget.i01, '0.009412', 'I = (0,1)');
      expect(m.budget.i01).to.be.above(0);
      expect(m.budget.i00).to.equal(0);
      expect(m.budget.i11).to.equal(0);
      expect(m.budget.onPath).to.equal(0);
    });
  });

  describe('splits', () => {
    const tied: MStarInput = { ...EXAMPLE_B, costs: [0.01, 0.01, 0.05] };

    it('tied costs c = (0.01, 0.01, 0.05): W = OPT = 1.335915 for every split; (16,1) DV 2.730625, sd 1.287229; (9,8) DV 0.342361, sd 0.161391', () => {
      const paper = mstarTheory({ ...tied, split: 'paper' });
      const auto = mstarTheory(tied);
      const even = mstarTheory({ ...tied, split: 'even' });
      const explicit = mstarTheory({ ...tied, split: { n1: 5, n2: 12 } });
      expect(paper.split).to.deep.equal([16, 1, 0]);
      expect(auto.split).to.deep.equal([9, 8, 0], 'auto splits evenly on a tie');
      expect(even.split).to.deep.equal([9, 8, 0]);
      expect(explicit.split).to.deep.equal([5, 12, 0]);
      for (const r of [paper, auto, even, explicit]) {
        expectOracle(r.w, '1.335915', 'W');
        expectRel(r.w, r.opt, 1e-14, 'W = OPT');
        expectRel(r.contributors.reduce((s, k) => s + k.utility, 0), r.w, 1e-14, 'Σu = W');
      }
      expectOracle(paper.dv, '2.730625', 'DV (16,1)');
      expectOracle(buyer(paper, 0).priceSd, '1.287229', 'sd p (16,1)');
      expectOracle(auto.dv, '0.342361', 'DV (9,8)');
      expectOracle(buyer(auto, 0).priceSd, '0.161391', 'sd p (9,8)');
      // a variance reduction for every buyer
      auto.buyers.forEach((b, j) => expect(b.priceSd).to.be.below(buyer(paper, j).priceSd));
    });

    it('ties among the cheapest go to the first two in file order; N+ odd splits (⌈N+/2⌉, ⌊N+/2⌋)', () => {
      const r = mstarTheory({ ...EXAMPLE_B, costs: [0.05, 0.01, 0.01, 0.01] });
      expect(r.roles).to.deep.equal([1, 2]);
      expect(r.split).to.deep.equal([0, 9, 8, 0]);
      expect(cheapestTwo([0.3, 0.1, 0.2, 0.1])).to.deep.equal([1, 3]);
    });

    it('a general split (N1*, N2*) has W = Q − c1N1* − c2N2* < the (N+ − 1, 1) profit when c1 < c2 (spec/003 §2.5)', () => {
      const best = mstarTheory(EXAMPLE_B);
      for (const n2 of [2, 5, 8, 16]) {
        const r = mstarTheory({ ...EXAMPLE_B, split: { n1: 17 - n2, n2 } });
        expectExact(r.w, r.revenue - 0.01 * (17 - n2) - 0.02 * n2, `W for n2 = ${n2}`);
        expect(r.w).to.be.below(best.w);
        expectRel(contributor(r, 0).dv, (0.01 * (17 - n2) * 17) / n2, 1e-12, 'd1V = c1N1*N+/N2*');
        expectRel(contributor(r, 1).dv, (0.02 * n2 * 17) / (17 - n2), 1e-12, 'd2V = c2N2*N+/N1*');
      }
    });

    it('rejects invalid explicit splits', () => {
      expect(() => mstarTheory({ ...EXAMPLE_B, split: { n1: 17, n2: 0 } })).to.throw(RangeError, /split/);
      expect(() => mstarTheory({ ...EXAMPLE_B, split: { n1: 10, n2: 6 } })).to.throw(RangeError, /N\+ = 17/);
      expect(() => mstarTheory({ ...EXAMPLE_B, split: { n1: 8.5, n2: 8.5 } })).to.throw(RangeError);
    });

    it('costs in a shuffled order give the same quantities, reported in file order', () => {
      const ref = mstarTheory(EXAMPLE_B);
      const perm = [2, 0, 1]; // file position k holds contributor perm[k] of Example B
      const shuffled = mstarTheory({ ...EXAMPLE_B, costs: perm.map((i) => EXAMPLE_B.costs[i] as number) });
      expect(shuffled.costs).to.deep.equal([0.05, 0.01, 0.02]);
      expect(shuffled.roles).to.deep.equal([1, 2]);
      expect(shuffled.split).to.deep.equal([0, 16, 1]);
      expect(shuffled.w).to.equal(ref.w);
      perm.forEach((i, k) => expect(shuffled.contributors[k]).to.deep.equal(ref.contributors[i], `file position ${k}`));
      expect(shuffled.buyers).to.deep.equal(ref.buyers);
      expect(shuffled.budget).to.deep.equal(ref.budget);
      // the realization pays the file positions
      const real = mstarRealization(shuffled, { size: 16, mean: 0.3 }, { size: 1, mean: -0.2 });
      const realRef = mstarRealization(ref, { size: 16, mean: 0.3 }, { size: 1, mean: -0.2 });
      perm.forEach((i, k) => expect(real.payments[k]).to.equal(realRef.payments[i]));
      expect(real.payments[0]).to.equal(0);
    });
  });

  describe('identities for any instance (spec/003 §7 items 4, 5)', () => {
    const rng = new Rng(0x5eed, 3, 0xabc, 17);
    const instances: MStarInput[] = [];
    for (let t = 0; t < 40; t++) {
      const nC = 2 + rng.nextInt(4);
      const B = 1 + rng.nextInt(4);
      const costs = Array.from({ length: nC }, () => 0.001 + 0.05 * rng.nextFloat());
      const prices = Array.from({ length: B }, () => rng.nextFloat());
      instances.push({ sigma: 0.2 + 5 * rng.nextFloat(), costs, nPlus: 2 + rng.nextInt(60), prices, split: t % 3 === 0 ? 'even' : 'paper' });
    }

    it('d_iV = c_iN_i*N+/N_{−i}* (independent of σ), E p_j = q_j+, Σ E π_i = Q, Σ u_i = W = profit, price = constant + slope·Z² with Var 2(DV/B)²', () => {
      let checked = 0;
      for (const inst of instances) {
        const m = mstarTheory(inst);
        if (!m.marketOpen) continue;
        checked++;
        const [r1, r2] = m.roles;
        const N = m.nPlus;
        expectRel(contributor(m, r1).dv, (m.c1 * m.n1 * N) / m.n2, 1e-12, 'd1V');
        expectRel(contributor(m, r2).dv, (m.c2 * m.n2 * N) / m.n1, 1e-12, 'd2V');
        // d_i = c_i N_i*²/σ² and V = σ²(1/N1* + 1/N2*), computed here from their definitions
        expectRel(contributor(m, r1).d, (m.c1 * m.n1 * m.n1) / inst.sigma ** 2, 1e-12, 'd1');
        expectRel(m.v, inst.sigma ** 2 * (1 / m.n1 + 1 / m.n2), 1e-12, 'V');
        const other = mstarTheory({ ...inst, sigma: 1 });
        expectRel(m.dv, other.dv, 1e-12, 'DV does not depend on σ');
        m.buyers.forEach((b, j) => {
          expect(b.expectedPrice).to.equal(inst.prices[j]);
          expectRel(b.priceInZ.constant + b.priceInZ.slope, b.expectedPrice, 1e-12, 'E p = constant + slope·E Z²');
          expectRel(b.priceInDelta.slope * m.v, b.priceInZ.slope, 1e-12, 'Δ² = V·Z²');
          expectRel(b.priceVariance, 2 * (m.dv / m.buyerCount) ** 2, 1e-12, 'Var p');
        });
        expectRel(m.contributors.reduce((s, k) => s + k.expectedPayment, 0), m.revenue, 1e-12, 'Σ E π = Q');
        expectRel(m.contributors.reduce((s, k) => s + k.utility, 0), m.w, 1e-12, 'Σ u = W');
        expect(m.profit).to.equal(m.w);
        expect(m.w).to.be.at.most(m.bound + 1e-12 * Math.abs(m.bound) + 1e-15);
        if (m.n2 === 1) expectRel(m.w, m.bound, 1e-12, 'W = OPT − (c2 − c1) for the paper split');
        expect(m.budget.onPath).to.equal(0);
      }
      expect(checked).to.be.greaterThan(20);
    });

    it('Lemma 9: argmax over integers n of −c_i n − d_iσ²/n is N_i*, with loss c_i(n − N_i*)²/n', () => {
      for (const inst of instances.slice(0, 10)) {
        const m = mstarTheory(inst);
        if (!m.marketOpen) continue;
        for (const [i, ni, ci] of [[m.roles[0], m.n1, m.c1], [m.roles[1], m.n2, m.c2]] as const) {
          const di = contributor(m, i).d;
          const l = (n: number) => -ci * n - (di * inst.sigma ** 2) / n;
          let best = 1;
          for (let n = 1; n <= 4 * m.nPlus; n++) if (l(n) > l(best)) best = n;
          expect(best).to.equal(ni);
          for (const n of [1, ni + 1, 2 * ni + 3]) expectRel(l(ni) - l(n), (ci * (n - ni) ** 2) / n, 1e-9, 'loss');
        }
      }
    });

    it('probNegativeAffineChi2: P(a + bZ² < 0) edge cases and the normCdf form', () => {
      expect(probNegativeAffineChi2(1, 0)).to.equal(0);
      expect(probNegativeAffineChi2(-1, 0)).to.equal(1);
      expect(probNegativeAffineChi2(0, 0)).to.equal(0);
      expect(probNegativeAffineChi2(-0.5, -1)).to.equal(1);
      expect(Math.abs(probNegativeAffineChi2(1, -1) - 2 * (1 - normCdf(1)))).to.be.at.most(1e-15);
      expect(Math.abs(probNegativeAffineChi2(9, -1) - 2 * normCdf(-3))).to.be.at.most(1e-17);
      expect(() => probNegativeAffineChi2(1, 1)).to.throw(RangeError);
    });
  });

  describe('closed market: W < 0 or N+ < 2 (spec/003 §3 gaps)', () => {
    it('W < 0: marketOpen false, zeros everywhere, no NaN; W still reported', () => {
      const m = mstarTheory({ ...EXAMPLE_A, costs: [0.04, 0.9, 0.95] });
      expect(m.marketOpen).to.equal(false);
      expect(m.closedReason).to.equal('W < 0');
      expectExact(m.w, Math.sqrt(3 / 4) - 0.08 - 0.9, 'W');
      expect(m.profit).to.equal(0);
      expect(m.split).to.deep.equal([0, 0, 0]);
      expect([m.n1, m.n2, m.v, m.dv, m.dvPerBuyer]).to.deep.equal([0, 0, 0, 0, 0]);
      for (const k of m.contributors) expect([k.n, k.d, k.dv, k.expectedPayment, k.utility, k.paymentSd, k.probNegativePayment]).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
      for (const b of m.buyers) expect([b.allocation, b.expectedPrice, b.priceSd, b.probNegativePrice, b.value, b.utility]).to.deep.equal([0, 0, 0, 0, 0, 0]);
      expect([m.buyerSurplus, m.welfare]).to.deep.equal([0, 0]);
      expect(m.budget).to.deep.equal({ onPath: 0, i10: 0, i01: 0, i00: 0, i11: 0 });
      expectAllFinite(m);
      const real = mstarRealization(m, { size: 2, mean: 1 }, { size: 1, mean: 0 });
      expect(real.prices).to.deep.equal([0]);
      expect(real.payments).to.deep.equal([0, 0, 0]);
      expect(real.residual).to.equal(0);
    });

    it('W = 0 keeps the market open (IRC holds with equality)', () => {
      // Q = 1, c = (0.25, 0.5), N+ = 3: W = 1 − 0.25·2 − 0.5 = 0 exactly in binary
      const m = mstarTheory({ sigma: 1, costs: [0.5, 0.25], nPlus: 3, prices: [1] });
      expect(m.w).to.equal(0);
      expect(m.marketOpen).to.equal(true);
      expect(m.split).to.deep.equal([1, 2]);
      expect(m.contributors.map((k) => k.utility)).to.deep.equal([0, 0]);
      expect(mstarTheory({ sigma: 1, costs: [0.5, 0.25], nPlus: 3, prices: [1 - 2 ** -40] }).marketOpen).to.equal(false);
    });

    for (const nPlus of [0, 1]) {
      it(`N+ = ${nPlus}: marketOpen false, zeros, no NaN or division by zero`, () => {
        const m = mstarTheory({ sigma: 2, costs: [0.01, 0.02, 0.05], nPlus, prices: [0.3, 0], allocations: [nPlus, 0], buyerValues: [0.5, 0] });
        expect(m.marketOpen).to.equal(false);
        expect(m.closedReason).to.equal('N+ < 2');
        expect(m.profit).to.equal(0);
        expect(m.split).to.deep.equal([0, 0, 0]);
        expect(m.contributors.map((k) => k.utility)).to.deep.equal([0, 0, 0]);
        expect(m.buyers.map((b) => b.priceSd)).to.deep.equal([0, 0]);
        expectAllFinite(m);
        const real = mstarRealization(m, [1, 2], []);
        expectAllFinite(real);
        expect(real.payments).to.deep.equal([0, 0, 0]);
      });
    }

    it('N+ = 2 is the smallest open market: split (1, 1)', () => {
      const m = mstarTheory({ sigma: 1, costs: [0.01, 0.02], nPlus: 2, prices: [0.5] });
      expect(m.marketOpen).to.equal(true);
      expect(m.split).to.deep.equal([1, 1]);
      expectExact(m.v, 2, 'V');
      expectAllFinite(m);
    });

    it('rejects malformed inputs with RangeErrors', () => {
      expect(() => mstarTheory({ ...EXAMPLE_B, sigma: 0 })).to.throw(RangeError, /sigma/);
      expect(() => mstarTheory({ ...EXAMPLE_B, costs: [0.01] })).to.throw(RangeError, /two contributors/);
      expect(() => mstarTheory({ ...EXAMPLE_B, costs: [0.01, -1] })).to.throw(RangeError, /costs\[1\]/);
      expect(() => mstarTheory({ ...EXAMPLE_B, nPlus: 2.5 })).to.throw(RangeError, /nPlus/);
      expect(() => mstarTheory({ ...EXAMPLE_B, prices: [] })).to.throw(RangeError, /prices/);
      expect(() => mstarTheory({ ...EXAMPLE_B, allocations: [1, 8, 18] })).to.throw(RangeError, /allocations\[2\]/);
      expect(() => mstarTheory({ ...EXAMPLE_B, buyerValues: [0.1] })).to.throw(RangeError, /buyerValues/);
      expect(() => mstarRealization(mstarTheory(EXAMPLE_B), { size: 1.5, mean: 0 }, [0])).to.throw(RangeError, /y1.size/);
    });
  });

  describe('realizations: eq. (14)–(15) per draw', () => {
    const m = mstarTheory(EXAMPLE_B);

    it('on path, Σ_j p_j* = Σ_i π_i* to 1e-12 for random Δ, and each price/payment equals its closed form constant + slope·Δ²', () => {
      const rng = new Rng(11, 22, 33, 44);
      const sdDelta = Math.sqrt(m.v);
      for (let t = 0; t < 2000; t++) {
        const mu2 = 100 * (rng.nextFloat() - 0.5);
        const delta = sdDelta * rng.normal();
        const r = mstarRealization(m, { size: 16, mean: mu2 + delta }, { size: 1, mean: mu2 });
        expect(r.indicators).to.deep.equal([1, 1]);
        expect(Math.abs(r.residual), `draw ${t}`).to.be.at.most(1e-12);
        expect(Math.abs(r.totalPayment - r.totalPrice)).to.be.at.most(1e-12);
        const d2 = r.delta * r.delta;
        m.buyers.forEach((b, j) => expect(Math.abs((r.prices[j] as number) - (b.priceInDelta.constant + b.priceInDelta.slope * d2))).to.be.at.most(1e-12));
        m.contributors.forEach((k, i) => expect(Math.abs((r.payments[i] as number) - (k.paymentInDelta.constant + k.paymentInDelta.slope * d2))).to.be.at.most(1e-12));
      }
    });

    it('full datasets and (size, mean) summaries give the same result; the same for any ordering of μ̂ (only Δ² enters)', () => {
      const y1 = Float64Array.from({ length: 16 }, (_, k) => 0.1 * k - 0.3);
      const y2 = [0.25];
      const mean1 = y1.reduce((s, y) => s + y, 0) / 16;
      const a = mstarRealization(m, y1, y2);
      const b = mstarRealization(m, { size: 16, mean: mean1 }, { size: 1, mean: 0.25 });
      expect(a.prices).to.deep.equal(b.prices);
      expect(a.payments).to.deep.equal(b.payments);
      expectExact(a.delta, mean1 - 0.25, 'Δ');
      const swapped = mstarRealization(m, { size: 16, mean: 0.25 + (0.25 - mean1) }, { size: 1, mean: 0.25 });
      swapped.prices.forEach((p, j) => expect(Math.abs(p - (a.prices[j] as number))).to.be.at.most(1e-15));
    });

    it('off path, the realized residual equals the spec/003 §3 residual for every Δ (I = (1,0), (0,1), (0,0))', () => {
      const rng = new Rng(5, 6, 7, 8);
      const cases: [number, number, number][] = [
        [16, 2, m.budget.i10], // C2 submits 2 points
        [15, 1, m.budget.i01], // C1 submits 15 points
        [17, 0, m.budget.i00], // C2 submits nothing
        [0, 1, m.budget.i01], // C1 submits nothing
      ];
      for (const [s1, s2, expected] of cases) {
        for (let t = 0; t < 50; t++) {
          const r = mstarRealization(m, { size: s1, mean: 5 * rng.normal() }, { size: s2, mean: 5 * rng.normal() });
          expect(r.indicators).to.deep.equal([s1 === 16 ? 1 : 0, s2 === 1 ? 1 : 0]);
          expect(Math.abs(r.residual - expected), `sizes (${s1}, ${s2})`).to.be.at.most(1e-12);
        }
      }
      // and the formula's values for general splits
      for (const [n1, n2] of [[10, 7], [1, 1], [3, 30]] as const) {
        const g = mstarTheory({ ...EXAMPLE_B, nPlus: n1 + n2, allocations: undefined, split: { n1, n2 } });
        const r = mstarRealization(g, { size: n1, mean: 0.4 }, { size: n2 + 1, mean: -1 });
        expectRel(r.residual, (-n1 * n2 * (0.02 - 0.01)) / (n1 + n2), 1e-9, 'I = (1,0) general split');
        expectRel(offPathResidual(0.01, 0.02, n1, n2, 0, 1), (n1 * n2 * 0.01) / (n1 + n2), 1e-12, 'I = (0,1)');
      }
    });

    it('an empty submission uses the emptyMean convention (default 0) for μ̂(∅)', () => {
      const a = mstarRealization(m, { size: 16, mean: 2 }, []);
      expectExact(a.delta, 2, 'Δ with μ̂(∅) = 0');
      const b = mstarRealization(m, { size: 16, mean: 2 }, { size: 0, mean: Number.NaN }, { emptyMean: 2 });
      expect(b.delta).to.equal(0);
      expectAllFinite(b);
    });
  });

  describe('Monte Carlo under s* (spec/003 §7 Monte Carlo oracles)', () => {
    const m = mstarTheory(EXAMPLE_B);
    const R = 200_000;
    for (const mu of [0, 37.5]) {
      it(`μ = ${mu}: E[Δ²] = V, E[p_j] = q_j+, E[π_i] = c_iN_i* + W N_i*/N+ within 4 SE; Var and P(p < 0) match; BB on every draw`, () => {
        const rng = new Rng(0xc0ffee, 0x3, Math.round(mu * 16), 0x77);
        const buf = new Float64Array(17);
        const y1 = buf.subarray(0, 16);
        const y2 = buf.subarray(16, 17);
        const B = m.buyerCount;
        const sumP = new Float64Array(B);
        const sumP2 = new Float64Array(B);
        const negP = new Float64Array(B);
        const sumPi = new Float64Array(3);
        let sumD2 = 0;
        let maxResidual = 0;
        for (let t = 0; t < R; t++) {
          rng.fillNormal(buf, 0, 17, mu, 1);
          const r = mstarRealization(m, y1, y2);
          sumD2 += r.delta * r.delta;
          maxResidual = Math.max(maxResidual, Math.abs(r.residual));
          for (let j = 0; j < B; j++) {
            const p = r.prices[j] as number;
            sumP[j] = (sumP[j] as number) + p;
            sumP2[j] = (sumP2[j] as number) + p * p;
            if (p < 0) negP[j] = (negP[j] as number) + 1;
          }
          for (let i = 0; i < 3; i++) sumPi[i] = (sumPi[i] as number) + (r.payments[i] as number);
        }
        expect(maxResidual).to.be.at.most(1e-12);
        const within = (est: number, mean: number, sd: number, what: string) =>
          expect(Math.abs(est - mean), `${what}: MC ${est}, theory ${mean}, SE ${sd / Math.sqrt(R)}`).to.be.at.most((4 * sd) / Math.sqrt(R));
        within(sumD2 / R, m.v, Math.SQRT2 * m.v, 'E[Δ²]');
        m.buyers.forEach((b, j) => {
          const mean = (sumP[j] as number) / R;
          within(mean, b.expectedPrice, b.priceSd, `E[p${j + 1}]`);
          // sample variance of an affine χ²₁: relative SE √((μ4 − σ⁴)/R)/σ² = √(56/R)/2 (central μ4 of χ²₁ = 60, σ² = 2)
          const variance = (sumP2[j] as number) / R - mean * mean;
          expect(Math.abs(variance / b.priceVariance - 1), `Var p${j + 1}`).to.be.at.most((4 * Math.sqrt(56 / R)) / 2);
          const pn = b.probNegativePrice;
          within((negP[j] as number) / R, pn, Math.sqrt(pn * (1 - pn)), `P(p${j + 1} < 0)`);
        });
        m.contributors.forEach((k, i) => within((sumPi[i] as number) / R, k.expectedPayment, k.paymentSd, `E[π${i + 1}]`));
      });
    }
  });

  describe('baselines (spec/003 §2.5)', () => {
    it('market-naive: payments c_iN_i* + W N_i*/N+, BB on path, fabrication gain c_iN_i* = (0.16, 0.02, 0) in Example B', () => {
      const n = marketNaive(EXAMPLE_B);
      const m = mstarTheory(EXAMPLE_B);
      expect(n.marketOpen).to.equal(true);
      expect(n.split).to.deep.equal([16, 1, 0]);
      expect(n.prices).to.deep.equal(qB);
      expectOracle(n.payments[0] as number, '1.407920', 'π1');
      expectOracle(n.payments[1] as number, '0.097995', 'π2');
      expect(n.payments[2]).to.equal(0);
      expect(Math.abs(n.budgetResidual)).to.be.at.most(1e-15);
      expectExact(n.fabricationGains[0] as number, 0.16, 'C1 gain');
      expectExact(n.fabricationGains[1] as number, 0.02, 'C2 gain');
      expect(n.fabricationGains[2]).to.equal(0);
      n.fabricationUtilities.forEach((u, i) => expectRel(u, contributor(m, i).utility + (n.fabricationGains[i] as number), 1e-15, 'fabrication utility'));
      expect(n.profit).to.equal(m.w);
      expect(n.icc).to.equal(false);
      const closed = marketNaive({ ...EXAMPLE_A, costs: [0.04, 0.9, 0.95] });
      expect(closed.marketOpen).to.equal(false);
      expect([...closed.payments, ...closed.fabricationGains, closed.profit]).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
    });

    it('market-single: N_1 = N+ = 17 to the cheapest, π_1 = Q, profit = OPT = 1.335915 > W, fabrication gain c_1N+ = 0.17, not ICC', () => {
      const s = marketSingle({ ...EXAMPLE_B, costs: [0.05, 0.02, 0.01] });
      expect(s.marketOpen).to.equal(true);
      expect(s.collector).to.equal(2);
      expect(s.split).to.deep.equal([0, 0, 17]);
      expectOracle(s.payments[2] as number, '1.505915', 'π1 = Q');
      expectOracle(s.profit, '1.335915', 'profit = OPT');
      expectExact(s.profit - mstarTheory(EXAMPLE_B).w, 0.01, 'OPT − W = c2 − c1');
      expect(s.utilities).to.deep.equal([0, 0, s.profit]);
      expectExact(s.fabricationGain, 0.17, 'gain');
      expect(s.icc).to.equal(false);
      const one = marketSingle({ ...EXAMPLE_B, nPlus: 1, prices: [0.3] });
      expect(one.marketOpen).to.equal(true, 'a single collector needs only N+ >= 1');
      const none = marketSingle({ ...EXAMPLE_B, nPlus: 0, prices: [0] });
      expect(none.marketOpen).to.equal(false);
      expect([...none.payments, none.profit, none.fabricationGain]).to.deep.equal([0, 0, 0, 0, 0]);
    });
  });
});
