import { inject, injectable } from 'inversify';
import type { Instance } from '../core/instance.js';
import type { MechanismRun, TheorySummary } from '../core/mechanism.js';
import { resolveParams } from '../core/params.js';
import { bindStrategy, publicInfo, type AgentStrategy } from './agent-strategy.js';
import { evaluateProfile } from './evaluator.js';
import type { EventBus } from './events.js';
import type { Logger } from './logger.js';
import type { PluginRegistry } from './registry.js';
import { theoryRefOf } from '../search/compose.js';
import { TOKENS } from './tokens.js';

/** A strategy by name with user-given parameters, e.g. shift with {delta: 0.5}. */
export interface StrategyRef {
  readonly name: string;
  readonly params?: Readonly<Record<string, number>>;
}

export interface TheoryReport extends TheorySummary {
  readonly mechanism: string;
  readonly instance: Instance;
  readonly params: Readonly<Record<string, number>>;
}

export interface EvaluateRequest {
  readonly rounds: number;
  readonly seed: number;
  readonly mechanismParams?: Readonly<Record<string, number>>;
  /** Agent 0's deviation; omitted: everyone plays the recommended profile. */
  readonly deviation?: StrategyRef;
  readonly forceGrid?: boolean;
}

export interface EvaluateReport {
  readonly mechanism: string;
  readonly instance: Instance;
  readonly params: Readonly<Record<string, number>>;
  readonly rounds: number;
  readonly seed: number;
  readonly agents: readonly {
    agent: number;
    strategy: string;
    penalty: number;
    stderr: number;
    worstMu: number;
    theory: number | null;
    /** The closed form is +∞: the sup over μ is unbounded (the Monte Carlo value is the grid's worst). */
    unbounded: boolean;
  }[];
  readonly socialPenalty: number;
  readonly socialStderr: number;
}

/** The engine's facade: set up mechanisms, bind profiles, read theory, evaluate. */
@injectable()
export class Arena {
  constructor(
    @inject(TOKENS.Registry) readonly registry: PluginRegistry,
    @inject(TOKENS.Events) readonly events: EventBus,
    @inject(TOKENS.Logger) readonly logger: Logger,
  ) {}

  /** A mechanism set up for an instance, with its parameters resolved. */
  setup(mechanism: string, inst: Instance, given: Readonly<Record<string, number>> = {}): { run: MechanismRun; params: Record<string, number> } {
    const plugin = this.registry.mechanism(mechanism);
    const params = resolveParams(plugin.name, plugin.params, given);
    return { run: plugin.setup(inst, params), params };
  }

  theory(mechanism: string, inst: Instance, given: Readonly<Record<string, number>> = {}): TheoryReport {
    const { run, params } = this.setup(mechanism, inst, given);
    return { mechanism, instance: inst, params, ...run.theory.recommended() };
  }

  /** Everyone plays the recommended strategy, except `deviator`, who plays `deviation`. */
  profile(inst: Instance, run: MechanismRun, deviation?: StrategyRef, deviator = 0): AgentStrategy[] {
    const rec = this.registry.strategy('recommended');
    return Array.from({ length: inst.m }, (_, i) =>
      deviation && i === deviator
        ? bindStrategy(this.registry.strategy(deviation.name, '--deviation'), deviation.params ?? {}, inst, run, i)
        : bindStrategy(rec, {}, inst, run, i),
    );
  }

  /** Monte Carlo penalties, with the mechanism's closed form beside each where it has one. */
  evaluate(mechanism: string, inst: Instance, req: EvaluateRequest): EvaluateReport {
    const { run, params } = this.setup(mechanism, inst, req.mechanismParams);
    const profile = this.profile(inst, run, req.deviation);
    const dev = profile[0];
    this.logger.info(`evaluate ${mechanism} m=${inst.m} σ=${inst.sigma} c=${inst.cost}: agent 0 plays ${dev.label}`, { module: 'arena' });
    const ev = evaluateProfile(inst, run, profile, {
      rounds: req.rounds,
      seed: req.seed,
      cell: mechanism,
      forceGrid: req.forceGrid,
      task: `${mechanism}/${dev.label}`,
      events: this.events,
    });
    const ref = theoryRefOf(dev.plugin, dev.params);
    return {
      mechanism,
      instance: inst,
      params,
      rounds: ev.rounds,
      seed: req.seed,
      agents: ev.agents.map((a) => {
        const t = run.theory.penalty(ref, a.agent);
        return { ...a, theory: finiteOrNull(t), unbounded: t === Number.POSITIVE_INFINITY };
      }),
      socialPenalty: ev.socialPenalty,
      socialStderr: ev.socialStderr,
    };
  }

  publicInfo(inst: Instance, run: MechanismRun, agent: number) {
    return publicInfo(inst, run, agent);
  }
}

/** JSON has no Infinity: an infinite closed form is reported as null with the MC value beside it. */
function finiteOrNull(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}
