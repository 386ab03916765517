/**
 * Seed 003 pricing theory (spec/003 §1.2, §2, §4, §7): valuations, exact and ε-approximate envy-free /
 * ordered-item pricing, Algorithm 1. M*'s prices and payments are tested in mstar.spec.ts.
 *
 * Tolerances: printed oracles to half a unit in their last digit (expectOracle; spec/003 prints 6
 * decimals, so ≤ 5e-7); closed forms vs quadrature 1e-9; identities 1e-12; EF/IR 1e-9.
 */
import { expect } from 'chai';
import { Rng } from '../../../src/random/index.js';
import { expectNormal } from '../../../src/theory/quadrature.js';
import {
  type PricingScheme,
  type Valuation,
  type ValuationInput,
  ExactPricingSweep,
  algorithm1,
  approxPricing,
  chooseQuantity,
  evaluateCurve,
  exactPricing,
  exactPricingTable,
  gridModulus,
  increasingDifferencesOrder,
  maxEnvyFreePrices,
  registerValuationKind,
  schemeViolations,
  stepCurve,
  tabulateAll,
  tabulateValuation,
  utilityMatrix,
  valuationKinds,
  valuationOf,
  valueGrid,
} from '../../../src/theory/market/index.js';
import { expectExact, expectOracle, expectRel } from '../oracle.js';

const gauss = (a: number, r: number): Valuation => valuationOf({ kind: 'gaussian', a, r }, 1);
/** spec/003 §4 Example B: buyers (a, r) = (0.4, 1), (0.7, 4), (1.0, 16), σ = 1; costs (0.01, 0.02, 0.05). */
const exampleB = (): Valuation[] => [gauss(0.4, 1), gauss(0.7, 4), gauss(1.0, 16)];
const COSTS_B = [0.01, 0.02, 0.05];

/** EF and IR of a scheme to 1e-9, and max m ≤ N. */
function expectEnvyFreeIr(vals: readonly ValuationInput[], s: { allocation: number[]; prices: number[]; N?: number }, label = ''): void {
  const { envy, ir } = schemeViolations(vals, s.allocation, s.prices);
  expect(envy, `${label}: envy`).to.be.at.most(1e-9);
  expect(ir, `${label}: IR`).to.be.at.most(1e-9);
  if (s.N !== undefined) for (const m of s.allocation) expect(m).to.be.within(0, s.N);
}

/** A random non-decreasing table of length N in [0, 1] (spiky increments, so types cross). */
function randomTable(rng: Rng, N: number): number[] {
  const inc = Array.from({ length: N }, () => rng.nextFloat() ** 3);
  const scale = inc.reduce((a, b) => a + b, 0) / (0.2 + 0.8 * rng.nextFloat());
  let c = 0;
  return inc.map((x) => Math.min(1, (c += x / scale)));
}

/** Random tables with increasing differences: type t's increments are type t−1's plus non-negative extras. */
function randomIdTables(rng: Rng, K: number, N: number): number[][] {
  let inc = Array.from({ length: N }, () => rng.nextFloat() ** 2);
  const incs: number[][] = [];
  for (let t = 0; t < K; t++) {
    if (t > 0) inc = inc.map((d) => d + (rng.nextFloat() < 0.5 ? 0 : rng.nextFloat() ** 2));
    incs.push(inc);
  }
  const scale = Math.max(...incs.map((d) => d.reduce((a, b) => a + b, 0))) * 1.01;
  return incs.map((d) => {
    let c = 0;
    return d.map((x) => (c += x / scale));
  });
}

describe('theory/market: valuations (spec/003 §1.2)', () => {
  /** E[v^e(σ|Z|/√m)] by quadrature (seed 003, eq. (11)); `kink` = the error where v^e jumps. */
  function vdQuad(ve: (e: number) => number, sigma: number, m: number, kink?: number): number {
    const s = sigma / Math.sqrt(m);
    const points = kink === undefined ? [] : [kink / s, -kink / s];
    return expectNormal((z) => ve(s * Math.abs(z)), { points, relTol: 1e-14 });
  }

  it('closed forms equal E[v^e(σ|Z|/√m)] by quadrature to 1e-9', () => {
    const ms = [1, 2, 3, 7, 17, 100, 2500];
    for (const sigma of [0.5, 1, 3]) {
      for (const [a, r] of [
        [1, 1],
        [0.4, 16],
        [0.7, 0.05],
      ] as const) {
        // Gaussian kernel a·exp(−e²/(2s²)) with r = σ²/s², spec/003 §1.2
        const s2 = (sigma * sigma) / r;
        const v = valuationOf({ kind: 'gaussian', a, r }, sigma);
        for (const m of ms) expect(Math.abs(v(m) - vdQuad((e) => a * Math.exp((-e * e) / (2 * s2)), sigma, m)), `gaussian a=${a} r=${r} σ=${sigma} m=${m}`).to.be.below(1e-9);
      }
      for (const [a, tau] of [
        [1, 0.3],
        [0.6, 0.02],
        [0.9, 2],
      ] as const) {
        const v = valuationOf({ kind: 'threshold', a, tau }, sigma);
        for (const m of ms) expect(Math.abs(v(m) - vdQuad((e) => (e <= tau ? a : 0), sigma, m, tau)), `threshold a=${a} τ=${tau} σ=${sigma} m=${m}`).to.be.below(1e-9);
      }
      for (const [a, lambda] of [
        [1, 1],
        [0.5, 0.1],
        [0.8, 60],
      ] as const) {
        const v = valuationOf({ kind: 'exponential', a, lambda }, sigma);
        for (const m of ms) {
          const q = vdQuad((e) => a * Math.exp(-lambda * e), sigma, m);
          expect(Math.abs(v(m) - q), `exponential a=${a} λ=${lambda} σ=${sigma} m=${m}`).to.be.below(1e-9);
          expectRel(v(m), q, 1e-9, `exponential relative, λσ/√m = ${(lambda * sigma) / Math.sqrt(m)}`);
        }
      }
    }
  });

  it('exponential kind is stable where exp(λ²σ²/2m) overflows: v ≈ a·√(2/π)·√m/(λσ)', () => {
    const v = valuationOf({ kind: 'exponential', a: 1, lambda: 1e4 }, 1);
    // 2·e^{x²/2}(1 − Φ(x)) ~ √(2/π)/x·(1 − 1/x² + …) for x = λσ/√m → ∞ (Mills ratio)
    for (const m of [1, 4, 100]) {
      const x = 1e4 / Math.sqrt(m);
      expectRel(v(m), (Math.sqrt(2 / Math.PI) / x) * (1 - 1 / (x * x) + 3 / x ** 4), 1e-12, `m=${m}`);
    }
  });

  it('oracle 1: gaussian v(1) = 0.707107·a for r = 1, and v(0) = 0 for every kind', () => {
    for (const a of [1, 0.4, 0.7]) expectOracle(gauss(a, 1)(1) / a, '0.707107', `a=${a}`);
    for (const spec of [
      { kind: 'gaussian', a: 1, r: 1 },
      { kind: 'threshold', a: 1, tau: 1 },
      { kind: 'exponential', a: 1, lambda: 0 },
      { kind: 'table', values: [0.5] },
    ] as const) {
      const v = valuationOf(spec, 1);
      expect(v(0)).to.equal(0);
      expect(v.kind).to.equal(spec.kind);
    }
    // λ = 0: v^e ≡ a, so v(m) = a for m ≥ 1; r = 0 likewise
    expectExact(valuationOf({ kind: 'exponential', a: 0.3, lambda: 0 }, 2)(5), 0.3);
    expectExact(valuationOf({ kind: 'gaussian', a: 0.3, r: 0 }, 2)(5), 0.3);
    // r is given directly: σ does not change a gaussian valuation
    expect(valuationOf({ kind: 'gaussian', a: 0.5, r: 3 }, 0.1)(7)).to.equal(valuationOf({ kind: 'gaussian', a: 0.5, r: 3 }, 10)(7));
  });

  it('table kind keeps its last value; params are exposed; bad specs give clear errors', () => {
    const v = valuationOf({ kind: 'table', values: [0.1, 0.3, 0.3, 0.8] }, 1);
    expect([0, 1, 2, 3, 4, 5, 100].map(v)).to.deep.equal([0, 0.1, 0.3, 0.3, 0.8, 0.8, 0.8]);
    expect(v.params).to.deep.equal({ values: [0.1, 0.3, 0.3, 0.8] });
    expect(valuationOf({ kind: 'table', values: [] }, 1)(9)).to.equal(0);
    expect(() => valuationOf({ kind: 'table', values: [0.5, 0.4] }, 1)).to.throw(/non-decreasing/);
    expect(() => valuationOf({ kind: 'table', values: [0.5, 1.2] }, 1)).to.throw(/\[0, 1\]/);
    expect(() => valuationOf({ kind: 'nope' }, 1)).to.throw(/unknown valuation kind 'nope'.*gaussian/);
    expect(() => valuationOf({ kind: 'gaussian', a: 0.5 } as never, 1)).to.throw(/missing parameter 'r'/);
    expect(() => valuationOf({ kind: 'gaussian', a: 0.5, r: 1, s: 2 } as never, 1)).to.throw(/unknown parameter 's'/);
    expect(() => valuationOf({ kind: 'gaussian', a: 1.5, r: 1 }, 1)).to.throw(/'a' must be/);
    expect(() => valuationOf({ kind: 'threshold', a: 1, tau: 1 }, 0)).to.throw(/sigma/);
    expect(() => v(1.5)).to.throw(/integer/);
    expect(() => v(-1)).to.throw(/integer/);
  });

  it('plugins add kinds through the registry and work in the pricing code', () => {
    const name = 'test-power-pricing-spec';
    registerValuationKind(name, (p, sigma) => {
      const a = p['a'] as number;
      const k = p['k'] as number;
      return (m) => a * (1 - (1 + m / (sigma * sigma)) ** -k);
    });
    expect(valuationKinds()).to.include(name);
    expect(() => registerValuationKind(name, () => () => 0)).to.throw(/already registered/);
    expect(() => registerValuationKind('gaussian', () => () => 0, { replace: true })).to.throw(/built-in/);
    const v = valuationOf({ kind: name, a: 0.9, k: 0.5 }, 2);
    expectExact(v(4), 0.9 * (1 - 2 ** -0.5));
    // one buyer: rev^OPT(N) = v(N), sold whole at full value
    const s = exactPricing([v], 12);
    expect(s.allocation).to.deep.equal([12]);
    expectExact(s.revenue, v(12));
    // a plugin leaving [0, 1] fails on evaluation; a decreasing one fails in tabulation
    registerValuationKind(`${name}-bad`, () => (m) => 2 - 1 / m);
    expect(() => valuationOf({ kind: `${name}-bad` }, 1)(3)).to.throw(/outside \[0, 1\]/);
    registerValuationKind(`${name}-dec`, () => (m) => 1 / m);
    expect(() => tabulateValuation(valuationOf({ kind: `${name}-dec` }, 1), 5)).to.throw(/non-decreasing/);
  });
});

describe('theory/market: OIP building blocks (spec/003 §2.1–2.2)', () => {
  it('m̃ picks the largest m among (near-)maximisers of v − q, within the 1e-9 tolerance (eq. (4))', () => {
    const v = [0, 0.2, 0.5, 0.55, 0.6, 0.9];
    const q = [0, 0.1, 0.3, 0.4, 0.5, 0.7]; // utilities 0, .1, .2, .15, .1, .2: tie between m = 2 and m = 5
    expect(chooseQuantity(v, q)).to.equal(5);
    expect(chooseQuantity(v, [0, 0.1, 0.3, 0.4, 0.5, 0.7 + 1e-10])).to.equal(5); // within tolerance
    expect(chooseQuantity(v, [0, 0.1, 0.3, 0.4, 0.5, 0.7 + 1e-6])).to.equal(2); // a real loss
    expect(chooseQuantity(v, [0, 0.2, 0.5, 0.6, 0.6, 0.9])).to.equal(5); // everything ties with m = 0
    expect(chooseQuantity(v, [0, 0.3, 0.6, 0.7, 0.7, 1])).to.equal(0);
    expect(chooseQuantity(v, q, 4)).to.equal(2); // N restricts the menu
  });

  it('Lemma 1 step curve: q(0) = 0, p_k on (m_{k−1}, m_k], top price up to N, negatives clipped', () => {
    expect(Array.from(stepCurve([8, 1, 17], [0.5, 0.2, 0.7], 20))).to.deep.equal([0, 0.2, ...Array(7).fill(0.5), ...Array(12).fill(0.7)]);
    expect(Array.from(stepCurve([0, 2], [0, -0.1], 3))).to.deep.equal([0, 0, 0, 0]);
    expect(() => stepCurve([4], [0.1], 3)).to.throw(/\[0, 3\]/);
    expect(() => evaluateCurve([[0, 1]], [0.1, 0.2])).to.throw(/q\(0\) = 0/);
  });

  it('maximal EF prices are shortest paths; a negative cycle means infeasible', () => {
    const vals = exampleB();
    const p = maxEnvyFreePrices(vals, [1, 8, 17]) as number[];
    // the binding chain of spec/003 §4: q_1 = v_1(1), q_2 = q_1 + v_2(8) − v_2(1), q_3 = q_2 + v_3(17) − v_3(8)
    const [v1, v2, v3] = vals as [Valuation, Valuation, Valuation];
    expectExact(p[0] as number, v1(1));
    expectExact(p[1] as number, v1(1) + v2(8) - v2(1));
    expectExact(p[2] as number, v1(1) + v2(8) - v2(1) + v3(17) - v3(8));
    // A values increments more than B, so A cannot get less data than B: cycle weight (0.5 − 1) + (0.2 − 0.1) < 0
    expect(maxEnvyFreePrices([[0, 0.5, 1], [0, 0.1, 0.2]], [1, 2])).to.equal(null);
    // A gets 2, B gets 1: p_B ≤ v_B(1) = 0.1 binds, p_A ≤ p_B + v_A(2) − v_A(1) = 0.6 (< v_A(2) = 1)
    const [pA, pB] = maxEnvyFreePrices([[0, 0.5, 1], [0, 0.1, 0.2]], [2, 1]) as [number, number];
    expectExact(pA, 0.6);
    expectExact(pB, 0.1);
  });
});

describe('theory/market: exact pricing and Algorithm 1 on the worked examples (spec/003 §4, §7)', () => {
  it('Example A: profit_N = √(N/(N+1)) − 0.04N, N+ = 3, q+ = 0.866025, OPT = 0.746025', () => {
    const v = [gauss(1, 1)];
    const res = algorithm1(v, [0.04, 0.1, 0.2], { prune: false });
    expect(res.range).to.deep.equal([1, 25]); // ⌊B/c_1⌋ = ⌊1/0.04⌋ (spec/003 §2.3 erratum)
    const printed = ['0.667107', '0.736497', '0.746025', '0.734427', '0.712871'];
    printed.forEach((p, i) => {
      const row = res.rows[i] as (typeof res.rows)[number];
      expect(row.N).to.equal(i + 1);
      expectOracle(row.profit as number, p, `profit_${i + 1}`);
      expectExact(row.revenue as number, Math.sqrt((i + 1) / (i + 2))); // one buyer: rev^OPT(N) = v(N)
    });
    expect(res.nPlus).to.equal(3);
    expect(res.allocation).to.deep.equal([3]);
    expectOracle(res.prices[0] as number, '0.866025', 'q+');
    expectExact(res.prices[0] as number, Math.sqrt(0.75));
    expectOracle(res.opt, '0.746025', 'OPT');
    expectExact(res.Q, res.prices[0] as number);
    // pruning does not change the answer
    const pruned = algorithm1(v, [0.04, 0.1, 0.2]);
    expect([pruned.nPlus, pruned.opt]).to.deep.equal([res.nPlus, res.opt]);
    expect(algorithm1(v, [0.04], { minN: 4 }).nPlus).to.equal(4);
  });

  it('Example B: rev^OPT(N), profit_N, allocations and prices of the printed table', () => {
    const vals = exampleB();
    const table = exactPricingTable(vals, 25);
    const printed: [number, string, string, number[] | null, string[] | null][] = [
      [1, '0.727607', '0.717607', [1, 1, 1], ['0.242536', '0.242536', '0.242536']],
      [2, '0.979796', '0.959796', [2, 2, 2], ['0.326599', '0.326599', '0.326599']],
      [3, '1.088021', '1.058021', [2, 3, 3], ['0.326599', '0.380711', '0.380711']],
      [4, '1.177270', '1.137270', [1, 4, 4], null],
      [5, '1.258743', '1.208743', [1, 5, 5], null],
      [8, '1.365524', '1.285524', [1, 8, 8], null],
      [10, '1.408348', '1.308348', [1, 8, 10], null],
      [16, '1.495281', '1.335281', null, null],
      [17, '1.505915', '1.335915', [1, 8, 17], ['0.282843', '0.541341', '0.681731']],
      [18, '1.515781', '1.335781', null, null],
      [20, '1.533530', '1.333530', null, null],
      [25, '1.569043', '1.319043', null, null],
    ];
    for (const [N, rev, profit, m, p] of printed) {
      const s = table[N] as PricingScheme;
      expectOracle(s.revenue, rev, `rev^OPT(${N})`);
      expectOracle(s.revenue - 0.01 * N, profit, `profit_${N}`);
      if (m) expect(s.allocation, `m at N=${N}`).to.deep.equal(m);
      if (p) p.forEach((x, j) => expectOracle(s.prices[j] as number, x, `p_${j + 1} at N=${N}`));
    }
    // closed forms behind the printed prices
    const [v1, v2, v3] = vals as [Valuation, Valuation, Valuation];
    expectExact(table[1]!.prices[0] as number, 1 / Math.sqrt(17)); // = v_3(1)
    expectExact(table[2]!.prices[0] as number, v1(2));
    // rev^OPT is non-decreasing, every scheme is EF and IR, and the curve earns the LP optimum (Lemma 1)
    for (let N = 0; N <= 25; N++) {
      const s = table[N] as PricingScheme;
      if (N > 0) expect(s.revenue).to.be.at.least((table[N - 1] as PricingScheme).revenue - 1e-12);
      expectEnvyFreeIr(vals, s, `N=${N}`);
      expectRel(s.revenue, s.lpRevenue, 1e-12, `Lemma 1 at N=${N}`);
      expect(s.curve[0]).to.equal(0);
    }
    void v2;
    void v3;
  });

  it('Example B: Algorithm 1 gives N+ = 17, m+ = (1,8,17), q+, the curve q, Q, OPT, the utility matrix and surplus', () => {
    const vals = exampleB();
    const res = algorithm1(vals, COSTS_B);
    expect(res.nPlus).to.equal(17);
    expect(res.allocation).to.deep.equal([1, 8, 17]);
    ['0.282843', '0.541341', '0.681731'].forEach((x, j) => expectOracle(res.prices[j] as number, x, `q_${j + 1}+`));
    expectOracle(res.Q, '1.505915', 'Q');
    expectOracle(res.opt, '1.335915', 'OPT');
    expectExact(res.opt, res.Q - 0.01 * 17);
    expect(res.nPlus).to.equal(Math.max(...res.allocation)); // spec/003 §2.3: c_1 > 0 ⇒ N+ = max_j m_j+
    // q(0) = 0, q(1) = 0.282843, q(2..8) = 0.541341, q(9..17) = 0.681731
    expect(res.curve.length).to.equal(18);
    expect(res.curve[0]).to.equal(0);
    expectOracle(res.curve[1] as number, '0.282843', 'q(1)');
    for (let m = 2; m <= 8; m++) expectOracle(res.curve[m] as number, '0.541341', `q(${m})`);
    for (let m = 9; m <= 17; m++) expectOracle(res.curve[m] as number, '0.681731', `q(${m})`);
    // utility matrix u_j(m_k, q_k) (rows j, columns k)
    const U = utilityMatrix(vals, res.allocation, res.prices);
    const printedU = [
      ['0', '-0.164217', '-0.293001'],
      ['0.030207', '0.030207', '-0.051916'],
      ['-0.040307', '0.036009', '0.036009'],
    ];
    printedU.forEach((row, j) => row.forEach((x, k) => expectOracle(U[j]![k] as number, x, `u_${j + 1}(m_${k + 1})`)));
    // buyers 2 and 3 are exactly indifferent one step down, buyer 1 between 0 and 1 (largest-m tie-break)
    expect(Math.abs(U[1]![0]! - U[1]![1]!)).to.be.below(1e-12);
    expect(Math.abs(U[2]![1]! - U[2]![2]!)).to.be.below(1e-12);
    expect(Math.abs(U[0]![0]!)).to.be.below(1e-12);
    expectOracle(U[0]![0]! + U[1]![1]! + U[2]![2]!, '0.066216', 'buyer surplus');
    expectOracle(res.allocation.reduce((s, m, j) => s + vals[j]!(m), 0), '1.572131', 'Σ v_j(m_j)');
    // the values in the chain and the Monte Carlo oracle's mean buyer values (spec/003 §4, §7)
    const [v1, v2, v3] = vals as [Valuation, Valuation, Valuation];
    expectOracle(v1(1), '0.282843', 'v_1(1)');
    expectOracle(v2(8), '0.571548', 'v_2(8)');
    expectOracle(v2(1), '0.313050', 'v_2(1)');
    expectOracle(v3(17), '0.717741', 'v_3(17)');
    expectOracle(v3(8), '0.577350', 'v_3(8)');
    expectEnvyFreeIr(vals, res);
    // Algorithm 2 runs this with minN = 2; here N+ ≥ 2 already
    expect(algorithm1(vals, COSTS_B, { minN: 2 }).nPlus).to.equal(17);
  });

  it('Example B: search range ⌊B/c_1⌋ = 300; the bound Σ_j v_j(N) − c_1N < OPT exactly for N ≥ 64; exhaustive search to 80 agrees', () => {
    const vals = exampleB();
    const res = algorithm1(vals, COSTS_B);
    expect(res.range).to.deep.equal([1, 300]);
    const bound = (N: number) => vals.reduce((s, v) => s + v(N), 0) - 0.01 * N;
    expect(bound(63)).to.be.above(res.opt);
    for (let N = 64; N <= 300; N++) expect(bound(N)).to.be.below(res.opt);
    for (const row of res.rows) {
      expect(row.status, `N=${row.N}`).to.equal(row.N >= 64 ? 'pruned' : 'solved');
      expectRel(row.upperBound, bound(row.N), 1e-12);
      if (row.profit !== null) expect(row.profit).to.be.at.most(row.upperBound + 1e-12);
    }
    // the stopping rule: no N' ≥ stoppedAt can beat OPT, since profit_N' ≤ Σ_j v_j(300) − c_1·stoppedAt
    expect(res.stoppedAt).to.be.a('number');
    expect(bound(300) + 0.01 * 300 - 0.01 * (res.stoppedAt as number)).to.be.at.most(res.opt);
    const full = algorithm1(vals, COSTS_B, { prune: false, maxN: 80 });
    expect(full.rows.length).to.equal(80);
    expect(full.rows.every((r) => r.status === 'solved')).to.equal(true);
    expect(full.nPlus).to.equal(17);
    expect(full.opt).to.equal(res.opt);
    const best = Math.max(...full.rows.map((r) => r.profit as number));
    expect(full.rows.filter((r) => (r.profit as number) > best - 1e-9).map((r) => r.N)).to.deep.equal([17]);
    for (const r of full.rows) expectEnvyFreeIr(vals, r as { allocation: number[]; prices: number[] }, `N=${r.N}`);
  });

  it('Algorithm 1 input checks and minN', () => {
    const v = [valuationOf({ kind: 'table', values: [0.9, 0.91, 0.92] }, 1)];
    expect(algorithm1(v, 0.05).nPlus).to.equal(1); // profit 0.85 > 0.81 > 0.77
    const r2 = algorithm1(v, 0.05, { minN: 2 });
    expect(r2.nPlus).to.equal(2);
    expectExact(r2.opt, 0.91 - 0.1);
    expect(() => algorithm1(v, 0)).to.throw(/c_1 must be/);
    expect(() => algorithm1(v, [0.2, 0.1])).to.throw(/sorted ascending/);
    expect(() => algorithm1(v, 0.5, { minN: 3 })).to.throw(/empty search range/);
    expect(() => algorithm1(v, 0.05, { pricing: 'approx' })).to.throw(/epsilon/);
  });
});

describe('theory/market: exact pricing on random instances (Lemma 1, EF/IR, reductions)', () => {
  it('curve revenue = LP optimum; pruning, type merging and Floyd–Warshall agree; EF/IR hold; the size guard names the size', () => {
    const rng = new Rng(3, 0, 0, 3);
    for (let it = 0; it < 120; it++) {
      const B = 2 + rng.nextInt(3);
      const N = 2 + rng.nextInt(9);
      const tables = Array.from({ length: B }, () => randomTable(rng, N));
      if (it % 3 === 0) tables.push(tables[0] as number[]); // a duplicate buyer: one type of weight 2
      const vals = tables.map((values) => valuationOf({ kind: 'table', values }, 1));
      const s = exactPricing(vals, N);
      const plain = exactPricing(vals, N, { prune: false, mergeIdentical: false });
      expect(Math.abs(s.revenue - plain.revenue), `it=${it}`).to.be.below(1e-12);
      expectRel(s.revenue, s.lpRevenue, 1e-12, `Lemma 1, it=${it}`);
      const fw = maxEnvyFreePrices(vals, s.lpAllocation) as number[];
      fw.forEach((p, j) => expect(Math.abs(p - (s.lpPrices[j] as number))).to.be.below(1e-12));
      expectEnvyFreeIr(vals, s, `it=${it}`);
      if (it % 3 === 0) expect(s.allocation[B]).to.equal(s.allocation[0]);
    }
    const eight = Array.from({ length: 8 }, (_, j) => gauss(0.5 + 0.05 * j, 1 + j));
    expect(() => exactPricing(eight, 20)).to.throw(RangeError, /21\^8/);
    expect(() => exactPricing(eight, 20)).to.throw(/B = 8 buyers/);
  });

  it('no curve beats rev^OPT: random and perturbed-optimal curves (independent of the enumeration)', () => {
    const rng = new Rng(7, 7, 0, 1);
    for (let it = 0; it < 40; it++) {
      const B = 2 + rng.nextInt(2);
      const N = 3 + rng.nextInt(5);
      const vals = Array.from({ length: B }, () => randomTable(rng, N)).map((values) => valuationOf({ kind: 'table', values }, 1));
      const tables = tabulateAll(vals, N);
      const opt = exactPricing(vals, N);
      for (let k = 0; k < 200; k++) {
        const q = new Float64Array(N + 1);
        for (let m = 1; m <= N; m++) {
          q[m] = k % 2 === 0 ? (q[m - 1] as number) + 0.3 * rng.nextFloat() ** 2 : Math.max(0, (opt.curve[m] as number) + 0.01 * (rng.nextFloat() - 0.5));
        }
        const { revenue, allocation, prices } = evaluateCurve(tables, q);
        expect(revenue, `it=${it} k=${k}`).to.be.at.most(opt.revenue + 1e-9);
        expectEnvyFreeIr(tables, { allocation, prices });
      }
    }
  });
});

describe('theory/market: ε-approximate pricing (guarantee revenue ≥ rev^OPT(N) − B·ε)', () => {
  it('random small instances: exact − bound ≤ approx ≤ exact, bound ≤ B·ε, EF/IR; the bound is needed', () => {
    const rng = new Rng(11, 5, 2024, 3);
    let strictlyWorse = 0;
    for (let it = 0; it < 150; it++) {
      const B = 2 + rng.nextInt(3);
      const N = 4 + rng.nextInt(12);
      const vals = Array.from({ length: B }, () => randomTable(rng, N)).map((values) => valuationOf({ kind: 'table', values }, 1));
      const exact = exactPricing(vals, N);
      for (const epsilon of [0.05, 0.2, 0.5]) {
        const a = approxPricing(vals, N, { epsilon, method: 'enumerate' });
        const label = `it=${it} ε=${epsilon}`;
        expect(a.bound, label).to.be.at.most(B * epsilon + 1e-12);
        expect(a.eta, label).to.be.at.most(epsilon / B + 1e-15); // K = B distinct tables
        expectExact(a.eta, gridModulus(tabulateAll(vals, N), a.points));
        expect(a.revenue, label).to.be.at.least(exact.revenue - a.bound - 1e-9);
        expect(a.revenue, label).to.be.at.most(exact.revenue + 1e-9);
        expectEnvyFreeIr(vals, a, label);
        if (a.revenue < exact.revenue - 1e-6) strictlyWorse++;
      }
      // ε = 0: the grid is every amount and the solver is exact
      const zero = approxPricing(vals, N, { epsilon: 0 });
      expect(zero.points).to.deep.equal(Array.from({ length: N + 1 }, (_, m) => m));
      expect(Math.abs(zero.revenue - exact.revenue)).to.be.below(1e-12);
    }
    expect(strictlyWorse).to.be.greaterThan(20); // the grid really loses revenue sometimes
  });

  it('value grid: modulus ≤ ε/K, size ≤ K²/ε + 2 independent of N', () => {
    const vals = exampleB();
    const tables = tabulateAll(vals, 20000);
    for (const eps of [0.3, 0.05, 0.01]) {
      const G = valueGrid(tables, 20000, eps / 3);
      expect(G[0]).to.equal(0);
      expect(G[G.length - 1]).to.equal(20000);
      expect(gridModulus(tables, G)).to.be.at.most(eps / 3);
      expect(G.length).to.be.at.most(9 / eps + 2);
    }
  });

  it('screening DP (increasing differences) equals the enumeration, and scales to many distinct buyers', () => {
    const rng = new Rng(5, 4, 3, 2);
    for (let it = 0; it < 40; it++) {
      const K = 2 + rng.nextInt(3);
      const N = 3 + rng.nextInt(10);
      const vals = randomIdTables(rng, K, N).map((values) => valuationOf({ kind: 'table', values }, 1));
      for (const epsilon of [0, 0.1]) {
        const dp = approxPricing(vals, N, { epsilon, method: 'screening' });
        const en = approxPricing(vals, N, { epsilon, method: 'enumerate' });
        expect(dp.method).to.equal('screening');
        expect(Math.abs(dp.lpRevenue - en.lpRevenue), `it=${it} ε=${epsilon}`).to.be.below(1e-9);
        expect(Math.abs(dp.revenue - en.revenue)).to.be.below(1e-9);
        expectEnvyFreeIr(vals, dp);
      }
    }
    // Example B's buyers cross (v_3(1) < v_1(1) but v_3(17) > v_1(17)): no screening order
    expect(increasingDifferencesOrder(tabulateAll(exampleB(), 17), Array.from({ length: 18 }, (_, m) => m))).to.equal(null);
    expect(() => approxPricing(exampleB(), 17, { epsilon: 0.1, method: 'screening' })).to.throw(/increasing differences/);
    // 300 distinct buyers v = a_j·√(m/(m+4)) (ordered by a_j), N = 5000
    const many = Array.from({ length: 300 }, (_, j) => gauss(0.2 + (0.8 * j) / 299, 4));
    const t0 = performance.now();
    const s = approxPricing(many, 5000, { epsilon: 0.01 });
    expect(performance.now() - t0).to.be.below(5000);
    expect(s.method).to.equal('screening');
    expect(s.bound).to.be.at.most(300 * 0.01 + 1e-9);
    expectEnvyFreeIr(many, s);
  });

  it('many buyers of few types: enumeration over types (Example B × 40 buyers each)', () => {
    const vals = Array.from({ length: 120 }, (_, j) => exampleB()[j % 3] as Valuation);
    const exact = exactPricing(vals, 40);
    const ex1 = exactPricing(exampleB(), 40);
    expectRel(exact.revenue, 40 * ex1.revenue, 1e-12); // identical buyers choose alike
    const a = approxPricing(vals, 40, { epsilon: 0.05 });
    expect(a.revenue).to.be.at.least(exact.revenue - a.bound - 1e-9);
    expect(a.revenue).to.be.at.most(exact.revenue + 1e-9);
    expectEnvyFreeIr(vals, a);
  });

  it('Algorithm 1 with approximate pricing: OPT − guarantee ≤ opt ≤ OPT (Lemma 2)', () => {
    const vals = exampleB();
    const exact = algorithm1(vals, COSTS_B);
    for (const epsilon of [0.2, 0.05, 0.02]) {
      const a = algorithm1(vals, COSTS_B, { pricing: 'approx', epsilon });
      expect(a.guarantee).to.be.at.most(3 * epsilon + 1e-12);
      expect(a.opt, `ε=${epsilon}`).to.be.at.least(exact.opt - a.guarantee - 1e-9);
      expect(a.opt).to.be.at.most(exact.opt + 1e-9);
      expectExact(a.opt, a.Q - 0.01 * a.nPlus);
      expectEnvyFreeIr(vals, a);
    }
    const rng = new Rng(2, 0, 2, 5);
    for (let it = 0; it < 15; it++) {
      const B = 2 + rng.nextInt(2);
      const vals2 = Array.from({ length: B }, () => randomTable(rng, 12)).map((values) => valuationOf({ kind: 'table', values }, 1));
      const c1 = B / (12 + rng.nextInt(20)); // ⌊B/c_1⌋ ≥ 12; tables hold their last value beyond 12
      const ex = algorithm1(vals2, c1);
      const ap = algorithm1(vals2, c1, { pricing: 'approx', epsilon: 0.1 });
      expect(ap.opt, `it=${it}`).to.be.at.least(ex.opt - ap.guarantee - 1e-9);
      expect(ap.opt).to.be.at.most(ex.opt + 1e-9);
      expect(ex.nPlus).to.equal(Math.max(...ex.allocation));
    }
  });

  it('Example B exact sweep to N = 80 stays cheap (branch and bound)', () => {
    const sweep = new ExactPricingSweep(exampleB(), 80);
    const t0 = performance.now();
    for (let N = 0; N <= 80; N++) sweep.at(N);
    expect(performance.now() - t0).to.be.below(3000);
    expect(sweep.leaves).to.be.below(81 ** 3);
  });
});
