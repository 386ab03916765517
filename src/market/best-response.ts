import { paramRange, resolveParams, type ParamSpecs } from '../core/params.js';
import type { EventBus } from '../engine/events.js';
import { recheckLeaders, type Rechecked } from '../search/best-response.js';
import { minimize, type Params } from '../search/optimize.js';
import { bindMarketStrategy, type MarketAgentStrategy } from './agent-strategy.js';
import { evaluateMarketProfile } from './evaluator.js';
import type { MarketInfo } from './info.js';
import type { MarketRun } from './mechanism.js';
import type { MarketModel } from './model.js';
import { MarketPairedComparison, type MarketPairedResult } from './paired.js';
import type { MarketStrategyPlugin } from './strategy.js';

export interface MarketSearchOptions {
  readonly seed: number | string;
  /** Width of the gain's 95% interval at which adaptive re-checks stop. */
  readonly tolerance: number;
  /** Use run.closedForm where it gives a finite value (default true). */
  readonly useTheory?: boolean;
  /** Monte Carlo rounds per objective evaluation. */
  readonly rounds: number;
  /** Cap on the rounds of a paired re-check. */
  readonly maxRounds: number;
  /** How many of the best families get a paired re-check (default 3). */
  readonly candidates?: number;
  readonly events?: EventBus;
}

/** The best point one family reached for one contributor. */
export interface MarketFamilyResult {
  readonly family: string;
  readonly ranges: Record<string, [number, number]>;
  readonly params: Params;
  /** inf over μ of E[π_i − c_i n_i] at the best point, from `source`. */
  readonly utility: number;
  /** utility − the recommended utility. */
  readonly gain: number;
  readonly source: 'theory' | 'monte-carlo' | 'mixed';
  readonly evaluations: number;
}

export interface MarketAgentSearch {
  readonly agent: number;
  readonly baseline: { readonly utility: number; readonly source: 'theory' | 'monte-carlo' };
  readonly searched: readonly MarketFamilyResult[];
  /** The best deviation, re-checked on fresh random numbers against the baseline. */
  readonly best: Rechecked<MarketPairedResult> | null;
  /** The largest upper 95% bound on the gain among the re-checked leaders (≥ 0). */
  readonly epsilon: number;
}

/**
 * Best response of contributor `agent` against the recommended profile s* of the data marketplace
 * (seed 003): every family's declared parameter box is searched (src/search/optimize.ts), with
 * run.closedForm where it is finite (spec/003 §5.1) and Monte Carlo otherwise (on the μ grid when the
 * deviation is not equivariant, so fabrication is judged at its worst μ); the leaders are re-checked
 * with paired adaptive rounds and confirmed on fresh random numbers (recheckLeaders). Utilities are
 * maximised; internally they are handed to the generic pieces as penalties −u.
 */
export function marketBestResponse(
  model: MarketModel,
  run: MarketRun,
  baseline: readonly MarketAgentStrategy[],
  agent: number,
  families: readonly MarketStrategyPlugin[],
  opts: MarketSearchOptions,
): MarketAgentSearch {
  const base = baseline[agent] as MarketAgentStrategy;
  const info = base.info;
  // The closed forms of spec/003 §5.1 assume the others play s*: off that path, Monte Carlo only.
  const othersOnPath = baseline.every((s, i) => i === agent || s.plugin.name === 'recommended');
  const useTheory = (opts.useTheory ?? true) && othersOnPath;
  const cell = `search/${run.mechanism}/${agent}`;
  const withDeviation = (f: MarketStrategyPlugin, params: Params) => {
    const profile = [...baseline];
    profile[agent] = bindMarketStrategy(f, params, model, run, agent);
    return profile;
  };
  const mcAt = (profile: readonly MarketAgentStrategy[], rounds: number) =>
    evaluateMarketProfile(model, run, profile, { rounds, seed: opts.seed, cell }).contributors[agent]!;
  const theoryOf = (s: MarketAgentStrategy): number | null => (useTheory && s.moments !== null ? (run.closedForm(agent, s.moments)[agent] ?? null) : null);
  const theoryBase = theoryOf(base);
  const baselineUtility = theoryBase ?? mcAt(baseline, opts.rounds).utility;
  // A short first run screens out deviations that are plainly worse (fakes judged at μ = ±10³σ);
  // it plays the first rounds of the same streams, so it only ever saves time.
  const screenRounds = Math.max(20, Math.round(opts.rounds / 16));
  const screened = (profile: readonly MarketAgentStrategy[]) => {
    const quick = mcAt(profile, screenRounds);
    return quick.utility + 4 * quick.stderr < baselineUtility - 10 * opts.tolerance ? quick.utility : mcAt(profile, opts.rounds).utility;
  };

  const searched: MarketFamilyResult[] = families.map((f, t) => {
    let fromTheory = 0;
    let fromMc = 0;
    const objective = (params: Params): number => {
      const profile = withDeviation(f, params);
      const th = theoryOf(profile[agent] as MarketAgentStrategy);
      if (th !== null) {
        fromTheory++;
        return -th;
      }
      fromMc++;
      return -screened(profile);
    };
    const specs = f.params as ParamSpecs<MarketInfo>;
    const start = resolveParams(f.name, specs, {}, info);
    const r = minimize(specs, info, start, objective);
    opts.events?.emit({ type: 'progress', task: `search contributor ${agent}`, done: t + 1, total: families.length });
    return {
      family: f.name,
      ranges: Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, paramRange(s, info)])),
      params: r.params,
      utility: -r.value,
      gain: -r.value - baselineUtility,
      source: fromMc === 0 ? 'theory' : fromTheory === 0 ? 'monte-carlo' : 'mixed',
      evaluations: r.evaluations,
    };
  });

  const asPenalties = searched.map((r) => ({ family: r.family, params: r.params, penalty: -r.utility }));
  const { best, epsilon } = recheckLeaders(asPenalties, -baselineUtility, opts.candidates ?? 3, (t, r, confirm) =>
    new MarketPairedComparison(model, run, baseline, withDeviation(families[t]!, r.params), agent, `${opts.seed}/${confirm === null ? 'recheck' : 'confirm'}`, cell).adaptive(
      opts.tolerance,
      confirm ?? 2 * opts.rounds,
      confirm ?? opts.maxRounds,
    ),
  );
  return { agent, baseline: { utility: baselineUtility, source: theoryBase === null ? 'monte-carlo' : 'theory' }, searched, best, epsilon };
}
