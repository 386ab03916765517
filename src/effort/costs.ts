/**
 * Effort cost functions of the seed-004 effort game (Alaei et al., §4; spec/004 §3.1): agent i pays
 * c_i(e_i) for effort e_i ≥ 0, with c_i(0) = 0 and c_i strictly increasing (seed 004, §4).
 *
 * Built-in kinds (`{kind, ...params}` in an instance's `effortCost[i]`):
 *   power            {scale, exponent}             c(e) = (scale·e)^exponent            (spec/004 W7: scale 1/2, exponent 4)
 *   kinked           {slope, kink, top, topCost}   c(e) = slope·e on [0, kink], then the line through
 *                                                  (kink, slope·kink) and (top, topCost), continued beyond top (spec/004 W8)
 *   linear-quadratic {linear, quadratic}           c(e) = linear·e + quadratic·e²
 *
 * Each cost exposes value(e), derivative(e) away from its kinks (optional for plugin kinds) and the
 * list of points where it is not differentiable (candidate maximisers for the best response).
 * Plugins add kinds with registerEffortCostKind(name, factory). Bad parameters throw
 * InputError(field, …) naming the entry, e.g. `effortCost[1].exponent`.
 */
import { InputError } from '../core/instance.js';

/** c: [0, ∞) → [0, ∞), c(0) = 0, strictly increasing (seed 004, §4). */
export interface EffortCost {
  readonly kind: string;
  /** The spec's parameters (everything but `kind`). */
  readonly params: Readonly<Record<string, unknown>>;
  value(e: number): number;
  /** c′(e) away from `kinks` (its value at a kink is one of the one-sided derivatives); optional. */
  readonly derivative?: (e: number) => number;
  /** Points of (0, ∞) where c is not differentiable (best-response candidates). */
  readonly kinks: readonly number[];
}

/** What a factory returns: the cost without its kind and parameters. */
export interface EffortCostParts {
  value(e: number): number;
  derivative?: (e: number) => number;
  kinks?: readonly number[];
}

/**
 * Builds a cost from the spec's parameters (without `kind`). `field` names the entry
 * (e.g. `effortCost[1]`); throw InputError(`${field}.param`, …) on bad parameters.
 */
export type EffortCostFactory = (params: Readonly<Record<string, unknown>>, field: string) => EffortCostParts;

// ───────────────────────────── parameter checks ─────────────────────────────

function checkKeys(params: Readonly<Record<string, unknown>>, field: string, allowed: readonly string[]): void {
  for (const k of Object.keys(params)) {
    if (k.startsWith('$') || k === 'name' || k === 'description') continue;
    if (!allowed.includes(k)) throw new InputError(`${field}.${k}`, `unknown parameter (expected ${allowed.join(', ')})`);
  }
}

/** A finite number, > lo (strict) or ≥ lo. */
function num(params: Readonly<Record<string, unknown>>, field: string, name: string, lo: number, strict: boolean): number {
  const x = params[name];
  const f = `${field}.${name}`;
  if (x === undefined) throw new InputError(f, 'is required');
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(f, `must be a finite number (got ${JSON.stringify(x)})`);
  if (strict ? !(x > lo) : !(x >= lo)) throw new InputError(f, `must be ${strict ? '>' : '>='} ${lo} (got ${x})`);
  return x;
}

// ───────────────────────────── built-in kinds ─────────────────────────────

/** c(e) = (scale·e)^exponent; strictly increasing iff scale > 0 and exponent > 0. */
const powerFactory: EffortCostFactory = (params, field) => {
  checkKeys(params, field, ['scale', 'exponent']);
  const s = num(params, field, 'scale', 0, true);
  const p = num(params, field, 'exponent', 0, true);
  return {
    value: (e) => Math.pow(s * e, p),
    // d/de (s e)^p = p s (s e)^{p−1}
    derivative: (e) => (p === 1 ? s : p * s * Math.pow(s * e, p - 1)),
  };
};

/**
 * slope·e on [0, kink], then linear to (top, topCost) and beyond (spec/004 W8: slope κ, kink 1,
 * top 2, topCost 1). Strictly increasing iff slope > 0 and topCost > slope·kink.
 */
const kinkedFactory: EffortCostFactory = (params, field) => {
  checkKeys(params, field, ['slope', 'kink', 'top', 'topCost']);
  const slope = num(params, field, 'slope', 0, true);
  const kink = num(params, field, 'kink', 0, true);
  const top = num(params, field, 'top', kink, true);
  const topCost = num(params, field, 'topCost', 0, true);
  const atKink = slope * kink;
  if (!(topCost > atKink)) {
    throw new InputError(`${field}.topCost`, `must exceed slope·kink = ${atKink} so that the cost is strictly increasing (got ${topCost})`);
  }
  const slope2 = (topCost - atKink) / (top - kink);
  return {
    value: (e) => (e <= kink ? slope * e : atKink + slope2 * (e - kink)),
    derivative: (e) => (e < kink ? slope : slope2),
    kinks: [kink],
  };
};

/** c(e) = a·e + b·e², a, b ≥ 0, a + b > 0 (strictly increasing on [0, ∞)). */
const linearQuadraticFactory: EffortCostFactory = (params, field) => {
  checkKeys(params, field, ['linear', 'quadratic']);
  const a = num(params, field, 'linear', 0, false);
  const b = num(params, field, 'quadratic', 0, false);
  if (!(a + b > 0)) throw new InputError(`${field}.quadratic`, 'linear and quadratic cannot both be 0 (the cost must be strictly increasing)');
  return { value: (e) => a * e + b * e * e, derivative: (e) => a + 2 * b * e };
};

// ───────────────────────────── registry ─────────────────────────────

const BUILTIN: ReadonlySet<string> = new Set(['power', 'kinked', 'linear-quadratic']);
const registry = new Map<string, EffortCostFactory>([
  ['power', powerFactory],
  ['kinked', kinkedFactory],
  ['linear-quadratic', linearQuadraticFactory],
]);

/**
 * Adds a cost kind. Throws if the name is taken, unless `replace` is set (built-in kinds cannot be
 * replaced). effortCostOf checks c(0) = 0 for every kind; checkCostOnBox checks monotonicity.
 */
export function registerEffortCostKind(name: string, factory: EffortCostFactory, opts: { replace?: boolean } = {}): void {
  if (typeof name !== 'string' || name.length === 0) throw new Error('registerEffortCostKind: name must be a non-empty string');
  if (typeof factory !== 'function') throw new Error(`registerEffortCostKind('${name}'): factory must be a function`);
  if (BUILTIN.has(name)) throw new Error(`registerEffortCostKind: '${name}' is a built-in cost kind and cannot be replaced`);
  if (registry.has(name) && !opts.replace) throw new Error(`registerEffortCostKind: kind '${name}' is already registered (pass { replace: true } to override)`);
  registry.set(name, factory);
}

/** Names of all registered cost kinds (built-in first). */
export function effortCostKinds(): string[] {
  return [...registry.keys()];
}

/** The cost of a spec `{kind, ...params}`; `field` names the entry in errors (default `effortCost`). */
export function effortCostOf(spec: unknown, field = 'effortCost'): EffortCost {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new InputError(field, `must be an object with a 'kind' (got ${JSON.stringify(spec)})`);
  const { kind, ...rest } = spec as Record<string, unknown>;
  if (typeof kind !== 'string') throw new InputError(`${field}.kind`, `must be a string (got ${JSON.stringify(kind)})`);
  const factory = registry.get(kind);
  if (!factory) throw new InputError(`${field}.kind`, `unknown cost kind '${kind}' (registered: ${effortCostKinds().join(', ')})`);
  const params = Object.freeze({ ...rest });
  const parts = factory(params, field);
  if (!parts || typeof parts.value !== 'function') throw new Error(`effortCostOf: factory of kind '${kind}' did not return {value}`);
  const c0 = parts.value(0);
  // seed 004, §4: c_i(0) = 0
  if (c0 !== 0) throw new InputError(field, `c(0) must be 0 (got ${c0})`);
  const kinks = Object.freeze([...(parts.kinks ?? [])].filter((k) => k > 0).sort((a, b) => a - b));
  return Object.freeze({ kind, params, value: parts.value, derivative: parts.derivative, kinks });
}

/**
 * Checks on `points` + 1 equally spaced points of [0, upper] that c is finite and strictly increasing
 * (seed 004, §4); throws InputError(field, …) otherwise. Built-in kinds pass by construction; this
 * catches plugin kinds.
 */
export function checkCostOnBox(cost: EffortCost, upper: number, field: string, points = 64): void {
  let prev = cost.value(0);
  for (let k = 1; k <= points; k++) {
    const e = (upper * k) / points;
    const c = cost.value(e);
    if (!Number.isFinite(c)) throw new InputError(field, `c(${e}) is not finite (${c})`);
    if (!(c > prev)) throw new InputError(field, `must be strictly increasing: c(${e}) = ${c} <= c(${(upper * (k - 1)) / points}) = ${prev}`);
    prev = c;
  }
}
