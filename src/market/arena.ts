/**
 * Facade of the simulated data marketplace (seed 003): look up a mechanism and a deviation by name,
 * bind the profile (contributor `deviator` plays the deviation, the others s*), evaluate it.
 */
import { InputError } from '../core/instance.js';
import { builtinMarketMechanisms } from '../../mechanisms/market/index.js';
import { builtinMarketStrategies } from '../../strategies/market/index.js';
import { bindMarketStrategy } from './agent-strategy.js';
import { evaluateMarketProfile, type MarketEvaluateOptions, type MarketEvaluation } from './evaluator.js';
import type { MarketMechanismPlugin } from './mechanism.js';
import type { MarketModel } from './model.js';
import type { MarketStrategyPlugin } from './strategy.js';

export const MARKET_MECHANISMS: readonly string[] = builtinMarketMechanisms.map((m) => m.name);

export function isMarketMechanism(name: string): boolean {
  return MARKET_MECHANISMS.includes(name);
}

export function marketMechanism(name: string, field = 'mechanism'): MarketMechanismPlugin {
  const m = builtinMarketMechanisms.find((p) => p.name === name);
  if (!m) throw new InputError(field, `unknown market mechanism "${name}" (known: ${MARKET_MECHANISMS.join(', ')})`);
  return m;
}

export function marketStrategy(name: string, field = '--deviation'): MarketStrategyPlugin {
  const s = builtinMarketStrategies.find((p) => p.name === name);
  if (!s) throw new InputError(field, `unknown market strategy "${name}" (known: ${builtinMarketStrategies.map((p) => p.name).join(', ')})`);
  return s;
}

export interface MarketEvaluateRequest extends MarketEvaluateOptions {
  readonly deviation?: { readonly strategy: string; readonly params: Readonly<Record<string, number>> };
  /** The contributor who deviates (default 0). */
  readonly deviator?: number;
}

export interface MarketEvaluateReport extends MarketEvaluation {
  readonly mechanism: string;
  readonly instance: string;
  readonly seed: number | string;
  readonly deviator: number;
  readonly deviation: string;
  readonly marketOpen: boolean;
  readonly closedReason?: string;
  readonly split: readonly number[];
}

/** Evaluates `deviation` for contributor `deviator` under `mechanism`, the others playing s*. */
export function evaluateMarket(mechanism: string, model: MarketModel, req: MarketEvaluateRequest): MarketEvaluateReport {
  const run = marketMechanism(mechanism).setup(model);
  const C = model.costs.length;
  const deviator = req.deviator ?? 0;
  if (!(Number.isInteger(deviator) && deviator >= 0 && deviator < C)) throw new InputError('--agent', `must be a contributor index in [0, ${C - 1}] (got ${deviator})`);
  const rec = marketStrategy('recommended');
  const dev = req.deviation ? marketStrategy(req.deviation.strategy) : rec;
  const bindDeviation = (i: number) => {
    try {
      return bindMarketStrategy(dev, req.deviation?.params ?? {}, model, run, i);
    } catch (e) {
      // Name the flag: a bad parameter of the deviation is a bad --deviation.
      if (e instanceof InputError) throw new InputError('--deviation', e.message);
      throw e;
    }
  };
  const profile = model.costs.map((_, i) => (i === deviator ? bindDeviation(i) : bindMarketStrategy(rec, {}, model, run, i)));
  const moments = (profile[deviator] as (typeof profile)[number]).moments;
  const theory = moments === null ? null : run.closedForm(deviator, moments);
  const r = evaluateMarketProfile(model, run, profile, req, theory);
  return {
    mechanism,
    instance: model.source,
    seed: req.seed,
    deviator,
    deviation: (profile[deviator] as (typeof profile)[number]).label,
    marketOpen: run.marketOpen,
    ...(run.marketOpen ? {} : { closedReason: run.closedReason }),
    split: run.split,
    ...r,
  };
}
