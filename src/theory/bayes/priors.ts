/**
 * Priors F_i of the qualities q_i in seed 004 (spec/004 §1.1: independent, absolutely continuous,
 * bounded support). A `Prior` bundles pdf f, cdf F, the inverse hazard rate (1−F)/f that enters the
 * virtual value (seed 004, eq. (3)), the quantile function and the support [low, high].
 *
 * Built-in kinds:
 *   uniform               {low, high}:        f = 1/(high−low), (1−F)/f = high − q
 *   truncated-exponential {rate, low, high}:  f ∝ λe^{−λ(q−low)} on [low, high], (1−F)/f = (1 − e^{−λ(high−q)})/λ
 * Both are MHR (f/(1−F) non-decreasing), which with the concavity of v gives Assumption 2
 * (seed 004, Remark A.1).
 *
 * Plugins add kinds with registerPriorKind(name, factory); makePrior checks the factory's result
 * (support, pdf > 0) and, unless told otherwise, that (1−F)/f is non-increasing on a grid (MHR).
 */
import { InputError } from '../../core/instance.js';

/** A spec as it appears in an instance file: `kind` plus the kind's parameters. */
export interface PriorSpec {
  readonly kind: string;
  readonly [param: string]: unknown;
}

/** The functions a prior kind provides (q inside [low, high] unless noted). */
export interface PriorFunctions {
  readonly low: number;
  readonly high: number;
  pdf(q: number): number;
  cdf(q: number): number;
  /** (1 − F(q))/f(q), the inverse hazard rate; 0 at q = high. */
  hazardRatio(q: number): number;
  /** F^{-1}(u), u ∈ [0, 1]. */
  quantile(u: number): number;
}

/** A validated prior: its functions plus kind and parameters. */
export interface Prior extends PriorFunctions {
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Builds a prior's functions from a spec's parameters (without `kind`); throws InputError(field…) on bad input. */
export type PriorFactory = (params: Readonly<Record<string, unknown>>, field: string) => PriorFunctions;

// ───────────────────────────── parameter checks ─────────────────────────────

/** Rejects keys other than `allowed` (keys starting with '$' and `name` are ignored). */
export function checkPriorKeys(params: Readonly<Record<string, unknown>>, field: string, allowed: readonly string[]): void {
  for (const k of Object.keys(params)) {
    if (k === 'name' || k.startsWith('$')) continue;
    if (!allowed.includes(k)) throw new InputError(`${field}.${k}`, `unknown parameter (expected ${allowed.join(', ')})`);
  }
}

/** A finite number parameter `name` of a prior spec, with an optional strict lower bound. */
export function priorNumber(params: Readonly<Record<string, unknown>>, field: string, name: string, opts: { min?: number; strict?: boolean } = {}): number {
  const x = params[name];
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`${field}.${name}`, `must be a finite number (got ${x === undefined ? 'nothing' : JSON.stringify(x)})`);
  if (opts.min !== undefined && (opts.strict ? !(x > opts.min) : !(x >= opts.min))) {
    throw new InputError(`${field}.${name}`, `must be ${opts.strict ? '>' : '>='} ${opts.min} (got ${x})`);
  }
  return x;
}

/** low ≥ 0 (a quality), high > low, both finite (bounded support, spec/004 §1.1). */
function support(params: Readonly<Record<string, unknown>>, field: string): [number, number] {
  const low = priorNumber(params, field, 'low', { min: 0 });
  const high = priorNumber(params, field, 'high');
  if (!(high > low)) throw new InputError(`${field}.high`, `must exceed low = ${low} (got ${high})`);
  return [low, high];
}

// ───────────────────────────── built-in kinds ─────────────────────────────

/** Unif[low, high]: (1−F)/f = high − q   (spec/004 §2.2). */
function uniformFactory(params: Readonly<Record<string, unknown>>, field: string): PriorFunctions {
  checkPriorKeys(params, field, ['low', 'high']);
  const [low, high] = support(params, field);
  const width = high - low;
  return {
    low,
    high,
    pdf: (q) => (q >= low && q <= high ? 1 / width : 0),
    cdf: (q) => (q <= low ? 0 : q >= high ? 1 : (q - low) / width),
    hazardRatio: (q) => Math.max(0, high - q),
    quantile: (u) => low + u * width,
  };
}

/**
 * Exponential(rate λ) truncated to [low, high]: f(q) = λe^{−λ(q−low)}/Z, Z = 1 − e^{−λ(high−low)},
 * 1 − F(q) = (e^{−λ(q−low)} − e^{−λ(high−low)})/Z, (1−F)/f = (1 − e^{−λ(high−q)})/λ (decreasing: MHR),
 * F^{-1}(u) = low − ln(1 − uZ)/λ.
 */
function truncatedExponentialFactory(params: Readonly<Record<string, unknown>>, field: string): PriorFunctions {
  checkPriorKeys(params, field, ['rate', 'low', 'high']);
  const rate = priorNumber(params, field, 'rate', { min: 0, strict: true });
  const [low, high] = support(params, field);
  const Z = -Math.expm1(-rate * (high - low));
  return {
    low,
    high,
    pdf: (q) => (q >= low && q <= high ? (rate * Math.exp(-rate * (q - low))) / Z : 0),
    cdf: (q) => (q <= low ? 0 : q >= high ? 1 : -Math.expm1(-rate * (q - low)) / Z),
    hazardRatio: (q) => (q >= high ? 0 : -Math.expm1(-rate * (high - q)) / rate),
    quantile: (u) => Math.min(high, low - Math.log1p(-u * Z) / rate),
  };
}

const REGISTRY = new Map<string, PriorFactory>([
  ['uniform', uniformFactory],
  ['truncated-exponential', truncatedExponentialFactory],
]);
const BUILTIN = new Set(REGISTRY.keys());

/** Adds (or replaces a plugin) prior kind. Built-in kinds cannot be replaced. */
export function registerPriorKind(name: string, factory: PriorFactory): void {
  if (typeof name !== 'string' || name.length === 0) throw new InputError('kind', 'prior kind name must be a non-empty string');
  if (BUILTIN.has(name)) throw new InputError('kind', `'${name}' is a built-in prior kind and cannot be replaced`);
  REGISTRY.set(name, factory);
}

/** The registered prior kinds, built-ins first. */
export function priorKinds(): string[] {
  return [...REGISTRY.keys()];
}

/**
 * Whether (1−F)/f is non-increasing on a grid of `points` points of the support (a numerical MHR
 * check, seed 004, Remark A.1), with relative slack 1e-12.
 */
export function isMhr(p: PriorFunctions, points = 65): boolean {
  let prev = Infinity;
  for (let k = 0; k < points; k++) {
    const q = p.low + ((p.high - p.low) * k) / (points - 1);
    const h = p.hazardRatio(q);
    if (!(h <= prev * (1 + 1e-12) + 1e-300)) return false;
    prev = h;
  }
  return true;
}

export interface MakePriorOptions {
  /** Check MHR numerically for plugin kinds (default true; built-ins are MHR by construction). */
  checkMhr?: boolean;
}

/**
 * Validates a prior spec and returns the Prior. `field` names it in errors (e.g. `priors[2]`, so a
 * bad upper end is reported as `priors[2].high`).
 */
export function makePrior(spec: unknown, field = 'prior', opts: MakePriorOptions = {}): Prior {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new InputError(field, 'must be an object with a "kind"');
  const { kind, ...params } = spec as Record<string, unknown>;
  if (typeof kind !== 'string') throw new InputError(`${field}.kind`, `must be a string (one of ${priorKinds().join(', ')})`);
  const factory = REGISTRY.get(kind);
  if (!factory) throw new InputError(`${field}.kind`, `unknown prior kind '${kind}' (known: ${priorKinds().join(', ')})`);
  const fns = factory(params, field);
  const { low, high } = fns;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low >= 0 && high > low)) {
    throw new InputError(field, `support must be a bounded interval [low, high] with 0 <= low < high (got [${low}, ${high}])`);
  }
  if (!BUILTIN.has(kind)) {
    const mid = 0.5 * (low + high);
    if (!(fns.pdf(mid) > 0)) throw new InputError(field, `pdf must be positive inside the support (pdf(${mid}) = ${fns.pdf(mid)})`);
    if ((opts.checkMhr ?? true) && !isMhr(fns)) throw new InputError(field, `prior '${kind}' is not MHR: (1−F)/f must be non-increasing (seed 004, Remark A.1)`);
  }
  return Object.freeze({ kind, params: Object.freeze({ ...params }), ...fns });
}

/** Unif[low, high] as a Prior (convenience). */
export function uniformPrior(low: number, high: number): Prior {
  return makePrior({ kind: 'uniform', low, high });
}

/** Whether a prior is the built-in uniform (closed forms of spec/004 §2.2 apply). */
export function isUniform(p: Prior): boolean {
  return p.kind === 'uniform';
}
