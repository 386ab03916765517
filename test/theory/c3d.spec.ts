import { expect } from 'chai';
import {
  solveA,
  gNormalized,
  gNormalizedPrinted,
  gOriginal,
  gNormalizedBounds,
  c3dBracketC,
  c3dNStar,
  c3dAlpha,
  c3dRisk,
  c3dRiskIntegrand,
  c3dPlainMeanRisk,
  c3dIgnoreCorruptedRisk,
  c3dFixedWeightRisk,
  c3dEquilibrium,
  c3dPenaltyAt,
  c3dPenaltyAtNStarEq60,
  c3dPenaltyDerivativeAtNStar,
  c3dPenaltyVsOthers,
  c3dBestResponse,
  hStar,
  highDimE,
  highDimPenaltyUpper,
  highDimPenaltyLower,
  highDimNStar,
  expectNormal,
  expectInv,
  brent,
  soloPenalty,
  poolRatio,
  poolBestResponse,
  cdedRisk,
  minimizeConvex,
} from '../../src/theory/index.js';
import { expectExact, expectOracle, expectRel } from './oracle.js';

/** A_m from spec/000 §4 and §8 item 2 and spec/002 §5 item 9, as printed. */
const A_TABLE: [number, string][] = [
  [5, '4.27052650'],
  [6, '2.68655031'],
  [7, '2.15160958'],
  [8, '1.88061182'],
  [10, '1.60491017'],
  [20, '1.24480805'],
  [21, '1.23144707'],
  [25, '1.19023556'],
  [50, '1.09112163'],
  [100, '1.04503815'],
  [200, '1.02247081'],
  [500, '1.00899089'],
  [1000, '1.00449731'],
  [10000, '1.00044997'],
];

/** PR_C3D from spec/000 §4 (6 decimals). */
const PR_TABLE_000: [number, string][] = [
  [5, '1.547926'],
  [6, '1.588913'],
  [7, '1.623197'],
  [8, '1.652084'],
  [10, '1.697948'],
  [20, '1.815833'],
  [21, '1.822635'],
  [50, '1.913566'],
  [100, '1.953802'],
  [200, '1.976017'],
  [500, '1.990170'],
  [1000, '1.995043'],
  [10000, '1.999500'],
];

/** The brief's form of the §3 closed form, R = (σ²/B)[1 − (K/(B a)) I(L)], for cross-checking. */
function riskPrintedForm(p: { sigma: number; alpha: number; nx: number; nz: number; nzp: number; extraVar?: number }): number {
  const s2 = p.sigma ** 2;
  const sd2 = s2 * (1 / p.nx + 1 / p.nz) + (p.extraVar ?? 0);
  const a = (p.alpha ** 2 * sd2) / s2;
  const B = p.nx + p.nz;
  const K = p.nzp;
  const L = (K + B) / (B * a);
  return (s2 / B) * (1 - (K / (B * a)) * expectInv(L));
}

describe('theory/c3d', () => {
  describe('A_m = α/sqrt(n*): first root above 1 of the normalised G (spec/000 §2.2, §4, §8 item 2)', () => {
    it('matches the printed A_m table', () => {
      for (const [m, printed] of A_TABLE) expectOracle(solveA(m), printed, `A_${m}`);
    });

    it('matches 40-digit mpmath roots of G to 1e-13 relative', () => {
      // mpmath 1.3, findroot on the normalised G at 40 digits.
      const ref: [number, number][] = [
        [5, 4.270526495576070147],
        [10, 1.604910165891293545],
        [21, 1.231447069258310729],
        [100, 1.045038150400038628],
        [1000, 1.004497311315637551],
        [10000, 1.000449969198630233],
      ];
      for (const [m, a] of ref) expectRel(solveA(m), a, 1e-13, `A_${m}`);
    });

    it('G(A_m) = 0 to 1e-10', () => {
      for (let m = 5; m <= 60; m++) expect(Math.abs(gNormalized(solveA(m), m)), `m=${m}`).to.be.lessThan(1e-10);
      for (const m of [100, 499, 1000, 1e4, 1e6]) expect(Math.abs(gNormalized(solveA(m), m))).to.be.lessThan(1e-10);
    });

    it('G(1) at m = 10 is −0.856715 (§8 item 2) and −4.0937 at m = 5 (§7)', () => {
      expectOracle(gNormalized(1, 10), '-0.856715', 'G(1, 10)');
      expectOracle(gNormalized(1, 10), '-0.85672', 'G(1, 10) §7');
      expectOracle(gNormalized(1, 5), '-4.0937', 'G(1, 5)');
    });

    it('the stable evaluation equals the printed erfcx form of spec/000 §2.2', () => {
      for (const m of [5, 6, 10, 21, 50, 100, 300])
        for (const A of [1, 1.01, 1.3, 2, 4.27, 7])
          expect(Math.abs(gNormalized(A, m) - gNormalizedPrinted(A, m))).to.be.lessThan(1e-13 * (1 + Math.abs(gNormalized(A, m))) * m);
    });

    it('gOriginal (eq. (7) in α, σ, c) equals gNormalized at α = A·sqrt(n*) and shares its root', () => {
      for (const [m, sigma, c] of [
        [5, 1, 0.002],
        [10, 1, 0.001],
        [10, 3, 0.07],
        [37, 0.2, 1e-5],
        [100, 1, 1e-4],
      ]) {
        const nStar = sigma / Math.sqrt(c * m);
        for (const A of [1, 1.2, 2.5]) expectRel(gOriginal(A * Math.sqrt(nStar), m, sigma, c), gNormalizedPrinted(A, m), 1e-12);
        const C = c3dBracketC(m);
        const alphaRoot = brent((al) => gOriginal(al, m, sigma, c), Math.sqrt(nStar), (1 + C / m) * Math.sqrt(nStar));
        expectRel(alphaRoot / Math.sqrt(nStar), solveA(m), 1e-12, `m=${m}`);
        expectRel(c3dAlpha(m, sigma, c), alphaRoot, 1e-12);
      }
    });

    it('the bracket (1, 1 + C_m/m) of §A.2 holds: G(1) < 0 < G(1 + C_m/m) for m = 5..500 (a check, not an assumption)', () => {
      for (let m = 5; m <= 500; m++) {
        const C = c3dBracketC(m);
        expect(gNormalized(1, m), `G(1), m=${m}`).to.be.lessThan(0);
        expect(gNormalized(1 + C / m, m), `G(1+C/m), m=${m}`).to.be.greaterThan(0);
        const A = solveA(m);
        expect(A).to.be.greaterThan(1);
        expect(A).to.be.lessThan(1 + C / m);
      }
    });

    it('the looser main-text brackets: A_m < 1 + 8/sqrt(m) (m >= 5); A_m < 1 + log(m)/m holds from m = 91 on', () => {
      for (let m = 5; m <= 2000; m++) expect(solveA(m)).to.be.lessThan(1 + 8 / Math.sqrt(m));
      for (let m = 91; m <= 2000; m++) expect(solveA(m), `m=${m}`).to.be.lessThan(1 + Math.log(m) / m);
      expect(solveA(90)).to.be.greaterThan(1 + Math.log(90) / 90); // "for m large enough"
    });

    it('exactly one sign change of G in (1, 200] (spec/000 §2.2 [D], spec/002 §5 item 8)', () => {
      for (const m of [5, 6, 7, 8, 10, 20, 21, 50, 100, 1000]) {
        let changes = 0;
        let prev = gNormalized(1 + 1e-9, m);
        for (let i = 1; i <= 20000; i++) {
          const A = 1 + 199 * (i / 20000) ** 3; // dense near 1, where the root is for large m
          const g = gNormalized(A, m);
          if (Math.sign(g) !== Math.sign(prev)) changes++;
          prev = g;
        }
        expect(changes, `m=${m}`).to.equal(1);
      }
    });

    it('m(A_m − 1) → 4.5 and A_m → 1', () => {
      const dev = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8].map((m) => Math.abs(m * (solveA(m) - 1) - 4.5));
      for (let i = 1; i < dev.length; i++) expect(dev[i]).to.be.lessThan(dev[i - 1]);
      expect(dev[dev.length - 1]).to.be.lessThan(1e-6);
    });

    it('A_m <= 1.01 from m = 450 on (spec/000 §6 [D]: "m >= ~450")', () => {
      expect(solveA(449)).to.be.greaterThan(1.01);
      for (let m = 450; m <= 1000; m++) expect(solveA(m)).to.be.at.most(1.01);
    });

    it('is undefined for m < 5 (C3D pools): RangeError', () => {
      expect(() => solveA(4)).to.throw(RangeError);
      expect(() => solveA(2)).to.throw(RangeError);
    });
  });

  describe("the paper's bounds on G (§A.2) and Fig. 1", () => {
    it('G_LB <= G <= G_UB for A >= 1', () => {
      for (const m of [5, 10, 20, 21, 100, 500])
        for (const A of [1, 1.05, 1.5, 3]) {
          const { lower, upper } = gNormalizedBounds(A, m);
          const g = gNormalized(A, m);
          expect(lower).to.be.at.most(g + 1e-15);
          expect(g).to.be.at.most(upper + 1e-15);
        }
    });

    it('G_UB(1) = −128/((m−2)m^{5/2}): −0.763245 at m = 5, −0.0505964 at m = 10 (§7)', () => {
      expectOracle(gNormalizedBounds(1, 5).upper, '-0.763245', 'm=5');
      expectOracle(gNormalizedBounds(1, 10).upper, '-0.0505964', 'm=10');
      // the two O(1) terms of G_UB cancel to O(m^{-7/2}): compare in absolute terms
      for (const m of [5, 7, 30, 300]) expect(Math.abs(gNormalizedBounds(1, m).upper + 128 / ((m - 2) * m ** 2.5))).to.be.lessThan(1e-14);
    });

    it('G_LB(1 + 5/m) equals the printed polynomial 64(m+5)³(m⁶ − 191m⁵ − …)/((m−2)m^{21/2}) and is > 0 for m > 500', () => {
      for (const m of [501, 600, 1000, 2000]) {
        const poly = m ** 6 - 191 * m ** 5 - 1566 * m ** 4 - 3920 * m ** 3 + 2100 * m ** 2 + 19500 * m + 15000;
        const printed = (64 * (m + 5) ** 3 * poly) / ((m - 2) * m ** 10.5);
        const lower = gNormalizedBounds(1 + 5 / m, m).lower;
        expectRel(lower, printed, 1e-8, `m=${m}`); // the bound itself cancels to ~1e-11 here
        expect(lower).to.be.greaterThan(0);
      }
    });

    it('Fig. 1 values of G(1 + C_m/m) (§7)', () => {
      const fig: [number, string][] = [
        [5, '37.47'],
        [10, '32.16'],
        [20, '4.152'],
        [21, '9.213e-3'],
        [100, '6.377e-4'],
        [499, '1.161e-5'],
      ];
      for (const [m, printed] of fig) expectOracle(gNormalized(1 + c3dBracketC(m) / m, m), printed, `m=${m}`);
      for (let m = 5; m <= 499; m++) expect(gNormalized(1 + c3dBracketC(m) / m, m)).to.be.greaterThan(0);
    });
  });

  describe('equilibrium efficiency PR (spec/000 §3 A.5, §4, §8 item 3)', () => {
    it('PR_C3D at m = 5, 10, 100 and the m <= 4 values', () => {
      expectOracle(c3dEquilibrium(5, 1, 0.01).ratio, '1.547926', 'm=5');
      expectOracle(c3dEquilibrium(10, 1, 0.01).ratio, '1.697948', 'm=10');
      expectOracle(c3dEquilibrium(100, 1, 0.01).ratio, '1.953802', 'm=100');
      expectOracle(c3dEquilibrium(2, 1, 0.01).ratio, '1.060660', 'm=2');
      expectOracle(c3dEquilibrium(3, 1, 0.01).ratio, '1.154701', 'm=3');
      expectExact(c3dEquilibrium(4, 1, 0.01).ratio, 1.25, 'm=4');
    });

    it('the §4 A_m/PR table', () => {
      for (const [m, printed] of PR_TABLE_000) expectOracle(c3dEquilibrium(m, 1, 0.01).ratio, printed, `m=${m}`);
    });

    it('PR < 2 for every m (2..2000), increases to 2, and does not depend on σ or c', () => {
      let prev = 0;
      for (let m = 2; m <= 2000; m++) {
        const r = c3dEquilibrium(m, 1, 0.01).ratio;
        expect(r).to.be.lessThan(2);
        if (m >= 5) expect(r).to.be.greaterThan(prev);
        prev = r;
      }
      expectRel(c3dEquilibrium(37, 2.5, 3e-5).ratio, c3dEquilibrium(37, 1, 0.01).ratio, 1e-14);
      expect(2 - c3dEquilibrium(1e6, 1, 0.01).ratio).to.be.lessThan(1e-5);
    });

    it('m <= 4: per agent (1 + 1/m)σ√c < 2σ√c, social (m+1)σ√c, n* = σ/(m√c)', () => {
      for (const m of [1, 2, 3, 4]) {
        const e = c3dEquilibrium(m, 2, 0.03);
        expectExact(e.agentPenalty, (1 + 1 / m) * 2 * Math.sqrt(0.03));
        expectExact(e.socialPenalty, (m + 1) * 2 * Math.sqrt(0.03));
        expectExact(e.nStar, 2 / (m * Math.sqrt(0.03)));
        expectExact(e.ratio, poolRatio(m));
        expect(e.agentPenalty).to.be.at.most(soloPenalty(2, 0.03));
        expectExact(c3dPenaltyAt(e.nStar, m, 2, 0.03), e.agentPenalty, 'pooling penalty at n*');
      }
    });

    it('c3dPenaltyAt(n*) equals the A.5 closed form and the pre-G form (eq. (60)) for many (m, σ, c)', () => {
      for (const m of [5, 6, 9, 10, 17, 50, 100, 999])
        for (const [sigma, c] of [
          [1, 0.01],
          [1, 0.001],
          [0.3, 2e-4],
          [4, 0.5],
        ]) {
          const e = c3dEquilibrium(m, sigma, c);
          const direct = c3dPenaltyAt(e.nStar, m, sigma, c);
          expectRel(direct, e.agentPenalty, 1e-12, `m=${m}, σ=${sigma}, c=${c}`);
          expectRel(c3dPenaltyAtNStarEq60(m, sigma, c), e.agentPenalty, 1e-12 * m);
          expectRel(e.risk + c * e.nStar, e.agentPenalty, 1e-14);
          expectRel(e.socialPenalty, m * e.agentPenalty, 1e-14);
        }
    });

    it('the A.5 bracket decreases in A² (m >= 2) and is < 9/(3 + 4/m) + 1 < 4', () => {
      for (const m of [5, 10, 100]) {
        const br = (A2: number) => (10 * A2 - 1) / ((4 * A2 * (m + 1)) / m - 1);
        for (let A2 = 1; A2 < 30; A2 += 0.5) expect(br(A2 + 0.5)).to.be.lessThan(br(A2));
        expect(br(1)).to.be.closeTo(9 / (3 + 4 / m), 1e-14);
        expect(2 * c3dEquilibrium(m, 1, 0.01).ratio - 1).to.be.lessThan(9 / (3 + 4 / m));
      }
    });

    it('IR (A.4): p(s*) <= 2σ√c − σ sqrt(c/m) < 2σ√c', () => {
      for (let m = 5; m <= 200; m++) {
        const p = c3dEquilibrium(m, 1, 0.01).agentPenalty;
        expect(p).to.be.at.most(2 * 0.1 - 0.1 / Math.sqrt(m));
      }
    });
  });

  describe('the max risk of h* (spec/000 §3, seed 000 eq. (22)-(23))', () => {
    const grid = [
      { sigma: 1, alpha: 5.075, nx: 10, nz: 10, nzp: 80 },
      { sigma: 2, alpha: 0.3, nx: 3, nz: 7, nzp: 11 },
      { sigma: 0.5, alpha: 40, nx: 1, nz: 30, nzp: 1000 },
      { sigma: 1, alpha: 1e-3, nx: 10, nz: 10, nzp: 980 },
      { sigma: 1, alpha: 3.3, nx: 0.4, nz: 10, nzp: 80, extraVar: 2 },
      { sigma: 3, alpha: 12, nx: 50, nz: 5, nzp: 2 },
      { sigma: 1, alpha: 1e3, nx: 10, nz: 10, nzp: 5e4 },
    ];

    it('the closed form equals quadrature of the §3 integrand to 1e-12', () => {
      for (const p of grid) {
        const q = expectNormal(c3dRiskIntegrand(p), { relTol: 1e-14 });
        expectRel(c3dRisk(p), q, 1e-12, JSON.stringify(p));
      }
    });

    it("equals the brief's form (σ²/B)[1 − (K/(B a))·I(L)] (same closed form, different rounding)", () => {
      for (const p of grid) expectRel(c3dRisk(p), riskPrintedForm(p), 1e-11, JSON.stringify(p));
    });

    it('lies between σ²/(B+K) (no corruption) and σ²/B (Z′ ignored); limits α → 0 and α → ∞ (spec/002 §5 item 7)', () => {
      for (const p of grid) {
        const r = c3dRisk(p);
        expect(r).to.be.greaterThan(p.sigma ** 2 / (p.nx + p.nz + p.nzp));
        expect(r).to.be.lessThan(p.sigma ** 2 / (p.nx + p.nz));
      }
      const p = { sigma: 1.5, nx: 4, nz: 6, nzp: 30 };
      expectExact(c3dRisk({ ...p, alpha: 0 }), 2.25 / 40);
      expectRel(c3dRisk({ ...p, alpha: 1e-9 }), 2.25 / 40, 1e-12);
      expectExact(c3dRisk({ ...p, alpha: Number.POSITIVE_INFINITY }), 2.25 / 10);
      expectRel(c3dRisk({ ...p, alpha: 1e12 }), 2.25 / 10, 1e-9);
      expectExact(c3dPlainMeanRisk({ ...p, alpha: 0 }), 2.25 / 40);
    });

    it('edge conventions: nz′ = 0, nx = 0 or nz = 0 give σ²/(nx+nz), and +Infinity with no clean data', () => {
      const base = { sigma: 2, alpha: 3, nx: 5, nz: 10, nzp: 40 };
      expectExact(c3dRisk({ ...base, nzp: 0 }), 4 / 15);
      expectExact(c3dRisk({ ...base, nx: 0 }), 4 / 10);
      expectExact(c3dRisk({ ...base, nz: 0 }), 4 / 5);
      expect(c3dRisk({ ...base, nx: 0, nz: 0 })).to.equal(Number.POSITIVE_INFINITY);
      expect(c3dPlainMeanRisk({ ...base, nx: 0 })).to.equal(Number.POSITIVE_INFINITY);
      expectExact(c3dPlainMeanRisk({ ...base, nzp: 0 }), 4 / 15);
      expect(c3dFixedWeightRisk({ ...base, nx: 0, tau2: 1 })).to.equal(Number.POSITIVE_INFINITY);
      expectExact(c3dFixedWeightRisk({ ...base, tau2: Number.POSITIVE_INFINITY }), 4 / 15);
      expect(c3dIgnoreCorruptedRisk({ sigma: 1, nx: 0, nz: 0 })).to.equal(Number.POSITIVE_INFINITY);
      expect(() => c3dRisk({ ...base, sigma: 0 })).to.throw(RangeError);
      expect(() => c3dRisk({ ...base, nx: -1 })).to.throw(RangeError);
    });

    it('with a fixed weight τ² = E[η²] ... the fixed-weight risk is never below h* (minimax, Lemma 5)', () => {
      for (const p of grid) {
        const tau2 = p.alpha ** 2 * (p.sigma ** 2 * (1 / p.nx + 1 / p.nz) + (p.extraVar ?? 0));
        for (const t of [0, tau2 / 3, tau2, 3 * tau2]) expect(c3dFixedWeightRisk({ ...p, tau2: t })).to.be.at.least(c3dRisk(p) * (1 - 1e-14));
        expect(c3dPlainMeanRisk(p)).to.be.at.least(c3dRisk(p));
        expectRel(c3dFixedWeightRisk({ ...p, tau2: 0 }), c3dPlainMeanRisk(p), 1e-12);
      }
    });

    it('a shift is never profitable and the risk is even in the shift (Hardy–Littlewood, Lemma 16)', () => {
      const p = { sigma: 1, alpha: 5.075, nx: 10, nz: 10, nzp: 80 };
      let prev = c3dRisk(p);
      for (const d of [0.01, 0.1, 0.3, 1, 3]) {
        const r = c3dRisk({ ...p, shift: d });
        expect(r).to.be.greaterThan(prev);
        expectRel(c3dRisk({ ...p, shift: -d }), r, 1e-12);
        prev = r;
      }
    });

    it('the shifted risk matches 40-digit mpmath quadrature at S10 (incl. shift + extra variance)', () => {
      const alpha = c3dAlpha(10, 1, 0.001);
      const p = { sigma: 1, alpha, nx: 10, nz: 10, nzp: 80 };
      const ref: [number, number][] = [
        [0.1, 0.024268937203484302352],
        [0.5, 0.030483365278656156933],
        [1, 0.040573858143116595595],
        [0.003, 0.023959236341333949751],
      ];
      for (const [d, r] of ref) expectRel(c3dRisk({ ...p, shift: d }), r, 1e-12, `δ=${d}`);
      expectRel(c3dRisk({ sigma: 1, alpha, nx: 7, nz: 10, nzp: 80, shift: 0.2, extraVar: 0.05 }), 0.030178389203507657427, 1e-12);
    });

    it('hStar: the corrected denominator (|X|+|Z|)/σ² + |Z′|/(σ²+η²); η² = 0 → plain mean; η² = ∞ → ignores Z′', () => {
      const x = [1, 2, 3];
      const z = [4, 5];
      const zp = [10, 20, 30, 40];
      expectExact(hStar({ sigma: 2, eta2: 0, x, z, zp }), 115 / 9);
      expectExact(hStar({ sigma: 2, eta2: Number.POSITIVE_INFINITY, x, z, zp }), 3);
      // σ² = 4, η² = 12: weights 1/4 and 1/16.
      expectExact(hStar({ sigma: 2, eta2: 12, x, z, zp }), (15 / 4 + 100 / 16) / (5 / 4 + 4 / 16));
      // equivariance: adding t to all data adds t to the estimate.
      expectRel(hStar({ sigma: 2, eta2: 12, x: x.map((u) => u + 7), z: z.map((u) => u + 7), zp: zp.map((u) => u + 7) }), (15 / 4 + 100 / 16) / (5 / 4 + 4 / 16) + 7, 1e-14);
    });
  });

  describe('set S10: m = 10, σ = 1, c = 0.001, n* = 10 (spec/000 §8 item 4)', () => {
    const m = 10;
    const c = 0.001;
    const nStar = 10;
    const alpha = c3dAlpha(m, 1, c);
    const base = { sigma: 1, alpha, nx: 10, nz: 10, nzp: 80 };
    const pStar = c3dPenaltyAt(nStar, m, 1, c);

    it('n* = 10, α² = 25.7573664, truthful risk 0.02395896 and p(n*) = 0.03395896', () => {
      expectExact(c3dNStar(m, 1, c), 10);
      expectOracle(alpha * alpha, '25.7573664', 'α²');
      expectOracle(c3dRisk(base), '0.02395896', 'risk');
      expectOracle(pStar, '0.03395896', 'p(n*)');
      expectOracle(c3dEquilibrium(m, 1, c).agentPenalty, '0.03395896', 'A.5');
      expectOracle((2 * alpha * alpha) / nStar, '5.1515', 'E[η²] = 2α²σ²/n* (MC item (a))');
    });

    it('p at 0.25, 0.5, 0.8, 1.25, 2, 4 × n*', () => {
      const want = ['0.04321258', '0.03661101', '0.03426198', '0.03429500', '0.03763605', '0.05234366'];
      [0.25, 0.5, 0.8, 1.25, 2, 4].forEach((f, i) => expectOracle(c3dPenaltyAt(f * nStar, m, 1, c), want[i], `${f}n*`));
    });

    it('p(0) = σ²/n* = 0.1, solo = 0.06324555', () => {
      expectExact(c3dPenaltyAt(0, m, 1, c), 0.1);
      expectOracle(soloPenalty(1, c), '0.06324555', 'solo');
    });

    it('noise τ = 0.5 / 1 / 2 (extraVar τ²/n*)', () => {
      const want = ['0.03469860', '0.03652783', '0.04090934'];
      [0.5, 1, 2].forEach((tau, i) => expectOracle(c3dRisk({ ...base, extraVar: (tau * tau) / nStar }) + c * nStar, want[i], `τ=${tau}`));
    });

    it('resample K = 1 / 10 / 100 (extraVar σ²/K)', () => {
      const want = ['0.04496907', '0.03652783', '0.03426442'];
      [1, 10, 100].forEach((K, i) => expectOracle(c3dRisk({ ...base, extraVar: 1 / K }) + c * nStar, want[i], `K=${K}`));
    });

    it('shift δ = 0.1 / 0.5 / 1 (quadrature)', () => {
      const want = ['0.03426894', '0.04048337', '0.05057386'];
      [0.1, 0.5, 1].forEach((d, i) => expectOracle(c3dPenaltyAt(nStar, m, 1, c, { shift: d }), want[i], `δ=${d}`));
    });

    it('plain mean 0.06121179, ignore Z′ 0.06, fixed weights τ² = 2α²σ²/n* 0.04029843', () => {
      expectOracle(c3dPlainMeanRisk(base) + c * nStar, '0.06121179', 'plain mean');
      expectOracle(c3dPlainMeanRisk(base), '0.05121', 'plain-mean risk (MC item (a))');
      expectExact(c3dIgnoreCorruptedRisk(base) + c * nStar, 0.06);
      expectOracle(c3dFixedWeightRisk({ ...base, tau2: (2 * alpha * alpha) / nStar }) + c * nStar, '0.04029843', 'fixed τ²');
    });

    it('all deviations are >= p(n*)', () => {
      const devs = [
        ...[0.25, 0.5, 0.8, 1.25, 2, 4].map((f) => c3dPenaltyAt(f * nStar, m, 1, c)),
        ...[0.5, 1, 2].map((t) => c3dPenaltyAt(nStar, m, 1, c, { extraVar: (t * t) / nStar })),
        ...[1, 10, 100].map((K) => c3dPenaltyAt(nStar, m, 1, c, { extraVar: 1 / K })),
        ...[0.1, 0.5, 1].map((d) => c3dPenaltyAt(nStar, m, 1, c, { shift: d })),
        c3dPlainMeanRisk(base) + c * nStar,
        c3dIgnoreCorruptedRisk(base) + c * nStar,
        c3dFixedWeightRisk({ ...base, tau2: (2 * alpha * alpha) / nStar }) + c * nStar,
        c3dPenaltyAt(0, m, 1, c),
      ];
      for (const d of devs) expect(d).to.be.at.least(pStar);
    });
  });

  describe('sets S5, S50, S100, S4 (spec/000 §8 item 5)', () => {
    it('S5: m = 5, c = 0.002, n* = 10: p(n*) 0.06191703, plain mean 0.47769752, noise τ = 1 0.06316886', () => {
      const c = 0.002;
      expectExact(c3dNStar(5, 1, c), 10);
      const base = { sigma: 1, alpha: c3dAlpha(5, 1, c), nx: 10, nz: 10, nzp: 30 };
      expectOracle(c3dPenaltyAt(10, 5, 1, c), '0.06191703', 'p(n*)');
      expectOracle(c3dEquilibrium(5, 1, c).agentPenalty, '0.06191703', 'A.5');
      expectOracle(c3dPlainMeanRisk(base) + c * 10, '0.47769752', 'plain');
      expectOracle(c3dRisk({ ...base, extraVar: 1 / 10 }) + c * 10, '0.06316886', 'τ=1');
    });

    it('S50: m = 50, c = 0.0002, n* = 10: p(n*) = 0.00765427', () => {
      expectExact(c3dNStar(50, 1, 0.0002), 10);
      expectOracle(c3dPenaltyAt(10, 50, 1, 0.0002), '0.00765427', 'S50');
      expectOracle(c3dEquilibrium(50, 1, 0.0002).agentPenalty, '0.00765427', 'S50 A.5');
    });

    it('S100: m = 100, c = 1e-4, n* = 10: p(n*) = 0.00390760', () => {
      expectRel(c3dNStar(100, 1, 1e-4), 10, 1e-14);
      expectOracle(c3dPenaltyAt(10, 100, 1, 1e-4), '0.00390760', 'S100');
      expectOracle(c3dEquilibrium(100, 1, 1e-4).agentPenalty, '0.00390760', 'S100 A.5');
    });

    it('S4: m = 4, c = 1/64, n* = 2, total 8, p = 0.15625', () => {
      const e = c3dEquilibrium(4, 1, 1 / 64);
      expectExact(e.nStar, 2);
      expectExact(4 * e.nStar, 8);
      expectExact(e.agentPenalty, 0.15625);
      expectExact(c3dPenaltyAt(2, 4, 1, 1 / 64), 0.15625);
      // A.1: the pooled deviator's optimum is n* itself
      expectRel(c3dBestResponse(4, 1, 1 / 64), 2, 1e-7);
    });
  });

  describe('Lemma 6: p(n) is convex with p′(n*) = 0', () => {
    const cases: [number, number, number][] = [
      [5, 1, 0.002],
      [10, 1, 0.001],
      [10, 1, 1],
      [21, 2, 0.01],
      [50, 1, 0.0002],
      [100, 1, 1e-4],
      [100, 0.5, 3],
      [1000, 1, 1e-6],
    ];

    it('central difference of c3dPenaltyAt at n* is ~0 (relative to c: 1e-6)', () => {
      for (const [m, sigma, c] of cases) {
        const nStar = c3dNStar(m, sigma, c);
        const h = 1e-4 * nStar;
        const d = (c3dPenaltyAt(nStar + h, m, sigma, c) - c3dPenaltyAt(nStar - h, m, sigma, c)) / (2 * h);
        expect(Math.abs(d) / c, `m=${m}, σ=${sigma}, c=${c}: p'(n*) = ${d}`).to.be.lessThan(1e-6);
      }
    });

    it('the closed-form p′(n*) (eq. (51)) vanishes at A_m and matches central differences at other A', () => {
      for (const [m, sigma, c] of cases) {
        expect(Math.abs(c3dPenaltyDerivativeAtNStar(m, sigma, c)) / c).to.be.lessThan(1e-10);
        const nStar = c3dNStar(m, sigma, c);
        for (const A of [1, 1.3, 2.5]) {
          const h = 1e-4 * nStar;
          const d = (c3dPenaltyAt(nStar + h, m, sigma, c, { A }) - c3dPenaltyAt(nStar - h, m, sigma, c, { A })) / (2 * h);
          expect(Math.abs(c3dPenaltyDerivativeAtNStar(m, sigma, c, A) - d) / c).to.be.lessThan(1e-6);
          // p′(n*) = −σ²(m−2)/(64 n*² A³ √m)·G(A)
          expectRel(c3dPenaltyDerivativeAtNStar(m, sigma, c, A), ((-sigma * sigma * (m - 2)) / (64 * nStar * nStar * A ** 3 * Math.sqrt(m))) * gNormalized(A, m), 1e-9);
        }
      }
    });

    it('p is convex on a grid and minimised at n* (spec/002 §5 item 8)', () => {
      for (const [m, sigma, c] of cases) {
        const nStar = c3dNStar(m, sigma, c);
        const ns = Array.from({ length: 200 }, (_, i) => nStar * (0.02 + (i * 5) / 200));
        const ps = ns.map((n) => c3dPenaltyAt(n, m, sigma, c));
        for (let i = 1; i + 1 < ps.length; i++) expect(ps[i - 1] - 2 * ps[i] + ps[i + 1]).to.be.at.least(-1e-15 * ps[i]);
        const pStar = c3dPenaltyAt(nStar, m, sigma, c);
        for (const p of ps) expect(p).to.be.at.least(pStar * (1 - 1e-15));
        expectRel(c3dBestResponse(m, sigma, c), nStar, 1e-6, `argmin m=${m}`);
      }
    });

    it('with G < 0 (A = 1, m = 10) the best response is 7.36 rather than 10 (spec/000 §3 [D])', () => {
      expectOracle(c3dBestResponse(10, 1, 0.001, { A: 1 }), '7.36', 'BR(A=1)');
      expect(c3dPenaltyDerivativeAtNStar(10, 1, 0.001, 1)).to.be.greaterThan(0);
    });
  });

  describe('spec/000 §4 worked numbers (σ = 1, c = 0.01)', () => {
    const c = 0.01;
    const cols = [2, 5, 10, 100];

    it('C3D n*, α, per-agent p(n*), risk, social and PR', () => {
      const nStar = ['5', '4.472136', '3.162278', '1.0'];
      const alpha = [null, '9.031064', '2.853979', '1.045038'];
      const p = ['0.150000', '0.138451', '0.107388', '0.0390760'];
      const risk = [null, '0.093729', '0.075765', '0.029076'];
      const social = ['0.3', '0.692253', '1.073876', '3.907605'];
      const pr = ['1.060660', '1.547926', '1.697948', '1.953802'];
      cols.forEach((m, i) => {
        const e = c3dEquilibrium(m, 1, c);
        if (m === 2 || m === 100) expectExact(e.nStar, m === 2 ? 5 : 1);
        else expectOracle(e.nStar, nStar[i], `n* m=${m}`);
        if (alpha[i] !== null) expectOracle(e.alpha, alpha[i] as string, `α m=${m}`);
        expectOracle(e.agentPenalty, p[i], `p m=${m}`);
        if (risk[i] !== null) expectOracle(e.risk, risk[i] as string, `risk m=${m}`);
        if (m === 2) {
          expectExact(e.risk, 0.1);
          expectExact(e.socialPenalty, 0.3);
        } else expectOracle(e.socialPenalty, social[i], `social m=${m}`);
        expectOracle(e.ratio, pr[i], `PR m=${m}`);
      });
    });

    it('C3D is worse than the pool equilibrium for 5 <= m <= 9 and first wins at m = 10', () => {
      const rows: [number, string, string][] = [
        [5, '1.548', '1.342'],
        [8, '1.652', '1.591'],
        [9, '1.6767', '1.6667'],
        [10, '1.698', '1.739'],
      ];
      for (const [m, c3d, pool] of rows) {
        expectOracle(c3dEquilibrium(m, 1, c).ratio, c3d, `C3D m=${m}`);
        expectOracle(poolRatio(m), pool, `pool m=${m}`);
      }
      for (let m = 5; m <= 9; m++) expect(c3dEquilibrium(m, 1, c).ratio).to.be.greaterThan(poolRatio(m));
      for (let m = 10; m <= 300; m++) expect(c3dEquilibrium(m, 1, c).ratio).to.be.lessThan(poolRatio(m));
    });
  });

  describe('effort dynamics (spec/000 §5): best responses to others collecting n_o (m = 10, σ = 1, c = 0.001)', () => {
    const nO = [1, 2, 5, 8, 10, 12, 15, 20, 40];
    const brC3d = ['22.623', '18.729', '13.285', '10.932', '10.000', '9.319', '8.569', '7.714', '6.023'];
    const brCded = ['22.898', '14.974', '8.331', '9.212', '10.000', '10.781', '11.898', '13.599', '19.040'];

    it('BR_C3D (|Z| = min((m−1)n_o, n*), |Z′| = the rest)', () => {
      nO.forEach((n, i) => expectOracle(c3dBestResponse(10, 1, 0.001, { nOthersEach: n }), brC3d[i], `n_o=${n}`));
    });

    it('BR_CDED (k = 1)', () => {
      nO.forEach((n, i) => {
        const br = minimizeConvexish((x) => cdedRisk({ sigma: 1, m: 10, c: 0.001, k: 1, nOthers: 9 * n, nx: x }) + 0.001 * x);
        expectOracle(br, brCded[i], `n_o=${n}`);
      });
    });

    it('BR_pool = max(0, σ/√c − 9 n_o)', () => {
      expectOracle(poolBestResponse(9, 1, 0.001), '22.623', 'n_o=1');
      expectOracle(poolBestResponse(18, 1, 0.001), '13.623', 'n_o=2');
      for (const n of [5, 8, 10, 12, 15, 20, 40]) expect(poolBestResponse(9 * n, 1, 0.001)).to.equal(0);
    });

    it('c3dPenaltyVsOthers at n_o = n* is c3dPenaltyAt', () => {
      for (const n of [0, 3, 10, 25]) expectRel(c3dPenaltyVsOthers(n, 10, 10, 1, 0.001), c3dPenaltyAt(n, 10, 1, 0.001), 1e-14);
    });
  });

  describe('high-dimensional extension (spec/000 §6, seed 000 App. E)', () => {
    it('E(m) values', () => {
      const want: [number, string][] = [
        [5, '0.099466'],
        [10, '0.186680'],
        [20, '0.137025'],
        [100, '0.036679'],
        [500, '0.007853'],
      ];
      for (const [m, printed] of want) expectOracle(highDimE(m), printed, `E(${m})`);
    });

    it('E(m) = upper/lower − 1 (eq. (42)), 0 < E(m) < 5/m on 5..500, max m·E(m) = 3.926, PR bound 2(1+E) < 2 + 10/m', () => {
      let maxMe = 0;
      for (let m = 5; m <= 500; m++) {
        const E = highDimE(m);
        expectRel(highDimPenaltyUpper(m, 1.3, 0.02, 4) / highDimPenaltyLower(m, 1.3, 0.02, 4) - 1, E, 1e-10);
        expect(E).to.be.greaterThan(0);
        expect(E).to.be.lessThan(5 / m);
        expect(2 * (1 + E)).to.be.lessThan(2 + 10 / m);
        maxMe = Math.max(maxMe, m * E);
      }
      expectOracle(maxMe, '3.926', 'max m·E(m)');
    });

    it('p^N with d = 1 is the 1-D equilibrium penalty; n* in d dimensions', () => {
      for (const m of [5, 10, 100]) expectRel(highDimPenaltyLower(m, 1, 0.01, 1), c3dEquilibrium(m, 1, 0.01).agentPenalty, 1e-14);
      expectRel(highDimNStar(10, 1, 0.003, 3), 10, 1e-14);
      expectRel(highDimNStar(4, 1, 0.01, 4), 5, 1e-14);
    });

    it('eq. (40) is the fixed-τ² risk per coordinate: d·c3dFixedWeightRisk + c n* (τ² = 2α²σ²/n*)', () => {
      const [m, sigma, c, d] = [10, 1, 0.003, 3];
      const nStar = highDimNStar(m, sigma, c, d);
      const alpha = solveA(m) * Math.sqrt(nStar);
      const perCoord = c3dFixedWeightRisk({ sigma, alpha, nx: nStar, nz: nStar, nzp: (m - 2) * nStar, tau2: (2 * alpha * alpha * sigma * sigma) / nStar });
      expectRel(d * perCoord + c * nStar, highDimPenaltyUpper(m, sigma, c, d), 1e-13);
    });

    it('MC item (c): exact τ-weighted risk at d = 3, m = 10, c = 0.003 is 0.09089528 (the spec prints it truncated as 0.0908952)', () => {
      const r = highDimPenaltyUpper(10, 1, 0.003, 3) - 0.003 * 10;
      // Printed-precision rule fails by 7.9e-8 (> 5e-8): the spec's 0.0908952 is the truncation of 0.09089528.
      expect(Math.floor(r * 1e7) / 1e7).to.equal(0.0908952);
      expectOracle(r, '0.09089528', 'exact value, 8 decimals');
    });
  });
});

/**
 * Global minimiser on (0, 200]: a 0.05-grid scan (no convexity assumed; with others away
 * from n* CDED's β² moves with the total) refined by golden section around the best grid point.
 */
function minimizeConvexish(f: (x: number) => number): number {
  let best = 0.05;
  for (let x = 0.05; x <= 200; x += 0.05) if (f(x) < f(best)) best = x;
  return minimizeConvex(f, Math.max(1e-9, best - 0.05), best + 0.05);
}
