import { defineStrategy } from '../src/core/strategy.js';
import { weighted } from '../src/plays/estimators.js';
import { usesSumsOnly } from '../src/core/sufficient.js';

/**
 * The weighted mean with a fixed τ² in place of η² (seed 000, App. E;
 * spec/000 §8 item 4 "τ²-fixed weights"). Default τ² = 2α²σ²/n*, E[η²] at s*.
 */
export default defineStrategy({
  name: 'fixed-weight',
  description: "Weight the corrupted points by σ²/(σ²+τ²) with a fixed τ² instead of the revealed η².",
  source: 'seed 000, App. E; spec/000 §8 item 4',
  params: {
    tau2: {
      kind: 'real',
      min: 0,
      max: (info) => 1e4 * info.instance.sigma ** 2,
      default: (info) => (info.alpha === null ? 0 : (2 * info.alpha ** 2 * info.instance.sigma ** 2) / info.nStar),
      description: 'the fixed corruption variance τ²',
    },
  },
  meta: { truthful: true, equivariant: true, stochastic: false },
  build: ({ tau2 }, info) => {
    const s2 = info.instance.sigma ** 2;
    const w = s2 / (s2 + tau2);
    return { estimate: usesSumsOnly((x, _y, a) => weighted(x, a, w)) };
  },
});
