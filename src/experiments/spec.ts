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
/** Task kinds that run on seed-004 bayes instances (files or the star / pair generators). */
export const BAYES_TASKS = ['threshold-theory', 'effort-dynamics', 'best-response-curve'] as const;
/** Seed 004's threshold mechanisms (src/theory/bayes/mechanisms.ts MECHANISM_NAMES). */
export const BAYES_MECHANISMS = ['threshold-pricing', 'blind-threshold', 'full-allocation', 'free-sharing'] as const;
/** The mechanisms of seed 004's effort game (src/effort/game.ts): Algorithm 1 for the updated priors, or free full sharing. */
export const EFFORT_MECHANISMS = ['threshold-pricing', 'free-sharing'] as const;

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
  /**
   * Seed 004: ex-ante expectations of each threshold mechanism over the priors (src/theory/bayes/expected.ts),
   * one row per (instance, mechanism, agent). `nodes`: Gauss–Legendre points per dimension (n ≤ 4).
   */
  z
    .object({
      kind: z.literal('threshold-theory'),
      mechanisms: z.array(z.enum(BAYES_MECHANISMS)).min(1).refine(noDuplicates, 'list each mechanism once').default(['threshold-pricing']),
      nodes: z.number().int().min(2).max(400).optional(),
    })
    .strict(),
  /** Seed 004 §4: the effort game's highest and lowest equilibria (lattice dynamics) and the increasing-differences check. */
  z
    .object({
      kind: z.literal('effort-dynamics'),
      mechanisms: z.array(z.enum(EFFORT_MECHANISMS)).min(1).refine(noDuplicates, 'list each mechanism once').default(['threshold-pricing']),
      update: z.enum(['jacobi', 'gauss-seidel']).default('jacobi'),
      nodes: z.number().int().min(2).max(400).optional(),
    })
    .strict(),
  /** Seed 004 §4: agent `agent`'s (1-based) greatest best response when every other agent exerts e_j, for each e_j in `others`. */
  z
    .object({
      kind: z.literal('best-response-curve'),
      mechanisms: z.array(z.enum(EFFORT_MECHANISMS)).min(1).refine(noDuplicates, 'list each mechanism once').default(['threshold-pricing']),
      others: numbers,
      agent: z.number().int().min(1).default(1),
      nodes: z.number().int().min(2).max(400).optional(),
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

const bayesModels = z.union([z.enum(['exact', 'approx']), z.array(z.enum(['exact', 'approx'])).min(1).refine(noDuplicates, 'list each model once')]);
/** An effort cost as instance files write it ({kind, ...params}: src/effort/costs.ts), checked when the cells are built. */
const effortCostSpec = z.looseObject({ kind: z.string().min(1) });

/**
 * Seed 004 bayes instances: an instance file (path relative to the spec file; experiments/bayes/), or a generator:
 *   star — Example 1: agent 1 correlated with agents 2..n at ρ, the others uncorrelated; q_i ~ Unif[0, Q];
 *   pair — two agents with correlation r; q_i ~ Unif[0, Q].
 * `model` (a model or a list: one instance per model) is the mechanism's value model; `cost` is every
 * agent's effort cost (needed by the effort tasks).
 */
const bayesGenerator = z
  .object({
    star: z
      .object({ rho: numbers, Q: z.number().positive().default(10), n: z.number().int().min(2).default(3), model: bayesModels.default('exact'), cost: effortCostSpec.optional() })
      .strict()
      .optional(),
    pair: z
      .object({
        r: numbers,
        Q: z.number().positive().default(16),
        model: bayesModels.default('exact'),
        cost: effortCostSpec.optional(),
        /** Sweep of a kinked cost's slope κ (spec/004 §4 W8: the band of multiple equilibria). */
        kappa: numbers.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((g) => (g.star === undefined) !== (g.pair === undefined), 'give exactly one generator: star or pair');
const bayesEntry = z.union([z.string().min(1), bayesGenerator]);

const rule = z.object({ y: z.union([z.number(), z.string()]), label: z.string() }).strict();

const chart = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    title: z.string(),
    task: z.enum([...GRID_TASKS, ...HETERO_TASKS, ...MARKET_TASKS, ...BAYES_TASKS]),
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
    /**
     * Flatten each row into one row per agent: seed-001 rows (fields agent, n = Σ_k n_{i,k}, p, pInd) and
     * seed-004 effort-dynamics rows (fields agent, highest, lowest). `where` may then name agent.
     */
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
    task: z.enum([...GRID_TASKS, ...HETERO_TASKS, ...MARKET_TASKS, ...BAYES_TASKS]),
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
    /** Instead of grid, instances or markets: seed-004 bayes instance files or the star / pair generators. */
    bayes: z.array(bayesEntry).min(1).optional(),
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
    const given = [s.grid, s.instances, s.markets, s.bayes].filter((x) => x !== undefined).length;
    if (given !== 1) {
      issue(
        s.grid === undefined ? ['grid'] : s.instances !== undefined ? ['instances'] : s.markets !== undefined ? ['markets'] : ['bayes'],
        'give exactly one of grid (m, σ, cost), instances (seed-001 instance files or thm4), markets (seed-003 market files) and bayes (seed-004 instance files, star or pair)',
      );
      return;
    }
    if (s.bayes !== undefined) {
      refineBayes(s as ExperimentSpecInput & { bayes: BayesEntrySpec[] }, issue);
      return;
    }
    s.tasks.forEach((t, j) => {
      if ((BAYES_TASKS as readonly string[]).includes(t.kind)) issue(['tasks', j, 'kind'], `"${t.kind}" needs bayes (seed-004 instance files, star or pair)`);
    });
    if (s.tasks.some((t) => (BAYES_TASKS as readonly string[]).includes(t.kind))) return;
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

type ExperimentSpecInput = Omit<z.infer<typeof ExperimentSpec>, 'bayes'>;
type Issue = (path: (string | number)[], message: string) => void;

/** The checks of a bayes spec that need the expanded numbers (ρ, r, others) or the task list. */
function refineBayes(s: ExperimentSpecInput & { bayes: BayesEntrySpec[] }, issue: Issue): void {
  if (Object.keys(s.mechanismParams).length > 0) issue(['mechanismParams'], 'not used with bayes');
  if (s.mechanisms.length > 0) issue(['mechanisms'], 'not used with bayes: each bayes task names its mechanisms');
  if (s.plugins.length > 0) issue(['plugins'], 'not used with bayes (seed-004 tasks are quadratures of the built-in mechanisms)');
  s.tasks.forEach((t, j) => {
    if (!(BAYES_TASKS as readonly string[]).includes(t.kind)) issue(['tasks', j, 'kind'], `"${t.kind}" does not run on bayes instances; use ${BAYES_TASKS.join(', ')}`);
    if (t.kind === 'best-response-curve') {
      for (const e of expand(t.others)) if (!(Number.isFinite(e) && e >= 0)) issue(['tasks', j, 'others'], `every effort must be a number >= 0 (got ${e})`);
    }
  });
  const effort = s.tasks.some((t) => t.kind === 'effort-dynamics' || t.kind === 'best-response-curve');
  s.bayes.forEach((e, j) => {
    if (typeof e === 'string') return;
    if (e.star) {
      const limit = 1 / Math.sqrt(e.star.n - 1);
      for (const rho of expand(e.star.rho)) {
        if (!(Number.isFinite(rho) && Math.abs(rho) < limit)) issue(['bayes', j, 'star', 'rho'], `every ρ must satisfy |ρ| < 1/√(n − 1) = ${limit} so that R is positive definite (got ${rho})`);
      }
      if (effort && e.star.cost === undefined) issue(['bayes', j, 'star', 'cost'], 'the effort tasks need an effort cost, e.g. {"kind": "power", "scale": 0.5, "exponent": 4}');
    } else if (e.pair) {
      for (const r of expand(e.pair.r)) if (!(Number.isFinite(r) && Math.abs(r) < 1)) issue(['bayes', j, 'pair', 'r'], `every r must lie in (−1, 1) (got ${r})`);
      if (effort && e.pair.cost === undefined) issue(['bayes', j, 'pair', 'cost'], 'the effort tasks need an effort cost, e.g. {"kind": "power", "scale": 0.5, "exponent": 4}');
      if (e.pair.kappa !== undefined) {
        if (e.pair.cost?.kind !== 'kinked') issue(['bayes', j, 'pair', 'kappa'], 'sweeps the slope of a kinked cost: give "cost": {"kind": "kinked", …}');
        for (const k of expand(e.pair.kappa)) if (!(Number.isFinite(k) && k > 0)) issue(['bayes', j, 'pair', 'kappa'], `every κ must be a number > 0 (got ${k})`);
      }
    }
  });
  const kinds = new Set<string>(s.tasks.map((t) => t.kind));
  s.charts.forEach((c, j) => kinds.has(c.task) || issue(['charts', j, 'task'], `no "${c.task}" task in tasks`));
  s.tables.forEach((t, j) => kinds.has(t.task) || issue(['tables', j, 'task'], `no "${t.task}" task in tasks`));
  s.charts.forEach((c, j) => {
    if (c.agents && c.task !== 'effort-dynamics') issue(['charts', j, 'agents'], 'per-agent rows need task effort-dynamics (threshold-theory rows are per agent already)');
  });
  s.tables.forEach((t, j) => {
    if (t.agents && t.task !== 'effort-dynamics') issue(['tables', j, 'agents'], 'per-agent rows need task effort-dynamics (threshold-theory rows are per agent already)');
  });
}

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
export type BayesTaskSpec = Extract<TaskSpec, { kind: (typeof BAYES_TASKS)[number] }>;
export type BayesEntrySpec = z.infer<typeof bayesEntry>;
export type EffortCostSpec = z.infer<typeof effortCostSpec>;

type ZodIssue = z.core.$ZodIssue;

/**
 * The issue to report for a failed union: when every alternative but one fails on the type of the
 * value itself (e.g. a string where an object was given), the remaining alternative's own first
 * issue, its path appended (so `bayes.0.pair.r` rather than `bayes.0: Invalid input`).
 */
function specificIssue(issue: ZodIssue): ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return issue;
  const options = (issue.errors as ZodIssue[][]).filter((errs) => errs.length > 0 && !(errs[0].code === 'invalid_type' && errs[0].path.length === 0));
  if (options.length !== 1) return issue;
  const inner = specificIssue(options[0][0]);
  return { ...inner, path: [...issue.path, ...inner.path] } as ZodIssue;
}

/** Validates a parsed spec; errors name the path of the bad field. */
export function parseSpec(raw: unknown, source = 'spec'): ExperimentSpec {
  const r = ExperimentSpec.safeParse(raw);
  if (r.success) return r.data;
  const issue = specificIssue(r.error.issues[0]);
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
