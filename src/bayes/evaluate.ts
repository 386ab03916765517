/**
 * Agent i's utility in seed 004's data-sharing game when she reports through a report function and
 * every other agent reports truthfully (the ex-post Nash check of seed 004, Theorem 1):
 *
 *   ex post    U_i(q) = v_i(q, q̂)·x_i(q̂) − p_i(q̂),  q̂ = (σ(q_i), q_{−i})            (spec/004 §1.1)
 *   interim    E_{q−i}[U_i(q_i, q_{−i})]  at her type q_i                               (seed 004, (A.3))
 *   ex ante    E_q[U_i(q)]                                                                (seed 004, (A.2)–(A.4))
 *
 * The misreporter's value uses the TRUE q with the reported q̂ (spec/004 §1.2 note): the platform
 * weights her signal by q̂. With only agent i misreporting it has the closed form
 *
 *   v_i(q, q̂) = v_i(q̂) + k_i²(1/q̂_i − 1/q_i),   k_i = w q̂_i/(1 + w q̂_i),  w = 1 − ρ_i(q_{−i})
 *
 * [derived from spec/004 §1.3 "Misreport accuracy": Σ_{q̂}k = R_{·i} gives kᵀΣ_{q̂}k = kᵀR_{·i}, so
 * v(q, q̂) = v(q̂) − Σ_j k_j²(1/q_j − 1/q̂_j); the Schur complement of Σ_{q̂} gives the own weight k_i].
 * It equals valueMisreport (the matrix formula) to rounding (test/bayes/evaluate.spec.ts) and is
 * −∞ when q_i = 0 < q̂_i (an infinitely noisy signal with positive weight).
 *
 * Expectations are over the priors: Gauss–Legendre over q_{−i} (expectOverOthers of
 * src/theory/bayes/expected.ts; seeded Monte Carlo over q_{−i} beyond `maxQuadratureDim` others,
 * i.e. for n > 3 by default) and, for the ex-ante value, a piecewise Gauss–Legendre rule over q_i
 * split where either allocation (truthful or deviating) switches, so each piece is smooth. If the
 * deviation is allocated at q_i = 0 with a positive report, the integral diverges (the value behaves
 * like −k²/q_i near 0) and the ex-ante utility is −∞.
 */
import { InputError } from '../core/instance.js';
import { type Correlation, rhoExact } from '../theory/bayes/correlation.js';
import { expectOverOthers, type ExpectOptions } from '../theory/bayes/expected.js';
import { forEachPiecewiseNode, gaussLegendre } from '../theory/bayes/gauss-legendre.js';
import { type BayesMechanism, MECHANISMS, type MechanismContext, payAsReported, type Posted } from '../theory/bayes/mechanisms.js';
import type { Prior } from '../theory/bayes/priors.js';
import { type Model, statOf, valueOfRho, valueOfStat } from '../theory/bayes/value.js';
import type { BoundReport } from './strategy.js';

/** The public game: correlation matrix, priors and the mechanism's value model (a BayesInstance fits). */
export interface BayesGame {
  readonly correlation: Correlation;
  readonly priors: readonly Prior[];
  readonly model: Model;
}

function checkGame(game: BayesGame): number {
  const n = game.correlation.length;
  if (game.priors.length !== n) throw new InputError('priors', `must have ${n} entries (got ${game.priors.length})`);
  return n;
}

function checkAgent(i: number, n: number): void {
  if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new InputError('agent', `must be an integer in [0, ${n - 1}] (got ${i})`);
}

function checkProfile(q: ArrayLike<number>, n: number): void {
  if (q.length !== n) throw new InputError('q', `must have ${n} entries (got ${q.length})`);
  for (let j = 0; j < n; j++) {
    if (!(q[j] >= 0 && Number.isFinite(q[j]))) throw new InputError(`q[${j}]`, `must be a finite number >= 0 (got ${q[j]})`);
  }
}

/**
 * v_i(q, q̂) when agent i reports `report` and the others report their true q_{−i}
 * (spec/004 §1.3 misreport accuracy, closed form [derived]; see the module comment).
 */
export function valueOwnMisreport(R: Correlation, i: number, q: ArrayLike<number>, report: number): number {
  return valueOfOwnReport(1 - rhoExact(R, i, q), q[i], report); // w = 1 − ρ_i(q_{−i})   (spec/004 §1.3)
}

/** v_i(q, q̂) from w = 1 − ρ_i(q_{−i}), her true q_i and her report (the others truthful)   [derived, module comment]. */
export function valueOfOwnReport(w: number, qi: number, report: number): number {
  const vHat = valueOfRho(1 - w, report); // v_i(q̂) = 1 − w/(1 + w q̂_i)   (spec/004 §1.3)
  if (report === qi || report === 0) return vHat; // truthful, or her signal dropped (k_i = 0)
  const k = (w * report) / (1 + w * report); // own weight k_i = w q̂_i/(1 + w q̂_i)   [derived, Schur complement]
  if (qi === 0) return Number.NEGATIVE_INFINITY; // positive weight on a signal of quality 0   (spec/004 §1.3)
  return vHat + k * k * (1 / report - 1 / qi); // v(q, q̂) = v(q̂) + k_i²(1/q̂_i − 1/q_i)   [derived]
}

/** U_i = v_i(q, q̂)·x_i − p_i given the posted threshold and price   (spec/004 §1.1; seed 004, Algorithm 1). */
export function utilityOfPosted(posted: Posted, w: number, qi: number, report: number): number {
  if (!(report >= posted.threshold)) return 0; // x_i = 0, p_i = 0
  return valueOfOwnReport(w, qi, report) - posted.price;
}

/** Whether the mechanism's posted (threshold, price) ignores the agent's own report: the registered MECHANISMS do (mechanisms.ts contract). */
export function ownReportFree(mech: BayesMechanism): boolean {
  return Object.values(MECHANISMS).includes(mech);
}

/** Scratch state for repeated ex-post evaluations of one agent (no allocation per call). */
export class ExPostEvaluator {
  readonly n: number;
  private readonly ctx: MechanismContext;
  private readonly qHat: Float64Array;

  constructor(
    readonly mech: BayesMechanism,
    readonly game: BayesGame,
    readonly agent: number,
  ) {
    this.n = checkGame(game);
    checkAgent(agent, this.n);
    this.ctx = { R: game.correlation, priors: game.priors, model: game.model };
    this.qHat = new Float64Array(this.n);
  }

  /** U_i at true q when she reports `report` and the others are truthful; q is not validated. */
  utility(q: ArrayLike<number>, report: number): number {
    const i = this.agent;
    const qHat = this.qHat;
    for (let j = 0; j < this.n; j++) qHat[j] = q[j];
    qHat[i] = report;
    const posted = this.mech.allocate(i, qHat, this.ctx);
    if (!(report >= posted.threshold)) return 0; // x_i = 0, p_i = 0   (seed 004, Algorithm 1)
    return utilityOfPosted(posted, 1 - rhoExact(this.game.correlation, i, q), q[i], report); // U = v(q, q̂)·x − p   (spec/004 §1.1)
  }

  /**
   * Fast evaluation at fixed others' types q_{−i} (q[i] is ignored), for many (q_i, report) pairs:
   * w = 1 − ρ_i(q_{−i}) is computed once, and so is the posted (threshold, price) when it cannot
   * depend on her own report (the registered MECHANISMS ignore qHat[i], mechanisms.ts contract), and
   * pay-as-reported's threshold (its price is re-evaluated at each report).
   */
  givenOthers(q: ArrayLike<number>): { utility(qi: number, report: number): number; allocated(report: number): boolean } {
    const i = this.agent;
    const w = 1 - rhoExact(this.game.correlation, i, q);
    const qHat = Float64Array.from(q as ArrayLike<number>);
    qHat[i] = this.game.priors[i].low;
    const fixed = ownReportFree(this.mech) ? this.mech.allocate(i, qHat, this.ctx) : null;
    // pay-as-reported: Algorithm 1's threshold (own-report free), price v_i(q̂_i, q̂_{−i}) at the report   (mechanisms.ts)
    const par = this.mech === payAsReported ? { threshold: this.mech.allocate(i, qHat, this.ctx).threshold, stat: statOf(this.game.model, this.game.correlation, i, q) } : null;
    const posted = (report: number): Posted => {
      if (fixed) return fixed;
      if (par) return { threshold: par.threshold, price: valueOfStat(this.game.model, par.stat, report) };
      qHat[i] = report;
      return this.mech.allocate(i, qHat, this.ctx);
    };
    return {
      utility: (qi, report) => utilityOfPosted(posted(report), w, qi, report),
      allocated: (report) => report >= posted(report).threshold, // seed 004, Algorithm 1
    };
  }

  /** U_i at the fixed true profile q as a function of her report (see givenOthers). */
  at(q: ArrayLike<number>): (report: number) => number {
    const g = this.givenOthers(q);
    const qi = q[this.agent];
    return (report) => g.utility(qi, report);
  }

  /** Whether she is allocated at reports (report, q_{−i}). */
  allocated(q: ArrayLike<number>, report: number): boolean {
    const qHat = this.qHat;
    for (let j = 0; j < this.n; j++) qHat[j] = q[j];
    qHat[this.agent] = report;
    return report >= this.mech.allocate(this.agent, qHat, this.ctx).threshold;
  }
}

/**
 * Agent i's ex-post utility at true types q when she reports `report` and the others report
 * truthfully: v_i(q, q̂)·x_i(q̂) − p_i(q̂)   (spec/004 §1.1). Agrees with outcome(mech, …, q, q̂).agents[i].utility.
 */
export function exPostUtility(mech: BayesMechanism, game: BayesGame, i: number, q: ArrayLike<number>, report: number): number {
  const ev = new ExPostEvaluator(mech, game, i);
  checkProfile(q, ev.n);
  if (!(report >= 0 && Number.isFinite(report))) throw new InputError('report', `must be a finite number >= 0 (got ${report})`);
  return ev.utility(q, report);
}

export interface ExPostGain {
  /** q̂_i = σ(q_i). */
  readonly report: number;
  /** U_i when truthful. */
  readonly truthful: number;
  /** U_i under the report function. */
  readonly deviation: number;
  /** deviation − truthful. */
  readonly gain: number;
}

/** Her ex-post utilities at q, truthful and under the bound report function (others truthful)   (seed 004, Thm 1 IC). */
export function exPostGain(mech: BayesMechanism, game: BayesGame, q: ArrayLike<number>, strategy: BoundReport): ExPostGain {
  const i = strategy.info.agent;
  const ev = new ExPostEvaluator(mech, game, i);
  checkProfile(q, ev.n);
  const report = strategy.report(q[i]);
  const truthful = ev.utility(q, q[i]);
  const deviation = ev.utility(q, report);
  return { report, truthful, deviation, gain: deviation - truthful };
}

export interface ExpectedGain {
  /** E[U_i] under the report function (−∞ if it diverges). */
  readonly deviation: number;
  /** E[U_i] when truthful. */
  readonly truthful: number;
  /** E[deviation − truthful]. */
  readonly gain: number;
  readonly method: 'quadrature' | 'montecarlo';
  readonly nodes?: number;
  readonly samples?: number;
  /** Monte Carlo standard errors of [deviation, truthful, gain] (Monte Carlo only). */
  readonly standardErrors?: readonly number[];
}

export interface BayesExpectOptions extends ExpectOptions {
  /** Gauss–Legendre points per piece of the q_i integral (ex ante; default 16). */
  innerNodes?: number;
  /** Cells of the scan that locates allocation switches in q_i (ex ante; default 32). */
  scan?: number;
}

const EXPECT_DEFAULTS: ExpectOptions = { nodes: 24, maxQuadratureDim: 2, samples: 4000, seed: 1 };

function resultOf(r: ReturnType<typeof expectOverOthers>): ExpectedGain {
  const [deviation, truthful, gain] = r.values;
  const base = { deviation, truthful, gain, method: r.method };
  if (r.method === 'montecarlo') return { ...base, samples: r.samples, standardErrors: r.standardErrors };
  return { ...base, nodes: r.nodes };
}

/**
 * Interim expected utility of type q_i: E_{q−i}[U_i((σ(q_i), q_{−i}))] against truthful E_{q−i}[U_i(q)]
 * (seed 004, (A.3)); others' types drawn from their priors.
 */
export function interimGain(mech: BayesMechanism, game: BayesGame, qi: number, strategy: BoundReport, opts: ExpectOptions = {}): ExpectedGain {
  const i = strategy.info.agent;
  const ev = new ExPostEvaluator(mech, game, i);
  if (!(qi >= 0 && Number.isFinite(qi))) throw new InputError('q', `must be a finite number >= 0 (got ${qi})`);
  const report = strategy.report(qi);
  const r = expectOverOthers(
    game.priors,
    i,
    3,
    (q, out) => {
      q[i] = qi;
      const t = ev.utility(q, qi);
      const d = ev.utility(q, report);
      out[0] = d;
      out[1] = t;
      out[2] = d - t;
      q[i] = NaN;
    },
    { ...EXPECT_DEFAULTS, ...opts },
  );
  return resultOf(r);
}

/**
 * Ex-ante expected utility E_q[U_i] under the report function against truthful reporting, q ~ ∏ priors
 * (seed 004, (A.2)–(A.4)): outer expectation over q_{−i} by expectOverOthers, inner over q_i by a
 * piecewise Gauss–Legendre rule split at the allocation switches.
 */
export function exAnteGain(mech: BayesMechanism, game: BayesGame, strategy: BoundReport, opts: BayesExpectOptions = {}): ExpectedGain {
  const i = strategy.info.agent;
  const ev = new ExPostEvaluator(mech, game, i);
  const prior = game.priors[i];
  const { low, high } = prior;
  const N = opts.innerNodes ?? 16;
  const M = opts.scan ?? 32;
  if (!(Number.isInteger(N) && N >= 1)) throw new InputError('innerNodes', `must be an integer >= 1 (got ${N})`);
  if (!(Number.isInteger(M) && M >= 1)) throw new InputError('scan', `must be an integer >= 1 (got ${M})`);
  const rule = gaussLegendre(N);
  const sigma = (x: number): number => strategy.report(x);
  const r = expectOverOthers(
    game.priors,
    i,
    3,
    (q, out) => {
      const g = ev.givenOthers(q);
      // Allocation state at q_i = x: bit 0 deviating, bit 1 truthful.
      const state = (x: number): number => (g.allocated(sigma(x)) ? 1 : 0) | (g.allocated(x) ? 2 : 0);
      if (g.utility(low, sigma(low)) === Number.NEGATIVE_INFINITY) {
        out[0] = Number.NEGATIVE_INFINITY; // ∫ −k²/q_i dq_i diverges at 0   [derived]
        out[1] = 0;
        out[2] = Number.NEGATIVE_INFINITY;
        return;
      }
      const cuts = [low];
      let prevX = low;
      let prevS = state(low);
      for (let k = 1; k <= M; k++) {
        const x = k === M ? high : low + ((high - low) * k) / M;
        const s = state(x);
        if (s !== prevS) {
          // Bisect the switch (50 halvings: to rounding on any practical support).
          let a = prevX;
          let b = x;
          for (let it = 0; it < 50 && b - a > 0; it++) {
            const m = 0.5 * (a + b);
            if (state(m) === prevS) a = m;
            else b = m;
          }
          cuts.push(b);
        }
        prevX = x;
        prevS = s;
      }
      cuts.push(high);
      let dev = 0;
      let tru = 0;
      forEachPiecewiseNode(cuts, rule, (x, wNode) => {
        const w = wNode * prior.pdf(x);
        dev += w * g.utility(x, sigma(x));
        tru += w * g.utility(x, x);
      });
      out[0] = dev;
      out[1] = tru;
      out[2] = dev - tru;
    },
    { ...EXPECT_DEFAULTS, ...opts },
  );
  return resultOf(r);
}
