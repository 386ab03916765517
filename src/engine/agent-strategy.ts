import { InputError, type Instance } from '../core/instance.js';
import type { MechanismRun } from '../core/mechanism.js';
import { resolveParams, type ParamSpecs } from '../core/params.js';
import type { PublicInfo } from '../core/public-info.js';
import type { Play, StrategyMeta, StrategyPlugin } from '../core/strategy.js';
import { describeError, PluginError } from './plugin-error.js';

/** A strategy plugin bound to parameters, a mechanism and an agent: what the round player runs. */
export interface AgentStrategy {
  readonly plugin: StrategyPlugin;
  /** Resolved parameters, defaults filled in. */
  readonly params: Readonly<Record<string, number>>;
  /** e.g. "shift:delta=0.5". */
  readonly label: string;
  readonly play: Play;
  /** The meta of the combined play (the deviation's parts plus the recommended rest). */
  readonly meta: StrategyMeta;
  readonly info: PublicInfo;
}

export function publicInfo(inst: Instance, run: MechanismRun, agent: number): PublicInfo {
  return Object.freeze({ instance: inst, agent, ...run.info });
}

export function strategyLabel(name: string, params: Readonly<Record<string, number>>): string {
  const keys = Object.keys(params);
  return keys.length === 0 ? name : `${name}:${keys.map((k) => `${k}=${params[k]}`).join(',')}`;
}

/** What binding needs of a plugin of either family: parameters to resolve, parts to build, meta. */
interface BindablePlugin<I, P> {
  readonly name: string;
  readonly params: ParamSpecs<I>;
  readonly meta: StrategyMeta | ((p: never) => StrategyMeta);
  build(params: never, info: I): Partial<P>;
}

/**
 * Resolves a plugin's parameters for `info`, builds its parts and lays them
 * over the recommended play; the combined meta is the conjunction of both
 * (truthful and equivariant only if both are). Shared by seed 000's family
 * and the d-distribution family (src/hetero/agent-strategy.ts).
 */
export function bindParts<I, P extends object>(
  plugin: BindablePlugin<I, P>,
  given: Readonly<Record<string, number>>,
  info: I,
  recommended: P,
  base: StrategyMeta,
): { params: Readonly<Record<string, number>>; label: string; play: P; meta: StrategyMeta } {
  const params = resolveParams(plugin.name, plugin.params, given, info);
  let parts: Partial<P>;
  let meta: StrategyMeta;
  try {
    parts = plugin.build(params as never, info);
    meta = typeof plugin.meta === 'function' ? plugin.meta(params as never) : plugin.meta;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new PluginError(plugin.name, 'build', describeError(e), { cause: e });
  }
  if (parts === null || typeof parts !== 'object') throw new PluginError(plugin.name, 'build', 'must return an object of play parts');
  return {
    params,
    label: strategyLabel(plugin.name, params),
    play: { ...recommended, ...parts },
    meta: {
      truthful: meta.truthful && base.truthful,
      equivariant: meta.equivariant && base.equivariant,
      stochastic: meta.stochastic || base.stochastic,
      optsOut: meta.optsOut ?? false,
    },
  };
}

/** Binds `plugin` with user parameters `given` for agent `agent` under `run`. */
export function bindStrategy(
  plugin: StrategyPlugin,
  given: Readonly<Record<string, number>>,
  inst: Instance,
  run: MechanismRun,
  agent: number,
): AgentStrategy {
  const info = publicInfo(inst, run, agent);
  return { plugin, ...bindParts<PublicInfo, Play>(plugin, given, info, run.recommended, run.recommendedMeta), info };
}
