/**
 * Buyer valuation kinds as plugins (seed 003 §1.2: a buyer is described by her data valuation
 * v_j^d: ℕ → [0, 1], non-decreasing, v(0) = 0). A plugin names its numeric parameters and returns
 * v(m) for m ≥ 1; the market file then accepts `{"kind": name, param: value, …}` buyers, checked
 * like the built-ins (unknown or missing parameters, non-finite numbers, values outside [0, 1] and
 * decreasing values are errors that name the buyer).
 *
 *   export default defineValuationKind({
 *     name: 'step', description: 'a until m reaches k, then 1', params: ['a', 'k'],
 *     value: ({ a, k }) => (m) => (m < k ? a : 1),
 *   });
 */
import { InputError } from '../core/instance.js';
import type { BuyerKindParser } from '../theory/market/instance-file.js';
import type { ValuationFactory } from '../theory/market/valuations.js';

export interface ValuationKindPlugin {
  readonly kind: 'valuation-kind';
  /** The buyer's "kind" in market files (kebab-case; not a built-in kind). */
  readonly name: string;
  readonly description: string;
  /** Where the valuation comes from (a paper, an equation). */
  readonly source?: string;
  /** Names of the numeric parameters, all required. */
  readonly params: readonly string[];
  /** v(m) for integers m ≥ 1, in [0, 1] and non-decreasing in m; σ is the market's noise sd. */
  value(params: Readonly<Record<string, number>>, sigma: number): (m: number) => number;
}

export function defineValuationKind(plugin: Omit<ValuationKindPlugin, 'kind'>): ValuationKindPlugin {
  return Object.freeze({ kind: 'valuation-kind' as const, ...plugin, params: Object.freeze([...plugin.params]) });
}

/** The market-file parser of a plugin kind: exactly its parameters, each a finite number. */
export function buyerParserOf(plugin: ValuationKindPlugin): BuyerKindParser {
  return (raw, field) => {
    const out: Record<string, unknown> = { kind: plugin.name };
    for (const key of Object.keys(raw)) {
      if (key !== 'kind' && !plugin.params.includes(key)) {
        throw new InputError(`${field}.${key}`, `unknown parameter for kind "${plugin.name}" (expected ${plugin.params.join(', ') || 'none'})`);
      }
    }
    for (const p of plugin.params) {
      const x = raw[p];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${field}.${p}`, `must be a finite number (kind "${plugin.name}" needs ${plugin.params.join(', ')})`);
      out[p] = x;
    }
    return out as { kind: string };
  };
}

/** The valuation factory of a plugin kind (valuationOf checks the range on every call). */
export function factoryOf(plugin: ValuationKindPlugin): ValuationFactory {
  return (params, sigma) => plugin.value(params as Readonly<Record<string, number>>, sigma);
}
