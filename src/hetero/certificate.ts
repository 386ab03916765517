import type { Params } from '../search/optimize.js';
import type { HeteroArena, HeteroSetting } from './arena.js';
import { heteroBestResponse, type HeteroAgentSearch, type HeteroFamilyResult, type HeteroSearchOptions } from './best-response.js';
import type { HeteroMechanismRun } from './mechanism.js';

export interface HeteroAgentCertificate {
  readonly agent: number;
  readonly bestDeviation: { readonly family: string; readonly params: Params } | null;
  /** The best deviation's gain, re-checked on fresh random numbers (paired with the baseline). */
  readonly gain: number;
  readonly ci: readonly [number, number];
  /** The gain the search estimated (closed form where available, at the simulation's integer amounts). */
  readonly estimatedGain: number;
  /** The same gain at the paper's continuous n* (spec/001 §5), where the mechanism has a closed form for it. */
  readonly paperGain: number | null;
  readonly baselinePenalty: number;
  readonly recheckRounds: number;
  readonly searched: readonly HeteroFamilyResult[] | { readonly sharedWith: number; readonly reason: string };
}

export interface HeteroCertificate {
  readonly mechanism: string;
  readonly instance: string;
  readonly seed: number | string;
  readonly agents: readonly HeteroAgentCertificate[];
  readonly verdict: 'profitable-deviation' | 'epsilon-equilibrium';
  /** For an ε-equilibrium: the largest upper 95% bound on any agent's gain (≥ 0). */
  readonly epsilon: number | null;
  readonly seconds: number;
}

export interface HeteroCertifyOptions {
  readonly seed: number | string;
  readonly families?: readonly string[];
  /** Only these agents (default: one representative of every class of interchangeable agents). */
  readonly agents?: readonly number[];
  readonly tolerance?: number;
  readonly rounds?: number;
  readonly maxRounds?: number;
  readonly useTheory?: boolean;
  readonly events?: HeteroSearchOptions['events'];
}

/**
 * Agents that the mechanism cannot tell apart (equal costs, equal
 * recommendation, equal recommended penalty) share one search; returns the
 * representative of each agent.
 */
export function representatives(run: HeteroMechanismRun, costs: readonly (readonly number[])[]): number[] {
  const penalties = run.theory.summary().agentPenalties;
  const seen = new Map<string, number>();
  return costs.map((row, i) => {
    const key = JSON.stringify([row.map(String), run.nRecommended[i], penalties[i].toPrecision(12)]);
    if (!seen.has(key)) seen.set(key, i);
    return seen.get(key) as number;
  });
}

/**
 * Best-response search of every (representative) agent against the
 * recommended profile in the d-distribution family, with a verdict as in
 * src/search/certificate.ts: "profitable-deviation" if some agent's
 * re-checked gain has a 95% interval above 0, else "epsilon-equilibrium".
 */
export function heteroCertify(arena: HeteroArena, mechanism: string, s: HeteroSetting, opts: HeteroCertifyOptions): HeteroCertificate {
  const t0 = performance.now();
  const inst = s.instance;
  const run = arena.setup(mechanism, s);
  const baseline = arena.profile(inst, run);
  const reps = representatives(run, inst.costs);
  const wanted = opts.agents ?? [...new Set(reps)];
  const families = (opts.families && opts.families.length > 0 ? opts.families.map((f) => arena.registry.heteroStrategy(f, '--families')) : arena.registry.heteroStrategies).filter(
    (f) => f.name !== 'recommended',
  );
  const penalties = run.theory.summary().agentPenalties;
  const rounds = opts.rounds ?? Math.round(Math.min(2000, Math.max(100, 20000 / (inst.m * inst.d))));
  const searches = new Map<number, HeteroAgentSearch>();
  for (const agent of wanted) {
    const tolerance = opts.tolerance ?? 0.01 * penalties[agent];
    arena.logger.info(`search ${mechanism} agent ${agent}: ${families.length} families, tolerance ${tolerance}`, { module: 'hetero-search' });
    searches.set(
      agent,
      heteroBestResponse(inst, run, baseline, agent, families, {
        seed: opts.seed,
        tolerance,
        rounds,
        maxRounds: opts.maxRounds ?? Math.round(Math.max(4000, 2_000_000 / (inst.m * inst.d))),
        useTheory: opts.useTheory,
        events: opts.events,
      }),
    );
  }
  const certs = inst.costs.map((_, i): HeteroAgentCertificate | null => {
    const rep = opts.agents ? i : reps[i];
    const sr = searches.get(rep);
    if (!sr) return null;
    const b = sr.best;
    const paper = (dev: { strategy: string; params: Params }) => run.theory.penalty(dev, i, { continuous: true });
    const base = paper({ strategy: 'recommended', params: {} });
    const devPaper = b ? paper({ strategy: b.family, params: b.params }) : null;
    return {
      agent: i,
      bestDeviation: b && { family: b.family, params: b.params },
      gain: b ? b.recheck.gain : 0,
      ci: b ? b.recheck.ci : [0, 0],
      estimatedGain: b ? b.estimatedGain : 0,
      paperGain: base !== null && devPaper !== null ? base - devPaper : null,
      baselinePenalty: sr.baseline.penalty,
      recheckRounds: b ? b.recheck.rounds : 0,
      searched: rep === i ? sr.searched : { sharedWith: rep, reason: 'same costs, recommendation and recommended penalty' },
    };
  });
  const agents = certs.filter((c): c is HeteroAgentCertificate => c !== null);
  const profitable = agents.some((a) => a.bestDeviation !== null && a.ci[0] > 0);
  return {
    mechanism,
    instance: s.source,
    seed: opts.seed,
    agents,
    verdict: profitable ? 'profitable-deviation' : 'epsilon-equilibrium',
    epsilon: profitable ? null : Math.max(0, ...[...searches.values()].map((x) => x.epsilon)),
    seconds: (performance.now() - t0) / 1000,
  };
}
