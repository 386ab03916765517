import type { AllocationBuffer } from '../../src/core/allocation-buffer.js';
import type { SubmissionPool } from '../../src/core/submission-pool.js';

/** A_i = ∪_{j≠i} Y_j (seed 000 §2.1; also C3D's m ≤ 4 branch and PCS past its check). */
export function allocatePooled(i: number, pool: SubmissionPool, out: AllocationBuffer): void {
  const n = pool.othersSize(i);
  pool.copyOthers(i, out.reserveClean(n));
  out.cleanLength = n;
  out.cleanSum = pool.othersSum(i);
}
