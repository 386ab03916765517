/**
 * JSON files describing a seed-004 instance (Bayesian personalized threshold pricing, spec/004 §1), e.g.
 *
 *     { "correlation": [[1, 0.5], [0.5, 1]],
 *       "priors": [{ "kind": "uniform", "low": 0, "high": 16 }, { "kind": "uniform", "low": 0, "high": 16 }],
 *       "effortCost": [{ "kind": "power", "scale": 0.5, "exponent": 4 }, { "kind": "power", "scale": 0.5, "exponent": 4 }],
 *       "model": "exact" }
 *
 * - correlation: n×n symmetric positive-definite matrix with unit diagonal, n ≥ 1 (spec/004 §1.3:
 *   v_i depends on Σ only through the correlation matrix R).
 * - priors: n prior specs with bounded support (spec/004 §1.1), of a kind registered in priors.ts
 *   ("uniform" {low, high}, "truncated-exponential" {rate, low, high}, or a plugin kind).
 * - model (optional, default "exact"): "exact" (Gaussian v) or "approx" (the paper's v̂, eq. (A.5)).
 * - effortCost (optional): an array of n objects with a string "kind", kept raw (the effort game
 *   validates the kinds; spec/004 §3).
 * - name, description and keys starting with "$" are ignored; other keys are rejected unless the
 *   caller whitelists them (ParseBayesOptions.extraKeys; they are returned raw in `extra`).
 *
 * Every error is an InputError whose field is "<source>: <path>", e.g. "two-agent.json: correlation[0][1]"
 * or "two-agent.json: priors[1].high".
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../core/instance.js';
import { validateCorrelation } from './correlation.js';
import { makePrior, type Prior, type PriorSpec } from './priors.js';
import type { Model } from './value.js';

export const MODELS: readonly Model[] = ['exact', 'approx'];

export interface BayesInstance {
  readonly n: number;
  /** The validated correlation matrix R (exactly symmetric). */
  readonly correlation: number[][];
  readonly priors: readonly Prior[];
  /** The prior specs as in the file (without "name"/"$" keys). */
  readonly priorSpecs: readonly PriorSpec[];
  readonly model: Model;
  /** Raw effort-cost objects, one per agent, or undefined. */
  readonly effortCost: readonly Readonly<Record<string, unknown>>[] | undefined;
  readonly name: string | undefined;
  readonly description: string | undefined;
  /** Caller-whitelisted extra keys, raw. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface ParseBayesOptions {
  /** Extra top-level keys to accept (returned raw in `extra`). */
  readonly extraKeys?: readonly string[];
}

const TOP_KEYS = ['correlation', 'priors', 'model', 'effortCost'];

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

function optionalString(v: unknown, field: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new InputError(field, `must be a string (got ${describe(v)})`);
  return v;
}

/** Validates a parsed JSON instance; `source` (usually the file name) prefixes every error's field. */
export function parseBayesInstance(json: unknown, source: string, options: ParseBayesOptions = {}): BayesInstance {
  const extraKeys = options.extraKeys ?? [];
  if (!isRecord(json)) throw new InputError(`${source}: (top level)`, `must be an object with correlation and priors (got ${describe(json)})`);
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(json)) {
    if (key === 'name' || key === 'description' || key.startsWith('$')) continue;
    if (extraKeys.includes(key)) {
      extra[key] = json[key];
      continue;
    }
    if (!TOP_KEYS.includes(key)) {
      throw new InputError(`${source}: ${key}`, `unknown key (expected correlation, priors, and optionally model, effortCost, name, description${extraKeys.length ? ', ' + extraKeys.join(', ') : ''})`);
    }
  }
  if (!('correlation' in json)) throw new InputError(`${source}: correlation`, 'missing (an n×n correlation matrix)');
  const correlation = validateCorrelation(json.correlation, `${source}: correlation`);
  const n = correlation.length;

  const rawPriors = json.priors;
  if (!Array.isArray(rawPriors)) throw new InputError(`${source}: priors`, `must be an array of ${n} prior specs (got ${describe(rawPriors)})`);
  if (rawPriors.length !== n) throw new InputError(`${source}: priors`, `must have one prior per agent: ${n} (the size of correlation), got ${rawPriors.length}`);
  const priorSpecs: PriorSpec[] = [];
  const priors = rawPriors.map((p: unknown, i) => {
    const field = `${source}: priors[${i}]`;
    if (!isRecord(p)) throw new InputError(field, `must be an object with a "kind" (got ${describe(p)})`);
    const spec: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (k !== 'name' && !k.startsWith('$')) spec[k] = v;
    const prior = makePrior(spec, field);
    priorSpecs.push(spec as PriorSpec);
    return prior;
  });

  let model: Model = 'exact';
  if (json.model !== undefined) {
    if (typeof json.model !== 'string' || !(MODELS as readonly string[]).includes(json.model)) {
      throw new InputError(`${source}: model`, `must be "exact" or "approx" (got ${describe(json.model)})`);
    }
    model = json.model as Model;
  }

  let effortCost: Readonly<Record<string, unknown>>[] | undefined;
  if (json.effortCost !== undefined) {
    const ec = json.effortCost;
    if (!Array.isArray(ec)) throw new InputError(`${source}: effortCost`, `must be an array of ${n} cost objects (got ${describe(ec)})`);
    if (ec.length !== n) throw new InputError(`${source}: effortCost`, `must have one cost per agent: ${n}, got ${ec.length}`);
    effortCost = ec.map((c: unknown, i) => {
      if (!isRecord(c)) throw new InputError(`${source}: effortCost[${i}]`, `must be an object with a "kind" (got ${describe(c)})`);
      if (typeof c.kind !== 'string') throw new InputError(`${source}: effortCost[${i}].kind`, `must be a string (got ${describe(c.kind)})`);
      return Object.freeze({ ...c });
    });
  }

  return Object.freeze({
    n,
    correlation,
    priors,
    priorSpecs,
    model,
    effortCost,
    name: optionalString(json.name, `${source}: name`),
    description: optionalString(json.description, `${source}: description`),
    extra,
  });
}

/** Reads and validates an instance file; errors name the file and the entry. */
export function loadBayesFile(path: string, options: ParseBayesOptions = {}): BayesInstance {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read the instance file (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(path, `is not valid JSON (${(e as Error).message})`);
  }
  return parseBayesInstance(json, path, options);
}
