import { AllocationBuffer } from '../core/allocation-buffer.js';
import { sum } from '../core/data.js';
import { InputError, makeInstance } from '../core/instance.js';
import type { DeviationRef, MechanismPlugin } from '../core/mechanism.js';
import { resolveParams } from '../core/params.js';
import type { HeteroMechanismPlugin, HeteroMechanismRun } from './mechanism.js';
import { NO_DATA_ESTIMATE } from '../plays/estimators.js';
import { collectRecommended, submitTruthfully } from './plays.js';
import type { HeteroEstimator } from './strategy.js';

/** The seed-000 deviation a d = 1 deviation corresponds to, for the mechanism's closed forms. */
function seed000Ref(dev: DeviationRef): DeviationRef | null {
  if (dev.strategy === 'recommended' || dev.strategy === 'alone') return { strategy: dev.strategy, params: {} };
  if (dev.strategy === 'collect') return { strategy: 'under-collect', params: { n: dev.params.n } };
  return null;
}

/**
 * h* on the sums a seed-000 mechanism returns (seed 000, eq. (8), corrected
 * denominator): weight 1 on X ∪ Z, σ²/(σ² + η²) on Z'; the deployed estimate
 * where the mechanism deploys one (CDED).
 */
function weightedOrDeployed(sigma: number, deploys: boolean): HeteroEstimator {
  const out = new Float64Array(1);
  const s2 = sigma * sigma;
  return (x, _y, a) => {
    if (deploys) {
      out[0] = Number.isNaN(a.estimate[0]) ? NO_DATA_ESTIMATE : a.estimate[0];
      return out;
    }
    const eta2 = a.eta2[0];
    const w = a.corruptedCount[0] > 0 && eta2 < Number.POSITIVE_INFINITY ? s2 / (s2 + eta2) : 0;
    const den = x[0].length + a.cleanCount[0] + w * a.corruptedCount[0];
    out[0] = den > 0 ? (sum(x[0]) + a.cleanSum[0] + w * a.corruptedSum[0]) / den : NO_DATA_ESTIMATE;
    return out;
  };
}

/**
 * A seed-000 mechanism as a d-distribution mechanism: the homogeneous model
 * of seed 000 is the d = 1, equal-cost case of seed 001's (spec/001 §1), so
 * pool, pcs, c3d and cded run on such instance files unchanged. The wrapped
 * mechanism allocates on distribution 0's submissions; its sums, counts, η²
 * and deployed estimate are copied into the d-distribution allocation.
 */
export function asHeteroMechanism(plugin: MechanismPlugin): HeteroMechanismPlugin {
  return {
    kind: 'hetero-mechanism',
    name: plugin.name,
    description: plugin.description,
    source: plugin.source,
    params: plugin.params,
    setup(inst, _allocation, given): HeteroMechanismRun {
      const c = inst.costs[0]?.[0];
      if (inst.d !== 1) throw new InputError('instance', `mechanism ${plugin.name} (seed 000) needs d = 1 (got d = ${inst.d})`);
      inst.costs.forEach((row, i) => {
        if (row[0] !== c) throw new InputError(`costs[${i}][0]`, `mechanism ${plugin.name} (seed 000) needs equal costs (got ${row[0]} and ${c})`);
      });
      const run = plugin.setup(makeInstance(inst.m, inst.sigma, c), resolveParams(plugin.name, plugin.params, given));
      const buf = new AllocationBuffer();
      const s = run.theory.recommended();
      return {
        mechanism: plugin.name,
        nStar: inst.costs.map(() => [run.info.nStar]),
        nRecommended: inst.costs.map(() => [run.info.nRecommended]),
        recommended: { collect: collectRecommended, submit: submitTruthfully, estimate: weightedOrDeployed(inst.sigma, run.deploysEstimate) },
        recommendedMeta: run.recommendedMeta,
        allocate(i, pool, rng, out) {
          buf.reset(false);
          run.allocate(i, pool.byK[0], rng, buf);
          out.cleanSum[0] = buf.cleanSum;
          out.cleanCount[0] = buf.cleanLength;
          out.corruptedSum[0] = buf.corruptedSum;
          out.corruptedCount[0] = buf.corruptedLength;
          out.eta2[0] = buf.eta2;
          out.count[0] = buf.cleanLength + buf.corruptedLength;
          if (buf.deployed !== null) out.estimate[0] = buf.deployed;
        },
        theory: {
          summary: () => ({
            agentPenalties: inst.costs.map(() => s.agentPenalty),
            socialPenalty: s.socialPenalty,
            baseline: s.globalMinimum,
            ratio: s.ratio,
            individuallyRational: inst.costs.map(() => s.individuallyRational),
          }),
          // By symmetry agent i's deviation is seed 000's agent-0 deviation (src/core/mechanism.ts).
          penalty: (dev) => {
            const ref = seed000Ref(dev);
            return ref === null ? null : run.theory.penalty(ref, 0);
          },
        },
      };
    },
  };
}
