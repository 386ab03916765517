import { expect } from 'chai';
import { expectNormal, expectNormalWithError, doubleFactorial, c3dRisk, expectSqRatio } from '../../src/theory/index.js';
import { expectRel } from './oracle.js';

describe('theory/quadrature expectNormal', () => {
  it('integrates normal moments E[X^{2k}] = (2k−1)!! to 1e-12', () => {
    for (let k = 0; k <= 8; k++) expectRel(expectNormal((x) => x ** (2 * k)), doubleFactorial(2 * k - 1), 1e-12, `k=${k}`);
  });

  it('integrates smooth functions with known expectations', () => {
    expectRel(expectNormal(Math.cos), Math.exp(-0.5), 1e-12);
    expectRel(expectNormal((x) => Math.exp(0.7 * x)), Math.exp(0.245), 1e-12);
    expectRel(expectNormal((x) => (x > 0 ? 1 : 0)), 0.5, 1e-12);
    // an integral that cancels to 0 terminates on the roundoff floor
    expect(Math.abs(expectNormal((x) => x))).to.be.lessThan(1e-15);
  });

  it('resolves sharp features near 0: g(x) = 1/(K/(1+a(x+δ)²) + B) with a = 1e6 … 1e8 (mpmath references)', () => {
    // References: mpmath 1.3 quad at 40 digits with break points around the dip.
    const cases: [number, number, number][] = [
      [1e6, 0, 0.049888099895755463961],
      [1e6, 0.0004, 0.049888099904691516703],
      [1e8, -0.002, 0.049988792039698932049],
      [1e6, 0.7, 0.049912375389066978297],
    ];
    for (const [a, d, ref] of cases) {
      const g = (x: number) => 1 / (80 / (1 + a * (x + d) ** 2) + 20);
      expectRel(expectNormal(g), ref, 1e-12, `a=${a}, δ=${d}`);
      expectRel(expectNormal(g, { points: [-d] }), ref, 1e-12, `a=${a}, δ=${d}, with point`);
    }
  });

  it('agrees with the closed form for the δ = 0 sharp case and reports its error estimate', () => {
    const a = 1e6;
    const r = expectNormalWithError((x) => 1 / (80 / (1 + a * x * x) + 20));
    const closed = (1 / 100) * (1 + 4 * expectSqRatio(100 / (20 * a)));
    expectRel(r.value, closed, 1e-12);
    expect(r.error).to.be.at.most(1e-13 * r.value);
  });

  it('throws when the interval budget is exhausted', () => {
    expect(() => expectNormal((x) => Math.sin(1e4 * x), { maxIntervals: 30 })).to.throw(Error, /tolerance not reached/);
  });

  it('is what c3dRisk uses for shifted submissions (sanity: shift → 0 meets the closed form)', () => {
    const p = { sigma: 1, alpha: 5, nx: 10, nz: 10, nzp: 80 };
    expectRel(c3dRisk({ ...p, shift: 1e-9 }), c3dRisk(p), 1e-12);
  });
});
