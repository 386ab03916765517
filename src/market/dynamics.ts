/**
 * Best-response dynamics among the contributors of the data marketplace (spec/003 §5.2): from a start
 * profile, contributors take turns (round-robin); each runs the best-response search against the
 * others' current strategies (src/market/best-response.ts: every family, worst case over μ, leaders
 * re-checked on fresh paired random numbers) and switches only to a deviation whose re-checked gain
 * has its whole 95% interval above 0. A sweep in which nobody switches ends the run: the profile is
 * then an ε-equilibrium of the searched families.
 *
 * spec/003 §7: with both contributors mean-truthful, dynamics over n reach (N_1*, N_2*) in one step
 * from any (n_1, n_2) ≥ (1, 1); started from the collusive constant profile (§5.3) they stay there.
 */
import type { StrategyRef } from '../engine/arena.js';
import type { EventBus } from '../engine/events.js';
import type { Params } from '../search/optimize.js';
import type { MarketAgentStrategy } from './agent-strategy.js';
import type { MarketArena } from './arena.js';
import { marketBestResponse } from './best-response.js';
import { defaultMarketAgents, marketSearchSettings } from './certificate.js';
import { evaluateMarketProfile, simulatedBuyerUtility } from './evaluator.js';
import type { MarketModel } from './model.js';

export interface MarketDynamicsOptions {
  readonly seed: number | string;
  /** Families each contributor may switch to (default: every registered strategy, recommended included). */
  readonly families?: readonly string[];
  /** Contributors who move (default: those asked to collect, plus the first who is not). */
  readonly agents?: readonly number[];
  /** Maximum sweeps (default 10). */
  readonly maxSweeps?: number;
  readonly tolerance?: number;
  readonly rounds?: number;
  readonly maxRounds?: number;
  readonly events?: EventBus;
}

export interface MarketDynamicsStep {
  readonly sweep: number;
  readonly agent: number;
  /** Her strategy before the step. */
  readonly from: string;
  /** What she switched to, or null when no deviation paid. */
  readonly to: string | null;
  readonly family: string | null;
  readonly params: Params | null;
  /** Re-checked gain of the best deviation found (0 when none) and its 95% interval. */
  readonly gain: number;
  readonly ci: readonly [number, number];
}

export interface MarketDynamicsResult {
  readonly mechanism: string;
  readonly instance: string;
  readonly seed: number | string;
  readonly split: readonly number[];
  readonly start: readonly string[];
  readonly final: readonly string[];
  readonly steps: readonly MarketDynamicsStep[];
  readonly sweeps: number;
  /** A full sweep ended without a switch. */
  readonly converged: boolean;
  /** Each contributor's utility at the final profile (inf over μ, Monte Carlo). */
  readonly finalUtilities: readonly number[];
  readonly finalStderr: readonly number[];
  /** Buyers' simulated utility at the final profile ≥ 0 within 4 SE (IRB), null without a v^e. */
  readonly finalBuyerIR: readonly (boolean | null)[];
  readonly seconds: number;
}

/** Monte Carlo rounds of the final profile's evaluation (SE ≈ 0.03 on Example B's contributor 1). */
const FINAL_ROUNDS = 20_000;

/** Runs the dynamics from `start` (one strategy per contributor, file order). */
export function marketDynamics(arena: MarketArena, mechanism: string, model: MarketModel, start: readonly StrategyRef[], opts: MarketDynamicsOptions): MarketDynamicsResult {
  const t0 = performance.now();
  const run = arena.mechanism(mechanism).setup(model);
  const profile: MarketAgentStrategy[] = arena.profileOf(model, run, { profile: start }, '--start');
  const startLabels = profile.map((s) => s.label);
  const agents = opts.agents ?? defaultMarketAgents(run.split);
  const families = opts.families && opts.families.length > 0 ? opts.families.map((f) => arena.strategy(f, '--families')) : arena.strategies;
  const { tolerance, rounds, maxRounds } = marketSearchSettings(model, run, opts);
  const maxSweeps = opts.maxSweeps ?? 10;
  const steps: MarketDynamicsStep[] = [];
  let converged = false;
  let sweep = 0;
  while (!converged && sweep < maxSweeps) {
    sweep++;
    let switched = false;
    for (const agent of agents) {
      const from = (profile[agent] as MarketAgentStrategy).label;
      // Each (sweep, agent) search gets its own seed: steps never share random numbers by accident.
      const sr = marketBestResponse(model, run, profile, agent, families, { seed: `${opts.seed}/dynamics/${sweep}/${agent}`, tolerance, rounds, maxRounds, events: opts.events });
      const b = sr.best;
      const pays = b !== null && b.recheck.ci[0] > 0;
      if (pays) {
        profile[agent] = arena.bind({ name: b.family, params: b.params }, model, run, agent, '--families');
        switched = true;
      }
      steps.push({
        sweep,
        agent,
        from,
        to: pays ? (profile[agent] as MarketAgentStrategy).label : null,
        family: b?.family ?? null,
        params: b?.params ?? null,
        gain: b ? b.recheck.gain : 0,
        ci: b ? b.recheck.ci : [0, 0],
      });
    }
    converged = !switched;
  }
  const final = evaluateMarketProfile(model, run, profile, { rounds: FINAL_ROUNDS, seed: opts.seed, cell: 'dynamics/final' });
  return {
    mechanism,
    instance: model.source,
    seed: opts.seed,
    split: run.split,
    start: startLabels,
    final: profile.map((s) => s.label),
    steps,
    sweeps: sweep,
    converged,
    finalUtilities: final.contributors.map((c) => c.utility),
    finalStderr: final.contributors.map((c) => c.stderr),
    finalBuyerIR: final.buyers.map((bu) => simulatedBuyerUtility(bu).individuallyRational),
    seconds: (performance.now() - t0) / 1000,
  };
}

/** The start profiles by name: s*, or the collusive constant profile of spec/003 §5.3. */
export function namedMarketStart(name: string, split: readonly number[]): StrategyRef[] | null {
  if (name === 'recommended') return split.map(() => ({ name: 'recommended', params: {} }));
  // spec/003 §5.3: everyone asked to collect submits N_i* copies of the same constant (0)
  if (name === 'collusive') return split.map((n): StrategyRef => (n > 0 ? { name: 'constant', params: { value: 0 } } : { name: 'recommended', params: {} }));
  return null;
}
