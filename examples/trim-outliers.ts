/**
 * Example strategy plugin: collect the recommended amount, but submit only
 * the points within k·σ of the own sample mean, and estimate with the
 * mechanism's recommended estimator. A "quality filter" that looks
 * harmless: under C3D it moves mean(Y_i) away from mean(X_i) and so raises
 * η_i²; under PCS a tight filter fails the size check.
 *
 * Try it:
 *   npx arena evaluate c3d --m 10 --sigma 1 --cost 0.001 --rounds 20000 --seed 1 \
 *     --plugin examples/trim-outliers.ts --deviation trim-outliers:k=1
 *   npx arena search c3d --plugin examples/trim-outliers.ts --families trim-outliers
 */
import { mean } from '../src/core/data.js';
import { defineStrategy } from '../src/core/strategy.js';

export default defineStrategy({
  name: 'trim-outliers',
  description: 'Collect n*, submit only the points within k·σ of the own sample mean.',
  source: 'examples/ (a data-dependent subset, seed 000 §4.1)',
  params: {
    k: { kind: 'real', min: 0.1, max: 4, default: 1.5, description: 'keep points with |x − mean(X)| ≤ k·σ' },
  },
  // The filter is centred on the data's own mean, so shifting the data shifts the submission.
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ k }, info) => {
    const limit = k * info.instance.sigma;
    return {
      submit: (x) => {
        const centre = mean(x);
        return Float64Array.from(x).filter((v) => Math.abs(v - centre) <= limit);
      },
    };
  },
});
