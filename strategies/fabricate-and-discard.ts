import { defineStrategy } from '../src/core/strategy.js';

/**
 * Collect k genuine points, pad the submission with fabricated points up to
 * the recommended size (N(0, σ²) draws that carry no information about μ),
 * and estimate from the genuine data only (spec/002 D3).
 */
export default defineStrategy({
  name: 'fabricate-and-discard',
  description: 'Collect k points, pad the submission with fakes up to n*, discard the fakes when estimating.',
  source: 'spec/002 D3; seed 000 §4.1',
  params: {
    k: { kind: 'int', min: 0, max: (info) => info.nRecommended, default: 0, description: 'genuine points collected' },
  },
  meta: { truthful: false, equivariant: false, stochastic: true },
  build: ({ k }, info) => {
    const size = Math.max(k, info.nRecommended);
    const sigma = info.instance.sigma;
    return {
      collect: () => k,
      submit: (x, _info, rng) => {
        const y = new Float64Array(size);
        for (let j = 0; j < x.length; j++) y[j] = x[j];
        rng.fillNormal(y, x.length, size - x.length, 0, sigma);
        return y;
      },
      // the recommended estimators use X (not Y), so the fakes are discarded
    };
  },
});
