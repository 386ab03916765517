import { injectable, multiInject, optional } from 'inversify';
import { InputError } from '../core/instance.js';
import type { MechanismPlugin } from '../core/mechanism.js';
import type { StrategyPlugin } from '../core/strategy.js';
import { compose } from '../search/compose.js';
import { TOKENS } from './tokens.js';

/** Collects every plugin bound in the container and finds them by name. */
@injectable()
export class PluginRegistry {
  private readonly mechanismsByName = new Map<string, MechanismPlugin>();
  private readonly strategiesByName = new Map<string, StrategyPlugin>();
  private readonly composed = new Map<string, StrategyPlugin>();

  constructor(
    @multiInject(TOKENS.Mechanism) @optional() mechanisms: MechanismPlugin[] = [],
    @multiInject(TOKENS.Strategy) @optional() strategies: StrategyPlugin[] = [],
  ) {
    for (const p of mechanisms) this.add(this.mechanismsByName, p, 'mechanism');
    for (const p of strategies) this.add(this.strategiesByName, p, 'strategy');
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

  mechanism(name: string, field = 'mechanism'): MechanismPlugin {
    const p = this.mechanismsByName.get(name);
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

