import { defineStrategy } from '../src/core/strategy.js';

/** Submit a uniformly random subset of the collected data: discard the rest (spec/000 §5, "subset/discard"). */
export default defineStrategy({
  name: 'subset',
  description: 'Submit a uniformly random subset holding the given fraction of the collected points.',
  source: 'spec/000 §5; seed 000 §4.1 (F = subsets)',
  params: {
    fraction: { kind: 'real', min: 0, max: 1, default: 0.5, description: 'share of the collected points submitted' },
  },
  meta: { truthful: true, equivariant: true, stochastic: true },
  build: ({ fraction }) => ({
    submit: (x, _info, rng) => {
      const keep = Math.round(fraction * x.length);
      const idx = Int32Array.from({ length: x.length }, (_, j) => j);
      rng.partialShuffle(idx, x.length, keep);
      const y = new Float64Array(keep);
      for (let j = 0; j < keep; j++) y[j] = x[idx[j]];
      return y;
    },
  }),
});
