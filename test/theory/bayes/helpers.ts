/** Shared helpers of the seed-004 (bayes) tests. */
import { expect } from 'chai';
import { InputError } from '../../../src/core/instance.js';

/** Runs f expecting an InputError on exactly `field` (message optionally matched). */
export function expectInputError(f: () => unknown, field: string, message?: RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `expected an InputError on ${field}`).to.be.instanceOf(InputError);
  expect((err as InputError).field).to.equal(field);
  if (message) expect((err as InputError).message).to.match(message);
}

/** A seeded uniform generator on [0, 1) (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random correlation matrix: C = AAᵀ + δI for random A (n×n), normalised to unit diagonal. */
export function randomCorrelation(n: number, rand: () => number, scale = 1): number[][] {
  const A = Array.from({ length: n }, () => Array.from({ length: n }, () => 2 * rand() - 1));
  const C = A.map((ri) => A.map((rj) => ri.reduce((s, x, k) => s + x * rj[k], 0)));
  for (let i = 0; i < n; i++) C[i][i] += 0.05;
  const d = C.map((r, i) => Math.sqrt(r[i]));
  return C.map((r, i) => r.map((x, j) => (i === j ? 1 : (scale * x) / (d[i] * d[j]))));
}

/** Example 1 of seed 004: agent 1 correlated with agents 2 and 3 at ρ, 2 and 3 uncorrelated. */
export function star(rho: number): number[][] {
  return [
    [1, rho, rho],
    [rho, 1, 0],
    [rho, 0, 1],
  ];
}

/** The §7 oracle 1–3 matrix of spec/004. */
export const R3 = [
  [1, 0.5, 0.3],
  [0.5, 1, 0.2],
  [0.3, 0.2, 1],
];
