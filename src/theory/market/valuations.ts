/**
 * Buyer valuations of seed 003 (Chen, Clinton, Kandasamy, "Incentivizing Truthful Data Contributions
 * in a Marketplace for Mean Estimation"), spec/003 §1.2: a buyer's value for m i.i.d. points,
 *
 *   v^d(m) = inf_μ E[v^e(|μ̂(X) − μ|)] = E[v^e(σ|Z|/√m)],  Z ~ N(0,1),  v^d(0) := 0   (seed 003, eq. (11); spec/003 §1.2)
 *
 * for a non-increasing error valuation v^e with values in [0, 1]. A `Valuation` is the resulting
 * function v: ℕ → [0, 1], non-decreasing with v(0) = 0, tagged with its kind and parameters.
 *
 * Built-in kinds (closed forms of spec/003 §1.2, derived there):
 *   gaussian    {a, r}:      v^e(e) = a·exp(−e²/(2s²)), r = σ²/s²   ⇒ v(m) = a·√(m/(m+r))
 *   threshold   {a, tau}:    v^e(e) = a·1{e ≤ τ}                    ⇒ v(m) = a·(2Φ(τ√m/σ) − 1)
 *   exponential {a, lambda}: v^e(e) = a·exp(−λe)                    ⇒ v(m) = 2a·exp(λ²σ²/(2m))·(1 − Φ(λσ/√m))
 *   table       {values}:    v(m) = values[m−1] for 1 ≤ m ≤ L, values[L−1] beyond (a tabulated v^d).
 * The gaussian kind takes r directly (it does not depend on σ); threshold and exponential use σ.
 *
 * Plugins add kinds with registerValuationKind(name, (params, sigma) => (m) => number).
 */
import { erf, erfcx } from '../special.js';

const SQRT1_2 = Math.SQRT1_2;

export interface GaussianValuationSpec {
  kind: 'gaussian';
  /** Scale a ∈ [0, 1] (the value of perfect information). */
  a: number;
  /** r = σ²/s² ≥ 0, given directly. */
  r: number;
}
export interface ThresholdValuationSpec {
  kind: 'threshold';
  a: number;
  /** Error tolerance τ ≥ 0. */
  tau: number;
}
export interface ExponentialValuationSpec {
  kind: 'exponential';
  a: number;
  /** Decay rate λ ≥ 0. */
  lambda: number;
}
export interface TableValuationSpec {
  kind: 'table';
  /** [v(1), v(2), …, v(L)], non-decreasing in [0, 1]; v(m) = v(L) for m > L (and v ≡ 0 if empty). */
  values: readonly number[];
}
export type BuiltinValuationSpec = GaussianValuationSpec | ThresholdValuationSpec | ExponentialValuationSpec | TableValuationSpec;
export type BuiltinValuationKind = BuiltinValuationSpec['kind'];
/** A kind added by registerValuationKind: its parameters sit next to `kind`. */
export interface PluginValuationSpec {
  kind: string;
  readonly [param: string]: unknown;
}
export type ValuationSpec = BuiltinValuationSpec | PluginValuationSpec;

/** v: ℕ → [0, 1], non-decreasing, v(0) = 0 (spec/003 §1.2), with its kind, parameters and σ. */
export interface Valuation {
  (m: number): number;
  readonly kind: string;
  /** The spec's parameters (everything but `kind`). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly sigma: number;
}

/** Anything the pricing code accepts as a valuation: a Valuation or a plain function of m. */
export type ValuationLike = Valuation | ((m: number) => number);

/** Builds the raw v(m) for m ≥ 1 from a spec's parameters (without `kind`) and σ. */
export type ValuationFactory = (params: Readonly<Record<string, unknown>>, sigma: number) => (m: number) => number;

// ───────────────────────────── parameter checks ─────────────────────────────

function checkKeys(kind: string, params: Readonly<Record<string, unknown>>, allowed: readonly string[]): void {
  for (const k of Object.keys(params)) {
    if (!allowed.includes(k)) throw new Error(`valuation '${kind}': unknown parameter '${k}' (expected ${allowed.join(', ')})`);
  }
}

function num(kind: string, params: Readonly<Record<string, unknown>>, name: string, lo: number, hi = Infinity): number {
  const x = params[name];
  if (x === undefined) throw new Error(`valuation '${kind}': missing parameter '${name}'`);
  if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi) {
    throw new RangeError(`valuation '${kind}': '${name}' must be a finite number in [${lo}, ${hi}] (got ${String(x)})`);
  }
  return x;
}

// ───────────────────────────── built-in kinds ─────────────────────────────

/** v(m) = a·√(m/(m+r)).  spec/003 §1.2 (Gaussian kernel, r = σ²/s²) */
const gaussianFactory: ValuationFactory = (params) => {
  checkKeys('gaussian', params, ['a', 'r']);
  const a = num('gaussian', params, 'a', 0, 1);
  const r = num('gaussian', params, 'r', 0);
  return (m) => a * Math.sqrt(m / (m + r)); // spec/003 §1.2: a·√(m/(m+r))
};

/** v(m) = a·(2Φ(τ√m/σ) − 1) = a·erf(τ√m/(σ√2)).  spec/003 §1.2 (threshold kernel) */
const thresholdFactory: ValuationFactory = (params, sigma) => {
  checkKeys('threshold', params, ['a', 'tau']);
  const a = num('threshold', params, 'a', 0, 1);
  const tau = num('threshold', params, 'tau', 0);
  // 2Φ(t) − 1 = erf(t/√2); erf avoids the cancellation of 2Φ − 1 for small t.
  return (m) => a * erf((tau * Math.sqrt(m) * SQRT1_2) / sigma); // spec/003 §1.2: a·(2Φ(τ√m/σ) − 1)
};

/** v(m) = 2a·exp(x²/2)·(1 − Φ(x)), x = λσ/√m, = a·erfcx(x/√2).  spec/003 §1.2 (exponential kernel) */
const exponentialFactory: ValuationFactory = (params, sigma) => {
  checkKeys('exponential', params, ['a', 'lambda']);
  const a = num('exponential', params, 'a', 0, 1);
  const lambda = num('exponential', params, 'lambda', 0);
  // 1 − Φ(x) = erfc(x/√2)/2 and exp(x²/2) = exp((x/√2)²), so the product is erfcx(x/√2)/2: no overflow
  // of exp(x²/2) and no underflow of 1 − Φ(x) for large λσ/√m.
  return (m) => a * erfcx((lambda * sigma * SQRT1_2) / Math.sqrt(m)); // spec/003 §1.2: 2a·e^{λ²σ²/(2m)}(1 − Φ(λσ/√m))
};

/** v(m) = values[min(m, L) − 1] (a tabulated v^d that keeps its last value). */
const tableFactory: ValuationFactory = (params) => {
  checkKeys('table', params, ['values']);
  const raw = params['values'];
  if (!Array.isArray(raw)) throw new Error(`valuation 'table': 'values' must be an array of numbers (got ${typeof raw})`);
  const values = Float64Array.from(raw as unknown[], (x, i) => {
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new RangeError(`valuation 'table': values[${i}] must be a number in [0, 1] (got ${String(x)})`);
    return x;
  });
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1]) {
      throw new RangeError(`valuation 'table': values must be non-decreasing (values[${i}] = ${values[i]} < values[${i - 1}] = ${values[i - 1]})`);
    }
  }
  const L = values.length;
  return (m) => (L === 0 ? 0 : values[Math.min(m, L) - 1]);
};

// ───────────────────────────── registry ─────────────────────────────

const BUILTIN: ReadonlySet<string> = new Set<BuiltinValuationKind>(['gaussian', 'threshold', 'exponential', 'table']);
const registry = new Map<string, ValuationFactory>([
  ['gaussian', gaussianFactory],
  ['threshold', thresholdFactory],
  ['exponential', exponentialFactory],
  ['table', tableFactory],
]);

/**
 * Adds a valuation kind. `factory(params, sigma)` receives the spec without `kind` and must return
 * v(m) for integers m ≥ 1 with values in [0, 1], non-decreasing in m (valuationOf sets v(0) = 0,
 * checks the range on every call, and tabulateValuation checks monotonicity).
 * Throws if the name is taken, unless `replace` is set (built-in kinds cannot be replaced).
 */
export function registerValuationKind(name: string, factory: ValuationFactory, opts: { replace?: boolean } = {}): void {
  if (typeof name !== 'string' || name.length === 0) throw new Error('registerValuationKind: name must be a non-empty string');
  if (typeof factory !== 'function') throw new Error(`registerValuationKind('${name}'): factory must be a function`);
  if (BUILTIN.has(name)) throw new Error(`registerValuationKind: '${name}' is a built-in valuation kind and cannot be replaced`);
  if (registry.has(name) && !opts.replace) throw new Error(`registerValuationKind: kind '${name}' is already registered (pass { replace: true } to override)`);
  registry.set(name, factory);
}

/** Names of all registered valuation kinds (built-in first). */
export function valuationKinds(): string[] {
  return [...registry.keys()];
}

/**
 * The valuation of a spec (`{kind: 'gaussian', a, r}` etc.) for noise level σ > 0.
 * The result is a function of integer m ≥ 0 with v(0) = 0 (seed 003 eq. (11): v^d(0) := 0); it throws
 * a RangeError for non-integer or negative m and for values outside [0, 1]. `extra` adds kinds for
 * this call only (plugins loaded with --plugin; src/market/valuation-kind.ts).
 */
export function valuationOf(spec: ValuationSpec, sigma: number, extra?: ReadonlyMap<string, ValuationFactory>): Valuation {
  if (spec === null || typeof spec !== 'object') throw new Error(`valuationOf: spec must be an object with a 'kind' (got ${String(spec)})`);
  const kind = (spec as { kind?: unknown }).kind;
  if (typeof kind !== 'string') throw new Error(`valuationOf: spec.kind must be a string (got ${String(kind)})`);
  const factory = extra?.get(kind) ?? registry.get(kind);
  if (!factory) throw new Error(`valuationOf: unknown valuation kind '${kind}' (registered: ${[...valuationKinds(), ...(extra?.keys() ?? [])].join(', ')})`);
  if (!(Number.isFinite(sigma) && sigma > 0)) throw new RangeError(`valuationOf: sigma must be a finite number > 0 (got ${sigma})`);
  const { kind: _k, ...rest } = spec as PluginValuationSpec;
  const params: Readonly<Record<string, unknown>> = Object.freeze({ ...rest });
  const raw = factory(params, sigma);
  if (typeof raw !== 'function') throw new Error(`valuationOf: factory of kind '${kind}' did not return a function`);
  const v = (m: number): number => {
    if (!(Number.isInteger(m) && m >= 0)) throw new RangeError(`valuation '${kind}': m must be an integer >= 0 (got ${m})`);
    if (m === 0) return 0; // seed 003, eq. (11): v^d(0) := 0
    const x = raw(m);
    if (!(x >= 0 && x <= 1)) throw new RangeError(`valuation '${kind}': v(${m}) = ${x} is outside [0, 1]`);
    return x;
  };
  return Object.assign(v, { kind, params, sigma }) as Valuation;
}

/**
 * [v(0), v(1), …, v(N)] as a Float64Array, checking v(0) = 0, v(m) ∈ [0, 1] and monotonicity.
 * Decreases of at most 1e-12 (floating-point noise of a closed form) are flattened to the previous
 * value; larger decreases throw.
 */
export function tabulateValuation(v: ValuationLike, N: number): Float64Array {
  if (!(Number.isInteger(N) && N >= 0)) throw new RangeError(`tabulateValuation: N must be an integer >= 0 (got ${N})`);
  const out = new Float64Array(N + 1);
  const v0 = v(0);
  if (v0 !== 0) throw new RangeError(`valuation must have v(0) = 0 (got ${v0})`); // spec/003 §1.2
  for (let m = 1; m <= N; m++) {
    const x = v(m);
    if (!(x >= 0 && x <= 1)) throw new RangeError(`valuation: v(${m}) = ${x} is outside [0, 1]`);
    if (x < out[m - 1] - 1e-12) throw new RangeError(`valuation must be non-decreasing: v(${m}) = ${x} < v(${m - 1}) = ${out[m - 1]}`);
    out[m] = Math.max(x, out[m - 1]);
  }
  return out;
}
