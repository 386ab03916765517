/**
 * Example strategy plugin: collect the recommended amount, but submit only a
 * random fraction of it, and estimate with the mechanism's recommended
 * estimator. Under PCS this fails the size check; under C3D it only adds
 * variance to mean(Y_i) and so to η_i².
 *
 * Try it:
 *   npx arena evaluate c3d --m 10 --sigma 1 --cost 0.001 --rounds 20000 --seed 1 \
 *     --plugin examples/withhold-fraction.ts --deviation withhold-fraction:fraction=0.5
 */
import { defineStrategy } from '../src/core/strategy.js';

export default defineStrategy({
  name: 'withhold-fraction',
  description: 'Collect n*, submit a uniformly random subset holding the given fraction of it.',
  source: 'examples/ (a subset deviation, seed 000 §4.1)',
  params: {
    fraction: { kind: 'real', min: 0, max: 1, default: 0.5, description: 'share of the collected points submitted' },
  },
  // Choosing which points to keep ignores their values, so shifting the data shifts the submission.
  meta: { truthful: true, equivariant: true, stochastic: true },
  build: ({ fraction }) => ({
    submit: (x, _info, rng) => {
      const keep = Math.round(fraction * x.length);
      const idx = new Int32Array(x.length).map((_, j) => j);
      rng.partialShuffle(idx, x.length, keep);
      const y = new Float64Array(keep);
      for (let j = 0; j < keep; j++) y[j] = x[idx[j]];
      return y;
    },
  }),
});
