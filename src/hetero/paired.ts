import { StreamFactory } from '../random/index.js';
import { adaptiveRounds, PairedStats, type PairedSummary } from '../search/paired-stats.js';
import type { HeteroAgentStrategy } from './agent-strategy.js';
import { looksEquivariantHetero } from './evaluator.js';
import type { SimInstance } from './info.js';
import type { HeteroMechanismRun } from './mechanism.js';
import { equivariantMu, muGrid, muLabel } from './mu-grid.js';
import { HeteroOutcome, HeteroRoundPlayer } from './round-player.js';

export interface HeteroPairedResult extends Omit<PairedSummary, 'worst'> {
  readonly worstMu: string;
}

/**
 * One agent's penalty under a baseline profile and under a deviation from
 * it, on common random numbers (the d-distribution analogue of
 * src/search/paired.ts). The deviation is scored at its worst μ of the grid.
 */
export class HeteroPairedComparison {
  private readonly mus: Float64Array[];
  private readonly base: HeteroRoundPlayer;
  private readonly dev: HeteroRoundPlayer;
  private readonly outB: HeteroOutcome;
  private readonly outD: HeteroOutcome;
  private readonly stats: PairedStats;
  private done = 0;

  constructor(
    inst: SimInstance,
    run: HeteroMechanismRun,
    baseline: readonly HeteroAgentStrategy[],
    deviation: readonly HeteroAgentStrategy[],
    private readonly agent: number,
    seed: number | string,
    cell: string,
  ) {
    if (!baseline.every((s) => s.meta.equivariant)) throw new Error('the baseline profile must be translation-equivariant');
    const streams = new StreamFactory(seed);
    this.base = new HeteroRoundPlayer(inst, run, baseline, streams, cell);
    this.dev = new HeteroRoundPlayer(inst, run, deviation, streams, cell);
    const equivariant = deviation.every((s) => s.meta.equivariant) && looksEquivariantHetero(this.dev, inst);
    this.mus = equivariant ? equivariantMu(inst.d) : muGrid(inst.d, inst.sigma);
    this.outB = new HeteroOutcome(inst.m);
    this.outD = new HeteroOutcome(inst.m);
    this.stats = new PairedStats(this.mus.length);
  }

  get rounds(): number {
    return this.done;
  }

  /** Plays `more` further rounds of both profiles. */
  extend(more: number): this {
    const end = this.done + more;
    for (let r = this.done; r < end; r++) {
      for (let g = 0; g < this.mus.length; g++) {
        this.base.play(r, this.mus[g], this.outB);
        this.dev.play(r, this.mus[g], this.outD);
        this.stats.add(g, this.outB.loss[this.agent], this.outD.loss[this.agent]); // seed 001, eq. (3)
      }
    }
    this.done = end;
    return this;
  }

  result(): HeteroPairedResult {
    const { worst, ...rest } = this.stats.summary(this.done);
    return { ...rest, worstMu: muLabel(this.mus[worst]) };
  }

  adaptive(tolerance: number, initial: number, maxRounds: number): HeteroPairedResult {
    return adaptiveRounds(this, tolerance, initial, maxRounds);
  }
}
