import type { Instance } from '../core/instance.js';
import type { Arena } from '../engine/arena.js';
import { bestResponse, type AgentSearch, type FamilyResult, type SearchOptions } from './best-response.js';
import { searchFamilies } from './families.js';

export interface AgentCertificate {
  readonly agent: number;
  readonly bestDeviation: { readonly family: string; readonly params: Record<string, number> } | null;
  /** Gain of the best deviation, re-checked on fresh random numbers (paired with the baseline). */
  readonly gain: number;
  /** Its 95% confidence interval. */
  readonly ci: readonly [number, number];
  /** The gain the search estimated (closed form where available). */
  readonly estimatedGain: number;
  readonly baselinePenalty: number;
  readonly recheckRounds: number;
  /** The best deviation scored exactly like the baseline in every re-check round: it is the recommended play. */
  readonly sameAsBaseline: boolean;
  /** The families and ranges searched, or which agent's search this one shares. */
  readonly searched: readonly FamilyResult[] | { readonly sharedWith: number; readonly reason: string };
}

/** A certificate for a profile, after OpenSpiel's NashConv and Gambit's max regret. */
export interface Certificate {
  readonly mechanism: string;
  readonly instance: Instance;
  readonly params: Record<string, number>;
  readonly profile: string;
  readonly seed: number | string;
  readonly tolerance: number;
  readonly agents: readonly AgentCertificate[];
  readonly maxGain: number;
  readonly verdict: 'profitable-deviation' | 'epsilon-equilibrium';
  /** For an ε-equilibrium: the largest upper confidence bound on any agent's gain (≥ 0). */
  readonly epsilon: number | null;
  readonly seconds: number;
}

export interface CertifyOptions extends Omit<SearchOptions, 'rounds' | 'maxRounds' | 'tolerance'> {
  readonly families?: readonly string[];
  readonly mechanismParams?: Record<string, number>;
  readonly tolerance?: number;
  readonly rounds?: number;
  readonly maxRounds?: number;
}

function certificateOf(s: AgentSearch, agent: number, searched: AgentCertificate['searched']): AgentCertificate {
  const b = s.best;
  return {
    agent,
    bestDeviation: b && { family: b.family, params: b.params },
    gain: b ? b.recheck.gain : 0,
    ci: b ? b.recheck.ci : [0, 0],
    estimatedGain: b ? b.estimatedGain : 0,
    baselinePenalty: s.baseline.penalty,
    recheckRounds: b ? b.recheck.rounds : 0,
    sameAsBaseline: b !== null && b.recheck.gain === 0 && b.recheck.stderr === 0,
    searched,
  };
}

/**
 * Searches every agent's best response against the recommended profile and
 * issues a verdict: "profitable-deviation" if some agent's re-checked gain
 * has a 95% interval above 0, else "epsilon-equilibrium" with ε the largest
 * upper bound. All four seed-000 mechanisms treat agents symmetrically, so
 * agents playing the same strategy share agent 0's search, and say so.
 */
export function certify(arena: Arena, mechanism: string, inst: Instance, opts: CertifyOptions): Certificate {
  const t0 = performance.now();
  const { run, params } = arena.setup(mechanism, inst, opts.mechanismParams);
  const baseline = arena.profile(inst, run);
  const info = baseline[0].info;
  const families = searchFamilies(arena.registry, info, opts.families);
  const theory = run.theory.recommended();
  const searchOpts: SearchOptions = {
    ...opts,
    // Default tolerance: 1% of the recommended agent penalty.
    tolerance: opts.tolerance ?? 0.01 * theory.agentPenalty,
    rounds: opts.rounds ?? Math.round(Math.min(2000, Math.max(100, 20000 / inst.m))),
    maxRounds: opts.maxRounds ?? Math.round(Math.max(4000, 2_000_000 / inst.m)),
  };
  arena.logger.info(`search ${mechanism}: ${families.length} families, tolerance ${searchOpts.tolerance}`, { module: 'search' });
  const shared = bestResponse(inst, run, baseline, 0, families, searchOpts);
  const agents = baseline.map((_, i) =>
    certificateOf(shared, i, i === 0 ? shared.searched : { sharedWith: 0, reason: 'same strategy (recommended) under a symmetric mechanism' }),
  );
  const top = agents[0];
  const profitable = top.bestDeviation !== null && top.ci[0] > 0;
  return {
    mechanism,
    instance: inst,
    params,
    profile: 'recommended',
    seed: opts.seed,
    tolerance: searchOpts.tolerance,
    agents,
    maxGain: top.gain,
    verdict: profitable ? 'profitable-deviation' : 'epsilon-equilibrium',
    epsilon: profitable ? null : shared.epsilon,
    seconds: (performance.now() - t0) / 1000,
  };
}
