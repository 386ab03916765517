import type { HeteroInstance } from '../theory/heterogeneous/types.js';
import type { HeteroEstimator } from './strategy.js';

/** How each coordinate's data is drawn around μ_k: both have variance σ² (spec/000 §6: bounded variance, not necessarily Gaussian). */
export type NoiseKind = 'gaussian' | 'uniform';
export const NOISE_KINDS: readonly NoiseKind[] = ['gaussian', 'uniform'];

/** A seed-001 instance ready to simulate: m agents, d distributions, public costs, the data's noise. */
export interface SimInstance extends HeteroInstance {
  readonly m: number;
  readonly d: number;
  readonly noise: NoiseKind;
}

export function simInstance(inst: HeteroInstance, noise: NoiseKind = 'gaussian'): SimInstance {
  const m = inst.costs.length;
  const d = inst.costs[0]?.length ?? 0;
  return Object.freeze({ sigma: inst.sigma, costs: inst.costs, m, d, noise });
}

/**
 * Everything agent i may know in the d-distribution family (spec/001 §1):
 * the public instance (σ, every agent's costs), her index, and what the
 * mechanism publishes for her. Never μ, never another agent's data.
 */
export interface HeteroInfo {
  readonly instance: SimInstance;
  readonly agent: number;
  readonly mechanism: string;
  /** Her row of the mechanism's continuous recommended amounts n*_{i,k}. */
  readonly nStar: readonly number[];
  /** Her row of the integer amounts the simulation recommends collecting (⌈n*⌉). */
  readonly nRecommended: readonly number[];
  /** Her costs c_{i,k} (Infinity: she cannot sample distribution k). */
  readonly costs: readonly number[];
  /**
   * The mechanism's recommended estimator (part of the published s*), so a
   * deviation that changes one distribution can leave the others as
   * recommended (src/hetero/deviations.ts, estimateOnK).
   */
  readonly recommendedEstimate: HeteroEstimator;
}

/** The most points a strategy would sensibly collect on k: a few times the larger of n^IND and the recommendation. */
export function amountCeiling(info: HeteroInfo, k: number): number {
  const c = info.costs[k];
  if (c === Infinity) return 0;
  const alone = info.instance.sigma / Math.sqrt(c); // seed 001, Fact 1: n^IND = σ/√c
  return Math.max(1, Math.ceil(3 * Math.max(alone, info.nRecommended[k])));
}
