import { expect } from 'chai';
import { brent, firstRootAbove } from '../../src/theory/index.js';
import { expectRel } from './oracle.js';

describe('theory/roots', () => {
  describe('brent', () => {
    it('finds roots to machine precision', () => {
      expectRel(brent((x) => x * x - 2, 0, 2), Math.SQRT2, 4e-16);
      expectRel(brent(Math.cos, 0, 3), Math.PI / 2, 4e-16);
      expectRel(brent((x) => Math.exp(x) - 10, -5, 10), Math.log(10), 4e-16);
      expect(Math.abs(brent(Math.sin, -1, 2))).to.be.lessThan(1e-300);
    });

    it('accepts a reversed bracket and an exact zero at an end point', () => {
      expectRel(brent((x) => x * x - 2, 2, 0), Math.SQRT2, 4e-16);
      expect(brent((x) => x - 1, 1, 3)).to.equal(1);
    });

    it('honours xtol', () => {
      const r = brent((x) => x ** 3 - 2 * x - 5, 2, 3, { xtol: 1e-3 });
      expect(Math.abs(r - 2.0945514815423265)).to.be.lessThan(1e-3);
    });

    it('throws a clear Error when f(a), f(b) do not bracket', () => {
      expect(() => brent((x) => x * x + 1, -1, 1)).to.throw(Error, /do not bracket/);
    });

    it('throws on NaN and when maxIter is exhausted', () => {
      expect(() => brent(() => Number.NaN, 0, 1)).to.throw(Error, /NaN/);
      expect(() => brent((x) => x ** 3 - 2 * x - 5, 2, 3, { maxIter: 1 })).to.throw(Error, /no convergence/);
    });
  });

  describe('firstRootAbove', () => {
    it('returns the FIRST sign change above start, not another root', () => {
      // sin has roots π, 2π, 3π above 3; the first is π.
      expectRel(firstRootAbove(Math.sin, 3, { step: 0.1, max: 20 }), Math.PI, 4e-16);
      expectRel(firstRootAbove(Math.sin, 3.2, { step: 0.1, max: 20 }), 2 * Math.PI, 4e-16);
    });

    it('supports geometric steps', () => {
      expectRel(firstRootAbove((x) => x - 1000.5, 0, { step: 1e-3, growth: 2, max: 1e6 }), 1000.5, 4e-16);
    });

    it('clips the last step at max and throws if there is no sign change', () => {
      expectRel(firstRootAbove((x) => x - 9.99, 0, { step: 3, max: 10 }), 9.99, 4e-16);
      expect(() => firstRootAbove((x) => x * x + 1, 0, { step: 1, max: 10 })).to.throw(Error, /no sign change/);
      expect(() => firstRootAbove((x) => x, 1, { max: 0 })).to.throw(RangeError);
    });
  });
});
