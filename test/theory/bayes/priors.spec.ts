/**
 * Priors (src/theory/bayes/priors.ts): the built-in kinds' pdf/cdf/hazard ratio/quantile agree with
 * each other and are MHR; validation names the field; plugins register and are MHR-checked.
 */
import { expect } from 'chai';
import { gaussLegendre } from '../../../src/theory/bayes/gauss-legendre.js';
import { isMhr, makePrior, priorKinds, registerPriorKind, uniformPrior } from '../../../src/theory/bayes/priors.js';
import { expectInputError } from './helpers.js';

function integrate(f: (x: number) => number, a: number, b: number): number {
  const { nodes, weights } = gaussLegendre(64);
  let s = 0;
  for (let k = 0; k < nodes.length; k++) s += weights[k] * f(0.5 * (a + b) + 0.5 * (b - a) * nodes[k]);
  return 0.5 * (b - a) * s;
}

describe('bayes/priors', () => {
  const kinds = [
    makePrior({ kind: 'uniform', low: 0, high: 10 }),
    makePrior({ kind: 'uniform', low: 2, high: 16 }),
    makePrior({ kind: 'truncated-exponential', rate: 0.3, low: 0, high: 10 }),
    makePrior({ kind: 'truncated-exponential', rate: 2, low: 1, high: 4 }),
  ];
  it('pdf integrates to 1, cdf = ∫pdf, hazardRatio = (1−F)/f, quantile = F⁻¹, and all are MHR', () => {
    for (const p of kinds) {
      expect(integrate(p.pdf, p.low, p.high)).to.be.closeTo(1, 1e-13);
      for (const t of [0.1, 0.37, 0.5, 0.9]) {
        const x = p.low + t * (p.high - p.low);
        expect(p.cdf(x)).to.be.closeTo(integrate(p.pdf, p.low, x), 1e-13);
        expect(p.hazardRatio(x)).to.be.closeTo((1 - p.cdf(x)) / p.pdf(x), 1e-12);
        expect(p.quantile(p.cdf(x))).to.be.closeTo(x, 1e-12);
      }
      expect(p.cdf(p.low)).to.equal(0);
      expect(p.cdf(p.high)).to.equal(1);
      expect(p.hazardRatio(p.high)).to.equal(0);
      expect(p.quantile(0)).to.be.closeTo(p.low, 1e-15);
      expect(p.quantile(1)).to.be.closeTo(p.high, 1e-12);
      expect(isMhr(p)).to.equal(true);
    }
    expect(uniformPrior(0, 10).hazardRatio(3)).to.equal(7);
  });
  it('validation names the field', () => {
    expectInputError(() => makePrior(null, 'priors[0]'), 'priors[0]');
    expectInputError(() => makePrior({ low: 0, high: 1 }, 'priors[0]'), 'priors[0].kind');
    expectInputError(() => makePrior({ kind: 'gamma', low: 0, high: 1 }, 'priors[0]'), 'priors[0].kind', /unknown prior kind/);
    expectInputError(() => makePrior({ kind: 'uniform', low: 0 }, 'priors[2]'), 'priors[2].high');
    expectInputError(() => makePrior({ kind: 'uniform', low: 0, high: Infinity }, 'priors[2]'), 'priors[2].high');
    expectInputError(() => makePrior({ kind: 'uniform', low: 3, high: 3 }, 'priors[2]'), 'priors[2].high', /exceed/);
    expectInputError(() => makePrior({ kind: 'uniform', low: -1, high: 3 }, 'priors[1]'), 'priors[1].low');
    expectInputError(() => makePrior({ kind: 'uniform', low: 0, high: 3, rate: 1 }, 'priors[1]'), 'priors[1].rate', /unknown parameter/);
    expectInputError(() => makePrior({ kind: 'truncated-exponential', rate: 0, low: 0, high: 3 }, 'p'), 'p.rate');
    expectInputError(() => makePrior({ kind: 'truncated-exponential', low: 0, high: 3 }, 'p'), 'p.rate');
  });
  it('plugins: registerPriorKind adds a kind; non-MHR plugins are rejected; built-ins cannot be replaced', () => {
    // Triangular on [low, high] with mode at low: f = 2(high−q)/(high−low)², (1−F)/f = (high−q)/2 (MHR).
    registerPriorKind('test-triangular', (params, field) => {
      const low = Number(params.low);
      const high = Number(params.high);
      if (!(high > low)) throw new Error(`${field}: bad support`);
      const L = high - low;
      return {
        low,
        high,
        pdf: (q) => (2 * (high - q)) / (L * L),
        cdf: (q) => 1 - ((high - q) / L) ** 2,
        hazardRatio: (q) => (high - q) / 2,
        quantile: (u) => high - L * Math.sqrt(1 - u),
      };
    });
    expect(priorKinds()).to.include('test-triangular');
    const tri = makePrior({ kind: 'test-triangular', low: 0, high: 4 }, 'priors[0]');
    expect(tri.hazardRatio(1)).to.equal(1.5);
    // Increasing density on [0, 1] near the top with a dip: (1−F)/f rises somewhere.
    registerPriorKind('test-not-mhr', () => ({
      low: 0,
      high: 1,
      pdf: (q) => (q < 0.5 ? 1.6 : 0.4),
      cdf: (q) => (q < 0.5 ? 1.6 * q : 0.8 + 0.4 * (q - 0.5)),
      hazardRatio: (q) => (q < 0.5 ? (1 - 1.6 * q) / 1.6 : (0.2 - 0.4 * (q - 0.5)) / 0.4),
      quantile: (u) => (u < 0.8 ? u / 1.6 : 0.5 + (u - 0.8) / 0.4),
    }));
    expectInputError(() => makePrior({ kind: 'test-not-mhr' }, 'priors[1]'), 'priors[1]', /not MHR/);
    expect(makePrior({ kind: 'test-not-mhr' }, 'priors[1]', { checkMhr: false }).kind).to.equal('test-not-mhr');
    expectInputError(() => registerPriorKind('uniform', () => tri), 'kind');
  });
});
