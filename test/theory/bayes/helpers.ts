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

/** spec/004 §4 W6 (Fig. 1): ρ, E p_1, E p_2 = E p_3, total, E U_1, E U_2, P(x_1) — 3-agent star, Unif[0, 10], exact. */
export const W6: readonly (readonly [number, number, number, number, number, number, number])[] = [
  [0, 0.536675, 0.536675, 1.610025, 0.111768, 0.111768, 0.768338],
  [0.1, 0.537754, 0.537214, 1.612182, 0.11193, 0.111849, 0.769649],
  [0.2, 0.54121, 0.538928, 1.619065, 0.11245, 0.112107, 0.773849],
  [0.3, 0.547823, 0.54216, 1.632143, 0.113442, 0.112593, 0.781879],
  [0.4, 0.559462, 0.547708, 1.654879, 0.115177, 0.113425, 0.79599],
  [0.5, 0.580882, 0.557483, 1.695848, 0.118334, 0.114882, 0.821887],
  [0.6, 0.62784, 0.57718, 1.7822, 0.125097, 0.117787, 0.878343],
  [0.7, 0.76369, 0.636416, 2.036521, 0.095476, 0.1261, 0.969571],
];
