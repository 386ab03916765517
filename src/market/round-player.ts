import type { ReadonlyFloat64Array } from '../core/data.js';
import { describeError, PluginError } from '../engine/plugin-error.js';
import { Rng, type StreamFactory, type StreamKey } from '../random/index.js';
import type { MarketAgentStrategy } from './agent-strategy.js';
import { errorValuationOf, type ErrorValuation } from './error-valuation.js';
import { MARKET_MAX_POINTS } from './info.js';
import type { MarketRun, MarketSettlement } from './mechanism.js';
import type { MarketModel } from './model.js';

/** One round's results, overwritten by every call to play(). */
export class MarketOutcome implements MarketSettlement {
  /** π_i − c_i n_i (seed 003 §1.3, ex-post utility). */
  readonly utility: Float64Array;
  readonly payments: Float64Array;
  readonly cost: Float64Array;
  /** p_j. */
  readonly prices: Float64Array;
  /** v_j^e(|μ̂(subset_j) − μ|), NaN for buyers without a v^e. */
  readonly values: Float64Array;
  /** Points buyer j actually received (< m_j* when the pool is smaller). */
  readonly received: Int32Array;
  /** Σ_i π_i − Σ_j p_j. */
  residual = 0;
  delta = Number.NaN;
  constructor(contributors: number, buyers: number) {
    this.utility = new Float64Array(contributors);
    this.payments = new Float64Array(contributors);
    this.cost = new Float64Array(contributors);
    this.prices = new Float64Array(buyers);
    this.values = new Float64Array(buyers);
    this.received = new Int32Array(buyers);
  }
}

const COLLECT = 0;
const DATA = 1;
const SUBMIT = 2;
const PURPOSES = ['collect', 'data', 'submit'] as const;

/**
 * Plays rounds of the market (spec/003 §1.4 timeline): every contributor picks n_i, draws X_i ∼
 * N(μ, σ²)^{n_i} from her own stream, submits Y_i = f_i(X_i); the mechanism prices and pays from
 * the submissions only; each buyer j gets an independent uniform random subset of size m_j* of the
 * pool (Y_1 ∪ Y_2 for M*, the collector's data for market-single). When the pool holds fewer than
 * m_j* points the buyer gets all of it (the paper leaves this open, spec/003 §3) and `received` says so.
 * Streams: one per (contributor, round, purpose) and one per (buyer, round), so a deviation leaves
 * every other draw alone and μ-grid points share random numbers.
 */
export class MarketRoundPlayer {
  private readonly C: number;
  private readonly B: number;
  private readonly keys: StreamKey[][];
  private readonly buyerKeys: StreamKey[];
  private readonly rng = new Rng();
  private readonly data: Float64Array[];
  private readonly subs: ArrayLike<number>[];
  private readonly ev: (ErrorValuation | null)[];
  private pool = new Float64Array(64);
  private idx = new Int32Array(64);

  constructor(
    private readonly model: MarketModel,
    private readonly run: MarketRun,
    private readonly profile: readonly MarketAgentStrategy[],
    private readonly streams: StreamFactory,
    cell: string,
  ) {
    this.C = model.costs.length;
    this.B = model.buyers.length;
    if (profile.length !== this.C) throw new Error(`profile has ${profile.length} strategies for ${this.C} contributors`);
    this.keys = profile.map((_, i) => PURPOSES.map((p) => streams.key(cell, 'contributor', i, p)));
    this.buyerKeys = model.buyers.map((_, j) => streams.key(cell, 'buyer', j, 'subset'));
    this.data = profile.map(() => new Float64Array(64));
    this.subs = profile.map(() => new Float64Array(0));
    this.ev = model.buyers.map((b) => errorValuationOf(b, model.sigma));
  }

  private seed(key: StreamKey, round: number): Rng {
    return this.streams.seed(key, round, this.rng);
  }

  /** Plays round `round` at true mean μ, writing into `out`. */
  play(round: number, mu: number, out: MarketOutcome): void {
    const { C, B, profile, model, run } = this;
    const sigma = model.sigma;
    for (let i = 0; i < C; i++) {
      const s = profile[i] as MarketAgentStrategy;
      const n = this.collect(s, this.seed((this.keys[i] as StreamKey[])[COLLECT] as StreamKey, round));
      out.cost[i] = (model.costs[i] as number) * n; // c_i n_i (seed 003 §1.3)
      let buf = this.data[i] as Float64Array;
      if (buf.length < n) this.data[i] = buf = new Float64Array(Math.max(n, 2 * buf.length));
      this.seed((this.keys[i] as StreamKey[])[DATA] as StreamKey, round).fillNormal(buf, 0, n, mu, sigma); // X_i ∼ N(μ, σ²)^{n_i}
      this.subs[i] = this.submit(s, buf.subarray(0, n) as ReadonlyFloat64Array, this.seed((this.keys[i] as StreamKey[])[SUBMIT] as StreamKey, round));
    }
    run.settle(this.subs, out);
    let sp = 0;
    let sq = 0;
    for (let i = 0; i < C; i++) {
      const p = out.payments[i] as number;
      sp += p;
      out.utility[i] = p - (out.cost[i] as number); // π_i − c_i n_i (seed 003, eq. (7) inside the expectation)
    }
    for (let j = 0; j < B; j++) sq += out.prices[j] as number;
    out.residual = sp - sq; // Σπ − Σp (seed 003 §1.5 BB; spec/003 §3 off path)
    this.deliver(round, mu, out);
  }

  /** Gives each buyer an independent uniform subset of size min(m_j*, |pool|) and scores it with v_j^e. */
  private deliver(round: number, mu: number, out: MarketOutcome): void {
    let L = 0;
    for (const i of this.run.pool) L += (this.subs[i] as ArrayLike<number>).length;
    if (this.pool.length < L) {
      this.pool = new Float64Array(Math.max(L, 2 * this.pool.length));
      this.idx = new Int32Array(this.pool.length);
    }
    const pool = this.pool;
    const idx = this.idx;
    let o = 0;
    for (const i of this.run.pool) {
      const y = this.subs[i] as ArrayLike<number>;
      for (let k = 0; k < y.length; k++) pool[o++] = y[k] as number;
    }
    for (let j = 0; j < this.B; j++) {
      const k = Math.min(this.run.allocations[j] as number, L);
      out.received[j] = k;
      const v = this.ev[j];
      if (v === null) {
        out.values[j] = Number.NaN;
        continue;
      }
      if (k === 0) {
        out.values[j] = 0; // v^d(0) := 0 (seed 003, eq. (11)): no data, no value
        continue;
      }
      for (let t = 0; t < L; t++) idx[t] = t;
      this.seed(this.buyerKeys[j] as StreamKey, round).partialShuffle(idx, L, k);
      let s = 0;
      for (let t = 0; t < k; t++) s += pool[idx[t] as number] as number;
      out.values[j] = v(Math.abs(s / k - mu)); // v_j^e(|μ̂ − μ|) (seed 003, eq. (8))
    }
  }

  private collect(s: MarketAgentStrategy, rng: Rng): number {
    let n: number;
    try {
      n = s.play.collect(s.info, rng);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'collect', `threw: ${describeError(e)}`, { cause: e });
    }
    if (!Number.isInteger(n) || n < 0 || n > MARKET_MAX_POINTS) {
      throw new PluginError(s.plugin.name, 'collect', `must return an integer in [0, ${MARKET_MAX_POINTS}] (got ${String(n)})`);
    }
    return n;
  }

  private submit(s: MarketAgentStrategy, x: ReadonlyFloat64Array, rng: Rng): ArrayLike<number> {
    let y: ArrayLike<number>;
    try {
      y = s.play.submit(x, s.info, rng);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'submit', `threw: ${describeError(e)}`, { cause: e });
    }
    if (y === null || typeof y !== 'object' || !Number.isInteger(y.length) || y.length > MARKET_MAX_POINTS) {
      throw new PluginError(s.plugin.name, 'submit', `must return an array of at most ${MARKET_MAX_POINTS} numbers`);
    }
    for (let k = 0; k < y.length; k++) {
      if (!Number.isFinite(y[k])) throw new PluginError(s.plugin.name, 'submit', `returned a value that is not a finite number at index ${k}`);
    }
    return y;
  }
}
