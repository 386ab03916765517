import { expect } from 'chai';
import {
  erfc,
  erfcx,
  erf,
  normPdf,
  normCdf,
  doubleFactorial,
  binomial,
  expectInv,
  expectInvSq,
  expectSqRatio,
  expectNormal,
  erfcUpperBound,
  erfcLowerBound,
} from '../../src/theory/index.js';
import { expectOracle, expectRel } from './oracle.js';

// Reference values: mpmath 1.3 at 50 digits (exp(x²)·erfc(x); for x > 1e5 the asymptotic
// series of erfcx summed to 12 terms in 50-digit arithmetic), rounded to 20 digits.
const ERFCX_REF: [number, number][] = [
  [-26, 7.6577249314905683515e293],
  [-10, 5.3762342836322708968e43],
  [-5, 144009798674.66104041],
  [-3, 16205.988853999586625],
  [-1, 5.0089800807622834663],
  [-0.5, 1.9523604891825570933],
  [-0.2, 1.2726020284831957118],
  [-1e-10, 1.0000000001128379167],
  [0, 1.0],
  [1e-10, 0.9999999998871620833],
  [0.1, 0.89645697996912664193],
  [0.3, 0.73459933456765514229],
  [0.46875, 0.63206968924955607816],
  [0.5, 0.61569034419292587487],
  [0.75, 0.50693765029314480579],
  [1, 0.42758357615580700441],
  [2, 0.25539567631050574387],
  [3.5, 0.1552936556088942974],
  [4, 0.13699945762506138989],
  [4.5, 0.12248480427384141755],
  [6, 0.092776567800538354389],
  [10, 0.056140992743822585858],
  [26, 0.021683584850562906616],
  [30, 0.018795888861416751497],
  [100, 0.0056416137829894329036],
  [1000, 0.0005641893014533876542],
  [1e5, 5.6418958351954680777e-6],
  [6.71e7, 8.408190514869690377e-9],
  [1e8, 5.6418958354775625874e-9],
  [1e15, 5.6418958354775628695e-16],
  [1e300, 5.6418958354775628695e-301],
];

const ERFC_REF: [number, number][] = [
  [-6, 1.9999999999999999785],
  [-2, 1.9953222650189527342],
  [-0.3, 1.3286267594591274276],
  [0, 1.0],
  [0.2, 0.77729741078952154586],
  [0.46875, 0.50738652678206200841],
  [0.47, 0.50625494911391786348],
  [1, 0.15729920705028513066],
  [2, 0.0046777349810472658379],
  [3, 0.000022090496998585441373],
  [4, 1.5417257900280018852e-8],
  [5, 1.5374597944280348502e-12],
  [10, 2.088487583762544757e-45],
  [20, 5.3958656116079009289e-176],
  [26, 5.6631924088561428465e-296],
];

// [x, φ(x), Φ(x)], mpmath npdf/ncdf at 50 digits.
const NORM_REF: [number, number, number][] = [
  [-30, 1.473646134878547519e-196, 4.9067139271481870595e-198],
  [-20, 5.5209483621597631896e-88, 2.7536241186062336951e-89],
  [-10, 7.6945986267064193463e-23, 7.619853024160526066e-24],
  [-5, 1.4867195147342977079e-6, 2.8665157187919391167e-7],
  [-2, 0.053990966513188051951, 0.0227501319481792072],
  [-1, 0.2419707245191433498, 0.15865525393145705141],
  [-0.5, 0.35206532676429947777, 0.30853753872598689636],
  [0, 0.39894228040143267794, 0.5],
  [0.5, 0.35206532676429947777, 0.69146246127401310364],
  [1, 0.2419707245191433498, 0.84134474606854294859],
  [3, 0.0044318484119380071756, 0.99865010196836990547],
  [8, 5.052271083536892288e-15, 0.9999999999999993779],
];

describe('theory/special', () => {
  describe('erfcx (Cody 1969 / CALERF)', () => {
    it('matches 50-digit references to 1e-15 relative for all real x, incl. 1e3, 1e8, 1e300 and negative x', () => {
      for (const [x, ref] of ERFCX_REF) expectRel(erfcx(x), ref, 1e-15, `erfcx(${x})`);
    });

    it('equals exp(x²)·erfc(x) on moderate x (where the product is still accurate)', () => {
      for (let x = -3; x <= 5; x += 0.0625) {
        // exp(x²) amplifies the rounding of x² by ~x²·eps, so the tolerance grows accordingly.
        const direct = Math.exp(x * x) * erfc(x);
        expectRel(erfcx(x), direct, 2e-15 * (1 + x * x), `x=${x}`);
      }
    });

    it('follows its asymptotic series 1/(x√π)·Σ(−1)^k (2k−1)!!/(2x²)^k at large x', () => {
      for (const x of [50, 100, 1e3, 1e4, 1e6, 1e8, 1e12]) {
        let sum = 0;
        let term = 1;
        for (let k = 0; k < 12; k++) {
          sum += term;
          term *= -(2 * k + 1) / (2 * x * x);
        }
        expectRel(erfcx(x), sum / (x * Math.sqrt(Math.PI)), 1e-15, `x=${x}`);
      }
    });

    it('is finite and does not overflow for huge x; +Infinity below −26.628; 0 at +Infinity', () => {
      expect(erfcx(1e8)).to.be.greaterThan(0);
      expect(Number.isFinite(erfcx(1e308))).to.equal(true);
      expect(erfcx(-27)).to.equal(Number.POSITIVE_INFINITY);
      expect(erfcx(Number.POSITIVE_INFINITY)).to.equal(0);
      expect(Number.isNaN(erfcx(Number.NaN))).to.equal(true);
    });
  });

  describe('erfc / erf', () => {
    it('matches 50-digit references to 1e-15 relative', () => {
      for (const [x, ref] of ERFC_REF) expectRel(erfc(x), ref, 1e-15, `erfc(${x})`);
    });

    it('satisfies erfc(−x) = 2 − erfc(x), erf = 1 − erfc, and the limits', () => {
      for (const x of [0.1, 0.5, 1, 2.5, 4, 7]) {
        expectRel(erfc(-x), 2 - erfc(x), 1e-15);
        expectRel(erf(x), 1 - erfc(x), 1e-15);
        expect(erf(-x)).to.equal(-erf(x));
      }
      expect(erfc(30)).to.equal(0);
      expect(erfc(Number.NEGATIVE_INFINITY)).to.equal(2);
      expectRel(erf(1e-10), 1.1283791670955126e-10, 1e-15);
    });

    it('lies between the Lemma 12 bounds (seed 000, eq. (46)-(47)) for x > 0', () => {
      for (const x of [0.8, 1, 2, 3, 5, 10]) {
        expect(erfcLowerBound(x)).to.be.at.most(erfc(x));
        expect(erfc(x)).to.be.at.most(erfcUpperBound(x));
      }
    });
  });

  describe('normal pdf / cdf', () => {
    it('match 50-digit references to 1e-15 relative (lower tail included)', () => {
      for (const [x, pdf, cdf] of NORM_REF) {
        expectRel(normPdf(x), pdf, 1e-15, `pdf(${x})`);
        expectRel(normCdf(x), cdf, 1e-15, `cdf(${x})`);
      }
    });
  });

  describe('doubleFactorial / binomial', () => {
    it('(2k−1)!! with (−1)!! = 1', () => {
      expect([-1, 1, 3, 5, 7, 9].map(doubleFactorial)).to.deep.equal([1, 1, 3, 15, 105, 945]);
      expect(doubleFactorial(0)).to.equal(1);
      expect(() => doubleFactorial(-3)).to.throw(RangeError);
      expect(() => doubleFactorial(2.5)).to.throw(RangeError);
    });

    it('binomial coefficients', () => {
      expect([0, 1, 2, 3, 4, 5, 6].map((k) => binomial(6, k))).to.deep.equal([1, 6, 15, 20, 15, 6, 1]);
    });
  });

  describe('Gaussian integrals (spec/000 §8 item 7; seed 000, eq. (62)-(63))', () => {
    it('E[1/(L+x²)] at L = 0.5, 2, 7', () => {
      expectOracle(expectInv(0.5), '1.0912827', 'L=0.5');
      expectOracle(expectInv(2), '0.3789361', 'L=2');
      expectOracle(expectInv(7), '0.1278648', 'L=7');
    });

    it('E[1/(L+x²)²] at L = 0.5, 2, 7 (last term 1/(2L): the corrected typo)', () => {
      expectOracle(expectInvSq(0.5), '1.5456414', 'L=0.5');
      expectOracle(expectInvSq(2), '0.1552660', 'L=2');
      expectOracle(expectInvSq(7), '0.0166294', 'L=7');
    });

    it("Lemma 14's printed last term sqrt(t)/sqrt(2L) does NOT match (typo confirmed)", () => {
      const L = 2;
      const printed = Math.sqrt(Math.PI / (2 * L)) * (1 / (2 * L) - 0.5) * erfcx(Math.sqrt(L / 2)) + Math.sqrt(0.5) / Math.sqrt(2 * L);
      expect(Math.abs(printed - 0.155266)).to.be.greaterThan(0.1);
    });

    it('agree with adaptive quadrature to 1e-12 over a wide range of L (both closed-form and asymptotic branches)', () => {
      for (const L of [1e-6, 1e-3, 0.1, 0.5, 1, 2, 7, 30, 99.9, 100, 150, 400, 1e4, 1e7]) {
        expectRel(expectInv(L), expectNormal((x) => 1 / (L + x * x)), 1e-12, `I(${L})`);
        expectRel(expectInvSq(L), expectNormal((x) => 1 / (L + x * x) ** 2), 1e-12, `I2(${L})`);
        expectRel(expectSqRatio(L), expectNormal((x) => (x * x) / (L + x * x)), 1e-12, `J(${L})`);
        expectRel(expectSqRatio(L), 1 - L * expectInv(L), 1e-10 * Math.max(1, L), `J=1-L·I at ${L}`);
      }
    });
  });
});
