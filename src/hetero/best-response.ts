import { resolveParams, type ParamSpecs } from '../core/params.js';
import { recheckLeaders, type AgentSearch, type SearchOptions } from '../search/best-response.js';
import { minimize, type Params } from '../search/optimize.js';
import { bindHeteroStrategy, type HeteroAgentStrategy } from './agent-strategy.js';
import { evaluateHeteroProfile } from './evaluator.js';
import type { HeteroInfo, SimInstance } from './info.js';
import type { HeteroMechanismRun } from './mechanism.js';
import { HeteroPairedComparison, type HeteroPairedResult } from './paired.js';
import type { HeteroStrategyPlugin } from './strategy.js';

/** The same options as seed 000's search. */
export type HeteroSearchOptions = SearchOptions;

/** The best point one family reached for one distribution k (or for all, if it takes no k). */
export interface HeteroFamilyResult {
  readonly family: string;
  readonly params: Params;
  readonly penalty: number;
  readonly source: 'theory' | 'monte-carlo' | 'mixed';
  readonly evaluations: number;
}

export type HeteroAgentSearch = AgentSearch<HeteroFamilyResult, HeteroPairedResult>;

/**
 * Best response of one agent in the d-distribution family: every family is
 * searched once per distribution k it can act on (spec/001 §6: the penalty
 * is separable, so n and f are searched per k), with the mechanism's closed
 * forms where it has them and Monte Carlo on common random numbers
 * otherwise; the leaders are re-checked with paired adaptive rounds.
 */
export function heteroBestResponse(
  inst: SimInstance,
  run: HeteroMechanismRun,
  baseline: readonly HeteroAgentStrategy[],
  agent: number,
  families: readonly HeteroStrategyPlugin[],
  opts: HeteroSearchOptions,
): HeteroAgentSearch {
  const info = baseline[agent].info;
  const useTheory = opts.useTheory ?? true;
  const cell = `search/${run.mechanism}/${agent}`;
  const withDeviation = (f: HeteroStrategyPlugin, params: Params) => {
    const profile = [...baseline];
    profile[agent] = bindHeteroStrategy(f, params, inst, run, agent);
    return profile;
  };
  const mc = (profile: readonly HeteroAgentStrategy[]) =>
    evaluateHeteroProfile(inst, run, profile, { rounds: opts.rounds, seed: opts.seed, cell }).agents[agent].penalty;
  const theoryBase = useTheory ? run.theory.penalty({ strategy: 'recommended', params: {} }, agent) : null;
  const baselinePenalty = theoryBase ?? mc(baseline);
  // A short first run screens out deviations that are plainly worse (say, fakes around a guess at μ = 10³σ);
  // it plays the first rounds of the same streams, so it only ever saves time.
  const screenRounds = Math.max(20, Math.round(opts.rounds / 16));
  const screened = (profile: readonly HeteroAgentStrategy[]) => {
    const quick = evaluateHeteroProfile(inst, run, profile, { rounds: screenRounds, seed: opts.seed, cell }).agents[agent];
    return quick.penalty - 4 * quick.stderr > baselinePenalty + 10 * opts.tolerance ? quick.penalty : mc(profile);
  };

  type Task = { f: HeteroStrategyPlugin; k: number | null };
  // A family that moves data between distributions (a `from` parameter) has nothing to search when d = 1.
  const tasks = families
    .filter((f) => !('from' in f.params) || inst.d > 1)
    .flatMap((f): Task[] => ('k' in f.params ? Array.from({ length: inst.d }, (_, k) => ({ f, k })) : [{ f, k: null }]));
  const searched: HeteroFamilyResult[] = tasks.map(({ f, k }, t) => {
    let fromTheory = 0;
    let fromMc = 0;
    const objective = (p: Params): number => {
      const params = k === null ? p : { ...p, k };
      if (useTheory) {
        const v = run.theory.penalty({ strategy: f.name, params }, agent);
        if (v !== null) {
          fromTheory++;
          return v;
        }
      }
      fromMc++;
      return screened(withDeviation(f, params));
    };
    const specs: ParamSpecs<HeteroInfo> = Object.fromEntries(Object.entries(f.params).filter(([name]) => name !== 'k'));
    const start = resolveParams(f.name, specs, {}, info);
    const r = minimize(specs, info, start, objective);
    opts.events?.emit({ type: 'progress', task: `search agent ${agent}`, done: t + 1, total: tasks.length });
    return {
      family: f.name,
      params: k === null ? r.params : { k, ...r.params },
      penalty: r.value,
      source: fromMc === 0 ? 'theory' : fromTheory === 0 ? 'monte-carlo' : 'mixed',
      evaluations: r.evaluations,
    };
  });

  const { best, epsilon } = recheckLeaders(searched, baselinePenalty, opts.candidates ?? 3, (t, r, confirm) =>
    new HeteroPairedComparison(inst, run, baseline, withDeviation(tasks[t].f, r.params), agent, `${opts.seed}/${confirm === null ? 'recheck' : 'confirm'}`, cell).adaptive(
      opts.tolerance,
      confirm ?? 2 * opts.rounds,
      confirm ?? opts.maxRounds,
    ),
  );
  return { agent, baseline: { penalty: baselinePenalty, source: theoryBase === null ? 'monte-carlo' : 'theory' }, searched, best, epsilon };
}
