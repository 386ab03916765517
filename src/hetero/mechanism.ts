import type { DeviationRef } from '../core/mechanism.js';
import type { ParamSpecs, ParamValues } from '../core/params.js';
import type { StrategyMeta } from '../core/strategy.js';
import type { Rng } from '../random/index.js';
import type { HeteroAllocationBuffer } from './allocation.js';
import type { SimInstance } from './info.js';
import type { HeteroPlay } from './strategy.js';
import type { HeteroPool } from './submissions.js';

/** Exact penalties at the recommended profile (the fields of `arena theory cbl|sm`). */
export interface HeteroTheorySummary {
  readonly agentPenalties: readonly number[];
  readonly socialPenalty: number;
  /** The efficiency baseline the ratio divides by: P(M_SM, input allocation) for sm and cbl (spec/001 §9), the global minimum 2σ√(cmd) for c3d-hd. */
  readonly baseline: number;
  readonly ratio: number;
  readonly individuallyRational: readonly boolean[];
}

/** Exact theory a d-distribution mechanism can publish. */
export interface HeteroTheory {
  summary(): HeteroTheorySummary;
  /**
   * Exact penalty of `agent` when she plays `deviation` and everyone else
   * the recommended profile, at the integer amounts the simulation uses
   * (or, with `continuous`, at the paper's continuous n*, as spec/001 §5
   * reports them); null where no closed form is known.
   */
  penalty(deviation: DeviationRef, agent: number, opts?: { readonly continuous?: boolean }): number | null;
}

/** A d-distribution mechanism set up for one instance and input allocation. */
export interface HeteroMechanismRun {
  readonly mechanism: string;
  /** n*[i][k]: the continuous recommended amounts of the theory. */
  readonly nStar: readonly (readonly number[])[];
  /** The integer amounts the simulation recommends (⌈n*⌉). */
  readonly nRecommended: readonly (readonly number[])[];
  readonly recommended: HeteroPlay;
  readonly recommendedMeta: StrategyMeta;
  /**
   * Writes agent i's allocation into `out` (already reset). Must not modify
   * `pool`, and must depend only on (i, pool, rng): replaying a round must
   * give the same allocation (common random numbers, the equivariance probe).
   */
  allocate(i: number, pool: HeteroPool, rng: Rng, out: HeteroAllocationBuffer): void;
  readonly theory: HeteroTheory;
}

export interface HeteroMechanismPlugin<S extends ParamSpecs = ParamSpecs> {
  readonly kind: 'hetero-mechanism';
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly params: S;
  /** `allocation` is the input allocation n[i][k] (n^OPT, a bargaining solution or explicit); not every mechanism uses it. */
  setup(instance: SimInstance, allocation: readonly (readonly number[])[], params: ParamValues<S>): HeteroMechanismRun;
}

export function defineHeteroMechanism<S extends ParamSpecs>(plugin: Omit<HeteroMechanismPlugin<S>, 'kind'>): HeteroMechanismPlugin<S> {
  return Object.freeze({ kind: 'hetero-mechanism' as const, ...plugin });
}
