import { Container } from 'inversify';
import { builtinMechanisms } from '../../mechanisms/index.js';
import { builtinStrategies } from '../../strategies/index.js';
import { builtinHeteroMechanisms } from '../../mechanisms/hetero.js';
import { builtinHeteroStrategies } from '../../strategies/hetero/index.js';
import type { HeteroMechanismPlugin } from '../hetero/mechanism.js';
import type { HeteroStrategyPlugin } from '../hetero/strategy.js';
import { HeteroArena } from '../hetero/arena.js';
import { builtinMarketMechanisms } from '../../mechanisms/market/index.js';
import { builtinMarketStrategies } from '../../strategies/market/index.js';
import { MarketArena } from '../market/arena.js';
import type { MarketMechanismPlugin } from '../market/mechanism.js';
import type { MarketStrategyPlugin } from '../market/strategy.js';
import type { ValuationKindPlugin } from '../market/valuation-kind.js';
import { installKindPlugin, type EffortCostKindPlugin, type PriorKindPlugin } from '../bayes/kind-plugins.js';
import type { ReportStrategyPlugin } from '../bayes/strategy.js';
import { builtinReportStrategies } from '../../strategies/bayes/index.js';
import type { MechanismPlugin } from '../core/mechanism.js';
import type { StrategyPlugin } from '../core/strategy.js';
import { Arena } from './arena.js';
import { EventBus } from './events.js';
import { createLogger, type Logger } from './logger.js';
import { PluginRegistry } from './registry.js';
import { TOKENS } from './tokens.js';

export type Plugin =
  | StrategyPlugin
  | MechanismPlugin
  | HeteroStrategyPlugin
  | HeteroMechanismPlugin
  | MarketStrategyPlugin
  | MarketMechanismPlugin
  | ValuationKindPlugin
  | ReportStrategyPlugin
  | PriorKindPlugin
  | EffortCostKindPlugin;

/** Every plugin kind a --plugin file may export. */
export const PLUGIN_KINDS: readonly Plugin['kind'][] = [
  'strategy',
  'mechanism',
  'hetero-strategy',
  'hetero-mechanism',
  'market-strategy',
  'market-mechanism',
  'valuation-kind',
  'report-strategy',
  'prior-kind',
  'effort-cost-kind',
];

/** Registers a strategy plugin: one line per plugin (after sprotty's configureCommand). */
export function configureStrategy(c: Container, plugin: StrategyPlugin): void {
  c.bind<StrategyPlugin>(TOKENS.Strategy).toConstantValue(plugin);
}

export function configureMechanism(c: Container, plugin: MechanismPlugin): void {
  c.bind<MechanismPlugin>(TOKENS.Mechanism).toConstantValue(plugin);
}

export function configurePlugin(c: Container, plugin: Plugin): void {
  if (plugin.kind === 'mechanism') configureMechanism(c, plugin);
  else if (plugin.kind === 'strategy') configureStrategy(c, plugin);
  else if (plugin.kind === 'hetero-mechanism') c.bind<HeteroMechanismPlugin>(TOKENS.HeteroMechanism).toConstantValue(plugin);
  else if (plugin.kind === 'hetero-strategy') c.bind<HeteroStrategyPlugin>(TOKENS.HeteroStrategy).toConstantValue(plugin);
  else if (plugin.kind === 'market-mechanism') c.bind<MarketMechanismPlugin>(TOKENS.MarketMechanism).toConstantValue(plugin);
  else if (plugin.kind === 'market-strategy') c.bind<MarketStrategyPlugin>(TOKENS.MarketStrategy).toConstantValue(plugin);
  else if (plugin.kind === 'valuation-kind') c.bind<ValuationKindPlugin>(TOKENS.ValuationKind).toConstantValue(plugin);
  else if (plugin.kind === 'report-strategy') c.bind<ReportStrategyPlugin>(TOKENS.ReportStrategy).toConstantValue(plugin);
  // Prior and effort-cost kinds live in the registries the seed-004 instance parser reads.
  else installKindPlugin(plugin);
}

export interface ContainerOptions {
  /** Plugins beyond the built-ins (e.g. loaded with --plugin). */
  readonly plugins?: readonly Plugin[];
  readonly logger?: Logger;
  readonly events?: EventBus;
}

/** The arena's container: built-in and user plugins, registry, logger, event bus and the Arena facade. */
export function createContainer(opts: ContainerOptions = {}): Container {
  const c = new Container();
  for (const p of builtinMechanisms) configureMechanism(c, p);
  for (const p of builtinStrategies) configureStrategy(c, p);
  for (const p of builtinHeteroMechanisms) configurePlugin(c, p);
  for (const p of builtinHeteroStrategies) configurePlugin(c, p);
  for (const p of builtinMarketMechanisms) configurePlugin(c, p);
  for (const p of builtinMarketStrategies) configurePlugin(c, p);
  for (const p of builtinReportStrategies) configurePlugin(c, p as ReportStrategyPlugin);
  for (const p of opts.plugins ?? []) configurePlugin(c, p);
  c.bind<Logger>(TOKENS.Logger).toConstantValue(opts.logger ?? createLogger());
  c.bind<EventBus>(TOKENS.Events).toConstantValue(opts.events ?? new EventBus());
  c.bind<PluginRegistry>(TOKENS.Registry).to(PluginRegistry).inSingletonScope();
  c.bind<Arena>(TOKENS.Arena).to(Arena).inSingletonScope();
  c.bind<HeteroArena>(TOKENS.HeteroArena).to(HeteroArena).inSingletonScope();
  c.bind<MarketArena>(TOKENS.MarketArena).to(MarketArena).inSingletonScope();
  return c;
}

/** Shortcut: the Arena facade of a fresh container. */
export function createArena(opts: ContainerOptions = {}): Arena {
  return createContainer(opts).get<Arena>(TOKENS.Arena);
}

/** Shortcut: the data marketplace's facade (seed 003) of a fresh container. */
export function createMarketArena(opts: ContainerOptions = {}): MarketArena {
  return createContainer(opts).get<MarketArena>(TOKENS.MarketArena);
}
