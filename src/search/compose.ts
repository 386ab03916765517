import { defineStrategy, metaOf, type Play, type StrategyMeta, type StrategyPlugin } from '../core/strategy.js';
import type { ParamSpec } from '../core/params.js';
import type { PublicInfo } from '../core/public-info.js';

/** Which parts of the play (n, f, h) a strategy sets, found by building it with its defaults. */
export function partsOf(plugin: StrategyPlugin, info: PublicInfo, params: Record<string, number>): (keyof Play)[] {
  return Object.keys(plugin.build(params as never, info)) as (keyof Play)[];
}

/**
 * Combines strategies that set disjoint parts of (n, f, h) into one family,
 * e.g. under-collect + add-noise searches (n, τ) together (spec/000 §5: the
 * search explores n × f × h). Parameters keep their names unless two parts
 * share one, in which case they are prefixed with the strategy's name.
 */
const COMPONENTS = new WeakMap<StrategyPlugin, readonly StrategyPlugin[]>();

/** The strategies a composed family is made of ([plugin] for a plain one). */
export function componentsOf(plugin: StrategyPlugin): readonly StrategyPlugin[] {
  return COMPONENTS.get(plugin) ?? [plugin];
}

export function compose(plugins: readonly StrategyPlugin[]): StrategyPlugin {
  if (plugins.length === 1) return plugins[0];
  const names = plugins.map((p) => p.name);
  const counts = new Map<string, number>();
  for (const p of plugins) for (const k of Object.keys(p.params)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const keyOf = (p: StrategyPlugin, k: string) => ((counts.get(k) ?? 0) > 1 ? `${p.name}.${k}` : k);
  const params: Record<string, ParamSpec> = {};
  for (const p of plugins) for (const [k, spec] of Object.entries(p.params)) params[keyOf(p, k)] = spec;
  const split = (all: Record<string, number>, p: StrategyPlugin) =>
    Object.fromEntries(Object.keys(p.params).map((k) => [k, all[keyOf(p, k)]]));
  const composed = defineStrategy({
    name: names.join('+'),
    description: plugins.map((p) => p.description).join(' + '),
    source: plugins.map((p) => p.source).join('; '),
    params,
    meta: (all) => {
      const metas: StrategyMeta[] = plugins.map((p) => metaOf(p, split(all, p) as never));
      return {
        truthful: metas.every((m) => m.truthful),
        equivariant: metas.every((m) => m.equivariant),
        stochastic: metas.some((m) => m.stochastic),
        optsOut: metas.some((m) => m.optsOut === true),
      };
    },
    build: (all, info) => {
      const play: Partial<Record<keyof Play, unknown>> = {};
      for (const p of plugins) {
        const parts = p.build(split(all, p) as never, info);
        for (const [part, fn] of Object.entries(parts)) {
          if (part in play) throw new Error(`cannot compose ${names.join(' + ')}: both set ${part}`);
          play[part as keyof Play] = fn;
        }
      }
      return play as Partial<Play>;
    },
  });
  COMPONENTS.set(composed, plugins);
  return composed;
}

/**
 * The name and parameters under which a mechanism's theory knows a family:
 * an amount composed with a submission or estimator change is the latter
 * with an extra parameter n.
 */
export function theoryRefOf(plugin: StrategyPlugin, params: Record<string, number>): { strategy: string; params: Record<string, number> } {
  const parts = componentsOf(plugin);
  if (parts.length === 2 && parts[0].name === 'under-collect') return { strategy: parts[1].name, params };
  return { strategy: plugin.name, params };
}
