/**
 * Read-only views of numeric data handed to plugins. The engine owns the
 * buffers and reuses them every round, so a plugin must neither write to them
 * nor keep references past the call.
 */
export interface ReadonlyFloat64Array {
  readonly length: number;
  readonly [index: number]: number;
  subarray(begin?: number, end?: number): ReadonlyFloat64Array;
  slice(begin?: number, end?: number): Float64Array;
  [Symbol.iterator](): IterableIterator<number>;
}

/** Sum of a numeric array (four accumulators, so the loop pipelines). */
export function sum(a: ArrayLike<number>): number {
  const n = a.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    s0 += a[k];
    s1 += a[k + 1];
    s2 += a[k + 2];
    s3 += a[k + 3];
  }
  for (; k < n; k++) s0 += a[k];
  return s0 + s1 + (s2 + s3);
}

/** Arithmetic mean; NaN for an empty array (callers decide the convention). */
export function mean(a: ArrayLike<number>): number {
  return a.length === 0 ? Number.NaN : sum(a) / a.length;
}
