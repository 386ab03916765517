/**
 * JSON files describing a data-marketplace instance of seed 003 (spec/003 §1), e.g.
 *
 *     { "sigma": 1, "costs": [0.01, 0.02, 0.05],
 *       "buyers": [{ "kind": "gaussian", "a": 0.4, "r": 1 }, { "kind": "table", "values": [0.1, 0.3] }] }
 *
 * - sigma: finite number > 0 (the public noise sd; spec/003 §1.1).
 * - costs: at least two finite per-sample costs > 0, in any order (M* needs two contributors,
 *   spec/003 §2.4; the cheapest must be > 0 because Algorithm 1 searches N ≤ B/c_1, spec/003 §7,
 *   so every cost must be > 0).
 * - buyers: a non-empty array of valuation specs v_j^d (spec/003 §1.2), each with a valuation scale
 *   in [0, 1] (v_j : ℕ → [0, 1]):
 *     {"kind": "gaussian", "a": a, "r": r}         v(m) = a√(m/(m + r)), a ∈ [0,1], r ≥ 0
 *     {"kind": "threshold", "a": a, "tau": τ}      v(m) = a(2Φ(τ√m/σ) − 1), a ∈ [0,1], τ ≥ 0
 *     {"kind": "exponential", "a": a, "lambda": λ} v(m) = 2a·exp(λ²σ²/(2m))(1 − Φ(λσ/√m)), a ∈ [0,1], λ ≥ 0
 *     {"kind": "table", "values": [v(1), v(2), …]}  non-empty, entries in [0,1], non-decreasing (v(0) = 0)
 *   Each buyer may also carry "name" and "$"-keys (ignored); any other key is rejected. Further
 *   kinds can be registered by the caller (ParseMarketOptions.kinds).
 * - pricing (optional, default "exact"): "exact" or "approximate" (the OIP algorithm A, spec/003 §2.2).
 * - epsilon (optional): finite number > 0, only with "pricing": "approximate".
 * - name, description and keys starting with "$" are allowed and ignored; other keys are rejected.
 *
 * This module only validates: it returns the buyers as plain spec objects and leaves building the
 * valuation functions to the caller. Every error is an InputError whose field is "<source>: <path>",
 * e.g. "market.json: buyers[2].a".
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../core/instance.js';

export interface GaussianBuyerSpec {
  readonly kind: 'gaussian';
  readonly a: number;
  readonly r: number;
}
export interface ThresholdBuyerSpec {
  readonly kind: 'threshold';
  readonly a: number;
  readonly tau: number;
}
export interface ExponentialBuyerSpec {
  readonly kind: 'exponential';
  readonly a: number;
  readonly lambda: number;
}
export interface TableBuyerSpec {
  readonly kind: 'table';
  /** values[k] = v(k + 1). */
  readonly values: readonly number[];
}
/** A spec of a caller-registered kind: whatever its parser returned. */
export interface CustomBuyerSpec {
  readonly kind: string;
  readonly [param: string]: unknown;
}
export type BuiltinBuyerSpec = GaussianBuyerSpec | ThresholdBuyerSpec | ExponentialBuyerSpec | TableBuyerSpec;
export type BuyerSpec = BuiltinBuyerSpec | CustomBuyerSpec;

export const BUILTIN_BUYER_KINDS = ['gaussian', 'threshold', 'exponential', 'table'] as const;
export const PRICING_KINDS = ['exact', 'approximate'] as const;
export type PricingKind = (typeof PRICING_KINDS)[number];

export interface MarketFile {
  readonly sigma: number;
  /** File order (not sorted). */
  readonly costs: readonly number[];
  readonly buyers: readonly BuyerSpec[];
  readonly pricing: PricingKind;
  /** Only with pricing "approximate"; undefined when absent. */
  readonly epsilon: number | undefined;
  readonly name: string | undefined;
  readonly description: string | undefined;
}

/**
 * Validates one buyer object of a registered kind. `raw` is the object as in the file (its "name"
 * and "$"-keys removed); `field` is the prefix for errors ("<source>: buyers[j]"). Throw an
 * InputError (field `${field}.<param>`) on bad input.
 */
export type BuyerKindParser = (raw: Readonly<Record<string, unknown>>, field: string) => CustomBuyerSpec;

export interface ParseMarketOptions {
  /** Extra buyer kinds. A built-in kind name cannot be overridden. */
  readonly kinds?: Readonly<Record<string, BuyerKindParser>>;
}

const IGNORED_KEYS = new Set(['name', 'description']);
const TOP_KEYS = ['sigma', 'costs', 'buyers', 'pricing', 'epsilon'];
const BUILTIN_PARAMS: Record<BuiltinBuyerSpec['kind'], readonly string[]> = {
  gaussian: ['a', 'r'],
  threshold: ['a', 'tau'],
  exponential: ['a', 'lambda'],
  table: ['values'],
};

function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finiteNumber(v: unknown, field: string, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(field, `must be ${what} (got ${describe(v)})`);
  return v;
}

/** A valuation scale a ∈ [0, 1] (v_j : ℕ → [0, 1], spec/003 §1.2). */
function unitScale(v: unknown, field: string): number {
  const a = finiteNumber(v, field, 'a number in [0, 1]');
  if (a < 0 || a > 1) throw new InputError(field, `must be in [0, 1] (got ${a}); valuations take values in [0, 1] (spec/003 §1.2)`);
  return a;
}

function nonNegative(v: unknown, field: string): number {
  const x = finiteNumber(v, field, 'a finite number >= 0');
  if (x < 0) throw new InputError(field, `must be >= 0 (got ${x})`);
  return x;
}

function parseTable(v: unknown, field: string): number[] {
  if (!Array.isArray(v) || v.length === 0) throw new InputError(field, `must be a non-empty array [v(1), v(2), …] (got ${describe(v)})`);
  const values = v.map((x: unknown, k) => unitScale(x, `${field}[${k}]`));
  for (let k = 1; k < values.length; k++) {
    if ((values[k] as number) < (values[k - 1] as number)) {
      throw new InputError(`${field}[${k}]`, `is ${values[k]}, less than the previous entry ${values[k - 1]}; a valuation must be non-decreasing in the data size (spec/003 §1.2)`);
    }
  }
  return values;
}

function parseBuyer(v: unknown, field: string, kinds: Readonly<Record<string, BuyerKindParser>>): BuyerSpec {
  if (!isRecord(v)) throw new InputError(field, `must be an object with a "kind" (got ${describe(v)})`);
  const kind = v.kind;
  const known = [...BUILTIN_BUYER_KINDS, ...Object.keys(kinds)];
  if (typeof kind !== 'string') throw new InputError(`${field}.kind`, `must be one of ${known.join(', ')} (got ${describe(kind)})`);
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (key !== 'kind' && key !== 'name' && !key.startsWith('$')) params[key] = value;
  }
  if ((BUILTIN_BUYER_KINDS as readonly string[]).includes(kind)) {
    const k = kind as BuiltinBuyerSpec['kind'];
    const expected = BUILTIN_PARAMS[k];
    for (const key of Object.keys(params)) {
      if (!expected.includes(key)) throw new InputError(`${field}.${key}`, `unknown parameter for kind "${k}" (expected ${expected.join(', ')})`);
    }
    for (const key of expected) {
      if (!(key in params)) throw new InputError(`${field}.${key}`, `missing (kind "${k}" needs ${expected.join(', ')})`);
    }
    switch (k) {
      case 'gaussian':
        return { kind: k, a: unitScale(params.a, `${field}.a`), r: nonNegative(params.r, `${field}.r`) };
      case 'threshold':
        return { kind: k, a: unitScale(params.a, `${field}.a`), tau: nonNegative(params.tau, `${field}.tau`) };
      case 'exponential':
        return { kind: k, a: unitScale(params.a, `${field}.a`), lambda: nonNegative(params.lambda, `${field}.lambda`) };
      case 'table':
        return { kind: k, values: parseTable(params.values, `${field}.values`) };
    }
  }
  const parser = kinds[kind];
  if (parser === undefined) throw new InputError(`${field}.kind`, `unknown kind "${kind}" (expected one of ${known.join(', ')})`);
  return parser({ kind, ...params }, field);
}

function parseCosts(v: unknown, source: string): number[] {
  if (!Array.isArray(v)) throw new InputError(`${source}: costs`, `must be an array of per-sample costs, one per contributor (got ${describe(v)})`);
  if (v.length < 2) throw new InputError(`${source}: costs`, `has ${v.length} contributor(s); M* needs at least two (spec/003 §2.4)`);
  return v.map((c: unknown, i) => {
    const field = `${source}: costs[${i}]`;
    const x = finiteNumber(c, field, 'a finite number > 0');
    if (x < 0) throw new InputError(field, `must be > 0 (got ${x}); a cost cannot be negative`);
    if (x === 0) throw new InputError(field, 'must be > 0 (got 0); Algorithm 1 searches N <= B/c_1, so the cheapest cost must be positive (spec/003 §7)');
    return x;
  });
}

function optionalString(v: unknown, field: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new InputError(field, `must be a string (got ${describe(v)})`);
  return v;
}

/** Validate a parsed JSON market file; `source` (usually the file name) prefixes every error's field. */
export function parseMarketFile(json: unknown, source: string, options: ParseMarketOptions = {}): MarketFile {
  const kinds = options.kinds ?? {};
  for (const k of Object.keys(kinds)) {
    if ((BUILTIN_BUYER_KINDS as readonly string[]).includes(k)) throw new Error(`parseMarketFile: the built-in buyer kind "${k}" cannot be re-registered`);
  }
  if (!isRecord(json)) throw new InputError(`${source}: (top level)`, `must be an object with sigma, costs and buyers (got ${describe(json)})`);
  for (const key of Object.keys(json)) {
    if (!TOP_KEYS.includes(key) && !IGNORED_KEYS.has(key) && !key.startsWith('$')) {
      throw new InputError(`${source}: ${key}`, 'unknown key (expected sigma, costs, buyers, and optionally pricing, epsilon, name, description)');
    }
  }
  for (const key of ['sigma', 'costs', 'buyers']) {
    if (!(key in json)) throw new InputError(`${source}: ${key}`, 'missing (a market file needs sigma, costs and buyers)');
  }
  const sigma = finiteNumber(json.sigma, `${source}: sigma`, 'a finite number > 0');
  if (sigma <= 0) throw new InputError(`${source}: sigma`, `must be > 0 (got ${sigma})`);
  const costs = parseCosts(json.costs, source);
  const rawBuyers = json.buyers;
  if (!Array.isArray(rawBuyers)) throw new InputError(`${source}: buyers`, `must be an array of buyer valuations (got ${describe(rawBuyers)})`);
  if (rawBuyers.length === 0) throw new InputError(`${source}: buyers`, 'is empty; a market needs at least one buyer');
  const buyers = rawBuyers.map((b: unknown, j) => parseBuyer(b, `${source}: buyers[${j}]`, kinds));
  const pricing = json.pricing ?? 'exact';
  if (typeof pricing !== 'string' || !(PRICING_KINDS as readonly string[]).includes(pricing)) {
    throw new InputError(`${source}: pricing`, `must be one of ${PRICING_KINDS.join(', ')} (got ${describe(pricing)})`);
  }
  let epsilon: number | undefined;
  if (json.epsilon !== undefined) {
    if (pricing !== 'approximate') throw new InputError(`${source}: epsilon`, 'is only used with "pricing": "approximate" (exact pricing has no epsilon)');
    epsilon = finiteNumber(json.epsilon, `${source}: epsilon`, 'a finite number > 0');
    if (epsilon <= 0) throw new InputError(`${source}: epsilon`, `must be > 0 (got ${epsilon})`);
  }
  return {
    sigma,
    costs,
    buyers,
    pricing: pricing as PricingKind,
    epsilon,
    name: optionalString(json.name, `${source}: name`),
    description: optionalString(json.description, `${source}: description`),
  };
}

/** Read and validate a market file; JSON syntax and read errors are InputErrors naming the file. */
export function loadMarketFile(path: string, options: ParseMarketOptions = {}): MarketFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, e instanceof Error ? e.message : String(e));
  }
  return parseMarketFile(raw, path, options);
}
