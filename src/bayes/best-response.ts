/**
 * Best-response search over report functions in seed 004's data-sharing game: can agent i gain by
 * reporting σ(q_i) instead of q_i when everyone else reports truthfully? Theorem 1 of seed 004 says
 * truthful reporting is an EX-POST Nash equilibrium of Algorithm 1, so the check is ex post:
 *
 *   gain(family, params) = max over the profile grid Q of [ U_i(σ(q_i), q_{−i}; q) − U_i(q; q) ]
 *
 * i.e. the largest ex-post gain of the report function over a grid of true-type profiles (every
 * combination of `grid` evenly spaced points of each agent's support, ends included, plus any extra
 * profiles given). Utilities are closed forms (src/bayes/evaluate.ts), so there is no Monte Carlo
 * noise: a deviation is profitable when its gain exceeds `tolerance` (1e-9). For each family the
 * params maximising that gain are found with `minimize` (src/search/optimize.ts) over the family's
 * declared box, started at its defaults; the search is deterministic. The ex-ante expected gain
 * E_q[U_i(σ) − U_i(truthful)] of the best params is reported alongside (seed 004, (A.2)).
 */
import { InputError } from '../core/instance.js';
import { paramRange, resolveParams, type ParamSpecs } from '../core/params.js';
import { minimize, type OptimizeOptions, type Params } from '../search/optimize.js';
import type { BayesMechanism } from '../theory/bayes/mechanisms.js';
import { type BayesExpectOptions, type BayesGame, exAnteGain, type ExpectedGain, ExPostEvaluator } from './evaluate.js';
import { bayesInfo, type BayesInfo, bindReportStrategy, type ReportStrategyPlugin } from './strategy.js';

/** Above this many profiles the grid is refused (choose a smaller `grid`). */
export const MAX_PROFILES = 200_000;
/** Default profile budget when `grid` is not given: the largest grid ≤ 9 with grid^n ≤ this. */
export const DEFAULT_PROFILE_BUDGET = 20_000;

export interface BayesSearchOptions {
  /** Points per agent's support in the profile grid, ends included (default 9, fewer for n ≥ 5). */
  readonly grid?: number;
  /** Extra true-type profiles to include (e.g. the W4 profile (4, 2/3)). */
  readonly profiles?: readonly (readonly number[])[];
  /** A gain above this is a profitable misreport (default 1e-9). */
  readonly tolerance?: number;
  /** Options of the ex-ante expectation of the best params, or false to skip it. */
  readonly exAnte?: BayesExpectOptions | false;
  /** Options of `minimize` (default 41 grid points, 60 golden-section steps). */
  readonly optimize?: OptimizeOptions;
}

export const DEFAULT_TOLERANCE = 1e-9;

/** The best point one family reached for one agent. */
export interface BayesFamilyResult {
  readonly family: string;
  readonly ranges: Record<string, [number, number]>;
  readonly params: Params;
  /** max over the profile grid of the ex-post gain at `params`. */
  readonly gain: number;
  /** The profile (true types) where that gain is attained (first on ties). */
  readonly profile: readonly number[];
  /** Her report there, σ(q_i). */
  readonly report: number;
  /** Her truthful and deviating ex-post utilities there. */
  readonly truthfulUtility: number;
  readonly deviationUtility: number;
  /** Ex-ante expected gain of `params` over the priors (null when skipped). */
  readonly exAnte: ExpectedGain | null;
  /** Objective evaluations (each one a pass over the profile grid). */
  readonly evaluations: number;
}

export interface BayesAgentSearch {
  readonly agent: number;
  readonly info: BayesInfo;
  readonly profiles: number;
  readonly searched: readonly BayesFamilyResult[];
  /** The family with the largest gain, if that gain exceeds the tolerance. */
  readonly best: BayesFamilyResult | null;
}

/** Default grid size for n agents: min(9, ⌊budget^{1/n}⌋), at least 2. */
export function defaultGrid(n: number): number {
  let g = 9;
  while (g > 2 && g ** n > DEFAULT_PROFILE_BUDGET) g--;
  return g;
}

/**
 * The profile grid: every combination of `grid` evenly spaced points of each support (ends
 * included), then the extra profiles (validated: n entries inside the supports), without duplicates.
 */
export function profileGrid(game: BayesGame, grid: number, extra: readonly (readonly number[])[] = []): Float64Array[] {
  const n = game.priors.length;
  if (!(Number.isInteger(grid) && grid >= 2)) throw new InputError('grid', `must be an integer >= 2 (got ${grid})`);
  if (grid ** n > MAX_PROFILES) throw new InputError('grid', `${grid}^${n} = ${grid ** n} profiles exceed ${MAX_PROFILES}; choose a smaller grid`);
  const axes = game.priors.map((p) => Array.from({ length: grid }, (_, k) => (k === grid - 1 ? p.high : p.low + ((p.high - p.low) * k) / (grid - 1))));
  const out: Float64Array[] = [];
  const seen = new Set<string>();
  const push = (q: Float64Array): void => {
    const key = Array.from(q).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    out.push(q);
  };
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    push(Float64Array.from(idx.map((k, j) => axes[j][k])));
    let d = n - 1;
    while (d >= 0 && ++idx[d] === grid) idx[d--] = 0;
    if (d < 0) break;
  }
  extra.forEach((q, e) => {
    if (q.length !== n) throw new InputError(`profiles[${e}]`, `must have ${n} entries (got ${q.length})`);
    q.forEach((x, j) => {
      const p = game.priors[j];
      if (!(x >= p.low && x <= p.high)) throw new InputError(`profiles[${e}][${j}]`, `must lie in agent ${j}'s support [${p.low}, ${p.high}] (got ${x})`);
    });
    push(Float64Array.from(q));
  });
  return out;
}

interface GridMax {
  gain: number;
  at: number;
  report: number;
  deviation: number;
}

/**
 * Agent `agent`'s best response over `families` (report strategies) against truthful others under
 * `mech`, on the profile grid (see the module comment for the gain's definition).
 */
export function bayesBestResponse(
  mech: BayesMechanism,
  game: BayesGame,
  agent: number,
  families: readonly ReportStrategyPlugin[],
  opts: BayesSearchOptions = {},
  profiles?: readonly Float64Array[],
): BayesAgentSearch {
  const ev = new ExPostEvaluator(mech, game, agent);
  const info = bayesInfo(ev.n, agent, game.priors[agent], game.model);
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const grid = profiles ?? profileGrid(game, opts.grid ?? defaultGrid(ev.n), opts.profiles);
  const at = grid.map((q) => ev.at(q)); // U_i at profile k as a function of her report
  const truthful = Float64Array.from(grid, (q, k) => at[k](q[agent])); // U_i(q) at truthful reports   (spec/004 §1.1)

  const gridMax = (f: ReportStrategyPlugin, params: Params): GridMax => {
    const bound = bindReportStrategy(f, params, info);
    let best: GridMax = { gain: Number.NEGATIVE_INFINITY, at: 0, report: grid[0][agent], deviation: truthful[0] };
    for (let k = 0; k < grid.length; k++) {
      const q = grid[k];
      const report = bound.report(q[agent]);
      const deviation = at[k](report);
      const gain = deviation - truthful[k]; // ex-post gain at q   (seed 004, Thm 1: ≤ 0 under Algorithm 1)
      if (gain > best.gain) best = { gain, at: k, report, deviation };
    }
    return best;
  };

  const searched: BayesFamilyResult[] = families.map((f) => {
    const specs = f.params as ParamSpecs<BayesInfo>;
    const start = resolveParams(f.name, specs, {}, info);
    const r = minimize(specs, info, start, (p) => -gridMax(f, p).gain, { gridPoints: 41, goldenSteps: 60, ...opts.optimize });
    const params: Params = { ...r.params };
    const m = gridMax(f, params);
    const exAnte = opts.exAnte === false ? null : exAnteGain(mech, game, bindReportStrategy(f, params, info), opts.exAnte ?? {});
    return {
      family: f.name,
      ranges: Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, paramRange(s, info)])),
      params,
      gain: m.gain,
      profile: Array.from(grid[m.at]),
      report: m.report,
      truthfulUtility: truthful[m.at],
      deviationUtility: m.deviation,
      exAnte,
      evaluations: r.evaluations,
    };
  });
  let best: BayesFamilyResult | null = null;
  for (const s of searched) if (s.gain > tolerance && (best === null || s.gain > best.gain)) best = s;
  return { agent, info, profiles: grid.length, searched, best };
}
