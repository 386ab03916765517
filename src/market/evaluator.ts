import { PenaltyAccumulator } from '../engine/accumulator.js';
import { EQUIVARIANT_MU, MU_GRID_SIGMAS } from '../engine/worst-case.js';
import { StreamFactory } from '../random/index.js';
import type { MarketAgentStrategy } from './agent-strategy.js';
import type { MarketRun } from './mechanism.js';
import type { MarketModel } from './model.js';
import { MarketOutcome, MarketRoundPlayer } from './round-player.js';

export interface MarketEvaluateOptions {
  readonly rounds: number;
  readonly seed: number | string;
  /** Names the cell; profiles evaluated with the same seed and cell share random numbers. */
  readonly cell?: string;
  /** Score on the μ grid even if every strategy is equivariant. */
  readonly forceGrid?: boolean;
  /** Explicit μ values (overrides the grid choice); for tests of μ-invariance. */
  readonly mus?: readonly number[];
}

export interface MarketContributorResult {
  readonly agent: number;
  readonly strategy: string;
  /** inf over the μ grid of E[π_i − c_i n_i] (seed 003, eq. (7)). */
  readonly utility: number;
  readonly stderr: number;
  readonly worstMu: number;
  /** E[π_i − c_i n_i] at the first μ (0 on the default grid): the fixed-μ view of spec/003 §5.1. */
  readonly utilityAtFirstMu: number;
  /** E[π_i] at the worst μ. */
  readonly payment: number;
  /** The mechanism's closed form of u_i^c for this profile (spec/003 §5.1), or null. */
  readonly theory: number | null;
}

export interface MarketBuyerResult {
  readonly buyer: number;
  /** m_j*. */
  readonly allocation: number;
  /** sup over the μ grid of E[p_j] (seed 003, eq. (9)). */
  readonly expectedPrice: number;
  readonly priceStderr: number;
  readonly worstMu: number;
  /** The closed-form E[p_j] on path. */
  readonly theoryPrice: number;
  /** v_j^d(m_j*): the value of m_j* truthful points. ASSUMES TRUTHFUL DATA (not measured). */
  readonly valueIfTruthful: number;
  /** v_j^d(m_j*) − sup_μ E[p_j]; its value side assumes truthful data (label: "valueAssumesTruthful"). */
  readonly utility: number;
  readonly valueAssumesTruthful: true;
  /** inf over the μ grid of E[v_j^e(|μ̂(subset) − μ|)] from the data actually delivered; null without a v^e. */
  readonly simulatedValue: number | null;
  readonly simulatedValueStderr: number | null;
  /** Rounds in which the pool held fewer than m_j* points (the buyer got all of it). */
  readonly shortRounds: number;
}

export interface MarketEvaluation {
  readonly rounds: number;
  readonly mus: readonly number[];
  readonly contributors: readonly MarketContributorResult[];
  readonly buyers: readonly MarketBuyerResult[];
  /** Σ_i π_i − Σ_j p_j over every simulated round and μ. */
  readonly budget: { readonly maxAbsResidual: number; readonly minResidual: number; readonly maxResidual: number };
  /** E[Δ²] at each μ for M* (null for mechanisms without Δ); under s*, V (spec/003 §7). */
  readonly deltaSquared: readonly { readonly mu: number; readonly mean: number; readonly stderr: number }[] | null;
  /** Per-μ means: contributor utilities and buyer prices (the expectations must not drift with μ under s*). */
  readonly perMu: readonly {
    readonly mu: number;
    readonly utility: readonly number[];
    readonly utilityStderr: readonly number[];
    readonly payment: readonly number[];
    readonly paymentStderr: readonly number[];
    readonly price: readonly number[];
    readonly priceStderr: readonly number[];
  }[];
}

/**
 * A buyer's utility from the data actually delivered, simulatedValue − sup_μ E[p_j] (seed 003, eq. (8)–(9)),
 * its standard error (value and price errors in quadrature), and IRB: utility ≥ 0 up to 4 standard errors
 * (Monte Carlo cannot tell a tight u = 0, e.g. buyer 1 of Example B, from a small loss). Nulls without a v^e.
 */
export function simulatedBuyerUtility(b: MarketBuyerResult): { utility: number | null; stderr: number | null; individuallyRational: boolean | null } {
  if (b.simulatedValue === null || b.simulatedValueStderr === null) return { utility: null, stderr: null, individuallyRational: null };
  const utility = b.simulatedValue - b.expectedPrice;
  const stderr = Math.hypot(b.simulatedValueStderr, b.priceStderr);
  return { utility, stderr, individuallyRational: utility >= -4 * stderr };
}

const BATCHES = 64;
const PROBE_SHIFT_SIGMAS = 1234.5;
const PROBE_ROUNDS = 8;

/**
 * Declared equivariance is a promise; this checks it by playing the first rounds at μ = 0 and at a
 * far shift on the same random numbers (as src/hetero/evaluator.ts does).
 */
export function looksEquivariantMarket(player: MarketRoundPlayer, model: MarketModel): boolean {
  const C = model.costs.length;
  const a = new MarketOutcome(C, model.buyers.length);
  const b = new MarketOutcome(C, model.buyers.length);
  for (let r = 0; r < PROBE_ROUNDS; r++) {
    player.play(r, 0, a);
    player.play(r, PROBE_SHIFT_SIGMAS * model.sigma, b);
    for (let i = 0; i < C; i++) {
      const x = a.utility[i] as number;
      const y = b.utility[i] as number;
      if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
    }
  }
  return true;
}

/**
 * Monte Carlo evaluation of a market profile: contributor utilities inf over μ of E[π_i − c_i n_i]
 * (seed 003, eq. (7)), buyer prices sup over μ of E[p_j] (eq. (9)), on one μ when every strategy is
 * equivariant (and passes the probe), otherwise on seed 000's grid ±10³σ (MU_GRID_SIGMAS), with
 * common random numbers across μ.
 */
export function evaluateMarketProfile(
  model: MarketModel,
  run: MarketRun,
  profile: readonly MarketAgentStrategy[],
  opts: MarketEvaluateOptions,
  theory: readonly (number | null)[] | null = null,
): MarketEvaluation {
  if (!Number.isInteger(opts.rounds) || opts.rounds < 2) throw new RangeError(`rounds must be an integer >= 2 (got ${opts.rounds})`);
  const player = new MarketRoundPlayer(model, run, profile, new StreamFactory(opts.seed), opts.cell ?? 'default');
  const C = model.costs.length;
  const B = model.buyers.length;
  let mus: readonly number[];
  if (opts.mus !== undefined) {
    if (opts.mus.length === 0 || !opts.mus.every(Number.isFinite)) throw new RangeError('mus must be a non-empty list of finite numbers');
    mus = opts.mus;
  } else {
    const grid = opts.forceGrid || !profile.every((s) => s.meta.equivariant) || !looksEquivariantMarket(player, model);
    mus = grid ? MU_GRID_SIGMAS.map((g) => g * model.sigma) : EQUIVARIANT_MU.map((g) => g * model.sigma);
  }
  const G = mus.length;
  const nb = Math.min(BATCHES, opts.rounds);
  const util = new PenaltyAccumulator(G, C, nb);
  const pay = new PenaltyAccumulator(G, C, nb);
  const price = new PenaltyAccumulator(G, B, nb);
  const value = new PenaltyAccumulator(G, B, nb);
  const d2 = new PenaltyAccumulator(G, 1, nb);
  const d2v = new Float64Array(1);
  const short = new Float64Array(B);
  const out = new MarketOutcome(C, B);
  let maxAbs = 0;
  let minR = Infinity;
  let maxR = -Infinity;
  let hasDelta = true;
  for (let r = 0; r < opts.rounds; r++) {
    for (let g = 0; g < G; g++) {
      player.play(r, mus[g] as number, out);
      util.add(r, g, out.utility);
      pay.add(r, g, out.payments);
      price.add(r, g, out.prices);
      value.add(r, g, out.values);
      if (Number.isNaN(out.delta)) hasDelta = false;
      d2v[0] = out.delta * out.delta;
      d2.add(r, g, d2v);
      const res = out.residual;
      if (Math.abs(res) > maxAbs) maxAbs = Math.abs(res);
      if (res < minR) minR = res;
      if (res > maxR) maxR = res;
      if (g === 0) for (let j = 0; j < B; j++) if ((out.received[j] as number) < (run.allocations[j] as number)) short[j] += 1;
    }
    util.endRound(r);
    pay.endRound(r);
    price.endRound(r);
    value.endRound(r);
    d2.endRound(r);
  }
  const argBy = (acc: PenaltyAccumulator, i: number, better: (a: number, b: number) => boolean): number => {
    let best = 0;
    for (let g = 1; g < G; g++) if (better(acc.mean(g, i), acc.mean(best, i))) best = g;
    return best;
  };
  const contributors = profile.map((s, i) => {
    const g = argBy(util, i, (a, b) => a < b); // inf over μ (eq. (7))
    return {
      agent: i,
      strategy: s.label,
      utility: util.mean(g, i),
      stderr: util.stderr(g, i),
      worstMu: mus[g] as number,
      utilityAtFirstMu: util.mean(0, i),
      payment: pay.mean(g, i),
      theory: theory === null ? null : (theory[i] ?? null),
    };
  });
  const buyers = model.buyers.map((_, j) => {
    const g = argBy(price, j, (a, b) => a > b); // sup over μ of E[p_j] (eq. (9))
    const m = run.allocations[j] as number;
    const v = (model.valuations[j] as (m: number) => number)(m);
    const p = price.mean(g, j);
    const hasValue = !Number.isNaN(value.mean(0, j));
    const gv = hasValue ? argBy(value, j, (a, b) => a < b) : 0; // inf over μ of E[v^e] (eq. (8))
    return {
      buyer: j,
      allocation: m,
      expectedPrice: p,
      priceStderr: price.stderr(g, j),
      worstMu: mus[g] as number,
      theoryPrice: run.expectedPrices[j] as number,
      valueIfTruthful: v,
      utility: v - p,
      valueAssumesTruthful: true as const,
      simulatedValue: hasValue ? value.mean(gv, j) : null,
      simulatedValueStderr: hasValue ? value.stderr(gv, j) : null,
      shortRounds: short[j] as number,
    };
  });
  const perMu = mus.map((mu, g) => ({
    mu,
    utility: Array.from({ length: C }, (_, i) => util.mean(g, i)),
    utilityStderr: Array.from({ length: C }, (_, i) => util.stderr(g, i)),
    payment: Array.from({ length: C }, (_, i) => pay.mean(g, i)),
    paymentStderr: Array.from({ length: C }, (_, i) => pay.stderr(g, i)),
    price: Array.from({ length: B }, (_, j) => price.mean(g, j)),
    priceStderr: Array.from({ length: B }, (_, j) => price.stderr(g, j)),
  }));
  return {
    rounds: opts.rounds,
    mus: [...mus],
    contributors,
    buyers,
    budget: { maxAbsResidual: maxAbs, minResidual: minR, maxResidual: maxR },
    deltaSquared: hasDelta ? mus.map((mu, g) => ({ mu, mean: d2.mean(g, 0), stderr: d2.stderr(g, 0) })) : null,
    perMu,
  };
}
