import { StreamFactory } from '../random/index.js';
import { PenaltyAccumulator } from '../engine/accumulator.js';
import type { EventBus } from '../engine/events.js';
import type { HeteroAgentStrategy } from './agent-strategy.js';
import type { SimInstance } from './info.js';
import type { HeteroMechanismRun } from './mechanism.js';
import { equivariantMu, muGrid, muLabel } from './mu-grid.js';
import { HeteroOutcome, HeteroRoundPlayer } from './round-player.js';

export interface HeteroEvaluateOptions {
  readonly rounds: number;
  readonly seed: number | string;
  /** Names the cell; profiles evaluated with the same seed and cell share random numbers. */
  readonly cell?: string;
  readonly forceGrid?: boolean;
  readonly task?: string;
  readonly events?: EventBus;
}

export interface HeteroAgentPenalty {
  readonly agent: number;
  readonly strategy: string;
  /** sup over the μ grid of E‖h − μ‖² + Σ_k c_{i,k} E[n_{i,k}] (seed 001, eq. (3)). */
  readonly penalty: number;
  readonly stderr: number;
  readonly worstMu: string;
}

export interface HeteroEvaluation {
  readonly rounds: number;
  readonly grid: number;
  readonly agents: readonly HeteroAgentPenalty[];
  readonly socialPenalty: number;
  readonly socialStderr: number;
}

const BATCHES = 64;
const PROBE_SHIFT_SIGMAS = 1234.5;
const PROBE_ROUNDS = 8;

/**
 * Declared equivariance is a promise; this checks it by playing the first
 * rounds at μ = 0 and at a shift that differs per coordinate (so submitting
 * one distribution's data as another's shows), on the same random numbers.
 */
export function looksEquivariantHetero(player: HeteroRoundPlayer, inst: SimInstance): boolean {
  const a = new HeteroOutcome(inst.m);
  const b = new HeteroOutcome(inst.m);
  const zero = new Float64Array(inst.d);
  const shift = Float64Array.from({ length: inst.d }, (_, k) => PROBE_SHIFT_SIGMAS * inst.sigma * (k + 1) * (k % 2 === 0 ? 1 : -1));
  const s2 = inst.sigma * inst.sigma;
  for (let r = 0; r < PROBE_ROUNDS; r++) {
    player.play(r, zero, a);
    player.play(r, shift, b);
    for (let i = 0; i < inst.m; i++) {
      if (a.noData[i] || b.noData[i]) return false;
      const x = a.sqErr[i];
      const y = b.sqErr[i];
      if (Math.abs(x - y) > 1e-6 * Math.max(x, y) + 1e-9 * s2) return false;
    }
  }
  return true;
}

/**
 * Monte Carlo penalties of a profile in the d-distribution family (seed 001,
 * eq. (3)): one μ when every strategy is equivariant (and passes the probe),
 * otherwise the worst point of the μ grid (mu-grid.ts), with common random
 * numbers across grid points.
 */
export function evaluateHeteroProfile(
  inst: SimInstance,
  run: HeteroMechanismRun,
  profile: readonly HeteroAgentStrategy[],
  opts: HeteroEvaluateOptions,
): HeteroEvaluation {
  if (!Number.isInteger(opts.rounds) || opts.rounds < 2) throw new RangeError(`rounds must be an integer >= 2 (got ${opts.rounds})`);
  const player = new HeteroRoundPlayer(inst, run, profile, new StreamFactory(opts.seed), opts.cell ?? 'default');
  const gridNeeded = opts.forceGrid || !profile.every((s) => s.meta.equivariant) || !looksEquivariantHetero(player, inst);
  const mus = gridNeeded ? muGrid(inst.d, inst.sigma) : equivariantMu(inst.d);
  const { m } = inst;
  const out = new HeteroOutcome(m);
  const acc = new PenaltyAccumulator(mus.length, m, Math.min(BATCHES, opts.rounds));
  const task = opts.task ?? 'evaluate';
  const every = Math.max(1, Math.floor(opts.rounds / 100));
  const t0 = performance.now();
  for (let r = 0; r < opts.rounds; r++) {
    for (let g = 0; g < mus.length; g++) {
      player.play(r, mus[g], out);
      acc.add(r, g, out.loss);
    }
    acc.endRound(r);
    if (opts.events && (r + 1) % every === 0) opts.events.emit({ type: 'progress', task, done: r + 1, total: opts.rounds });
  }
  const pick: number[] = [];
  const agents = profile.map((s, i) => {
    let best = 0;
    for (let g = 1; g < mus.length; g++) if (acc.mean(g, i) > acc.mean(best, i)) best = g;
    pick.push(best);
    return { agent: i, strategy: s.label, penalty: acc.mean(best, i), stderr: acc.stderr(best, i), worstMu: muLabel(mus[best]) };
  });
  const social = acc.sumOver(pick);
  opts.events?.emit({ type: 'evaluation', task, rounds: opts.rounds, seconds: (performance.now() - t0) / 1000 });
  return { rounds: opts.rounds, grid: mus.length, agents, socialPenalty: social.mean, socialStderr: social.stderr };
}
