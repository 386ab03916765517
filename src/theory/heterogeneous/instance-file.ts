/**
 * JSON files describing a heterogeneous instance of seed 001 (spec/001 §1) and the division of work
 * to use, e.g.
 *
 *     { "sigma": 10, "costs": [[0.033], [0.066], [0.1]], "allocation": "opt" }
 *
 * - sigma: finite number > 0.
 * - costs: m ≥ 1 rows of d ≥ 1 entries each; an entry is a number > 0, or null / "inf" / "infinity"
 *   (any case) for c = ∞ (the agent cannot sample that distribution). Every distribution needs at
 *   least one finite cost (c ∈ 𝒞, spec/001 §1).
 * - allocation (optional, default "opt"): a rule name (allocations.ts ALLOCATION_RULES) or an
 *   explicit m×d matrix of finite numbers ≥ 0, 0 wherever the cost is infinite, with at least one
 *   positive entry per distribution.
 * - noise (optional, default "gaussian"): how the simulation draws each distribution's data around
 *   μ_k with variance σ², "gaussian" or "uniform" (the theory does not depend on it).
 * - name, description and keys starting with "$" are allowed and ignored; other keys are rejected.
 *
 * Every error is an InputError whose field is "<source>: <path>", e.g. "instance.json: costs[2][0]".
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../core/instance.js';
import { ALLOCATION_RULES, type AllocationRule } from './allocations.js';
import type { HeteroInstance } from './types.js';
import { NOISE_KINDS, type NoiseKind } from '../../hetero/info.js';

export interface InstanceFile {
  readonly instance: HeteroInstance;
  /** A rule name (AllocationRule) or an explicit allocation n[i][k]. */
  readonly allocation: string | number[][];
  readonly noise: NoiseKind;
}

const IGNORED_KEYS = new Set(['name', 'description']);

function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseSigma(v: unknown, source: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InputError(`${source}: sigma`, `must be a finite number > 0 (got ${describe(v)})`);
  return v;
}

function parseCost(v: unknown, field: string): number {
  if (v === null || (typeof v === 'string' && ['inf', 'infinity'].includes(v.trim().toLowerCase()))) return Infinity;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(field, `must be a number > 0, or null / "inf" for an infinite cost (got ${describe(v)})`);
  if (v <= 0) throw new InputError(field, `must be > 0 (got ${v}); use null or "inf" if the agent cannot sample this distribution`);
  return v;
}

function parseCosts(v: unknown, source: string): number[][] {
  if (!Array.isArray(v) || v.length === 0) throw new InputError(`${source}: costs`, `must be a non-empty array of rows, one per agent (got ${describe(v)})`);
  const first: unknown = v[0];
  if (!Array.isArray(first) || first.length === 0) throw new InputError(`${source}: costs[0]`, `must be a non-empty array of costs, one per distribution (got ${describe(first)})`);
  const d = first.length;
  const costs = v.map((row: unknown, i) => {
    if (!Array.isArray(row)) throw new InputError(`${source}: costs[${i}]`, `must be an array of ${d} costs (got ${describe(row)})`);
    if (row.length !== d) throw new InputError(`${source}: costs[${i}]`, `has ${row.length} entries, expected ${d} (the length of costs[0])`);
    return row.map((c: unknown, k) => parseCost(c, `${source}: costs[${i}][${k}]`));
  });
  for (let k = 0; k < d; k++) {
    if (costs.every((row) => row[k] === Infinity)) {
      throw new InputError(`${source}: costs[*][${k}]`, `distribution ${k} cannot be sampled by any agent (every cost is infinite); each distribution needs a finite cost`);
    }
  }
  return costs;
}

function parseMatrix(v: unknown[], costs: readonly (readonly number[])[], source: string): number[][] {
  const m = costs.length;
  const d = (costs[0] as number[]).length;
  if (v.length !== m) throw new InputError(`${source}: allocation`, `has ${v.length} rows, expected ${m} (one per agent)`);
  const n = v.map((row: unknown, i) => {
    const field = `${source}: allocation[${i}]`;
    if (!Array.isArray(row)) throw new InputError(field, `must be an array of ${d} numbers (got ${describe(row)})`);
    if (row.length !== d) throw new InputError(field, `has ${row.length} entries, expected ${d} (one per distribution)`);
    return row.map((x: unknown, k) => {
      const f = `${field}[${k}]`;
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(f, `must be a finite number >= 0 (got ${describe(x)})`);
      if (x < 0) throw new InputError(f, `must be >= 0 (got ${x})`);
      if (x > 0 && (costs[i] as number[])[k] === Infinity) throw new InputError(f, `is ${x} but agent ${i} cannot sample distribution ${k} (its cost is infinite); it must be 0`);
      return x;
    });
  });
  for (let k = 0; k < d; k++) {
    if (n.every((row) => row[k] === 0)) throw new InputError(`${source}: allocation[*][${k}]`, `nobody collects distribution ${k}, so every agent's error on it is infinite`);
  }
  return n;
}

function parseAllocation(v: unknown, costs: readonly (readonly number[])[], source: string): string | number[][] {
  if (v === undefined) return 'opt';
  if (typeof v === 'string') {
    if (!(ALLOCATION_RULES as readonly string[]).includes(v)) throw new InputError(`${source}: allocation`, `unknown rule "${v}" (expected one of ${ALLOCATION_RULES.join(', ')}, or an m×d matrix)`);
    return v as AllocationRule;
  }
  if (Array.isArray(v)) return parseMatrix(v, costs, source);
  throw new InputError(`${source}: allocation`, `must be a rule name (${ALLOCATION_RULES.join(', ')}) or an m×d matrix (got ${describe(v)})`);
}

/** Validate a parsed JSON instance file; `source` (usually the file name) prefixes every error's field. */
export function parseInstanceFile(json: unknown, source: string): InstanceFile {
  if (!isRecord(json)) throw new InputError(`${source}: (top level)`, `must be an object with sigma, costs and allocation (got ${describe(json)})`);
  for (const key of Object.keys(json)) {
    if (!['sigma', 'costs', 'allocation', 'noise'].includes(key) && !IGNORED_KEYS.has(key) && !key.startsWith('$')) {
      throw new InputError(`${source}: ${key}`, 'unknown key (expected sigma, costs, allocation, and optionally noise, name, description)');
    }
  }
  const sigma = parseSigma(json.sigma, source);
  const costs = parseCosts(json.costs, source);
  const noise = json.noise ?? 'gaussian';
  if (typeof noise !== 'string' || !(NOISE_KINDS as readonly string[]).includes(noise)) {
    throw new InputError(`${source}: noise`, `must be one of ${NOISE_KINDS.join(', ')} (got ${describe(noise)})`);
  }
  return { instance: { sigma, costs }, allocation: parseAllocation(json.allocation, costs, source), noise: noise as NoiseKind };
}

/** Read and validate an instance file; JSON syntax errors are InputErrors naming the file. */
export function loadInstanceFile(path: string): InstanceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, e instanceof Error ? e.message : String(e));
  }
  return parseInstanceFile(raw, path);
}
