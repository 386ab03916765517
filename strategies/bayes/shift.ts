import { defineReportStrategy } from '../../src/bayes/strategy.js';

/** Add a constant to the true quality: q̂ = q + delta, clipped to the support. */
export default defineReportStrategy({
  name: 'shift',
  description: 'Report q + delta, clipped to the support.',
  source: 'spec/004 §8 (a shifted submission function)',
  params: {
    delta: {
      kind: 'real',
      min: (info) => info.low - info.high,
      max: (info) => info.high - info.low,
      default: 0,
      description: 'added to the true quality',
    },
  },
  // q̂ = q + delta; below 0 it is clipped to 0 (then to the support) rather than rejected as negative   (spec/004 §8)
  report: ({ delta }, q) => Math.max(0, q + delta),
});
