/** Shared builders for the effort-game tests (spec/004 §4 W7–W10: Q = 16, c(e) = (e/2)⁴). */
import { type EffortGameSpec, makeEffortGame, type EffortGame } from '../../src/effort/index.js';

export const Q = 16;
export const POWER4 = Object.freeze({ kind: 'power', scale: 0.5, exponent: 4 });

/** 2×2 correlation [[1, r], [r, 1]]. */
export const pair = (r: number): number[][] => [
  [1, r],
  [r, 1],
];

/** Example-1 star: agent 0 correlated with 1 and 2 at ρ; 1 and 2 uncorrelated (spec/004 §1.3, W9). */
export const star = (rho: number): number[][] => [
  [1, rho, rho],
  [rho, 1, 0],
  [rho, 0, 1],
];

/** Kinked cost of spec/004 W8: κe on [0, 1], then linear to c(2) = 1. */
export const kinked = (kappa: number) => ({ kind: 'kinked', slope: kappa, kink: 1, top: 2, topCost: 1 });

export function game(correlation: number[][], model: 'exact' | 'approx', extra: Partial<EffortGameSpec> = {}): EffortGame {
  return makeEffortGame({ correlation, Q, costs: correlation.map(() => POWER4), model, ...extra });
}

export { expectInputError } from '../theory/bayes/helpers.js';
