import type { AllocationBuffer } from './allocation-buffer.js';
import type { Instance } from './instance.js';
import type { ParamSpecs, ParamValues } from './params.js';
import type { Play, StrategyMeta } from './strategy.js';
import type { SubmissionPool } from './submission-pool.js';
import type { Rng } from '../random/index.js';

/** What a mechanism publishes before play (seed 000 §2: M = (A, b) and s*). */
export interface MechanismInfo {
  readonly mechanism: string;
  readonly nStar: number;
  readonly nRecommended: number;
  readonly threshold: number;
  readonly alpha: number | null;
}

/** Closed forms at the recommended profile (the fields of `arena theory`). */
export interface TheorySummary {
  readonly nStar: number;
  readonly alpha: number | null;
  readonly agentPenalty: number;
  readonly socialPenalty: number;
  readonly globalMinimum: number;
  readonly ratio: number;
  readonly soloPenalty: number;
  readonly individuallyRational: boolean;
  /**
   * Social penalty at the best known equilibrium over the global minimum:
   * the price of stability for pool ((m+1)/(2√m), seed 000 §2.1), the ratio
   * at s* where s* is an equilibrium (C3D, CDED); null where s* is not one
   * and none is known (PCS with fabrication).
   */
  readonly equilibriumRatio: number | null;
}

/** A named deviation with its parameters, as the theory sees it. */
export interface DeviationRef {
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
}

/** Exact theory a mechanism can publish. */
export interface MechanismTheory {
  recommended(): TheorySummary;
  /**
   * Exact penalty of agent `agent` when agent 0 plays `deviation` and all
   * others play the recommended profile; null where no closed form is known.
   */
  penalty(deviation: DeviationRef, agent: number): number | null;
  /**
   * Exact penalty of an agent who collects n points when the others submit
   * `othersTotal` points truthfully and everyone uses the recommended f and h
   * (the effort game of spec/000 §5). Absent when unknown.
   */
  effortPenalty?(n: number, othersTotal: number): number;
}

/** A mechanism set up for one instance. */
export interface MechanismRun {
  readonly info: MechanismInfo;
  /** The recommended profile's play (every agent plays it). */
  readonly recommended: Play;
  readonly recommendedMeta: StrategyMeta;
  /** True when the mechanism deploys the estimate itself (CDED, seed 000 §4.2). */
  readonly deploysEstimate: boolean;
  /** Writes agent i's allocation into `out`. Must not modify `pool`. */
  allocate(i: number, pool: SubmissionPool, rng: Rng, out: AllocationBuffer): void;
  readonly theory: MechanismTheory;
}

export interface MechanismPlugin<S extends ParamSpecs = ParamSpecs> {
  readonly kind: 'mechanism';
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly params: S;
  setup(instance: Instance, params: ParamValues<S>): MechanismRun;
}

export function defineMechanism<S extends ParamSpecs>(plugin: Omit<MechanismPlugin<S>, 'kind'>): MechanismPlugin<S> {
  return Object.freeze({ kind: 'mechanism' as const, ...plugin });
}
