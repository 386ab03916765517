import type { EffortGame } from './effort-game.js';
import { iterateBestResponse, type DynamicsResult } from './dynamics.js';

export interface IncreasingDifferencesReport {
  /** True when u(n+1, N') − u(n, N') ≥ u(n+1, N) − u(n, N) for all grid points with N' > N (u = −penalty). */
  readonly holds: boolean;
  /** Largest violation found (0 when it holds), and where. */
  readonly worstViolation: number;
  readonly at: { readonly n: number; readonly othersTotal: number; readonly othersTotalNext: number } | null;
  readonly gridPoints: number;
}

/**
 * Checks increasing differences of the effort game numerically (Topkis;
 * supermodular games need it) on a grid of own amounts and the others'
 * total. spec/000 §5 finds strategic substitutes for C3D and pooling, so
 * the engine checks rather than assumes.
 */
export function checkIncreasingDifferences(game: EffortGame, steps = 40): IncreasingDifferencesReport {
  const Nmax = (game.m - 1) * game.nMax;
  const nStep = Math.max(1, Math.floor(game.nMax / steps));
  const NStep = Math.max(1, Math.floor(Nmax / steps));
  let worst = 0;
  let at: IncreasingDifferencesReport['at'] = null;
  let points = 0;
  for (let n = 0; n < game.nMax; n += nStep) {
    for (let N = 0; N + NStep <= Nmax; N += NStep) {
      // With penalties p: increasing differences of u = −p ⇔ p(n+1,N') − p(n,N') ≤ p(n+1,N) − p(n,N).
      const dLow = game.penalty(n + 1, N) - game.penalty(n, N);
      const dHigh = game.penalty(n + 1, N + NStep) - game.penalty(n, N + NStep);
      points++;
      if (!Number.isFinite(dLow) || !Number.isFinite(dHigh)) continue;
      const violation = dHigh - dLow;
      if (violation > worst + 1e-15) {
        worst = violation;
        at = { n, othersTotal: N, othersTotalNext: N + NStep };
      }
    }
  }
  return { holds: worst <= 1e-12, worstViolation: worst, at, gridPoints: points };
}

export interface TarskiResult {
  readonly increasingDifferences: IncreasingDifferencesReport;
  /** Only run when increasing differences hold. */
  readonly fromTop: DynamicsResult | null;
  readonly fromBottom: DynamicsResult | null;
  /** Least and greatest equilibrium amounts per agent, when both runs converged. */
  readonly bracket: { readonly least: readonly number[]; readonly greatest: readonly number[]; readonly unique: boolean } | null;
}

/**
 * Tarski iteration (Topkis 1979; Vives 1990): in a supermodular game,
 * simultaneous greatest best responses from the top profile decrease to the
 * greatest equilibrium, and least best responses from the bottom increase
 * to the least one; together they bracket every equilibrium.
 */
export function tarski(game: EffortGame, maxIterations = 500): TarskiResult {
  const id = checkIncreasingDifferences(game);
  if (!id.holds) return { increasingDifferences: id, fromTop: null, fromBottom: null, bracket: null };
  const fromTop = iterateBestResponse(game, { start: 'top', rule: 'simultaneous', tieBreak: 'greatest', maxIterations });
  const fromBottom = iterateBestResponse(game, { start: 'bottom', rule: 'simultaneous', tieBreak: 'least', maxIterations });
  const bracket =
    fromTop.converged && fromBottom.converged
      ? {
          least: fromBottom.final.n,
          greatest: fromTop.final.n,
          unique: fromTop.final.n.every((x, i) => x === fromBottom.final.n[i]),
        }
      : null;
  return { increasingDifferences: id, fromTop, fromBottom, bracket };
}
