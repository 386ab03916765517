import { injectable, multiInject, optional } from 'inversify';
import { InputError } from '../core/instance.js';
import type { MechanismPlugin } from '../core/mechanism.js';
import type { StrategyPlugin } from '../core/strategy.js';
import type { HeteroMechanismPlugin } from '../hetero/mechanism.js';
import type { HeteroStrategyPlugin } from '../hetero/strategy.js';
import type { MarketMechanismPlugin } from '../market/mechanism.js';
import type { MarketStrategyPlugin } from '../market/strategy.js';
import type { ValuationKindPlugin } from '../market/valuation-kind.js';
import type { ReportStrategyPlugin } from '../bayes/strategy.js';
import { compose } from '../search/compose.js';
import { BUILTIN_BUYER_KINDS } from '../theory/market/instance-file.js';
import { TOKENS } from './tokens.js';

/** Collects every plugin bound in the container and finds them by name. */
@injectable()
export class PluginRegistry {
  private readonly mechanismsByName = new Map<string, MechanismPlugin>();
  private readonly strategiesByName = new Map<string, StrategyPlugin>();
  private readonly composed = new Map<string, StrategyPlugin>();
  private readonly heteroMechanismsByName = new Map<string, HeteroMechanismPlugin>();
  private readonly heteroStrategiesByName = new Map<string, HeteroStrategyPlugin>();
  private readonly marketMechanismsByName = new Map<string, MarketMechanismPlugin>();
  private readonly marketStrategiesByName = new Map<string, MarketStrategyPlugin>();
  private readonly valuationKindsByName = new Map<string, ValuationKindPlugin>();
  private readonly reportStrategiesByName = new Map<string, ReportStrategyPlugin>();

  constructor(
    @multiInject(TOKENS.Mechanism) @optional() mechanisms: MechanismPlugin[] = [],
    @multiInject(TOKENS.Strategy) @optional() strategies: StrategyPlugin[] = [],
    @multiInject(TOKENS.HeteroMechanism) @optional() heteroMechanisms: HeteroMechanismPlugin[] = [],
    @multiInject(TOKENS.HeteroStrategy) @optional() heteroStrategies: HeteroStrategyPlugin[] = [],
    @multiInject(TOKENS.MarketMechanism) @optional() marketMechanisms: MarketMechanismPlugin[] = [],
    @multiInject(TOKENS.MarketStrategy) @optional() marketStrategies: MarketStrategyPlugin[] = [],
    @multiInject(TOKENS.ValuationKind) @optional() valuationKinds: ValuationKindPlugin[] = [],
    @multiInject(TOKENS.ReportStrategy) @optional() reportStrategies: ReportStrategyPlugin[] = [],
  ) {
    for (const p of mechanisms) this.add(this.mechanismsByName, p, 'mechanism');
    for (const p of strategies) this.add(this.strategiesByName, p, 'strategy');
    for (const p of heteroMechanisms) this.add(this.heteroMechanismsByName, p, 'd-distribution mechanism');
    for (const p of heteroStrategies) this.add(this.heteroStrategiesByName, p, 'd-distribution strategy');
    for (const p of marketMechanisms) this.add(this.marketMechanismsByName, p, 'market mechanism');
    for (const p of marketStrategies) this.add(this.marketStrategiesByName, p, 'market strategy');
    for (const p of valuationKinds) this.add(this.valuationKindsByName, p, 'valuation kind');
    for (const p of reportStrategies) this.add(this.reportStrategiesByName, p, 'report strategy');
    for (const name of this.heteroMechanismsByName.keys()) {
      if (this.mechanismsByName.has(name)) throw new InputError('plugin', `a seed-000 and a d-distribution mechanism are both named "${name}"`);
    }
    for (const name of this.marketMechanismsByName.keys()) {
      if (this.mechanismsByName.has(name) || this.heteroMechanismsByName.has(name)) throw new InputError('plugin', `a market mechanism and another mechanism are both named "${name}"`);
    }
    for (const name of this.valuationKindsByName.keys()) {
      if ((BUILTIN_BUYER_KINDS as readonly string[]).includes(name)) throw new InputError('plugin', `"${name}" is a built-in valuation kind; give the plugin another name`);
    }
  }

  private add<T extends { name: string }>(map: Map<string, T>, p: T, what: string): void {
    if (!p || typeof p.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.name)) {
      throw new InputError('plugin', `a ${what} plugin needs a kebab-case name (got ${JSON.stringify(p?.name)})`);
    }
    if (map.has(p.name)) throw new InputError('plugin', `two ${what} plugins are named "${p.name}"`);
    map.set(p.name, p);
  }

  get mechanisms(): readonly MechanismPlugin[] {
    return [...this.mechanismsByName.values()];
  }

  get strategies(): readonly StrategyPlugin[] {
    return [...this.strategiesByName.values()];
  }

  get heteroMechanisms(): readonly HeteroMechanismPlugin[] {
    return [...this.heteroMechanismsByName.values()];
  }

  get heteroStrategies(): readonly HeteroStrategyPlugin[] {
    return [...this.heteroStrategiesByName.values()];
  }

  get marketMechanisms(): readonly MarketMechanismPlugin[] {
    return [...this.marketMechanismsByName.values()];
  }

  get marketStrategies(): readonly MarketStrategyPlugin[] {
    return [...this.marketStrategiesByName.values()];
  }

  get valuationKinds(): readonly ValuationKindPlugin[] {
    return [...this.valuationKindsByName.values()];
  }

  /** Report strategies of the quality-pricing family (seed 004): built-ins and plugins. */
  get reportStrategies(): readonly ReportStrategyPlugin[] {
    return [...this.reportStrategiesByName.values()];
  }

  isMarketMechanism(name: string): boolean {
    return this.marketMechanismsByName.has(name);
  }

  /** A mechanism of the data marketplace (seed 003) by name. */
  marketMechanism(name: string, field = 'mechanism'): MarketMechanismPlugin {
    const p = this.marketMechanismsByName.get(name);
    if (!p) throw new InputError(field, `unknown market mechanism "${name}" (known: ${[...this.marketMechanismsByName.keys()].join(', ')})`);
    return p;
  }

  /** A contributor strategy of the data marketplace (seed 003) by name. */
  marketStrategy(name: string, field = 'strategy'): MarketStrategyPlugin {
    const p = this.marketStrategiesByName.get(name);
    if (!p) throw new InputError(field, `unknown market strategy "${name}" (known: ${[...this.marketStrategiesByName.keys()].join(', ')})`);
    return p;
  }

  isHeteroMechanism(name: string): boolean {
    return this.heteroMechanismsByName.has(name);
  }

  /** A mechanism of the d-distribution family (seed 001) by name. */
  heteroMechanism(name: string, field = 'mechanism'): HeteroMechanismPlugin {
    const p = this.heteroMechanismsByName.get(name);
    if (!p) throw new InputError(field, `unknown d-distribution mechanism "${name}" (known: ${[...this.heteroMechanismsByName.keys()].join(', ')})`);
    return p;
  }

  /** A strategy of the d-distribution family (seed 001) by name. */
  heteroStrategy(name: string, field = 'strategy'): HeteroStrategyPlugin {
    const p = this.heteroStrategiesByName.get(name);
    if (!p) throw new InputError(field, `unknown d-distribution strategy "${name}" (known: ${[...this.heteroStrategiesByName.keys()].join(', ')})`);
    return p;
  }

  mechanism(name: string, field = 'mechanism'): MechanismPlugin {
    const p = this.mechanismsByName.get(name);
    if (!p && this.heteroMechanismsByName.has(name)) throw new InputError(field, `mechanism "${name}" runs on d-distribution instances: give --instance FILE`);
    if (!p) throw new InputError(field, `unknown mechanism "${name}" (known: ${[...this.mechanismsByName.keys()].join(', ')})`);
    return p;
  }

  /** A strategy by name; "a+b" composes strategies that set different parts of (n, f, h). */
  strategy(name: string, field = 'strategy'): StrategyPlugin {
    if (name.includes('+')) {
      const parts = name.split('+').map((n) => this.strategy(n, field));
      const key = parts.map((p) => p.name).join('+');
      let c = this.composed.get(key);
      if (!c) {
        c = compose(parts);
        this.composed.set(key, c);
      }
      return c;
    }
    const p = this.strategiesByName.get(name);
    if (!p) throw new InputError(field, `unknown strategy "${name}" (known: ${[...this.strategiesByName.keys()].join(', ')})`);
    return p;
  }
}

