import type { Instance } from '../core/instance.js';
import type { MechanismRun } from '../core/mechanism.js';
import { StreamFactory } from '../random/index.js';
import { PenaltyAccumulator } from './accumulator.js';
import type { AgentStrategy } from './agent-strategy.js';
import type { EventBus } from './events.js';
import { looksEquivariant } from './equivariance-probe.js';
import { RoundOutcome, RoundPlayer } from './round-player.js';
import { EQUIVARIANT_MU, MU_GRID_SIGMAS } from './worst-case.js';

export interface EvaluateOptions {
  readonly rounds: number;
  readonly seed: number | string;
  /** Names the cell; profiles evaluated with the same seed and cell share random numbers. */
  readonly cell?: string;
  /** Force the μ grid even for an equivariant profile. */
  readonly forceGrid?: boolean;
  readonly task?: string;
  readonly events?: EventBus;
}

export interface AgentPenalty {
  readonly agent: number;
  readonly strategy: string;
  /** sup over the μ grid of E[(h − μ)²] + c·E[n] (seed 000, eq. (3)). */
  readonly penalty: number;
  readonly stderr: number;
  /** The μ at which the penalty was worst. */
  readonly worstMu: number;
}

export interface Evaluation {
  readonly rounds: number;
  readonly mus: readonly number[];
  readonly agents: readonly AgentPenalty[];
  readonly socialPenalty: number;
  readonly socialStderr: number;
}

const BATCHES = 64;

/**
 * Monte Carlo penalties of a profile (seed 000, eq. (3)). Profiles whose
 * strategies are all translation-equivariant, and pass the equivariance
 * probe, are scored at one μ; any other profile, or one in which some agent
 * had to estimate from no data at all, is scored on the μ grid with common random numbers across μ, and each
 * agent's penalty is the worst grid point.
 */
export function evaluateProfile(
  inst: Instance,
  run: MechanismRun,
  profile: readonly AgentStrategy[],
  opts: EvaluateOptions,
): Evaluation {
  if (!Number.isInteger(opts.rounds) || opts.rounds < 2) throw new RangeError(`rounds must be an integer >= 2 (got ${opts.rounds})`);
  const equivariant = profile.every((s) => s.meta.equivariant);
  const first = opts.forceGrid || !equivariant ? MU_GRID_SIGMAS : EQUIVARIANT_MU;
  const result = simulate(inst, run, profile, opts, first);
  if (result.probeFailed) {
    opts.events?.emit({ type: 'notice', task: opts.task ?? 'evaluate', message: 'the profile is not translation-equivariant in practice; scored on the μ grid' });
  }
  if (result.sawNoData && first === EQUIVARIANT_MU) {
    opts.events?.emit({
      type: 'notice',
      task: opts.task ?? 'evaluate',
      message: 'an agent estimated from no data; re-scoring on the μ grid',
    });
    return simulate(inst, run, profile, opts, MU_GRID_SIGMAS).evaluation;
  }
  return result.evaluation;
}

function simulate(
  inst: Instance,
  run: MechanismRun,
  profile: readonly AgentStrategy[],
  opts: EvaluateOptions,
  gridSigmas: readonly number[],
): { evaluation: Evaluation; sawNoData: boolean; probeFailed?: boolean } {
  const { m, sigma, cost } = inst;
  const mus = gridSigmas.map((g) => g * sigma);
  const player = new RoundPlayer(inst, run, profile, new StreamFactory(opts.seed), opts.cell ?? 'default');
  const out = new RoundOutcome(m);
  if (mus.length === 1 && !looksEquivariant(player, sigma, out, new RoundOutcome(m))) {
    return { evaluation: simulate(inst, run, profile, opts, MU_GRID_SIGMAS).evaluation, sawNoData: false, probeFailed: true };
  }
  const values = new Float64Array(m);
  const acc = new PenaltyAccumulator(mus.length, m, Math.min(BATCHES, opts.rounds));
  const task = opts.task ?? 'evaluate';
  const every = Math.max(1, Math.floor(opts.rounds / 100));
  const t0 = performance.now();
  let sawNoData = false;
  for (let r = 0; r < opts.rounds; r++) {
    for (let g = 0; g < mus.length; g++) {
      player.play(r, mus[g], out);
      for (let i = 0; i < m; i++) {
        values[i] = out.sqErr[i] + cost * out.collected[i]; // seed 000, eq. (3): risk + c·n_i
        if (out.noData[i]) sawNoData = true;
      }
      acc.add(r, g, values);
    }
    acc.endRound(r);
    if (opts.events && (r + 1) % every === 0) opts.events.emit({ type: 'progress', task, done: r + 1, total: opts.rounds });
  }
  const pick: number[] = [];
  const agents: AgentPenalty[] = profile.map((s, i) => {
    let best = 0;
    for (let g = 1; g < mus.length; g++) if (acc.mean(g, i) > acc.mean(best, i)) best = g;
    pick.push(best);
    return { agent: i, strategy: s.label, penalty: acc.mean(best, i), stderr: acc.stderr(best, i), worstMu: mus[best] };
  });
  const social = acc.sumOver(pick);
  opts.events?.emit({ type: 'evaluation', task, rounds: opts.rounds, seconds: (performance.now() - t0) / 1000 });
  return {
    evaluation: { rounds: opts.rounds, mus, agents, socialPenalty: social.mean, socialStderr: social.stderr },
    sawNoData,
  };
}
