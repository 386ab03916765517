import { defineReportStrategy } from '../../src/bayes/strategy.js';

/** Scale the true quality: q̂ = factor·q (factor < 1 shades down, > 1 exaggerates), clipped to the support. */
export default defineReportStrategy({
  name: 'shade',
  description: 'Report factor·q, clipped to the support.',
  source: 'spec/004 §8 (a scaled submission function)',
  params: { factor: { kind: 'real', min: 0, max: 3, default: 1, description: 'report multiplier' } },
  report: ({ factor }, q) => factor * q, // q̂ = factor·q   (spec/004 §8)
});
