/**
 * Seed 004 speed: the time to bracket the greatest and least equilibria of the effort game (Tarski
 * iteration from both ends, Jacobi; spec/004 §3.4) for n = 2, 5 and 20 agents, and the Monte Carlo
 * engine's rounds/s (types, reports, thresholds, signals, posterior mean; n = 3 star).
 *
 * Effort instances: equicorrelated R (off-diagonal ε = 0.1), Unif[0, 16] priors, c(e) = (e/2)⁴,
 * exact model (n ≤ 4 by quadrature, larger n by 4096 seeded Monte Carlo draws).
 */
import { bindReportStrategy, bayesInfoOf } from '../src/bayes/strategy.js';
import { simulateBayes } from '../src/bayes/simulate.js';
import { bracketEquilibria } from '../src/effort/lattice.js';
import { makeEffortGame } from '../src/effort/game.js';
import { loadBayesFile } from '../src/theory/bayes/instance-file.js';
import { thresholdPricing } from '../src/theory/bayes/mechanisms.js';
import truthful from '../strategies/bayes/truthful.js';

export interface Seed004Bench {
  readonly bracket: readonly { readonly n: number; readonly seconds: number; readonly unique: boolean; readonly highest: number }[];
  readonly engine: readonly { readonly name: string; readonly roundsPerSecond: number }[];
}

export function runSeed004Bench(): Seed004Bench {
  const bracket = [2, 5, 20].map((n) => {
    const R = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0.1)));
    const t0 = performance.now();
    const game = makeEffortGame({ correlation: R, Q: 16, costs: Array.from({ length: n }, () => ({ kind: 'power', scale: 0.5, exponent: 4 })), model: 'exact' });
    const b = bracketEquilibria(game, { from: 'both' });
    return { n, seconds: (performance.now() - t0) / 1000, unique: b.unique === true, highest: (b.highest as readonly number[])[0] as number };
  });
  const star = loadBayesFile('experiments/bayes/star-rho05.json');
  const profile = Array.from({ length: star.n }, (_, i) => bindReportStrategy(truthful, {}, bayesInfoOf(star, i)));
  const engine = [
    { name: 'fixed_types_n3', types: [2, 3, 5], rounds: 1_000_000 },
    { name: 'drawn_types_n3', types: undefined, rounds: 200_000 },
  ].map(({ name, types, rounds }) => {
    const t0 = performance.now();
    simulateBayes(star, thresholdPricing, profile, { rounds, seed: 1, types });
    return { name, roundsPerSecond: rounds / ((performance.now() - t0) / 1000) };
  });
  return { bracket, engine };
}
