import { InputError } from '../core/instance.js';
import type { Params } from '../search/optimize.js';
import { bindMarketStrategy } from './agent-strategy.js';
import type { MarketArena } from './arena.js';
import { marketBestResponse, type MarketAgentSearch, type MarketFamilyResult, type MarketSearchOptions } from './best-response.js';
import type { MarketRun } from './mechanism.js';
import type { MarketModel } from './model.js';

export interface MarketAgentCertificate {
  readonly agent: number;
  /** N_i*: what the mechanism asks her to collect. */
  readonly nRecommended: number;
  readonly bestDeviation: { readonly family: string; readonly params: Params } | null;
  /** The best deviation's utility gain over s_i*, re-checked on fresh random numbers (paired), at its worst μ. */
  readonly gain: number;
  readonly ci: readonly [number, number];
  /** The gain the search estimated (closed form where available). */
  readonly estimatedGain: number;
  /** The worst μ of the re-check. */
  readonly worstMu: number | null;
  /** inf over μ of E[π_i − c_i n_i] under s*. */
  readonly baselineUtility: number;
  readonly baselineSource: 'theory' | 'monte-carlo';
  readonly recheckRounds: number;
  readonly searched: readonly MarketFamilyResult[];
}

export interface MarketCertificate {
  readonly mechanism: string;
  readonly instance: string;
  readonly seed: number | string;
  readonly marketOpen: boolean;
  readonly split: readonly number[];
  readonly tolerance: number;
  readonly agents: readonly MarketAgentCertificate[];
  readonly verdict: 'profitable-deviation' | 'epsilon-equilibrium';
  /** For an ε-equilibrium: the largest upper 95% bound on any searched contributor's gain (≥ 0). */
  readonly epsilon: number | null;
  readonly seconds: number;
}

export interface MarketCertifyOptions {
  readonly seed: number | string;
  readonly families?: readonly string[];
  /** Contributors to search (default: every one asked to collect, plus the first one who is not). */
  readonly agents?: readonly number[];
  /** Default: 1% of the largest of the contributors' recommended utilities and max_i c_i·N+. */
  readonly tolerance?: number;
  readonly rounds?: number;
  readonly maxRounds?: number;
  readonly useTheory?: boolean;
  readonly events?: MarketSearchOptions['events'];
}

/**
 * The search's tolerance and Monte Carlo budget: by default 1% of the largest of the contributors'
 * recommended utilities and max_i c_i·N+, 400 rounds per evaluation, re-checks capped at 20,000.
 */
export function marketSearchSettings(
  model: MarketModel,
  run: MarketRun,
  opts: Pick<MarketCertifyOptions, 'tolerance' | 'rounds' | 'maxRounds'>,
): { tolerance: number; rounds: number; maxRounds: number } {
  const scale = Math.max(...run.utilities.map(Math.abs), Math.max(...model.costs) * model.a1.nPlus);
  return { tolerance: opts.tolerance ?? 0.01 * (scale > 0 ? scale : 1), rounds: opts.rounds ?? 400, maxRounds: opts.maxRounds ?? 20_000 };
}

/** Contributors asked to collect (N_i* > 0) plus the first one who is not. */
export function defaultMarketAgents(split: readonly number[]): number[] {
  const asked = split.flatMap((n, i) => (n > 0 ? [i] : []));
  const idle = split.findIndex((n) => n === 0);
  return idle < 0 ? asked : [...asked, idle].sort((a, b) => a - b);
}

/**
 * Best-response search of contributors against s* in the data marketplace (seed 003), with a verdict
 * as in src/hetero/certificate.ts: "profitable-deviation" if some contributor's re-checked gain has a
 * 95% interval above 0, else "epsilon-equilibrium" with ε the largest upper bound.
 */
export function marketCertify(arena: MarketArena, mechanism: string, model: MarketModel, opts: MarketCertifyOptions): MarketCertificate {
  const t0 = performance.now();
  const run = arena.mechanism(mechanism).setup(model);
  const C = model.costs.length;
  const rec = arena.strategy('recommended');
  const baseline = model.costs.map((_, i) => bindMarketStrategy(rec, {}, model, run, i));
  const agents = opts.agents ?? defaultMarketAgents(run.split);
  for (const a of agents) {
    if (!Number.isInteger(a) || a < 0 || a >= C) throw new InputError('--agents', `"${a}" is not a contributor index in [0, ${C - 1}]`);
  }
  const families = (opts.families && opts.families.length > 0 ? opts.families.map((f) => arena.strategy(f, '--families')) : arena.strategies).filter(
    (f) => f.name !== 'recommended',
  );
  if (families.length === 0) throw new InputError('--families', 'nothing to search besides recommended');
  const { tolerance, rounds, maxRounds } = marketSearchSettings(model, run, opts);
  const searches: MarketAgentSearch[] = agents.map((agent) =>
    marketBestResponse(model, run, baseline, agent, families, { seed: opts.seed, tolerance, rounds, maxRounds, useTheory: opts.useTheory, events: opts.events }),
  );
  const certs = searches.map((sr): MarketAgentCertificate => {
    const b = sr.best;
    return {
      agent: sr.agent,
      nRecommended: run.split[sr.agent] as number,
      bestDeviation: b && { family: b.family, params: b.params },
      gain: b ? b.recheck.gain : 0,
      ci: b ? b.recheck.ci : [0, 0],
      estimatedGain: b ? b.estimatedGain : 0,
      worstMu: b ? b.recheck.worstMu : null,
      baselineUtility: sr.baseline.utility,
      baselineSource: sr.baseline.source,
      recheckRounds: b ? b.recheck.rounds : 0,
      searched: sr.searched,
    };
  });
  const profitable = certs.some((a) => a.bestDeviation !== null && a.ci[0] > 0);
  return {
    mechanism,
    instance: model.source,
    seed: opts.seed,
    marketOpen: run.marketOpen,
    split: run.split,
    tolerance,
    agents: certs,
    verdict: profitable ? 'profitable-deviation' : 'epsilon-equilibrium',
    epsilon: profitable ? null : Math.max(0, ...searches.map((x) => x.epsilon)),
    seconds: (performance.now() - t0) / 1000,
  };
}
