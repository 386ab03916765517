import { AllocationBuffer } from '../core/allocation-buffer.js';
import type { ReadonlyFloat64Array } from '../core/data.js';
import type { Instance } from '../core/instance.js';
import type { MechanismRun } from '../core/mechanism.js';
import { SubmissionPool } from '../core/submission-pool.js';
import { isSumsOnly } from '../core/sufficient.js';
import { Rng, type StreamFactory, type StreamKey } from '../random/index.js';
import type { AgentStrategy } from './agent-strategy.js';
import { describeError, PluginError } from './plugin-error.js';

/** The random streams of one agent, one per purpose (DESIGN: "Randomness and speed"). */
const PURPOSES = ['collect', 'data', 'submit', 'mechanism'] as const;
const COLLECT = 0;
const DATA = 1;
const SUBMIT = 2;
const MECHANISM = 3;

/** Largest number of points a strategy may collect or submit in one round. */
export const MAX_POINTS = 10_000_000;

/** Per-agent results of one round, overwritten by every call to play(). */
export class RoundOutcome {
  readonly sqErr: Float64Array;
  readonly collected: Float64Array;
  /** 1 where the agent's estimate was made from no data at all (so it cannot be equivariant). */
  readonly noData: Uint8Array;
  constructor(m: number) {
    this.sqErr = new Float64Array(m);
    this.collected = new Float64Array(m);
    this.noData = new Uint8Array(m);
  }
}

/**
 * Plays rounds of the collaborative-estimation game (seed 000 §2):
 * collect → sample → submit → allocate → estimate → score.
 * Every (agent, round, purpose) draws from its own stream, derived from the
 * master seed by hashing (cell, agent, purpose) and the round number, so a
 * profile and a one-agent deviation from it share every random number that
 * the deviation does not consume differently (common random numbers).
 */
export class RoundPlayer {
  private readonly m: number;
  private readonly keys: StreamKey[][];
  private readonly rng = new Rng();
  private readonly pool: SubmissionPool;
  private readonly alloc = new AllocationBuffer();
  private readonly data: Float64Array[];
  private readonly n: Int32Array;
  private readonly materialize: Uint8Array;

  constructor(
    private readonly inst: Instance,
    private readonly run: MechanismRun,
    private readonly profile: readonly AgentStrategy[],
    private readonly streams: StreamFactory,
    cell: string,
  ) {
    this.m = inst.m;
    if (profile.length !== inst.m) throw new Error(`profile has ${profile.length} strategies for m = ${inst.m} agents`);
    this.keys = profile.map((_, agent) => PURPOSES.map((p) => streams.key(cell, agent, p)));
    this.pool = new SubmissionPool(inst.m);
    this.data = profile.map(() => new Float64Array(64));
    this.n = new Int32Array(inst.m);
    // Corrupted points are written out only for estimators that read them (src/core/sufficient.ts).
    this.materialize = Uint8Array.from(profile, (s) => (isSumsOnly(s.play.estimate) ? 0 : 1));
  }

  private seed(agent: number, purpose: number, round: number): Rng {
    return this.streams.seed(this.keys[agent][purpose], round, this.rng);
  }

  /** Plays round `round` with true mean `mu`, writing each agent's squared error and amount into `out`. */
  play(round: number, mu: number, out: RoundOutcome): void {
    const { m, profile, pool, alloc, run } = this;
    const sigma = this.inst.sigma;
    pool.reset();
    for (let j = 0; j < m; j++) {
      const s = profile[j];
      const n = this.collect(s, this.seed(j, COLLECT, round));
      this.n[j] = n;
      out.collected[j] = n;
      if (this.data[j].length < n) this.data[j] = new Float64Array(Math.max(n, 2 * this.data[j].length));
      this.seed(j, DATA, round).fillNormal(this.data[j], 0, n, mu, sigma);
      const x = this.data[j].subarray(0, n) as ReadonlyFloat64Array;
      const y = this.submit(s, x, this.seed(j, SUBMIT, round));
      if (!pool.append(j, y)) throw new PluginError(s.plugin.name, 'submit', 'returned a value that is not a finite number');
    }
    for (let i = 0; i < m; i++) {
      const s = profile[i];
      alloc.reset(this.materialize[i] === 1);
      run.allocate(i, pool, this.seed(i, MECHANISM, round), alloc);
      const x = this.data[i].subarray(0, this.n[i]) as ReadonlyFloat64Array;
      let est: number;
      let used: number;
      if (run.deploysEstimate && !s.meta.optsOut) {
        est = alloc.deployed ?? Number.NaN;
        used = pool.size(i) + alloc.cleanLength + alloc.corruptedLength;
        if (!Number.isFinite(est)) throw new Error(`mechanism "${run.info.mechanism}" deployed a non-finite estimate`);
      } else {
        const y = pool.values.subarray(pool.offsets[i], pool.offsets[i + 1]) as ReadonlyFloat64Array;
        est = this.estimate(s, x, y);
        used = x.length + alloc.cleanLength + (alloc.eta2 < Number.POSITIVE_INFINITY ? alloc.corruptedLength : 0);
      }
      const e = est - mu;
      out.sqErr[i] = e * e;
      out.noData[i] = used === 0 ? 1 : 0;
    }
  }

  private collect(s: AgentStrategy, rng: Rng): number {
    let n: number;
    try {
      n = s.play.collect(s.info, rng);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'collect', `threw: ${describeError(e)}`, { cause: e });
    }
    if (!Number.isInteger(n) || n < 0 || n > MAX_POINTS) {
      throw new PluginError(s.plugin.name, 'collect', `must return an integer in [0, ${MAX_POINTS}] (got ${n})`);
    }
    return n;
  }

  private submit(s: AgentStrategy, x: ReadonlyFloat64Array, rng: Rng): ArrayLike<number> {
    let y: ArrayLike<number>;
    try {
      y = s.play.submit(x, s.info, rng);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'submit', `threw: ${describeError(e)}`, { cause: e });
    }
    if (y === null || typeof y !== 'object' || !Number.isInteger(y.length) || y.length > MAX_POINTS) {
      throw new PluginError(s.plugin.name, 'submit', `must return an array of at most ${MAX_POINTS} numbers`);
    }
    return y;
  }

  private estimate(s: AgentStrategy, x: ReadonlyFloat64Array, y: ReadonlyFloat64Array): number {
    let est: number;
    try {
      est = s.play.estimate(x, y, this.alloc.view(), s.info);
    } catch (e) {
      throw new PluginError(s.plugin.name, 'estimate', `threw: ${describeError(e)}`, { cause: e });
    }
    if (typeof est !== 'number' || !Number.isFinite(est)) {
      throw new PluginError(s.plugin.name, 'estimate', `must return a finite number (got ${String(est)})`);
    }
    return est;
  }
}
