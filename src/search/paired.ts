import type { Instance } from '../core/instance.js';
import type { MechanismRun } from '../core/mechanism.js';
import { StreamFactory } from '../random/index.js';
import type { AgentStrategy } from '../engine/agent-strategy.js';
import { looksEquivariant } from '../engine/equivariance-probe.js';
import { RoundOutcome, RoundPlayer } from '../engine/round-player.js';
import { EQUIVARIANT_MU, MU_GRID_SIGMAS } from '../engine/worst-case.js';
import { adaptiveRounds, PairedStats, type PairedSummary } from './paired-stats.js';

export { Z95 } from './paired-stats.js';

export interface PairedResult extends Omit<PairedSummary, 'worst'> {
  /** The μ at which the deviation was worst (its penalty's sup over the grid). */
  readonly worstMu: number;
}

/**
 * Compares one agent's penalty under a baseline profile and a deviation from
 * it on common random numbers: both profiles play the same rounds with the
 * same streams, and the gain's standard error comes from the per-round
 * differences. The deviation is scored at its worst μ of the grid (the
 * baseline must be translation-equivariant, so its risk is the same at every
 * μ). Rounds can be added until the interval is decisive.
 */
export class PairedComparison {
  private mus!: readonly number[];
  private base!: RoundPlayer;
  private dev!: RoundPlayer;
  private readonly outB: RoundOutcome;
  private readonly outD: RoundOutcome;
  private stats!: PairedStats;
  private done = 0;

  constructor(
    private readonly inst: Instance,
    private readonly run: MechanismRun,
    private readonly baseline: readonly AgentStrategy[],
    private readonly deviation: readonly AgentStrategy[],
    private readonly agent: number,
    private readonly seed: number | string,
    private readonly cell: string,
  ) {
    if (!baseline.every((s) => s.meta.equivariant)) throw new Error('the baseline profile must be translation-equivariant');
    this.outB = new RoundOutcome(inst.m);
    this.outD = new RoundOutcome(inst.m);
    this.reset(deviation.every((s) => s.meta.equivariant) ? EQUIVARIANT_MU : MU_GRID_SIGMAS);
    if (this.mus.length === 1 && !looksEquivariant(this.dev, inst.sigma, this.outB, this.outD)) this.reset(MU_GRID_SIGMAS);
  }

  private reset(gridSigmas: readonly number[]): void {
    const streams = new StreamFactory(this.seed);
    this.mus = gridSigmas.map((g) => g * this.inst.sigma);
    this.base = new RoundPlayer(this.inst, this.run, this.baseline, streams, this.cell);
    this.dev = new RoundPlayer(this.inst, this.run, this.deviation, streams, this.cell);
    this.stats = new PairedStats(this.mus.length);
    this.done = 0;
  }

  get rounds(): number {
    return this.done;
  }

  /** Plays `more` further rounds of both profiles. */
  extend(more: number): this {
    const { agent, outB, outD } = this;
    const c = this.inst.cost;
    const end = this.done + more;
    for (let r = this.done; r < end; r++) {
      for (let g = 0; g < this.mus.length; g++) {
        this.base.play(r, this.mus[g], outB);
        this.dev.play(r, this.mus[g], outD);
        if (this.mus.length === 1 && outD.noData[agent]) {
          // An estimate from no data is not equivariant: start over on the μ grid.
          this.reset(MU_GRID_SIGMAS);
          return this.extend(end);
        }
        const vb = outB.sqErr[agent] + c * outB.collected[agent]; // seed 000, eq. (3)
        const vd = outD.sqErr[agent] + c * outD.collected[agent];
        this.stats.add(g, vb, vd);
      }
    }
    this.done = end;
    return this;
  }

  result(): PairedResult {
    const { worst, ...rest } = this.stats.summary(this.done);
    return { ...rest, worstMu: this.mus[worst] };
  }

  /**
   * Adds rounds (doubling) until the 95% interval excludes 0 or is narrower
   * than `tolerance`, or `maxRounds` is reached.
   */
  adaptive(tolerance: number, initial: number, maxRounds: number): PairedResult {
    return adaptiveRounds(this, tolerance, initial, maxRounds);
  }
}
