import type { Allocation } from '../core/allocation.js';
import { sum, type ReadonlyFloat64Array } from '../core/data.js';
import type { Estimator } from '../core/strategy.js';
import { usesSumsOnly } from '../core/sufficient.js';

/**
 * The estimate an agent falls back to when she holds no data at all. The
 * seeds leave it undefined; any constant makes the max risk over μ infinite,
 * which is the point. The evaluator notices estimates made from no data and
 * scores them on its μ grid.
 */
export const NO_DATA_ESTIMATE = 0;

/**
 * h*: the inverse-variance weighted mean of X ∪ Z (variance σ²) and Z'
 * (variance σ² + η²). seed 000, eq. (8), with the corrected denominator
 * (|X|+|Z|)/σ² + |Z'|/(σ²+η²) (the paper prints |X ∪ Z'|; spec/000 §2.2).
 * With no corrupted data it is the plain mean of X ∪ A, the recommended
 * estimator of pool-and-share and PCS.
 */
export const weightedMean: Estimator = usesSumsOnly((x, _y, a, info) => {
  const s2 = info.instance.sigma * info.instance.sigma;
  return weighted(x, a, a.eta2 === Number.POSITIVE_INFINITY ? 0 : s2 / (s2 + a.eta2));
});

/** The weighted mean with a fixed weight w on the corrupted points; reads only sums and counts. */
export function weighted(x: ReadonlyFloat64Array, a: Allocation, w: number): number {
  const nz = a.corruptedCount;
  const num = sum(x) + a.cleanSum + (nz > 0 && w > 0 ? w * a.corruptedSum : 0);
  const den = x.length + a.clean.length + (nz > 0 ? w * nz : 0);
  return den > 0 ? num / den : NO_DATA_ESTIMATE;
}

/** The unweighted mean of X ∪ Z ∪ Z' (spec/000 §5, "plain mean"). */
export const plainMean: Estimator = usesSumsOnly((x, _y, a) => weighted(x, a, 1));

/** The mean of X ∪ Z, ignoring the corrupted points (spec/000 §5). */
export const ignoreCorrupted: Estimator = usesSumsOnly((x, _y, a) => weighted(x, a, 0));

/** The mean of the agent's own data only (working alone). */
export const ownMean: Estimator = usesSumsOnly((x) => (x.length > 0 ? sum(x) / x.length : NO_DATA_ESTIMATE));
