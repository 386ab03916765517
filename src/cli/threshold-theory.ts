import { InputError } from '../core/instance.js';
import { expectedOutcome } from '../theory/bayes/expected.js';
import { loadBayesFile } from '../theory/bayes/instance-file.js';
import { mechanismByName, outcome } from '../theory/bayes/mechanisms.js';

/**
 * `arena theory threshold-pricing|blind-threshold|full-allocation|free-sharing --instance FILE
 * [--types q1,q2,…]`: seed 004's threshold mechanisms on a bayes instance file
 * (src/theory/bayes/instance-file.ts), in the file's model ("exact" or "approx").
 *
 * With types (true qualities, reported truthfully; one per agent, inside the prior's support):
 * per-agent thresholds q̄_i(q_{−i}), posted prices p_i = v_i(q̄_i, q_{−i}), allocations q_i ≥ q̄_i,
 * values v_i(q) (exact Gaussian value; reported for every agent, allocated or not), payments,
 * utilities and the revenue (seed 004, Algorithm 1; spec/004 §4 W4/W5).
 *
 * Without types: the ex-ante expectations over the priors (truthful, no effort): expected payments,
 * utilities, welfare, allocation probabilities and revenue, with the method (Gauss–Legendre tensor
 * quadrature for n ≤ 4, else seeded Monte Carlo with standard errors; src/theory/bayes/expected.ts).
 */
export function thresholdTheory(file: string, types?: readonly number[], mechanism = 'threshold-pricing'): Record<string, unknown> {
  const mech = mechanismByName(mechanism);
  const inst = loadBayesFile(file);
  const { n, correlation: R, priors, model } = inst;
  const head = { instance: file, mechanism: mech.name, model, n };
  if (types !== undefined) {
    if (types.length !== n) throw new InputError('--types', `must give one quality per agent: ${n}, got ${types.length}`);
    types.forEach((q, i) => {
      const { low, high } = priors[i];
      if (typeof q !== 'number' || !Number.isFinite(q) || q < 0) throw new InputError('--types', `q${i + 1} must be a finite number >= 0 (got ${q})`);
      if (q < low || q > high) throw new InputError('--types', `q${i + 1} = ${q} is outside agent ${i + 1}'s support [${low}, ${high}]`);
    });
    const o = outcome(mech, R, priors, types, types, model);
    return {
      ...head,
      types: [...types],
      thresholds: o.agents.map((a) => a.threshold),
      prices: o.agents.map((a) => a.price),
      allocated: o.agents.map((a) => a.allocated),
      values: o.agents.map((a) => a.value),
      payments: o.agents.map((a) => a.payment),
      utilities: o.agents.map((a) => a.utility),
      revenue: o.revenue,
    };
  }
  const e = expectedOutcome(mech, R, priors, model);
  const se = e.method === 'montecarlo';
  return {
    ...head,
    expectedPayments: e.agents.map((a) => a.payment),
    expectedUtilities: e.agents.map((a) => a.utility),
    expectedWelfare: e.agents.map((a) => a.welfare),
    allocationProbabilities: e.agents.map((a) => a.allocationProbability),
    expectedRevenue: e.revenue,
    totalWelfare: e.welfare,
    method: e.method,
    ...(se
      ? {
          samples: e.samples,
          revenueStandardError: e.revenueStandardError,
          standardErrors: {
            payments: e.agents.map((a) => a.standardErrors?.payment),
            utilities: e.agents.map((a) => a.standardErrors?.utility),
            allocationProbabilities: e.agents.map((a) => a.standardErrors?.allocationProbability),
          },
        }
      : { nodesPerDimension: e.nodes }),
  };
}
