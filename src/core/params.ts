import { InputError } from './instance.js';
import type { PublicInfo } from './public-info.js';

/**
 * One tunable parameter of a plugin, with the range a search may explore.
 * `I` is what the plugin may know (PublicInfo for seed 000's family,
 * HeteroInfo for seed 001's).
 */
export interface ParamSpec<I = PublicInfo> {
  readonly kind: 'int' | 'real';
  readonly description: string;
  /** Smallest allowed value (inclusive); may depend on the public instance. */
  readonly min: number | ((info: I) => number);
  /** Largest allowed value (inclusive); may depend on the public instance. */
  readonly max: number | ((info: I) => number);
  /** Value used when the user gives none; may depend on the public instance. */
  readonly default: number | ((info: I) => number);
}

export type ParamSpecs<I = PublicInfo> = Readonly<Record<string, ParamSpec<I>>>;

/** The parameter object a plugin receives: one number per declared parameter. */
export type ParamValues<S extends Readonly<Record<string, unknown>>> = { readonly [K in keyof S]: number };

function resolve<I>(v: number | ((info: I) => number), info: I | undefined, where: string): number {
  if (typeof v !== 'function') return v;
  if (!info) throw new Error(`${where}: a default or range that depends on the instance needs public info`);
  return v(info);
}

/**
 * Fills defaults and validates user-supplied values against the declared
 * specs. Errors name the plugin and the parameter.
 */
export function resolveParams<S extends ParamSpecs<I>, I = PublicInfo>(
  owner: string,
  specs: S,
  given: Readonly<Record<string, number>>,
  info?: I,
): ParamValues<S> {
  for (const key of Object.keys(given)) {
    if (!(key in specs)) {
      const known = Object.keys(specs);
      throw new InputError(`${owner}.${key}`, `unknown parameter (known: ${known.length ? known.join(', ') : 'none'})`);
    }
  }
  const out: Record<string, number> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const v = key in given ? given[key] : resolve(spec.default, info, `${owner}.${key}`);
    const min = resolve(spec.min, info, `${owner}.${key}`);
    const max = resolve(spec.max, info, `${owner}.${key}`);
    if (!Number.isFinite(v)) throw new InputError(`${owner}.${key}`, `must be a finite number (got ${v})`);
    if (spec.kind === 'int' && !Number.isInteger(v)) throw new InputError(`${owner}.${key}`, `must be an integer (got ${v})`);
    if (v < min || v > max) throw new InputError(`${owner}.${key}`, `must lie in [${min}, ${max}] (got ${v})`);
    out[key] = v;
  }
  return out as ParamValues<S>;
}

/** The search range [min, max] of a parameter for an instance. */
export function paramRange<I>(spec: ParamSpec<I>, info: I): [number, number] {
  return [resolve(spec.min, info, 'range'), resolve(spec.max, info, 'range')];
}
