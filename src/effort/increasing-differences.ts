/**
 * Numerical check of increasing differences (supermodularity) of the effort game (seed 004, Thm 3(i),
 * (B.39); spec/004 §3.4 "Supermodularity is testable"): for e_i < e_i′ and e_{−i} ≤ e_{−i}′,
 *
 *   π_i(e_i′, e_{−i}′) − π_i(e_i, e_{−i}′) ≥ π_i(e_i′, e_{−i}) − π_i(e_i, e_{−i}).
 *
 * Grid: own levels e_i on [0, ē]; for each other agent j (one coordinate at a time), e_j on a grid of
 * [0, ē] with the remaining agents at a base level b·ē. The cost cancels from both sides, so the
 * differences are taken on the benefit (no roundoff from c). A violation is the amount by which the
 * left side falls short of the right side.
 *
 * Tolerance: the complementarity is O(σ²) and weak (spec/004 §8 pitfalls): for spec/004 W7 at r = 0.5
 * the cross difference over the grid steps used here is ~1e-7, and exactly 0 at r = 0. The estimates
 * are exactly monotone in e_j (fixed rule points, ./rule.ts), so the only noise is roundoff,
 * ~1e-16·|π| ≈ 1e-17. The default tol = 1e-12 sits far below the signal and far above the noise.
 * Free sharing (Prop C.1) has decreasing differences of order 1e-4 and fails by a wide margin.
 */
import type { EffortGame } from './game.js';

export interface IncreasingDifferencesOptions {
  /** Own-effort grid points on [0, ē] (default 5). */
  readonly ownLevels?: number;
  /** Grid points for the varied other coordinate (default 3). */
  readonly otherLevels?: number;
  /** Levels (fractions of ē) at which the remaining agents sit (default [0, 1]). */
  readonly baseLevels?: readonly number[];
  /** Violations up to tol are accepted (default 1e-12). */
  readonly tol?: number;
  /** Others varied per agent: 'all', or the k most correlated (by |σ_ij|) (default 'all' for n ≤ 6, else 2). */
  readonly others?: 'all' | number;
}

export interface IncreasingDifferencesReport {
  readonly pass: boolean;
  /** Largest violation (≥ 0; 0 when none). */
  readonly worstViolation: number;
  /** Where the largest violation (or, with none, the smallest margin) was found. */
  readonly at: {
    readonly agent: number;
    readonly other: number;
    readonly own: readonly [number, number];
    readonly otherEffort: readonly [number, number];
    readonly base: number;
  } | null;
  /** Smallest margin left side − right side over all checks (negative iff some violation). */
  readonly minMargin: number;
  readonly checks: number;
  readonly tol: number;
}

const grid = (k: number, top: number) => Array.from({ length: k }, (_, t) => (k === 1 ? 0 : (top * t) / (k - 1)));

/** Checks increasing differences of every agent's payoff in (e_i, e_j) on a grid. */
export function checkIncreasingDifferences(game: EffortGame, opts: IncreasingDifferencesOptions = {}): IncreasingDifferencesReport {
  const { n, upper } = game;
  const tol = opts.tol ?? 1e-12;
  const own = grid(opts.ownLevels ?? 5, upper);
  const oth = grid(opts.otherLevels ?? 3, upper);
  const bases = opts.baseLevels ?? [0, 1];
  const othersMode = opts.others ?? (n <= 6 ? 'all' : 2);
  let minMargin = Infinity;
  let at: IncreasingDifferencesReport['at'] = null;
  let checks = 0;
  for (let i = 0; i < n; i++) {
    let others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
    if (othersMode !== 'all') {
      others = others.sort((a, b) => Math.abs(game.correlation[i][b]) - Math.abs(game.correlation[i][a]) || a - b).slice(0, othersMode);
    }
    for (const j of others) {
      for (const b of bases) {
        // benefit differences B(e_i′) − B(e_i) at each level of e_j
        const diffs = oth.map((ej) => {
          const e = new Array<number>(n).fill(b * upper);
          e[j] = ej;
          const p = game.payoffOf(i, e);
          const B = own.map((x) => p.benefit(x));
          return B.slice(1).map((x, t) => x - B[t]);
        });
        for (let s = 0; s + 1 < oth.length; s++) {
          for (let t = 0; t + 1 < own.length; t++) {
            checks++;
            const margin = diffs[s + 1][t] - diffs[s][t]; // seed 004 (B.39): ≥ 0 under increasing differences
            if (margin < minMargin) {
              minMargin = margin;
              at = { agent: i, other: j, own: [own[t], own[t + 1]], otherEffort: [oth[s], oth[s + 1]], base: b };
            }
          }
        }
      }
    }
  }
  const worstViolation = Math.max(0, -minMargin);
  return { pass: worstViolation <= tol, worstViolation, at, minMargin: checks ? minMargin : 0, checks, tol };
}
