import { defineReportStrategy } from '../../src/bayes/strategy.js';

/** Report the true quality: the recommended play, an ex-post Nash equilibrium of Algorithm 1 (seed 004, Thm 1). */
export default defineReportStrategy({
  name: 'truthful',
  description: 'Report the true quality, q̂ = q.',
  source: 'seed 004, Theorem 1 (truthful reporting is an ex-post Nash equilibrium)',
  params: {},
  truthful: true,
  report: (_p, q) => q,
});
