/**
 * Seeded Monte Carlo engine for seed 004's data-sharing game (spec/004 §8 "Engine loop"): it plays
 * rounds of the Gaussian mean-estimation instance with realised signals, so the closed forms of
 * src/theory/bayes/ (v_i(q, q̂), Algorithm 1's payments, expected utilities) are checked by
 * simulation. One round:
 *
 *   1. types      q_i ~ F_i by inverse cdf (or the fixed `types`)                        (spec/004 §1.1)
 *   2. reports    q̂_i = σ_i(q_i): each agent's bound report strategy sees only her q_i   (spec/004 §8)
 *   3. mechanism  (q̄_i, p_i) = allocate(i, q̂); x_i = 1{q̂_i ≥ q̄_i}, payment p_i·x_i       (seed 004, Algorithm 1)
 *   4. signals    θ ~ N(0, R) (σ_i = 1), s_j = θ_j + z_j, z_j ~ N(0, 1/q_j)              (spec/004 §1.3)
 *   5. estimate   θ̂ = R_{·K} (Σ_q̂)_{KK}^{-1} s_K, Σ_q̂ = R + diag(1/q̂), K = {j : q̂_j > 0}  (spec/004 §1.3; q̂_j = 0 dropped)
 *   6. score      value_i = 1 − (θ̂_i − θ_i)² (so E = v_i(q, q̂), seed 004 eq. (2)),
 *                 U_i = value_i·x_i − p_i x_i, revenue Σ p_i x_i, accuracy Σ_i −(θ̂_i − θ_i)² over ALL tasks
 *                 (spec/004 §1.1: data are always pooled; §8 engine loop)
 *
 * Reproducibility: a StreamFactory(seed) gives one stream family per purpose: `type` per agent (so a
 * deviation by one agent leaves the others' types unchanged), `theta` and `noise` (standard normals,
 * scaled after the draw, so every run with the same seed sees the same θ and the same standardised
 * noise whatever the reports: common random numbers for paired comparisons); each is reseeded in
 * place with the round number (StreamFactory.seed), as src/market/round-player.ts does per
 * (agent, round, purpose). Results are a deterministic function of (instance, mechanism, profile,
 * rounds, seed, types).
 *
 * Cost: the Cholesky factor of (Σ_q̂)_{KK} (in place, src/theory/bayes/cholesky.ts) and the gain matrix G = R_{·K}(Σ_q̂)_{KK}^{-1}
 * are recomputed only when the report vector changes, i.e. once per run for fixed types (reports are
 * a function of the types), once per round for drawn types. The round loop works on typed arrays.
 *
 * A true q_j = 0 with a report q̂_j > 0 is an infinitely noisy signal with positive weight: every
 * task i with G_ij ≠ 0 gets an infinite squared error (value −∞), as valueMisreport says. With
 * q̂_j = 0 the platform drops signal j and its (infinite) noise is never used.
 *
 * Statistics are running means and variances (Welford); standard errors are sd/√rounds. The "theory"
 * fields are the closed forms where they are defined:
 *   - fixed types: outcome(mechanism, R, priors, q, q̂) (value v_i(q, q̂) by valueMisreport/(A.1),
 *     payment, allocation, utility, revenue; accuracy Σ_i (v_i − 1), σ_i = 1, seed 004 (B.1));
 *   - drawn types, all truthful: expectedOutcome (seed 004 (B.11)) for payment, utility and allocation
 *     probability, E[v_i(q)] by quadrature for the value (spec/004 §1.3 closed form);
 *   - drawn types, one agent deviating (others truthful): her ex-ante utility exAnteGain().deviation
 *     (seed 004 (A.2)–(A.4)); other fields null;
 *   - otherwise null.
 */
import { backSolveInPlace, choleskyInPlace, forwardSolveInPlace } from '../theory/bayes/cholesky.js';
import { InputError } from '../core/instance.js';
import { Rng, StreamFactory, type StreamKey } from '../random/index.js';
import type { Correlation } from '../theory/bayes/correlation.js';
import { rhoExact } from '../theory/bayes/correlation.js';
import { expectedOutcome, expectOverOthers } from '../theory/bayes/expected.js';
import { gaussLegendre } from '../theory/bayes/gauss-legendre.js';
import { type BayesMechanism, type MechanismContext, outcome } from '../theory/bayes/mechanisms.js';
import { isUniform, type Prior } from '../theory/bayes/priors.js';
import { valueOfRho } from '../theory/bayes/value.js';
import { type BayesGame, exAnteGain } from './evaluate.js';
import type { BoundReport } from './strategy.js';

export interface SimulateOptions {
  /** Rounds to play (an integer >= 2). */
  readonly rounds: number;
  /** Master seed of the StreamFactory. */
  readonly seed: number | string;
  /** Fixed true types q (one per agent, inside the priors' supports); default: drawn from the priors each round. */
  readonly types?: ArrayLike<number>;
}

/** A Monte Carlo mean and its standard error (sd/√rounds). */
export interface SimStat {
  readonly mean: number;
  readonly standardError: number;
}

export interface SimAgent {
  readonly agent: number;
  /** The report strategy's plugin name and params. */
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  /** Realised value 1 − (θ̂_i − θ_i)², whether or not she is allocated (data are pooled). */
  readonly value: SimStat;
  /** v_i(q, q̂) (fixed types) or E[v_i(q)] (drawn, truthful); null where not defined. */
  readonly theoryValue: number | null;
  /** value·x_i − p_i x_i. */
  readonly utility: SimStat;
  readonly theoryUtility: number | null;
  /** Fraction of rounds with x_i = 1 (its standard error in allocation.standardError). */
  readonly allocation: SimStat;
  readonly theoryAllocation: number | null;
  /** p_i x_i. */
  readonly payment: SimStat;
  readonly theoryPayment: number | null;
}

export interface BayesSimulation {
  readonly engine: 'bayes-monte-carlo';
  readonly mechanism: string;
  readonly model: 'exact' | 'approx';
  readonly n: number;
  readonly rounds: number;
  readonly seed: number | string;
  /** 'fixed' (types given) or 'drawn' (q ~ ∏ F_i each round). */
  readonly types: 'fixed' | 'drawn';
  /** The fixed types and the reports they give (fixed types only). */
  readonly fixedTypes: number[] | null;
  readonly reports: number[] | null;
  /** Which closed forms the theory fields come from. */
  readonly theory: 'outcome' | 'expected-outcome' | 'ex-ante-deviation' | 'none';
  readonly agents: SimAgent[];
  /** Σ_i p_i x_i. */
  readonly revenue: SimStat;
  readonly theoryRevenue: number | null;
  /** Σ_i −(θ̂_i − θ_i)² over all tasks. */
  readonly accuracy: SimStat;
  readonly theoryAccuracy: number | null;
}

// ───────────────────────────── running statistics ─────────────────────────────

/**
 * Welford running means/variances of `k` series in typed arrays. A non-finite observation marks its
 * series (the mean is then that infinity, or NaN) and is not folded in.
 */
class Running {
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  readonly bad: Float64Array;
  count = 0;
  constructor(k: number) {
    this.mean = new Float64Array(k);
    this.m2 = new Float64Array(k);
    this.bad = new Float64Array(k); // 0, or the first non-finite value seen (its sign wins)
  }
  /** Welford update of series s with x; call next() once per round after all pushes. */
  push(s: number, x: number, k: number): void {
    if (!Number.isFinite(x)) {
      if (this.bad[s] === 0 || Number.isNaN(x)) this.bad[s] = x;
      else if (x !== this.bad[s]) this.bad[s] = NaN; // +∞ and −∞ both seen
      return;
    }
    const d = x - this.mean[s];
    this.mean[s] += d / k; // Welford (1962): running mean
    this.m2[s] += d * (x - this.mean[s]); // and sum of squared deviations
  }
  stat(s: number): SimStat {
    const N = this.count;
    if (this.bad[s] !== 0) return { mean: this.bad[s], standardError: NaN };
    return { mean: this.mean[s], standardError: Math.sqrt(this.m2[s] / (N - 1) / N) }; // SE = sd/√N
  }
}

// ───────────────────────────── validation ─────────────────────────────

function checkOptions(game: BayesGame, profile: readonly BoundReport[], opts: SimulateOptions): Float64Array | null {
  const n = game.correlation.length;
  if (game.priors.length !== n) throw new InputError('priors', `must have ${n} entries (got ${game.priors.length})`);
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 2 && opts.rounds <= Number.MAX_SAFE_INTEGER)) {
    throw new InputError('rounds', `must be an integer >= 2 (got ${opts.rounds})`);
  }
  const seed = opts.seed;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw new InputError('seed', `must be a finite number or a string (got ${String(seed)})`);
  }
  if (profile.length !== n) throw new InputError('profile', `needs one bound report strategy per agent: ${n}, got ${profile.length}`);
  profile.forEach((b, i) => {
    if (!b || typeof b.report !== 'function' || !b.info) throw new InputError(`profile[${i}]`, 'must be a bound report strategy (bindReportStrategy)');
    if (b.info.agent !== i) throw new InputError(`profile[${i}]`, `is bound to agent ${b.info.agent}, not agent ${i}`);
  });
  if (opts.types === undefined) return null;
  const t = opts.types;
  if (t.length !== n) throw new InputError('types', `must give one quality per agent: ${n}, got ${t.length}`);
  const q = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const x = t[j];
    const { low, high } = game.priors[j];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new InputError(`types[${j}]`, `must be a finite number >= 0 (got ${String(x)})`);
    if (x < low || x > high) throw new InputError(`types[${j}]`, `q = ${x} is outside agent ${j}'s support [${low}, ${high}]`);
    q[j] = x;
  }
  return q;
}

/** Agent j's report, checked: a NaN, infinite or negative q̂ is an InputError naming the plugin (as bindReportStrategy does). */
function reportOf(b: BoundReport, q: number): number {
  const r = b.report(q); // bindReportStrategy already throws InputError(<plugin>) on NaN/negative and clips to the support
  if (typeof r !== 'number' || !(r >= 0) || !Number.isFinite(r)) {
    throw new InputError(b.plugin.name, `report strategy '${b.plugin.name}' returned ${String(r)} at q = ${q}; a report must be a finite number >= 0`);
  }
  return r;
}

// ───────────────────────────── theory ─────────────────────────────

/** E_{q_i}[v_i] for v = 1 − w/(1+wq): uniform closed form, else Gauss–Legendre   (spec/004 §1.3 closed form). */
function expectedOwnValue(prior: Prior, rho: number, N: number): number {
  const { low, high } = prior;
  if (isUniform(prior)) {
    const w = 1 - rho;
    // ∫_a^Q 1 − w/(1+wq) dq/(Q−a) = 1 − ln((1+wQ)/(1+wa))/(Q−a)   (spec/004 §2.2 [derived])
    return 1 - Math.log1p((w * (high - low)) / (1 + w * low)) / (high - low);
  }
  const { nodes, weights } = gaussLegendre(N);
  const c = 0.5 * (low + high);
  const h = 0.5 * (high - low);
  let s = 0;
  for (let k = 0; k < N; k++) {
    const x = c + h * nodes[k];
    s += weights[k] * prior.pdf(x) * valueOfRho(rho, x); // spec/004 §1.3
  }
  return s * h;
}

/** E_q[v_i(q)] under truthful reports, q ~ ∏ priors   (seed 004, (A.1); spec/004 §1.3). */
function expectedValue(R: Correlation, priors: readonly Prior[], i: number): number {
  return expectOverOthers(priors, i, 1, (q, out) => {
    out[0] = expectedOwnValue(priors[i], rhoExact(R, i, q), 64);
  }).values[0];
}

interface Theory {
  kind: BayesSimulation['theory'];
  value: (number | null)[];
  utility: (number | null)[];
  allocation: (number | null)[];
  payment: (number | null)[];
  revenue: number | null;
  accuracy: number | null;
}

function theoryOf(mech: BayesMechanism, game: BayesGame, profile: readonly BoundReport[], fixed: Float64Array | null, reports: Float64Array | null): Theory {
  const { correlation: R, priors, model } = game;
  const n = R.length;
  const none = (): (number | null)[] => new Array<number | null>(n).fill(null);
  if (fixed && reports) {
    const o = outcome(mech, R, priors, fixed, reports, model); // seed 004, Algorithm 1; spec/004 §1.3 v_i(q, q̂)
    const value = o.agents.map((a) => a.value);
    return {
      kind: 'outcome',
      value,
      utility: o.agents.map((a) => a.utility),
      allocation: o.agents.map((a) => (a.allocated ? 1 : 0)),
      payment: o.agents.map((a) => a.payment),
      revenue: o.revenue,
      accuracy: value.reduce((s, v) => s + (v - 1), 0), // A_i = v_i − 1 (σ_i = 1)   (seed 004, eq. (2))
    };
  }
  const deviators = profile.map((b, i) => (b.plugin.truthful ? -1 : i)).filter((i) => i >= 0);
  if (deviators.length === 0) {
    let e;
    try {
      e = expectedOutcome(mech, R, priors, model); // seed 004, (B.11)
    } catch (err) {
      if (err instanceof InputError) return { kind: 'none', value: none(), utility: none(), allocation: none(), payment: none(), revenue: null, accuracy: null };
      throw err;
    }
    const value = priors.map((_, i) => expectedValue(R, priors, i));
    return {
      kind: 'expected-outcome',
      value,
      utility: e.agents.map((a) => a.utility),
      allocation: e.agents.map((a) => a.allocationProbability),
      payment: e.agents.map((a) => a.payment),
      revenue: e.revenue,
      accuracy: value.reduce((s, v) => s + (v - 1), 0), // Σ_i E[A_i] = Σ_i (E v_i − 1)   (seed 004, eq. (2))
    };
  }
  if (deviators.length === 1) {
    const i = deviators[0];
    const utility = none();
    utility[i] = exAnteGain(mech, game, profile[i]).deviation; // seed 004, (A.2)–(A.4)
    return { kind: 'ex-ante-deviation', value: none(), utility, allocation: none(), payment: none(), revenue: null, accuracy: null };
  }
  return { kind: 'none', value: none(), utility: none(), allocation: none(), payment: none(), revenue: null, accuracy: null };
}

// ───────────────────────────── engine ─────────────────────────────

/** Lower Cholesky factor of R as a row-major Float64Array (θ = Lε ~ N(0, R)). */
function choleskyOf(R: Correlation): Float64Array {
  const n = R.length;
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c <= r; c++) out[r * n + c] = R[r]![c]!;
  choleskyInPlace(out, n);
  for (let r = 0; r < n; r++) for (let c = r + 1; c < n; c++) out[r * n + c] = 0; // lower triangle only
  return out;
}

/**
 * Plays `rounds` rounds of seed 004's data-sharing game with realised signals (module comment) and
 * returns per-agent value, utility, allocation and payment means ± standard errors, revenue and
 * platform accuracy, next to the closed forms.
 */
export function simulateBayes(game: BayesGame, mechanism: BayesMechanism, profile: readonly BoundReport[], opts: SimulateOptions): BayesSimulation {
  const fixed = checkOptions(game, profile, opts);
  const { correlation: R, priors, model } = game;
  const n = R.length;
  const N = opts.rounds;
  const ctx: MechanismContext = { R, priors, model };

  const streams = new StreamFactory(opts.seed);
  const typeKeys: StreamKey[] = priors.map((_, j) => streams.key('bayes-simulate', 'type', j));
  const thetaKey = streams.key('bayes-simulate', 'theta');
  const noiseKey = streams.key('bayes-simulate', 'noise');
  const rng = new Rng();

  const LR = choleskyOf(R);
  const Rflat = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) Rflat[r * n + c] = R[r][c];

  const q = new Float64Array(n);
  const qh = new Float64Array(n);
  const prevQh = new Float64Array(n).fill(NaN);
  const threshold = new Float64Array(n);
  const price = new Float64Array(n);
  const alloc = new Uint8Array(n);
  const keep = new Int32Array(n);
  let m = 0;
  const G = new Float64Array(n * n); // G[i*n + r] = (R_{·K}(Σ_q̂)_{KK}^{-1})_{i r}, r over kept signals
  const infTask = new Uint8Array(n); // task i puts weight on an infinitely noisy signal (q_j = 0 < q̂_j)
  const eps = new Float64Array(n);
  const zeta = new Float64Array(n);
  const theta = new Float64Array(n);
  const s = new Float64Array(n);
  const sdNoise = new Float64Array(n);

  // Series: per agent 4 (value, utility, allocation, payment), then revenue, accuracy.
  const stats = new Running(4 * n + 2);
  let fixedReports: Float64Array | null = null;
  if (fixed) {
    q.set(fixed);
    fixedReports = new Float64Array(n);
    for (let j = 0; j < n; j++) fixedReports[j] = reportOf(profile[j], q[j]); // reports are a function of the fixed types
  }

  const S = new Float64Array(n * n);
  const K = new Float64Array(n * n);
  /** Recomputes the mechanism's posted outcomes and the estimator's gain matrix for reports qh. */
  const refresh = (): void => {
    for (let i = 0; i < n; i++) {
      const posted = mechanism.allocate(i, qh, ctx); // seed 004, Algorithm 1 (price from the others' reports, spec/004 §8)
      threshold[i] = posted.threshold;
      price[i] = posted.price;
      alloc[i] = qh[i] >= posted.threshold ? 1 : 0; // x_i = 1{q̂_i ≥ q̄_i}   (seed 004, Algorithm 1)
    }
    m = 0;
    for (let j = 0; j < n; j++) if (qh[j] > 0) keep[m++] = j; // q̂_j = 0: signal dropped, weight 0   (spec/004 §1.3, §8)
    G.fill(0);
    infTask.fill(0);
    if (m === 0) return; // prior-mean estimator θ̂ = 0, v = 0   (seed 004, eq. (2))
    // In place, no allocation: S = (Σ_q̂)_{KK} = LLᵀ, then K = S⁻¹R_{K·} column by column (m × n, row-major).
    for (let r = 0; r < m; r++) {
      const jr = keep[r];
      for (let c = 0; c < m; c++) S[r * m + c] = Rflat[jr * n + keep[c]];
      S[r * m + r] = 1 + 1 / qh[jr]; // Σ_q̂ = R + diag(1/q̂)   (spec/004 §1.3)
      for (let i = 0; i < n; i++) K[r * n + i] = Rflat[jr * n + i];
    }
    choleskyInPlace(S, m);
    for (let i = 0; i < n; i++) {
      forwardSolveInPlace(S, m, K, i, n);
      backSolveInPlace(S, m, K, i, n); // (Σ_q̂)_{KK}^{-1} R_{K·}, so G = Kᵀ   (spec/004 §1.3: θ̂ = R_{i·}Σ_q̂^{-1}s)
    }
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < m; r++) {
        const gir = K[r * n + i] as number;
        G[i * n + r] = gir;
        if (gir !== 0 && q[keep[r]] === 0) infTask[i] = 1; // 1/q_j = ∞ noise with positive weight   (spec/004 §1.3)
      }
    }
  };

  for (let round = 0; round < N; round++) {
    // (1) types   (spec/004 §1.1)
    if (fixed === null) {
      for (let j = 0; j < n; j++) q[j] = priors[j].quantile(streams.seed(typeKeys[j], round, rng).nextFloat()); // q_j = F_j^{-1}(u)
    }
    // (2) reports: agent j sees only q_j and her info   (spec/004 §8)
    let changed = false;
    for (let j = 0; j < n; j++) {
      const r = fixedReports ? fixedReports[j] : reportOf(profile[j], q[j]);
      qh[j] = r;
      if (r !== prevQh[j]) changed = true;
    }
    // (3) mechanism and estimator, once per distinct report vector (and per distinct q where q_j = 0 matters)
    if (changed || fixed === null) {
      if (changed) {
        prevQh.set(qh);
        refresh();
      } else {
        // same reports, new types: only the infinite-noise flags depend on q
        infTask.fill(0);
        for (let i = 0; i < n; i++) for (let r = 0; r < m; r++) if (G[i * n + r] !== 0 && q[keep[r]] === 0) infTask[i] = 1;
      }
      for (let r = 0; r < m; r++) {
        const qj = q[keep[r]];
        sdNoise[r] = qj > 0 ? 1 / Math.sqrt(qj) : 0; // z_j ~ N(0, 1/q_j) (σ_j = 1; q_j = 0 handled by infTask)   (spec/004 §1.3)
      }
    }
    // (4) θ ~ N(0, R) = L ε and s_j = θ_j + z_j   (spec/004 §1.3)
    streams.seed(thetaKey, round, rng).fillNormal(eps, 0, n, 0, 1);
    streams.seed(noiseKey, round, rng).fillNormal(zeta, 0, n, 0, 1);
    for (let r = 0; r < n; r++) {
      let t = 0;
      for (let c = 0; c <= r; c++) t += LR[r * n + c] * eps[c];
      theta[r] = t;
    }
    for (let r = 0; r < m; r++) {
      const j = keep[r];
      s[r] = theta[j] + sdNoise[r] * zeta[j];
    }
    // (5)–(6) θ̂_i = G_{i·} s_K and the scores   (spec/004 §1.3, §8)
    const k = round + 1;
    stats.count = k;
    let revenue = 0;
    let accuracy = 0;
    for (let i = 0; i < n; i++) {
      let est = 0;
      for (let r = 0; r < m; r++) est += G[i * n + r] * s[r];
      const e = est - theta[i];
      const err2 = infTask[i] ? Infinity : e * e;
      const value = 1 - err2; // realised value; E = v_i(q, q̂) = 1 + A_i (σ_i = 1)   (seed 004, eq. (2))
      const x = alloc[i];
      const pay = x ? price[i] : 0; // p_i x_i   (seed 004, Algorithm 1)
      const util = x ? value - pay : 0; // U_i = v·x − p   (spec/004 §1.1)
      const b = 4 * i;
      stats.push(b, value, k);
      stats.push(b + 1, util, k);
      stats.push(b + 2, x, k);
      stats.push(b + 3, pay, k);
      revenue += pay;
      accuracy -= err2; // Σ_i −(θ̂_i − θ_i)² over all tasks   (spec/004 §8)
    }
    stats.push(4 * n, revenue, k);
    stats.push(4 * n + 1, accuracy, k);
  }

  const th = theoryOf(mechanism, game, profile, fixed, fixedReports);
  const agents: SimAgent[] = profile.map((b, i) => ({
    agent: i,
    strategy: b.plugin.name,
    params: { ...b.params },
    value: stats.stat(4 * i),
    theoryValue: th.value[i],
    utility: stats.stat(4 * i + 1),
    theoryUtility: th.utility[i],
    allocation: stats.stat(4 * i + 2),
    theoryAllocation: th.allocation[i],
    payment: stats.stat(4 * i + 3),
    theoryPayment: th.payment[i],
  }));
  return {
    engine: 'bayes-monte-carlo',
    mechanism: mechanism.name,
    model,
    n,
    rounds: N,
    seed: opts.seed,
    types: fixed ? 'fixed' : 'drawn',
    fixedTypes: fixed ? Array.from(fixed) : null,
    reports: fixedReports ? Array.from(fixedReports) : null,
    theory: th.kind,
    agents,
    revenue: stats.stat(4 * n),
    theoryRevenue: th.revenue,
    accuracy: stats.stat(4 * n + 1),
    theoryAccuracy: th.accuracy,
  };
}

/** (MC mean − theory)/SE, or null when undefined (no theory, zero or undefined SE with a difference). */
export function zScore(stat: SimStat, theory: number | null): number | null {
  if (theory === null || !Number.isFinite(theory) || !Number.isFinite(stat.mean)) return null;
  const d = stat.mean - theory;
  if (stat.standardError > 0) return d / stat.standardError;
  return Math.abs(d) <= 1e-12 * Math.max(1, Math.abs(theory)) ? 0 : null;
}
