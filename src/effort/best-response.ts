/**
 * Best responses of the seed-004 effort game (spec/004 §3.4): the greatest (footnote 14 of seed 004)
 * or least maximiser of e_i ↦ π_i(e_i, e_{−i}) on [lo, hi] (default the box [0, √Q − 2], (B.31)).
 *
 * Method (spec/004 §3.4 "grid search … followed by local refinement"):
 *   1. a grid of `gridIntervals` equal steps on [lo, hi], with the cost's kinks inserted as grid points;
 *   2. candidates: lo, hi, every kink, and every local maximum inside a grid interval — with a
 *      derivative, the root of ∂π_i/∂e_i (Brent, to machine precision) in each interval where it goes
 *      from + to − (for a smooth convex cost this is the FOC M_i/(Q−e)² = c_i′(e), spec/004 §3.4);
 *      without one, golden-section search around each grid local maximum;
 *   3. the maximiser is the greatest (least) candidate whose payoff is within `tieTol` of the best.
 * Kinks are candidates, so a payoff that is convex between kinks (spec/004 W8) is maximised exactly
 * at a kink or an endpoint, and ties go to the greatest (least) one as asked.
 */
import { brent } from '../theory/roots.js';
import { goldenSection } from '../theory/golden.js';
import type { AgentPayoff, EffortGame } from './game.js';

export type Selection = 'greatest' | 'least';

export interface BestResponseOptions {
  /** Tie-break among maximisers (default 'greatest', seed 004 footnote 14). */
  readonly select?: Selection;
  /** Search interval (default [0, game.upper]). */
  readonly lower?: number;
  readonly upper?: number;
  /** Grid steps (default 256). */
  readonly gridIntervals?: number;
  /** Payoffs within tieTol of the maximum count as maximisers (default 1e-12; payoffs are O(0.1)). */
  readonly tieTol?: number;
}

export interface BestResponse {
  /** The selected maximiser. */
  readonly e: number;
  /** π_i at the maximiser. */
  readonly value: number;
  /** All maximisers found (within tieTol), increasing. */
  readonly maximisers: readonly number[];
}

const KINK_NUDGE = 1e-9;

/** Greatest/least maximiser of `payoff` on [lo, hi]; `kinks` are the cost's non-smooth points. */
export function maximiseEffortPayoff(
  payoff: Pick<AgentPayoff, 'value' | 'derivative'>,
  lo: number,
  hi: number,
  kinks: readonly number[] = [],
  opts: Omit<BestResponseOptions, 'lower' | 'upper'> = {},
): BestResponse {
  if (!(hi >= lo)) throw new RangeError(`maximiseEffortPayoff: need lo <= hi (got [${lo}, ${hi}])`);
  const select = opts.select ?? 'greatest';
  const tieTol = opts.tieTol ?? 1e-12;
  const G = opts.gridIntervals ?? 256;
  const f = (x: number) => payoff.value(x);
  if (hi === lo) return { e: lo, value: f(lo), maximisers: [lo] };
  const inner = kinks.filter((k) => k > lo && k < hi);
  const kinkSet = new Set(inner);
  const grid = [...new Set([...Array.from({ length: G + 1 }, (_, k) => (k === G ? hi : lo + ((hi - lo) * k) / G)), ...inner])].sort((a, b) => a - b);
  const candidates: number[] = [lo, hi, ...inner];
  const df = payoff.derivative;
  if (df) {
    // One-sided derivative at a grid point next to a kink: evaluate just inside the interval.
    for (let k = 0; k + 1 < grid.length; k++) {
      const a = grid[k];
      const b = grid[k + 1];
      const xa = kinkSet.has(a) ? a + KINK_NUDGE * (b - a) : a;
      const xb = kinkSet.has(b) ? b - KINK_NUDGE * (b - a) : b;
      const da = df(xa);
      const db = df(xb);
      if ((da > 0 && db <= 0) || (da >= 0 && db < 0)) candidates.push(brent(df, xa, xb)); // FOC root, spec/004 §3.4
    }
  } else {
    const fv = grid.map(f);
    for (let k = 1; k + 1 < grid.length; k++) {
      if (fv[k] >= fv[k - 1] && fv[k] >= fv[k + 1]) {
        // golden section (seed-000 golden.ts minimises): refine −π on the two neighbouring steps
        const r = goldenSection((x) => -f(x), grid[k - 1], grid[k + 1], { xtol: 1e-13 });
        candidates.push(r.x, grid[k]);
      }
    }
  }
  const values = candidates.map(f);
  let best = -Infinity;
  for (const v of values) if (v > best) best = v;
  const maximisers = [...new Set(candidates.filter((_, k) => values[k] >= best - tieTol))].sort((a, b) => a - b);
  const e = select === 'greatest' ? maximisers[maximisers.length - 1] : maximisers[0];
  return { e, value: f(e), maximisers };
}

/** BR̄_i(e_{−i}) (or the least BR) on the box, seed 004 proof of Thm 3(ii); e_i in `e` is ignored. */
export function bestResponse(game: EffortGame, i: number, e: ArrayLike<number>, opts: BestResponseOptions = {}): BestResponse {
  const payoff = game.payoffOf(i, e);
  return maximiseEffortPayoff(payoff, opts.lower ?? 0, opts.upper ?? game.upper, game.costs[i].kinks, opts);
}
