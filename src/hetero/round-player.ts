import type { ReadonlyFloat64Array } from '../core/data.js';
import { Rng, type StreamFactory, type StreamKey } from '../random/index.js';
import { MAX_POINTS } from '../engine/round-player.js';
import { describeError, PluginError } from '../engine/plugin-error.js';
import { HeteroAllocationBuffer } from './allocation.js';
import type { HeteroAgentStrategy } from './agent-strategy.js';
import type { SimInstance } from './info.js';
import type { HeteroMechanismRun } from './mechanism.js';
import { fillNoise } from './noise.js';
import type { OwnData } from './strategy.js';
import { HeteroPool } from './submissions.js';

/** Per-agent results of one round, overwritten by every call to play(). */
export class HeteroOutcome {
  /** ‖h_i − μ‖² + Σ_k c_{i,k} n_{i,k}: the round's term of the penalty (seed 001, eq. (3)). */
  readonly loss: Float64Array;
  readonly sqErr: Float64Array;
  readonly cost: Float64Array;
  /** 1 where some coordinate of the agent's estimate rests on no data at all. */
  readonly noData: Uint8Array;
  constructor(m: number) {
    this.loss = new Float64Array(m);
    this.sqErr = new Float64Array(m);
    this.cost = new Float64Array(m);
    this.noData = new Uint8Array(m);
  }
}

const COLLECT = 0;
const SUBMIT = 1;
const MECHANISM = 2;
const FIXED_PURPOSES = ['collect', 'submit', 'mechanism'] as const;

/**
 * Plays rounds of the d-distribution game (spec/001 §1): every agent picks
 * n_i ∈ ℕ^d, draws X_{i,k} from distribution k, submits Y_i = f_i(X_i); the
 * mechanism returns I_i; the agent estimates μ ∈ R^d and pays
 * ‖h − μ‖² + Σ_k c_{i,k} n_{i,k} (0·∞ = 0; n > 0 at an infinite cost is an error).
 * Each (agent, round, purpose) has its own stream, and each distribution's
 * data its own too, so a deviation on one k leaves every other draw alone.
 */
export class HeteroRoundPlayer {
  private readonly m: number;
  private readonly d: number;
  private readonly keys: StreamKey[][];
  private readonly dataKeys: StreamKey[][];
  private readonly rng = new Rng();
  private readonly pool: HeteroPool;
  private readonly alloc: HeteroAllocationBuffer;
  private readonly data: Float64Array[][];
  private readonly views: ReadonlyFloat64Array[][];
  private readonly submitted: ReadonlyFloat64Array[][];
  private readonly n: Int32Array;

  constructor(
    private readonly inst: SimInstance,
    private readonly run: HeteroMechanismRun,
    private readonly profile: readonly HeteroAgentStrategy[],
    private readonly streams: StreamFactory,
    cell: string,
  ) {
    const { m, d } = inst;
    this.m = m;
    this.d = d;
    if (profile.length !== m) throw new Error(`profile has ${profile.length} strategies for m = ${m} agents`);
    this.keys = profile.map((_, agent) => FIXED_PURPOSES.map((p) => streams.key(cell, agent, p)));
    this.dataKeys = profile.map((_, agent) => Array.from({ length: d }, (_, k) => streams.key(cell, agent, 'data', k)));
    this.pool = new HeteroPool(m, d);
    this.alloc = new HeteroAllocationBuffer(d);
    this.data = profile.map(() => Array.from({ length: d }, () => new Float64Array(64)));
    this.views = profile.map(() => new Array<ReadonlyFloat64Array>(d));
    this.submitted = profile.map(() => new Array<ReadonlyFloat64Array>(d));
    this.n = new Int32Array(m * d);
  }

  private seed(key: StreamKey, round: number): Rng {
    return this.streams.seed(key, round, this.rng);
  }

  /** Plays round `round` with true means `mu` (length d), writing each agent's loss into `out`. */
  play(round: number, mu: ArrayLike<number>, out: HeteroOutcome): void {
    const { m, d, profile, pool, alloc, run, inst } = this;
    pool.reset();
    for (let j = 0; j < m; j++) {
      const s = profile[j];
      const amounts = this.collect(s, this.seed(this.keys[j][COLLECT], round));
      let cost = 0;
      for (let k = 0; k < d; k++) {
        const n = amounts[k];
        this.n[j * d + k] = n;
        if (n > 0) cost += inst.costs[j][k] * n; // seed 001, eq. (3): Σ_k c_{i,k} n_{i,k}, 0·∞ = 0
        if (this.data[j][k].length < n) this.data[j][k] = new Float64Array(Math.max(n, 2 * this.data[j][k].length));
        fillNoise(inst.noise, this.seed(this.dataKeys[j][k], round), this.data[j][k], 0, n, mu[k], inst.sigma);
        this.views[j][k] = this.data[j][k].subarray(0, n) as ReadonlyFloat64Array;
      }
      out.cost[j] = cost;
      const y = this.submit(s, this.views[j], this.seed(this.keys[j][SUBMIT], round));
      for (let k = 0; k < d; k++) {
        const p = pool.byK[k];
        if (!p.append(j, y[k])) throw new PluginError(s.plugin.name, 'submit', `returned a value that is not a finite number for distribution ${k}`);
      }
    }
    // Views into the pools are taken after every append: a pool's buffer may have grown.
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < d; k++) {
        const p = pool.byK[k];
        this.submitted[j][k] = p.values.subarray(p.offsets[j], p.offsets[j + 1]) as ReadonlyFloat64Array;
      }
    }
    for (let i = 0; i < m; i++) {
      const s = profile[i];
      alloc.reset();
      run.allocate(i, pool, this.seed(this.keys[i][MECHANISM], round), alloc);
      const est = this.estimate(s, this.views[i], this.submitted[i]);
      let se = 0;
      let noData = 0;
      for (let k = 0; k < d; k++) {
        const e = est[k] - mu[k];
        se += e * e;
        if (this.views[i][k].length === 0 && alloc.count[k] === 0 && alloc.cleanCount[k] === 0 && alloc.corruptedCount[k] === 0) noData = 1;
      }
      out.sqErr[i] = se;
      out.loss[i] = se + out.cost[i];
      out.noData[i] = noData;
    }
  }

  private collect(s: HeteroAgentStrategy, rng: Rng): ArrayLike<number> {
    let n: ArrayLike<number>;
    try {
      n = s.play.collect(s.info, rng);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'collect', `threw: ${describeError(e)}`, { cause: e });
    }
    if (n === null || typeof n !== 'object' || n.length !== this.d) {
      throw new PluginError(s.plugin.name, 'collect', `must return ${this.d} amounts, one per distribution`);
    }
    for (let k = 0; k < this.d; k++) {
      const x = n[k];
      if (!Number.isInteger(x) || x < 0 || x > MAX_POINTS) {
        throw new PluginError(s.plugin.name, 'collect', `amount for distribution ${k} must be an integer in [0, ${MAX_POINTS}] (got ${x})`);
      }
      if (x > 0 && s.info.costs[k] === Infinity) {
        throw new PluginError(s.plugin.name, 'collect', `agent ${s.info.agent} cannot sample distribution ${k} (its cost is infinite) but asked for ${x} points`);
      }
    }
    return n;
  }

  private submit(s: HeteroAgentStrategy, x: OwnData, rng: Rng): readonly ArrayLike<number>[] {
    let y: readonly ArrayLike<number>[];
    try {
      y = s.play.submit(x, s.info, rng);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'submit', `threw: ${describeError(e)}`, { cause: e });
    }
    if (!Array.isArray(y) || y.length !== this.d) throw new PluginError(s.plugin.name, 'submit', `must return ${this.d} arrays, one per distribution`);
    for (let k = 0; k < this.d; k++) {
      const yk = y[k] as ArrayLike<number> | null;
      if (yk === null || typeof yk !== 'object' || !Number.isInteger(yk.length) || yk.length > MAX_POINTS) {
        throw new PluginError(s.plugin.name, 'submit', `entry ${k} must be an array of at most ${MAX_POINTS} numbers`);
      }
    }
    return y;
  }

  private estimate(s: HeteroAgentStrategy, x: OwnData, y: OwnData): ArrayLike<number> {
    let est: ArrayLike<number>;
    try {
      est = s.play.estimate(x, y, this.alloc.view(), s.info);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'estimate', `threw: ${describeError(e)}`, { cause: e });
    }
    if (est === null || typeof est !== 'object' || est.length !== this.d) {
      throw new PluginError(s.plugin.name, 'estimate', `must return ${this.d} numbers, one per distribution`);
    }
    for (let k = 0; k < this.d; k++) {
      if (typeof est[k] !== 'number' || !Number.isFinite(est[k])) {
        throw new PluginError(s.plugin.name, 'estimate', `entry ${k} must be a finite number (got ${String(est[k])})`);
      }
    }
    return est;
  }
}
