import { InputError } from '../core/instance.js';
import type { DeviationRef } from '../core/mechanism.js';
import { paramRange } from '../core/params.js';
import type { PublicInfo } from '../core/public-info.js';
import type { StrategyPlugin } from '../core/strategy.js';
import { resolveParams } from '../core/params.js';
import type { PluginRegistry } from '../engine/registry.js';
import { compose, partsOf, theoryRefOf } from './compose.js';

/** A searchable deviation family: a strategy (possibly composed) whose declared ranges are explored. */
export interface Family {
  readonly name: string;
  readonly plugin: StrategyPlugin;
  /** The strategies it is made of; [under-collect, F] when F does not choose n itself. */
  readonly components: readonly StrategyPlugin[];
}

/**
 * The families the search explores: every registered strategy but
 * `recommended` (or those named), each submission or estimator family
 * composed with under-collect so that n × f × h is searched (spec/000 §5).
 */
export function searchFamilies(registry: PluginRegistry, info: PublicInfo, names?: readonly string[]): Family[] {
  const chosen = names && names.length > 0 ? names.map((n) => registry.strategy(n, '--families')) : registry.strategies.filter((s) => s.name !== 'recommended');
  const amount = registry.strategy('under-collect');
  return chosen.map((plugin) => {
    const defaults = resolveParams(plugin.name, plugin.params, {}, info);
    const setsAmount = plugin.name === 'recommended' ? false : partsOf(plugin, info, defaults).includes('collect');
    if (setsAmount || plugin === amount) return { name: plugin.name, plugin, components: [plugin] };
    const components = [amount, plugin];
    const composed = compose(components);
    if ('n' in plugin.params) throw new InputError('--families', `${plugin.name} has a parameter n and cannot be combined with under-collect`);
    return { name: composed.name, plugin: composed, components };
  });
}

/** The name and parameters under which a mechanism's theory knows this family, if any. */
export function theoryRef(f: Family, params: Record<string, number>): DeviationRef {
  return theoryRefOf(f.plugin, params);
}

/** The declared search ranges of a family, resolved for an instance. */
export function familyRanges(f: Family, info: PublicInfo): Record<string, [number, number]> {
  return Object.fromEntries(Object.entries(f.plugin.params).map(([k, spec]) => [k, paramRange(spec, info)]));
}
