import { injectable, multiInject, optional } from 'inversify';
import { InputError } from '../core/instance.js';
import type { MechanismPlugin } from '../core/mechanism.js';
import type { StrategyPlugin } from '../core/strategy.js';
import type { HeteroMechanismPlugin } from '../hetero/mechanism.js';
import type { HeteroStrategyPlugin } from '../hetero/strategy.js';
import { compose } from '../search/compose.js';
import { TOKENS } from './tokens.js';

/** Collects every plugin bound in the container and finds them by name. */
@injectable()
export class PluginRegistry {
  private readonly mechanismsByName = new Map<string, MechanismPlugin>();
  private readonly strategiesByName = new Map<string, StrategyPlugin>();
  private readonly composed = new Map<string, StrategyPlugin>();
  private readonly heteroMechanismsByName = new Map<string, HeteroMechanismPlugin>();
  private readonly heteroStrategiesByName = new Map<string, HeteroStrategyPlugin>();

  constructor(
    @multiInject(TOKENS.Mechanism) @optional() mechanisms: MechanismPlugin[] = [],
    @multiInject(TOKENS.Strategy) @optional() strategies: StrategyPlugin[] = [],
    @multiInject(TOKENS.HeteroMechanism) @optional() heteroMechanisms: HeteroMechanismPlugin[] = [],
    @multiInject(TOKENS.HeteroStrategy) @optional() heteroStrategies: HeteroStrategyPlugin[] = [],
  ) {
    for (const p of mechanisms) this.add(this.mechanismsByName, p, 'mechanism');
    for (const p of strategies) this.add(this.strategiesByName, p, 'strategy');
    for (const p of heteroMechanisms) this.add(this.heteroMechanismsByName, p, 'd-distribution mechanism');
    for (const p of heteroStrategies) this.add(this.heteroStrategiesByName, p, 'd-distribution strategy');
    for (const name of this.heteroMechanismsByName.keys()) {
      if (this.mechanismsByName.has(name)) throw new InputError('plugin', `a seed-000 and a d-distribution mechanism are both named "${name}"`);
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

