/**
 * Lattice-bracketing (Tarski) dynamics of the seed-004 effort game (seed 004, proof of Thm 3(ii)–(iii);
 * spec/004 §3.4). The game is supermodular, so BR̄ is order-preserving on the complete lattice
 * [0, ē]^n and
 *   - from the top (ē, …, ē) with greatest best responses the iterates decrease to the HIGHEST equilibrium;
 *   - from 0 with least best responses they increase to the LOWEST one;
 * every equilibrium lies between the two (Topkis 1979; Vives 1990; Tarski 1955).
 *
 * update 'jacobi': all agents respond to the previous profile (seed 004: e_{t+1} = BR̄(e_t));
 * update 'gauss-seidel': agents respond in index order to the latest profile (spec/004 §3.4: "round-robin
 * Gauss–Seidel also works"). A trace lists the profile after every sweep, starting with the start profile;
 * the run stops when a sweep moves no coordinate by more than `tol` (the last entry is then the returned
 * fixed point) or after maxIterations sweeps (converged: false).
 */
import { type BestResponseOptions, type Selection, bestResponse, maximiseEffortPayoff } from './best-response.js';
import type { EffortGame } from './game.js';

export type UpdateRule = 'jacobi' | 'gauss-seidel';

export interface IterateOptions {
  readonly update?: UpdateRule;
  /** Stop when ‖e_{t+1} − e_t‖∞ ≤ tol (default 1e-12). */
  readonly tol?: number;
  /** Sweep cap (default 200). */
  readonly maxIterations?: number;
  /** Passed to every best response (select is set by the direction). */
  readonly bestResponse?: Omit<BestResponseOptions, 'select'>;
}

export interface IterationRun {
  readonly start: 'top' | 'bottom';
  readonly select: Selection;
  readonly update: UpdateRule;
  readonly converged: boolean;
  /** Sweeps performed. */
  readonly iterations: number;
  /** The last profile (the fixed point when converged). */
  readonly final: readonly number[];
  /** Profiles after each sweep, from the start profile to `final`. */
  readonly trace: readonly (readonly number[])[];
  /** Each coordinate of the trace is non-increasing (top) / non-decreasing (bottom), to 1e-12. */
  readonly monotone: boolean;
}

const MONOTONE_SLACK = 1e-12;

/** Best-response iteration from the top (greatest BRs) or bottom (least BRs) of the box. */
export function iterateFrom(game: EffortGame, start: 'top' | 'bottom', opts: IterateOptions = {}): IterationRun {
  const update = opts.update ?? 'jacobi';
  const tol = opts.tol ?? 1e-12;
  const maxIterations = opts.maxIterations ?? 200;
  const select: Selection = start === 'top' ? 'greatest' : 'least';
  const brOpts: BestResponseOptions = { ...opts.bestResponse, select };
  const lo = opts.bestResponse?.lower ?? 0;
  const hi = opts.bestResponse?.upper ?? game.upper;
  let e = new Array<number>(game.n).fill(start === 'top' ? hi : lo);
  const trace: number[][] = [[...e]];
  let converged = false;
  let it = 0;
  while (it < maxIterations) {
    it++;
    const next = [...e];
    if (update === 'jacobi') {
      // all agents respond to the previous profile e (seed 004, proof of Thm 3(iii): e_{t+1} = BR̄(e_t))
      const payoffs = game.payoffsOf(e);
      for (let i = 0; i < game.n; i++) next[i] = maximiseEffortPayoff(payoffs[i], lo, hi, game.costs[i].kinks, brOpts).e;
    } else {
      // gauss-seidel: agent i responds to the profile updated in place by agents 0..i−1
      for (let i = 0; i < game.n; i++) next[i] = bestResponse(game, i, next, brOpts).e;
    }
    let delta = 0;
    for (let i = 0; i < game.n; i++) delta = Math.max(delta, Math.abs(next[i] - e[i]));
    e = next;
    trace.push([...e]);
    if (delta <= tol) {
      converged = true;
      break;
    }
  }
  const sign = start === 'top' ? -1 : 1;
  let monotone = true;
  for (let t = 1; t < trace.length; t++) {
    for (let i = 0; i < game.n; i++) if (sign * (trace[t][i] - trace[t - 1][i]) < -MONOTONE_SLACK) monotone = false;
  }
  return { start, select, update, converged, iterations: it, final: e, trace, monotone };
}

export interface BracketOptions extends IterateOptions {
  /** Which runs to make (default 'both'). */
  readonly from?: 'top' | 'bottom' | 'both';
}

export interface EquilibriumBracket {
  /** Highest equilibrium (top run's fixed point), null if not run. */
  readonly highest: readonly number[] | null;
  /** Lowest equilibrium (bottom run's fixed point), null if not run. */
  readonly lowest: readonly number[] | null;
  /** Both runs made and every coordinate agrees to 1e-9: the equilibrium is unique. Null if one run is missing. */
  readonly unique: boolean | null;
  readonly converged: { readonly top: boolean | null; readonly bottom: boolean | null };
  readonly traces: { readonly top: readonly (readonly number[])[] | null; readonly bottom: readonly (readonly number[])[] | null };
  readonly iterations: { readonly top: number | null; readonly bottom: number | null };
  readonly monotone: { readonly top: boolean | null; readonly bottom: boolean | null };
  readonly update: UpdateRule;
}

const UNIQUE_TOL = 1e-9;

/** Runs the top and/or bottom iterations and brackets the equilibrium set (seed 004, Thm 3(ii)). */
export function bracketEquilibria(game: EffortGame, opts: BracketOptions = {}): EquilibriumBracket {
  const from = opts.from ?? 'both';
  const top = from !== 'bottom' ? iterateFrom(game, 'top', opts) : null;
  const bottom = from !== 'top' ? iterateFrom(game, 'bottom', opts) : null;
  const unique = top && bottom ? top.final.every((x, i) => Math.abs(x - bottom.final[i]) <= UNIQUE_TOL) : null;
  return {
    highest: top?.final ?? null,
    lowest: bottom?.final ?? null,
    unique,
    converged: { top: top?.converged ?? null, bottom: bottom?.converged ?? null },
    traces: { top: top?.trace ?? null, bottom: bottom?.trace ?? null },
    iterations: { top: top?.iterations ?? null, bottom: bottom?.iterations ?? null },
    monotone: { top: top?.monotone ?? null, bottom: bottom?.monotone ?? null },
    update: opts.update ?? 'jacobi',
  };
}
