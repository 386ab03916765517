/**
 * The engine's facade for the data marketplace (seed 003): mechanisms, contributor strategies and
 * buyer valuation kinds come from the DI registry (built-ins plus --plugin files); it loads market
 * files, binds profiles and evaluates them. A profile is one strategy per contributor; the
 * single-deviation form (`deviation` for contributor `deviator`, the others s*) is the common case.
 */
import { inject, injectable } from 'inversify';
import { InputError } from '../core/instance.js';
import type { StrategyRef } from '../engine/arena.js';
import type { PluginRegistry } from '../engine/registry.js';
import { TOKENS } from '../engine/tokens.js';
import { bindMarketStrategy, type MarketAgentStrategy } from './agent-strategy.js';
import { evaluateMarketProfile, simulatedBuyerUtility, type MarketBuyerResult, type MarketEvaluateOptions, type MarketEvaluation } from './evaluator.js';
import type { MarketMechanismPlugin, MarketRun } from './mechanism.js';
import { loadMarket, type MarketModel } from './model.js';
import type { MarketStrategyPlugin } from './strategy.js';

export interface MarketEvaluateRequest extends MarketEvaluateOptions {
  readonly deviation?: StrategyRef;
  /** The contributor who deviates (default 0). */
  readonly deviator?: number;
  /** One strategy per contributor, file order (instead of deviation/deviator): multi-agent profiles (spec/003 §5.3). */
  readonly profile?: readonly StrategyRef[];
  /**
   * Score at this μ only: the fixed-μ DIAGNOSTIC of spec/003 §5.1. Fabrication around a guess near μ
   * looks profitable there; incentive compatibility is judged by the worst case over μ.
   */
  readonly fixedMu?: number;
}

export interface MarketBuyerReport extends MarketBuyerResult {
  /** simulatedValue − expectedPrice: the buyer's utility from the data actually delivered (null without a v^e). */
  readonly utilitySimulated: number | null;
  /** Its standard error (value and price errors added in quadrature). */
  readonly utilitySimulatedStderr: number | null;
  /** IRB (seed 003 §1.5) within 4 standard errors (simulatedBuyerUtility); null without a v^e. */
  readonly individuallyRational: boolean | null;
}

export interface MarketEvaluateReport extends Omit<MarketEvaluation, 'buyers'> {
  readonly mechanism: string;
  readonly instance: string;
  readonly seed: number | string;
  /** The single deviator, or null for a multi-agent profile (or s*). */
  readonly deviator: number | null;
  /** The single deviation's label ("recommended" for s*; the profile's labels joined by "; " otherwise). */
  readonly deviation: string;
  /** "worst case over μ", or the labelled fixed-μ diagnostic. */
  readonly view: string;
  readonly marketOpen: boolean;
  readonly closedReason?: string;
  readonly split: readonly number[];
  readonly buyers: readonly MarketBuyerReport[];
}

const FIXED_MU_LABEL = 'fixed-μ DIAGNOSTIC, not the worst case over μ (spec/003 §5.1: fabrication near μ looks profitable here)';

@injectable()
export class MarketArena {
  constructor(@inject(TOKENS.Registry) readonly registry: PluginRegistry) {}

  get mechanisms(): readonly MarketMechanismPlugin[] {
    return this.registry.marketMechanisms;
  }

  get strategies(): readonly MarketStrategyPlugin[] {
    return this.registry.marketStrategies;
  }

  isMechanism(name: string): boolean {
    return this.registry.isMarketMechanism(name);
  }

  mechanism(name: string, field = 'mechanism'): MarketMechanismPlugin {
    return this.registry.marketMechanism(name, field);
  }

  strategy(name: string, field = '--deviation'): MarketStrategyPlugin {
    return this.registry.marketStrategy(name, field);
  }

  /** A market file with the registry's valuation kinds (built-ins plus plugins); `costs` replaces the file's. */
  load(path: string, costs?: readonly number[]): MarketModel {
    return loadMarket(path, this.registry.valuationKinds, costs);
  }

  /** Binds `ref` for contributor `agent`; a bad parameter is reported against `field`. */
  bind(ref: StrategyRef, model: MarketModel, run: MarketRun, agent: number, field: string): MarketAgentStrategy {
    const plugin = this.strategy(ref.name, field);
    try {
      return bindMarketStrategy(plugin, ref.params ?? {}, model, run, agent);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(field, e.message);
      throw e;
    }
  }

  /** The profile a request describes, one bound strategy per contributor (file order). */
  profileOf(model: MarketModel, run: MarketRun, req: Pick<MarketEvaluateRequest, 'deviation' | 'deviator' | 'profile'>, field = '--profile'): MarketAgentStrategy[] {
    const C = model.costs.length;
    if (req.profile !== undefined) {
      if (req.deviation !== undefined || req.deviator !== undefined) throw new InputError(field, 'give a profile or a deviation (with --agent), not both');
      if (req.profile.length !== C) throw new InputError(field, `needs one strategy per contributor: ${C} (got ${req.profile.length})`);
      return req.profile.map((ref, i) => this.bind(ref, model, run, i, `${field}[${i}]`));
    }
    const deviator = req.deviator ?? 0;
    if (!(Number.isInteger(deviator) && deviator >= 0 && deviator < C)) throw new InputError('--agent', `must be a contributor index in [0, ${C - 1}] (got ${deviator})`);
    const rec: StrategyRef = { name: 'recommended', params: {} };
    return model.costs.map((_, i) => this.bind(i === deviator && req.deviation ? req.deviation : rec, model, run, i, i === deviator ? '--deviation' : 'recommended'));
  }

  /** Evaluates a profile under `mechanism` (Monte Carlo, inf/sup over μ; closed forms beside it for a single deviator). */
  evaluate(mechanism: string, model: MarketModel, req: MarketEvaluateRequest): MarketEvaluateReport {
    const run = this.mechanism(mechanism).setup(model);
    const profile = this.profileOf(model, run, req);
    const deviators = profile.flatMap((s, i) => (s.plugin.name === 'recommended' ? [] : [i]));
    const single = req.profile === undefined ? (req.deviator ?? 0) : deviators.length === 0 ? 0 : deviators.length === 1 ? (deviators[0] as number) : null;
    // spec/003 §5.1: the closed forms hold for one deviator against s*.
    const moments = single === null ? null : (profile[single] as MarketAgentStrategy).moments;
    const theory = single !== null && moments !== null ? run.closedForm(single, moments) : null;
    if (req.fixedMu !== undefined && !Number.isFinite(req.fixedMu)) throw new InputError('--fixed-mu', `must be a finite number (got ${req.fixedMu})`);
    const opts = req.fixedMu === undefined ? req : { ...req, mus: [req.fixedMu] };
    const r = evaluateMarketProfile(model, run, profile, opts, theory);
    const buyers = r.buyers.map((b) => {
      const u = simulatedBuyerUtility(b);
      return { ...b, utilitySimulated: u.utility, utilitySimulatedStderr: u.stderr, individuallyRational: u.individuallyRational };
    });
    return {
      mechanism,
      instance: model.source,
      seed: req.seed,
      deviator: single,
      deviation: single !== null ? (profile[single] as MarketAgentStrategy).label : profile.map((s) => s.label).join('; '),
      view: req.fixedMu === undefined ? 'worst case over μ' : `${FIXED_MU_LABEL}; μ = ${req.fixedMu}`,
      marketOpen: run.marketOpen,
      ...(run.marketOpen ? {} : { closedReason: run.closedReason }),
      split: run.split,
      ...r,
      buyers,
    };
  }
}
