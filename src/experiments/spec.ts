import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../core/instance.js';

/** A list of numbers, or a range: {from, to, steps, scale: linear|log} or {from, to, step}. */
const numbers = z.union([
  z.array(z.number()).min(1),
  z.object({ from: z.number(), to: z.number(), steps: z.number().int().min(1), scale: z.enum(['linear', 'log']).default('linear'), integer: z.boolean().default(false) }).strict(),
  z.object({ from: z.number(), to: z.number(), step: z.number().positive() }).strict(),
]);

const task = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('theory') }).strict(),
  z.object({ kind: z.literal('formula'), name: z.enum(['high-dim-E']) }).strict(),
  z.object({ kind: z.literal('evaluate'), deviation: z.string().optional(), rounds: z.number().int().min(2) }).strict(),
  z.object({ kind: z.literal('sweep'), deviation: z.string(), param: z.string(), values: numbers, rounds: z.number().int().min(2) }).strict(),
  z.object({ kind: z.literal('search'), families: z.array(z.string()).optional(), tolerance: z.number().positive().optional() }).strict(),
  z.object({ kind: z.literal('dynamics'), start: z.enum(['solo', 'free-ride', 'recommended', 'random']), rule: z.enum(['round-robin', 'simultaneous']).default('round-robin') }).strict(),
]);

const rule = z.object({ y: z.union([z.number(), z.string()]), label: z.string() }).strict();

const chart = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    title: z.string(),
    task: z.enum(['theory', 'formula', 'evaluate', 'sweep', 'search', 'dynamics']),
    mark: z.enum(['line', 'point', 'bar']).default('line'),
    x: z.string(),
    y: z.string(),
    color: z.string().optional(),
    xScale: z.enum(['linear', 'log']).default('linear'),
    yScale: z.enum(['linear', 'log']).default('linear'),
    /** Reference lines: a constant, or a row field drawn as a dashed series (e.g. the bound 5/m). */
    rules: z.array(rule).default([]),
    /** Keep only rows whose fields equal these values, e.g. {"m": 10}. */
    where: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    /** Flatten each dynamics row's trace into one row per iteration. */
    trace: z.boolean().default(false),
  })
  .strict();

export const ExperimentSpec = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    description: z.string(),
    claim: z.string().optional(),
    seed: z.number().int(),
    grid: z
      .object({
        m: numbers,
        sigma: numbers.default([1]),
        cost: numbers.optional(),
        /** Instead of cost: the integer n* to aim at, c = σ²/(m·n*²) (spec/000 §8). */
        nStar: numbers.optional(),
      })
      .strict()
      .refine((g) => (g.cost === undefined) !== (g.nStar === undefined), 'give exactly one of cost and nStar'),
    mechanisms: z.array(z.string()).min(1),
    mechanismParams: z.record(z.string(), z.record(z.string(), z.number())).default({}),
    plugins: z.array(z.string()).default([]),
    tasks: z.array(task).min(1),
    charts: z.array(chart).default([]),
  })
  .strict();

export type ExperimentSpec = z.infer<typeof ExperimentSpec>;
export type TaskSpec = z.infer<typeof task>;
export type ChartSpec = z.infer<typeof chart>;
export type Numbers = z.infer<typeof numbers>;

/** Validates a parsed spec; errors name the path of the bad field. */
export function parseSpec(raw: unknown, source = 'spec'): ExperimentSpec {
  const r = ExperimentSpec.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more)` : '';
  throw new InputError(`${source}: ${path}`, `${issue.message}${more}`);
}

export function loadSpec(file: string): ExperimentSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, e instanceof Error ? e.message : String(e));
  }
  return parseSpec(raw, file);
}

/** Expands a list or range into its numbers. */
export function expand(n: Numbers): number[] {
  if (Array.isArray(n)) return n;
  if ('step' in n) {
    const out: number[] = [];
    for (let x = n.from; x <= n.to + 1e-9 * Math.abs(n.step); x += n.step) out.push(Number(x.toPrecision(12)));
    return out;
  }
  const xs: number[] = [];
  for (let j = 0; j < n.steps; j++) {
    const t = n.steps === 1 ? 0 : j / (n.steps - 1);
    const x = n.scale === 'log' ? n.from * (n.to / n.from) ** t : n.from + (n.to - n.from) * t;
    xs.push(n.integer ? Math.round(x) : Number(x.toPrecision(12)));
  }
  return [...new Set(xs)];
}
