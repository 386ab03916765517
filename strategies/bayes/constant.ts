import { defineReportStrategy } from '../../src/bayes/strategy.js';

/** Report the same quality whatever the truth: q̂ = value ∈ [low, high]. */
export default defineReportStrategy({
  name: 'constant',
  description: 'Report a fixed quality, whatever the true one.',
  source: 'spec/004 §8 (a constant submission function); spec/004 §4 W4 misreports',
  params: {
    value: {
      kind: 'real',
      min: (info) => info.low,
      max: (info) => info.high,
      default: (info) => 0.5 * (info.low + info.high),
      description: 'the reported quality',
    },
  },
  report: ({ value }) => value, // q̂ = value   (spec/004 §8)
});
