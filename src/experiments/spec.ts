import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../core/instance.js';
import { ALLOCATION_RULES } from '../theory/heterogeneous/allocations.js';

/** A list of numbers, or a range: {from, to, steps, scale: linear|log} or {from, to, step}. */
const numbers = z.union([
  z.array(z.number()).min(1),
  z.object({ from: z.number(), to: z.number(), steps: z.number().int().min(1), scale: z.enum(['linear', 'log']).default('linear'), integer: z.boolean().default(false) }).strict(),
  z.object({ from: z.number(), to: z.number(), step: z.number().positive() }).strict(),
]);

/** Task kinds that run on the m/σ/cost grid (seed 000 mechanisms) and on heterogeneous instances (seed 001). */
export const GRID_TASKS = ['theory', 'formula', 'evaluate', 'sweep', 'search', 'dynamics'] as const;
export const HETERO_TASKS = ['allocations', 'heterogeneous-theory', 'heterogeneous-search'] as const;
/** Task kinds that run on market files (seed 003). */
export const MARKET_TASKS = ['market-theory', 'market-search'] as const;
/** The built-in market mechanisms (plugins may add more: tasks name them by string). */
export const MARKET_MECHANISMS = ['market', 'market-naive', 'market-single'] as const;

/** Mechanisms a heterogeneous-search task may run: seed 001's, and seed 000's on d = 1 equal-cost instances. */
export const HETERO_SEARCH_MECHANISMS = ['sm', 'cbl', 'pool', 'pcs', 'c3d', 'cded'] as const;

/** Allocation rules of an `allocations` task: the rules of allocations.ts, or "input" for the instance file's own allocation. */
export const TASK_ALLOCATION_RULES = [...ALLOCATION_RULES, 'input'] as const;

const noDuplicates = (xs: readonly string[]) => new Set(xs).size === xs.length;

const task = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('theory') }).strict(),
  z.object({ kind: z.literal('formula'), name: z.enum(['high-dim-E']) }).strict(),
  z.object({ kind: z.literal('evaluate'), deviation: z.string().optional(), rounds: z.number().int().min(2) }).strict(),
  z.object({ kind: z.literal('sweep'), deviation: z.string(), param: z.string(), values: numbers, rounds: z.number().int().min(2) }).strict(),
  z.object({ kind: z.literal('search'), families: z.array(z.string()).optional(), tolerance: z.number().positive().optional() }).strict(),
  z.object({ kind: z.literal('dynamics'), start: z.enum(['solo', 'free-ride', 'recommended', 'random']), rule: z.enum(['round-robin', 'simultaneous']).default('round-robin') }).strict(),
  /** Seed 001: for each rule, the allocation n[i][k], each agent's penalty (M_SM; alone: p^IND) and the social penalty. */
  z
    .object({ kind: z.literal('allocations'), rules: z.array(z.enum(TASK_ALLOCATION_RULES)).min(1).refine(noDuplicates, 'list each rule once') })
    .strict(),
  /** Seed 001: the exact theory of M_CBL and/or M_SM at the instance's input allocation. */
  z
    .object({
      kind: z.literal('heterogeneous-theory'),
      mechanisms: z.array(z.enum(['cbl', 'sm'])).min(1).refine(noDuplicates, 'list each mechanism once').default(['cbl']),
    })
    .strict(),
  /** Seed 003: the exact theory of each market mechanism (src/market/theory-report.ts). */
  z
    .object({
      kind: z.literal('market-theory'),
      mechanisms: z.array(z.string().min(1)).min(1).refine(noDuplicates, 'list each mechanism once').default([...MARKET_MECHANISMS]),
    })
    .strict(),
  /** Seed 003: contributors' best-response search under each market mechanism (src/market/certificate.ts). */
  z
    .object({
      kind: z.literal('market-search'),
      mechanisms: z.array(z.string().min(1)).min(1).refine(noDuplicates, 'list each mechanism once').default([...MARKET_MECHANISMS]),
      families: z.array(z.string()).min(1).optional(),
      tolerance: z.number().positive().optional(),
      rounds: z.number().int().min(2).optional(),
    })
    .strict(),
  /** Seed 001: best-response search of every class of agents under each mechanism (src/hetero/certificate.ts). */
  z
    .object({
      kind: z.literal('heterogeneous-search'),
      mechanisms: z.array(z.enum(HETERO_SEARCH_MECHANISMS)).min(1).refine(noDuplicates, 'list each mechanism once').default(['cbl']),
      families: z.array(z.string()).min(1).optional(),
      tolerance: z.number().positive().optional(),
      rounds: z.number().int().min(2).optional(),
    })
    .strict(),
]);

/** Seed 001 instances: an instance file (path relative to the spec file), or Theorem 4's instance (19) for each m. */
const heteroInstance = z.union([
  z.string().min(1),
  z
    .object({
      thm4: z
        .object({
          m: numbers,
          sigma: z.number().positive().default(1),
          gamma: z.number().positive().default(1),
        })
        .strict(),
    })
    .strict(),
]);

/**
 * Seed 003 market files (paths relative to the spec file), as written or with a sweep of the cost gap:
 * the second-cheapest contributor's cost is set to c_1 + gap for each gap (seed 003, Thm 4's c_2 − c_1).
 */
const marketEntry = z.union([z.string().min(1), z.object({ file: z.string().min(1), costGap: numbers }).strict()]);

const rule = z.object({ y: z.union([z.number(), z.string()]), label: z.string() }).strict();

const chart = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    title: z.string(),
    task: z.enum([...GRID_TASKS, ...HETERO_TASKS, ...MARKET_TASKS]),
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
    /** Flatten each seed-001 row into one row per agent (fields agent, n = Σ_k n_{i,k}, p, pInd). */
    agents: z.boolean().default(false),
    /** A second measure on its own right-hand axis, as bars beside y's (mark "bar"), e.g. p beside n. */
    y2: z.string().optional(),
    /** A field drawn as a gray tick over each y2 bar (over y's if there is no y2), e.g. pInd. */
    tick: z.string().optional(),
    /** Small multiples: one panel per value of this field, in order of appearance. */
    column: z.string().optional(),
    /** Display names of fields in axes and legends, e.g. {"n": "n_i"}. */
    labels: z.record(z.string(), z.string()).default({}),
  })
  .strict()
  .refine((c) => c.y2 === undefined || c.mark === 'bar', { message: 'y2 needs mark "bar"', path: ['y2'] })
  .refine((c) => !(c.trace && c.agents), { message: 'give trace or agents, not both', path: ['agents'] });

const column = z.union([z.string(), z.object({ field: z.string(), label: z.string() }).strict()]);

/** A table in the report (HTML, and tables/<id>.csv with full precision). */
const table = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    title: z.string(),
    task: z.enum([...GRID_TASKS, ...HETERO_TASKS, ...MARKET_TASKS]),
    columns: z.array(column).min(1),
    where: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    agents: z.boolean().default(false),
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
      .refine((g) => (g.cost === undefined) !== (g.nStar === undefined), 'give exactly one of cost and nStar')
      .optional(),
    /** Instead of grid: seed-001 heterogeneous instances (tasks allocations and heterogeneous-theory). */
    instances: z.array(heteroInstance).min(1).optional(),
    /** Instead of grid or instances: seed-003 market files (tasks market-theory and market-search). */
    markets: z.array(marketEntry).min(1).optional(),
    /** Seed-000 mechanisms run on the grid (a heterogeneous-theory task names its own). */
    mechanisms: z.array(z.string()).default([]),
    mechanismParams: z.record(z.string(), z.record(z.string(), z.number())).default({}),
    plugins: z.array(z.string()).default([]),
    tasks: z.array(task).min(1),
    charts: z.array(chart).default([]),
    tables: z.array(table).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const given = [s.grid, s.instances, s.markets].filter((x) => x !== undefined).length;
    if (given !== 1) {
      issue(s.grid === undefined ? ['grid'] : ['instances'], 'give exactly one of grid (m, σ, cost), instances (seed-001 instance files or thm4) and markets (seed-003 market files)');
      return;
    }
    if (s.markets !== undefined) {
      if (Object.keys(s.mechanismParams).length > 0) issue(['mechanismParams'], 'not used with markets');
      if (s.mechanisms.length > 0) issue(['mechanisms'], 'not used with markets: each market task names its mechanisms');
      s.tasks.forEach((t, j) => {
        if (!(MARKET_TASKS as readonly string[]).includes(t.kind)) issue(['tasks', j, 'kind'], `"${t.kind}" does not run on market files; use ${MARKET_TASKS.join(' or ')}`);
      });
      s.markets.forEach((e, j) => {
        if (typeof e === 'string') return;
        for (const g of expand(e.costGap)) if (!(Number.isFinite(g) && g >= 0)) issue(['markets', j, 'costGap'], `every gap must be a number >= 0 (got ${g})`);
      });
      const kinds = new Set<string>(s.tasks.map((t) => t.kind));
      s.charts.forEach((c, j) => kinds.has(c.task) || issue(['charts', j, 'task'], `no "${c.task}" task in tasks`));
      s.tables.forEach((t, j) => kinds.has(t.task) || issue(['tables', j, 'task'], `no "${t.task}" task in tasks`));
      return;
    }
    const hetero = s.instances !== undefined;
    if (!hetero && s.mechanisms.length === 0) issue(['mechanisms'], 'a grid experiment needs at least one mechanism');
    if (hetero && s.mechanisms.length > 0) issue(['mechanisms'], 'not used with instances: a heterogeneous-theory task names its mechanisms (cbl, sm)');
    if (hetero && s.plugins.length > 0) issue(['plugins'], 'not used with instances (seed-001 tasks are closed forms)');
    if (hetero && Object.keys(s.mechanismParams).length > 0) issue(['mechanismParams'], 'not used with instances');
    const allowed: readonly string[] = hetero ? HETERO_TASKS : GRID_TASKS;
    s.tasks.forEach((t, j) => {
      if ((MARKET_TASKS as readonly string[]).includes(t.kind)) issue(['tasks', j, 'kind'], `"${t.kind}" needs markets (seed-003 market files)`);
    });
    s.tasks.forEach((t, j) => {
      if (!allowed.includes(t.kind)) {
        issue(['tasks', j, 'kind'], hetero ? `"${t.kind}" runs on the grid; with instances use ${HETERO_TASKS.join(' or ')}` : `"${t.kind}" needs instances instead of a grid`);
      }
    });
    (s.instances ?? []).forEach((inst, j) => {
      if (typeof inst === 'string') return;
      for (const m of expand(inst.thm4.m)) {
        if (!(Number.isInteger(m) && m >= 2)) issue(['instances', j, 'thm4', 'm'], `every m must be an integer >= 2 (got ${m})`);
      }
    });
    const kinds = new Set<string>(s.tasks.map((t) => t.kind));
    if (hetero) {
      // (grid specs keep their old leniency: a chart of a task they do not run shows "no data")
      s.charts.forEach((c, j) => kinds.has(c.task) || issue(['charts', j, 'task'], `no "${c.task}" task in tasks`));
      s.tables.forEach((t, j) => kinds.has(t.task) || issue(['tables', j, 'task'], `no "${t.task}" task in tasks`));
    }
    s.charts.forEach((c, j) => {
      if (c.agents && !(HETERO_TASKS as readonly string[]).includes(c.task)) issue(['charts', j, 'agents'], `per-agent rows need task ${HETERO_TASKS.join(' or ')}`);
    });
    s.tables.forEach((t, j) => {
      if (t.agents && !(HETERO_TASKS as readonly string[]).includes(t.task)) issue(['tables', j, 'agents'], `per-agent rows need task ${HETERO_TASKS.join(' or ')}`);
    });
  });

export type ExperimentSpec = z.infer<typeof ExperimentSpec>;
export type TaskSpec = z.infer<typeof task>;
export type ChartSpec = z.infer<typeof chart>;
export type Numbers = z.infer<typeof numbers>;
export type TableSpec = z.infer<typeof table>;
export type HeteroInstanceSpec = z.infer<typeof heteroInstance>;
export type GridTaskSpec = Extract<TaskSpec, { kind: (typeof GRID_TASKS)[number] }>;
export type HeteroTaskSpec = Extract<TaskSpec, { kind: (typeof HETERO_TASKS)[number] }>;
export type MarketTaskSpec = Extract<TaskSpec, { kind: (typeof MARKET_TASKS)[number] }>;
export type MarketEntrySpec = z.infer<typeof marketEntry>;

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
