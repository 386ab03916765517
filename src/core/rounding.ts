/**
 * The integer amount that stands for the paper's continuous n*. The seeds
 * assume σ/√(cm) is an integer (seed 000, footnote 2). We use ⌈n*⌉, so that
 * a recommended agent always passes a "|Y_i| ≥ n*" check (PCS), and we
 * ignore a relative excess of 1e-9 so that 10.000000000000002 counts as 10.
 */
export function integerAmount(nStar: number): number {
  if (!Number.isFinite(nStar)) throw new RangeError(`n* must be finite (got ${nStar})`);
  return Math.max(1, Math.ceil(nStar - 1e-9 * Math.max(1, nStar)));
}
