import type { MarketArena } from '../market/arena.js';
import type { PluginRegistry } from '../engine/registry.js';
import type { Command } from 'commander';
import { makeInstance, type Instance, InputError } from '../core/instance.js';
import type { Arena } from '../engine/arena.js';
import { createContainer, type Plugin } from '../engine/container.js';
import { TOKENS } from '../engine/tokens.js';
import type { HeteroArena } from '../hetero/arena.js';
import { EventBus } from '../engine/events.js';
import { loadPluginFile } from '../engine/plugin-loader.js';
import { number, positiveInteger } from './parse.js';

export interface InstanceOptions {
  m: number;
  sigma: number;
  cost: number;
  k?: number;
  plugin?: string[];
}

/**
 * Adds --m, --sigma, --cost (with defaults when given) and the mechanism
 * parameter --k. Without defaults the three are required, which toInstance
 * checks (so that a command may accept --instance FILE instead).
 */
export function instanceOptions(cmd: Command, defaults?: { m: number; sigma: number; cost: number }): Command {
  const m = cmd.option('--m <M>', `number of agents m (integer >= 2)${defaults ? '' : '; required'}`, positiveInteger, defaults?.m);
  m.option('--sigma <S>', `noise standard deviation σ (> 0)${defaults ? '' : '; required'}`, number, defaults?.sigma);
  m.option('--cost <C>', `cost c per sample (> 0)${defaults ? '' : '; required'}`, number, defaults?.cost);
  m.option('--k <K>', 'CDED exponent k = ⌈1/(2ε)⌉ (cded only)', positiveInteger);
  return m;
}

export function pluginOption(cmd: Command): Command {
  return cmd.option('--plugin <FILE>', 'load a strategy or mechanism plugin file (.ts or .js); repeatable', collect, []);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Builds the instance, naming the flag on bad input. */
export function toInstance(o: InstanceOptions): Instance {
  for (const flag of ['m', 'sigma', 'cost'] as const) {
    if (o[flag] === undefined) throw new InputError(`--${flag}`, 'is required');
  }
  try {
    return makeInstance(o.m, o.sigma, o.cost);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`--${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
}

/** Mechanism parameters given on the command line, checked against the mechanism's declaration. */
export function mechanismParams(arena: Arena, mechanism: string, o: InstanceOptions): Record<string, number> {
  const plugin = arena.registry.mechanism(mechanism, 'mechanism');
  const given: Record<string, number> = {};
  if (o.k !== undefined) {
    if (!('k' in plugin.params)) throw new InputError('--k', `mechanism "${mechanism}" takes no parameter k`);
    given.k = o.k;
  }
  return given;
}

async function containerWith(pluginFiles: readonly string[], events: EventBus) {
  const plugins: Plugin[] = [];
  for (const f of pluginFiles) plugins.push(...(await loadPluginFile(f)));
  return createContainer({ plugins, events });
}

/** An Arena with the built-ins plus any --plugin files. */
export async function arenaWith(pluginFiles: readonly string[] = [], events = new EventBus()): Promise<Arena> {
  return (await containerWith(pluginFiles, events)).get<Arena>(TOKENS.Arena);
}

/**
 * The plugin registry with the built-ins plus any --plugin files. Loading installs seed-004 prior and
 * effort-cost kinds, so call it before reading a seed-004 instance file.
 */
export async function registryWith(pluginFiles: readonly string[] = []): Promise<PluginRegistry> {
  return (await containerWith(pluginFiles, new EventBus())).get<PluginRegistry>(TOKENS.Registry);
}

/** The data marketplace's facade (seed 003), with the built-ins plus any --plugin files. */
export async function marketArenaWith(pluginFiles: readonly string[] = [], events = new EventBus()): Promise<MarketArena> {
  return (await containerWith(pluginFiles, events)).get<MarketArena>(TOKENS.MarketArena);
}

/** The d-distribution family's facade (seed 001), with the built-ins plus any --plugin files. */
export async function heteroArenaWith(pluginFiles: readonly string[] = [], events = new EventBus()): Promise<HeteroArena> {
  return (await containerWith(pluginFiles, events)).get<HeteroArena>(TOKENS.HeteroArena);
}

/** Adds the options of d-distribution commands: --instance, --d and --noise. */
export function heteroOptions(cmd: Command): Command {
  return cmd
    .option('--instance <FILE>', 'a d-distribution instance file (seed 001: sigma, costs[i][k], allocation); mechanisms sm, cbl')
    .option('--d <D>', 'dimension d (c3d-hd with --m/--sigma/--cost; each coordinate costs c/d per sample)', positiveInteger)
    .option('--noise <KIND>', 'how d-distribution data is drawn around μ: gaussian (default) or uniform (variance σ² either way)');
}
