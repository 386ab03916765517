/**
 * `arena dynamics threshold-pricing --instance FILE [--from top|bottom|both] [--json]`: the effort game
 * of seed 004 (Alaei et al., §4, Theorem 3; spec/004 §3) on a parsed Bayes instance, bracketed by
 * lattice (Tarski) dynamics: greatest best responses from the top of the box [0, √Q − 2] give the
 * highest equilibrium, least best responses from 0 the lowest (spec/004 §3.4).
 *
 * The instance must have uniform priors Unif[0, Q] with one common Q > 4 (effort e_i moves agent i's
 * prior to Unif[e_i, Q], seed 004 Theorem 3) and an `effortCost` per agent (src/effort/costs.ts).
 * Violations are InputErrors naming the entry (`priors[1].low`, `effortCost`, …).
 *
 * The returned record is the JSON the command prints; `supermodular` is the numerical
 * increasing-differences check of src/effort/increasing-differences.ts (fails for free sharing,
 * seed 004 Prop C.1, where the top/bottom runs are plain best-response iterations, not a bracket).
 */
import { InputError } from '../core/instance.js';
import type { BayesInstance } from '../theory/bayes/instance-file.js';
import { type EffortMechanism, makeEffortGame } from '../effort/game.js';
import { highestVsCorrelation } from '../effort/comparative-statics.js';
import { checkIncreasingDifferences } from '../effort/increasing-differences.js';
import { type UpdateRule, bracketEquilibria } from '../effort/lattice.js';

/** Monte Carlo points used by the supermodularity check (a prefix of the game's stream). */
const SUPERMODULARITY_POINTS = 512;

export interface ThresholdDynamicsOptions {
  readonly from: 'top' | 'bottom' | 'both';
  readonly update?: UpdateRule;
  readonly mechanism?: EffortMechanism;
  /** Monte Carlo seed (games with more than 4 agents; default 4). */
  readonly seed?: number;
  /** Monte Carlo draws (default 4096). */
  readonly samples?: number;
  /** Gauss–Legendre nodes per dimension for n ≤ 4 (default 48). */
  readonly nodes?: number;
  /** Convergence tolerance ‖Δ‖∞ (default 1e-12) and sweep cap (default 200). */
  readonly tol?: number;
  readonly maxIterations?: number;
}

/** Q of the common Unif[0, Q] prior; throws unless every prior is uniform with low 0 and the same high. */
export function effortPriorUpper(instance: Pick<BayesInstance, 'priors'>): number {
  let Q: number | undefined;
  instance.priors.forEach((p, i) => {
    if (p.kind !== 'uniform') {
      throw new InputError(`priors[${i}].kind`, `the effort game needs uniform priors Unif[0, Q] (seed 004, Theorem 3) (got "${p.kind}")`);
    }
    if (p.low !== 0) throw new InputError(`priors[${i}].low`, `the effort game needs low = 0: effort e_i moves the prior to Unif[e_i, Q] (got ${p.low})`);
    if (Q === undefined) Q = p.high;
    else if (p.high !== Q) throw new InputError(`priors[${i}].high`, `all agents need the same upper support Q = ${Q} (seed 004, Theorem 3) (got ${p.high})`);
  });
  if (Q === undefined) throw new InputError('priors', 'no agents');
  return Q;
}

/** Runs the effort-game dynamics on an instance and returns the JSON record of the command. */
export function thresholdDynamics(instance: BayesInstance, opts: ThresholdDynamicsOptions): Record<string, unknown> {
  const from = opts.from;
  if (from !== 'top' && from !== 'bottom' && from !== 'both') throw new InputError('from', `must be top, bottom or both (got ${JSON.stringify(from)})`);
  const update = opts.update ?? 'jacobi';
  if (update !== 'jacobi' && update !== 'gauss-seidel') throw new InputError('update', `must be jacobi or gauss-seidel (got ${JSON.stringify(update)})`);
  const Q = effortPriorUpper(instance);
  if (!instance.effortCost) throw new InputError('effortCost', 'the effort game needs one cost object per agent (e.g. {"kind": "power", "scale": 0.5, "exponent": 4})');
  const mechanism = opts.mechanism ?? 'threshold-pricing';
  const game = makeEffortGame({
    correlation: instance.correlation,
    Q,
    costs: instance.effortCost,
    model: instance.model,
    mechanism,
    rule: { seed: opts.seed, samples: opts.samples, nodes: opts.nodes },
  });
  const bracket = bracketEquilibria(game, { from, update, tol: opts.tol, maxIterations: opts.maxIterations });
  // The increasing-differences check needs many payoffs at different profiles. With Monte Carlo it runs
  // on the first SUPERMODULARITY_POINTS draws of the same stream (a prefix of the game's points): every
  // point's rent is monotone in e_j on its own (fixed points, quantile map), so a prefix shows the same
  // sign pattern, at 1/8 of the cost for n = 20.
  const checkGame =
    game.rule.kind === 'monte-carlo' && game.rule.size > SUPERMODULARITY_POINTS
      ? makeEffortGame({ correlation: instance.correlation, Q, costs: game.costs, model: instance.model, mechanism, rule: { seed: opts.seed, samples: SUPERMODULARITY_POINTS, nodes: opts.nodes } })
      : game;
  const sm = checkIncreasingDifferences(checkGame);
  return {
    mechanism,
    model: game.model,
    n: game.n,
    Q,
    box: [0, game.upper],
    update,
    from,
    highest: bracket.highest,
    lowest: bracket.lowest,
    unique: bracket.unique,
    converged: bracket.converged,
    iterations: bracket.iterations,
    monotone: bracket.monotone,
    supermodular: { pass: sm.pass, worstViolation: sm.worstViolation, minMargin: sm.minMargin, checks: sm.checks, at: sm.at, points: checkGame.rule.size },
    costAssumption: { holds: game.costAssumption.holds, costAtTop: game.costAssumption.costAtTop },
    integration: { kind: game.rule.kind, points: game.rule.size, ...(game.rule.kind === 'monte-carlo' ? { seed: game.rule.seed } : { nodesPerDim: game.rule.nodesPerDim }) },
    traces: bracket.traces,
  };
}

/**
 * `arena dynamics threshold-pricing --instance F --vary I,J --values v1,v2,…`: the highest equilibrium
 * as correlation entry R_IJ = R_JI takes each value (seed 004, Thm 3(iii): non-decreasing in R_IJ²).
 */
export function thresholdComparativeStatics(instance: BayesInstance, i: number, j: number, values: readonly number[], opts: { seed?: number } = {}): Record<string, unknown> {
  const Q = effortPriorUpper(instance);
  if (!instance.effortCost) throw new InputError('effortCost', 'the effort game needs one cost object per agent (e.g. {"kind": "power", "scale": 0.5, "exponent": 4})');
  const cs = highestVsCorrelation({ correlation: instance.correlation, Q, costs: instance.effortCost, model: instance.model, rule: { seed: opts.seed } }, i, j, values);
  return { model: instance.model, entry: cs.entry, rows: cs.rows, monotone: cs.monotone };
}
