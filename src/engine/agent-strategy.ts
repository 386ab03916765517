import { InputError, type Instance } from '../core/instance.js';
import type { MechanismRun } from '../core/mechanism.js';
import { resolveParams } from '../core/params.js';
import type { PublicInfo } from '../core/public-info.js';
import { metaOf, type Play, type StrategyMeta, type StrategyPlugin } from '../core/strategy.js';
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

/** Binds `plugin` with user parameters `given` for agent `agent` under `run`. */
export function bindStrategy(
  plugin: StrategyPlugin,
  given: Readonly<Record<string, number>>,
  inst: Instance,
  run: MechanismRun,
  agent: number,
): AgentStrategy {
  const info = publicInfo(inst, run, agent);
  const params = resolveParams(plugin.name, plugin.params, given, info);
  let parts: Partial<Play>;
  let meta: StrategyMeta;
  try {
    parts = plugin.build(params, info);
    meta = metaOf(plugin, params);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new PluginError(plugin.name, 'build', describeError(e), { cause: e });
  }
  if (parts === null || typeof parts !== 'object') throw new PluginError(plugin.name, 'build', 'must return an object of play parts');
  const base = run.recommendedMeta;
  return {
    plugin,
    params,
    label: strategyLabel(plugin.name, params),
    play: { ...run.recommended, ...parts },
    meta: {
      truthful: meta.truthful && base.truthful,
      equivariant: meta.equivariant && base.equivariant,
      stochastic: meta.stochastic || base.stochastic,
      optsOut: meta.optsOut ?? false,
    },
    info,
  };
}
