import { EQUIVARIANT_MU, MU_GRID_SIGMAS } from '../engine/worst-case.js';
import { StreamFactory } from '../random/index.js';
import { adaptiveRounds, PairedStats, type PairedSummary } from '../search/paired-stats.js';
import type { MarketAgentStrategy } from './agent-strategy.js';
import { looksEquivariantMarket } from './evaluator.js';
import type { MarketRun } from './mechanism.js';
import type { MarketModel } from './model.js';
import { MarketOutcome, MarketRoundPlayer } from './round-player.js';

/** A paired comparison of one contributor's utility (gain = deviation − recommended, at the deviation's worst μ). */
export interface MarketPairedResult extends Omit<PairedSummary, 'worst' | 'deviationPenalty' | 'baselinePenalty'> {
  /** E[π_i − c_i n_i] under the deviation at its worst μ. */
  readonly deviationUtility: number;
  /** E[π_i − c_i n_i] under the recommended profile at the same μ. */
  readonly baselineUtility: number;
  readonly worstMu: number;
}

/**
 * One contributor's utility under a baseline profile and under a deviation from it, on common random
 * numbers (the market analogue of src/hetero/paired.ts). Utilities enter PairedStats as penalties
 * (−u), so its "worst" grid point is the μ where the deviation's utility is lowest (seed 003, eq. (7))
 * and its gain is u(deviation) − u(baseline). A deviation that is not equivariant (or fails the probe)
 * is scored on the μ grid ±10³σ.
 */
export class MarketPairedComparison {
  private readonly mus: readonly number[];
  private readonly base: MarketRoundPlayer;
  private readonly dev: MarketRoundPlayer;
  private readonly outB: MarketOutcome;
  private readonly outD: MarketOutcome;
  private readonly stats: PairedStats;
  private done = 0;

  constructor(
    model: MarketModel,
    run: MarketRun,
    baseline: readonly MarketAgentStrategy[],
    deviation: readonly MarketAgentStrategy[],
    private readonly agent: number,
    seed: number | string,
    cell: string,
  ) {
    const streams = new StreamFactory(seed);
    this.base = new MarketRoundPlayer(model, run, baseline, streams, cell);
    this.dev = new MarketRoundPlayer(model, run, deviation, streams, cell);
    // A baseline that is not equivariant (e.g. the collusive constants of spec/003 §5.3, in dynamics)
    // has its own worst μ: compare inf_μ u_D with inf_μ u_B on the grid.
    const baseEquivariant = baseline.every((s) => s.meta.equivariant) && looksEquivariantMarket(this.base, model);
    const equivariant = baseEquivariant && deviation.every((s) => s.meta.equivariant) && looksEquivariantMarket(this.dev, model);
    this.mus = (equivariant ? EQUIVARIANT_MU : MU_GRID_SIGMAS).map((g) => g * model.sigma);
    const C = model.costs.length;
    const B = model.buyers.length;
    this.outB = new MarketOutcome(C, B);
    this.outD = new MarketOutcome(C, B);
    this.stats = new PairedStats(this.mus.length, !baseEquivariant);
  }

  get rounds(): number {
    return this.done;
  }

  /** Plays `more` further rounds of both profiles. */
  extend(more: number): this {
    const end = this.done + more;
    for (let r = this.done; r < end; r++) {
      for (let g = 0; g < this.mus.length; g++) {
        const mu = this.mus[g] as number;
        this.base.play(r, mu, this.outB);
        this.dev.play(r, mu, this.outD);
        // penalties −u: gain = (−u_B) − (−u_D) = u_D − u_B (seed 003, eq. (7))
        this.stats.add(g, -(this.outB.utility[this.agent] as number), -(this.outD.utility[this.agent] as number));
      }
      this.stats.endRound();
    }
    this.done = end;
    return this;
  }

  result(): MarketPairedResult {
    const { worst, deviationPenalty, baselinePenalty, ...rest } = this.stats.summary(this.done);
    return { ...rest, deviationUtility: -deviationPenalty, baselineUtility: -baselinePenalty, worstMu: this.mus[worst] as number };
  }

  adaptive(tolerance: number, initial: number, maxRounds: number): MarketPairedResult {
    return adaptiveRounds(this, tolerance, initial, maxRounds);
  }
}
