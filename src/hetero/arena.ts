import { inject, injectable } from 'inversify';
import { resolveParams } from '../core/params.js';
import type { DeviationRef } from '../core/mechanism.js';
import type { EventBus } from '../engine/events.js';
import type { Logger } from '../engine/logger.js';
import type { PluginRegistry } from '../engine/registry.js';
import { TOKENS } from '../engine/tokens.js';
import { allocate, type AllocationRule } from '../theory/heterogeneous/allocations.js';
import { bindHeteroStrategy, type HeteroAgentStrategy } from './agent-strategy.js';
import { evaluateHeteroProfile } from './evaluator.js';
import type { SimInstance } from './info.js';
import type { HeteroMechanismRun, HeteroTheorySummary } from './mechanism.js';
import { asHeteroMechanism } from './seed000-adapter.js';

/** A d-distribution instance with the input allocation its mechanism runs on (a rule or a matrix). */
export interface HeteroSetting {
  readonly instance: SimInstance;
  readonly allocation: string | readonly (readonly number[])[];
  /** Where it came from (the instance file), for reports. */
  readonly source: string;
}

export interface HeteroEvaluateRequest {
  readonly rounds: number;
  readonly seed: number;
  readonly mechanismParams?: Readonly<Record<string, number>>;
  readonly deviation?: DeviationRef;
  /** The agent who deviates (default 0). */
  readonly deviator?: number;
  readonly forceGrid?: boolean;
}

export interface HeteroEvaluateReport {
  readonly mechanism: string;
  readonly instance: string;
  readonly rounds: number;
  readonly seed: number;
  readonly deviator: number;
  readonly agents: readonly {
    agent: number;
    strategy: string;
    penalty: number;
    stderr: number;
    worstMu: string;
    /** The mechanism's closed form at the simulation's integer amounts, null where none is known or it is +∞. */
    theory: number | null;
    unbounded: boolean;
  }[];
  readonly socialPenalty: number;
  readonly socialStderr: number;
}

/** The engine's facade for the d-distribution family (seed 001): set up, bind profiles, evaluate. */
@injectable()
export class HeteroArena {
  constructor(
    @inject(TOKENS.Registry) readonly registry: PluginRegistry,
    @inject(TOKENS.Events) readonly events: EventBus,
    @inject(TOKENS.Logger) readonly logger: Logger,
  ) {}

  /** The input allocation of a setting: a rule is solved (seed 001 §2), a matrix is used as given. */
  inputAllocation(s: HeteroSetting): number[][] {
    return typeof s.allocation === 'string' ? allocate(s.instance, s.allocation as AllocationRule) : s.allocation.map((row) => [...row]);
  }

  /**
   * A d-distribution mechanism set up for a setting. A seed-000 mechanism
   * (pool, pcs, c3d, cded) runs too, on a d = 1 instance with equal costs.
   */
  setup(mechanism: string, s: HeteroSetting, given: Readonly<Record<string, number>> = {}): HeteroMechanismRun {
    const seed000 = !this.registry.isHeteroMechanism(mechanism) && this.registry.mechanisms.some((p) => p.name === mechanism);
    const plugin = seed000 ? asHeteroMechanism(this.registry.mechanism(mechanism)) : this.registry.heteroMechanism(mechanism);
    const params = resolveParams(plugin.name, plugin.params, given);
    return plugin.setup(s.instance, this.inputAllocation(s), params);
  }

  theory(mechanism: string, s: HeteroSetting, given: Readonly<Record<string, number>> = {}): HeteroTheorySummary {
    return this.setup(mechanism, s, given).theory.summary();
  }

  /** Everyone plays the recommended strategy, except `deviator`, who plays `deviation`. */
  profile(inst: SimInstance, run: HeteroMechanismRun, deviation?: DeviationRef, deviator = 0): HeteroAgentStrategy[] {
    const rec = this.registry.heteroStrategy('recommended');
    return Array.from({ length: inst.m }, (_, i) =>
      deviation && i === deviator
        ? bindHeteroStrategy(this.registry.heteroStrategy(deviation.strategy, '--deviation'), deviation.params, inst, run, i)
        : bindHeteroStrategy(rec, {}, inst, run, i),
    );
  }

  /** Monte Carlo penalties with the mechanism's closed form beside each agent where it has one. */
  evaluate(mechanism: string, s: HeteroSetting, req: HeteroEvaluateRequest): HeteroEvaluateReport {
    const run = this.setup(mechanism, s, req.mechanismParams);
    const deviator = req.deviator ?? 0;
    const profile = this.profile(s.instance, run, req.deviation, deviator);
    this.logger.info(`evaluate ${mechanism} on ${s.source}: agent ${deviator} plays ${profile[deviator].label}`, { module: 'hetero' });
    const ev = evaluateHeteroProfile(s.instance, run, profile, {
      rounds: req.rounds,
      seed: req.seed,
      cell: mechanism,
      forceGrid: req.forceGrid,
      task: `${mechanism}/${profile[deviator].label}`,
      events: this.events,
    });
    return {
      mechanism,
      instance: s.source,
      rounds: ev.rounds,
      seed: req.seed,
      deviator,
      agents: ev.agents.map((a) => {
        // The closed forms cover the deviator against the recommended rest, and everyone when nobody deviates.
        const ref = a.agent === deviator && req.deviation ? { strategy: req.deviation.strategy, params: profile[deviator].params } : { strategy: 'recommended', params: {} };
        const t = a.agent === deviator || !req.deviation ? run.theory.penalty(ref, a.agent) : null;
        return { ...a, theory: t === null || !Number.isFinite(t) ? null : t, unbounded: t === Number.POSITIVE_INFINITY };
      }),
      socialPenalty: ev.socialPenalty,
      socialStderr: ev.socialStderr,
    };
  }
}
